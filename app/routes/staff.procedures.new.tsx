import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ProcedureForm } from "~/components/procedure-form";
import { ProcedureFormSchema } from "~/domain/procedures/schema";
import { useI18n } from "~/i18n/i18n-context";
import { createProcedure, isProcedureCodeTaken } from "~/models/procedures.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesTo } from "~/domain/accounts/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, rolesTo("keepQualitySystem"));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const db = getDb();
  const submission = await parseWithZod(await request.formData(), {
    schema: ProcedureFormSchema.superRefine(async (value, ctx) => {
      if (await isProcedureCodeTaken(db, user.unitId, value.code)) {
        ctx.addIssue({ code: "custom", path: ["code"], message: "error.procedureCodeTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { feeVnd, processingNote, feeNote, ...rest } = submission.value;
  await createProcedure(db, { kind: "user", userId: user.id }, user.unitId, {
    ...rest,
    feeVnd: feeVnd ?? null,
    processingNote: processingNote ?? null,
    feeNote: feeNote ?? null,
  });
  return redirect(`/staff/procedures/${submission.value.code}?saved=1`);
}

export default function NewProcedure() {
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/procedures">← {t("procedures.staffTitle")}</Link>
      </p>
      <h1>{t("procedures.new")}</h1>
      <ProcedureForm lastResult={lastResult} submitLabel={t("procedures.create")} />
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "procedures.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
