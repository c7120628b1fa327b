import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ProcedureForm } from "~/components/procedure-form";
import { ProcedureCodeSchema, ProcedureFormSchema } from "~/domain/procedures/schema";
import { useI18n } from "~/i18n/i18n-context";
import { getProcedureByCode, isProcedureCodeTaken, updateProcedure } from "~/models/procedures.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesTo } from "~/domain/accounts/permissions";

async function loadProcedure(request: Request, codeParam: string | undefined) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const code = ProcedureCodeSchema.safeParse(codeParam);
  const procedure = code.success ? await getProcedureByCode(getDb(), user.unitId, code.data) : null;
  if (!procedure) throw new Response("Not found", { status: 404 });
  return { user, procedure };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procedure } = await loadProcedure(request, params.code);
  return { procedure };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, procedure } = await loadProcedure(request, params.code);
  const db = getDb();
  const submission = await parseWithZod(await request.formData(), {
    schema: ProcedureFormSchema.superRefine(async (value, ctx) => {
      if (await isProcedureCodeTaken(db, user.unitId, value.code, procedure.id)) {
        ctx.addIssue({ code: "custom", path: ["code"], message: "error.procedureCodeTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { feeVnd, processingNote, feeNote, ...rest } = submission.value;
  await updateProcedure(db, { kind: "user", userId: user.id }, procedure.id, {
    ...rest,
    feeVnd: feeVnd ?? null,
    processingNote: processingNote ?? null,
    feeNote: feeNote ?? null,
  });
  return redirect(`/staff/procedures/${submission.value.code}?saved=1`);
}

export default function EditProcedure() {
  const { procedure: p } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/procedures">← {t("procedures.staffTitle")}</Link>
      </p>
      <h1>{p.name}</h1>
      {searchParams.has("saved") ? (
        <p className="notice" role="status">
          {t("users.saved")}
        </p>
      ) : null}
      <ProcedureForm
        key={p.updatedAt}
        lastResult={lastResult}
        submitLabel={t("users.save")}
        defaultValue={{
          code: p.code,
          name: p.name,
          field: p.field,
          processingDays: String(p.processingDays),
          processingNote: p.processingNote ?? "",
          feeVnd: p.feeVnd === null ? "" : String(p.feeVnd),
          feeNote: p.feeNote ?? "",
          onlineService: p.onlineService,
          requiredDocuments: p.requiredDocuments.join("\n"),
          result: p.result,
          legalBasis: p.legalBasis.join("\n"),
          isActive: p.isActive ? "on" : undefined,
        }}
      />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: data.procedure.name }] : pageMeta(matches, "procedures.staffTitle");

export function ErrorBoundary() {
  return <ErrorPage />;
}
