import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { blankRows, BLANK_ROWS_NEW, ChecklistForm } from "~/components/checklist-form";
import { ErrorPage } from "~/components/error-page";
import { NewChecklistTemplateSchema } from "~/domain/audits/checklist-schema";
import { useI18n } from "~/i18n/i18n-context";
import { createChecklistTemplate, getChecklistTemplate, nextChecklistCode } from "~/models/checklists.server";
import { listProcessDocuments } from "~/models/documents.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesTo } from "~/domain/accounts/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const db = getDb();
  return { code: await nextChecklistCode(db, user.unitId), processes: await listProcessDocuments(db, user.unitId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const db = getDb();
  const processes = new Set((await listProcessDocuments(db, user.unitId)).map((p) => p.code));
  const submission = await parseWithZod(await request.formData(), {
    schema: NewChecklistTemplateSchema.superRefine(async (value, ctx) => {
      if (value.process && !processes.has(value.process)) {
        ctx.addIssue({ code: "custom", path: ["process"], message: "checklist.error.unknownProcess" });
      }
      if (await getChecklistTemplate(db, user.unitId, value.code)) {
        ctx.addIssue({ code: "custom", path: ["code"], message: "checklist.error.codeTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createChecklistTemplate(db, { kind: "user", userId: user.id }, user.unitId, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { code: [result.error] } }), { status: 409 });
  return redirect(`/staff/checklists/${result.code}?saved=1`);
}

export default function NewChecklist() {
  const { code, processes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/checklists">← {t("checklist.back")}</Link>
      </p>
      <h1>{t("checklist.new")}</h1>
      <ChecklistForm
        isNew
        lastResult={lastResult}
        processes={processes}
        submitLabel={t("checklist.create")}
        defaultValue={{ code, title: "", isoClause: "8.5.1", process: "", isActive: "on", items: blankRows(BLANK_ROWS_NEW) }}
      />
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "checklist.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
