import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { blankRows, BLANK_ROWS_EDIT, ChecklistForm } from "~/components/checklist-form";
import { ErrorPage } from "~/components/error-page";
import { CHECKLIST_CODE_PATTERN } from "~/domain/audits/checklist";
import { ChecklistTemplateSchema } from "~/domain/audits/checklist-schema";
import { useI18n } from "~/i18n/i18n-context";
import { getChecklistTemplate, updateChecklistTemplate } from "~/models/checklists.server";
import { listProcessDocuments } from "~/models/documents.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { scrollRegion } from "~/components/scroll-region";

async function loadTemplate(unitId: number, code: string | undefined) {
  const template = code && CHECKLIST_CODE_PATTERN.test(code) ? await getChecklistTemplate(getDb(), unitId, code) : null;
  if (!template) throw new Response("Not found", { status: 404 });
  return template;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/checklists"));
  const template = await loadTemplate(user.unitId, params.code);
  return { template, canEdit: may(user.roles, "keepQualitySystem"), processes: await listProcessDocuments(getDb(), user.unitId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const template = await loadTemplate(user.unitId, params.code);
  const db = getDb();
  // A process no longer in the register may stay on a template that already names it.
  const processes = new Set([...(await listProcessDocuments(db, user.unitId)).map((p) => p.code), template.process]);
  const submission = parseWithZod(await request.formData(), {
    schema: ChecklistTemplateSchema.superRefine((value, ctx) => {
      if (value.process && !processes.has(value.process)) {
        ctx.addIssue({ code: "custom", path: ["process"], message: "checklist.error.unknownProcess" });
      }
    }),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateChecklistTemplate(db, { kind: "user", userId: user.id }, user.unitId, template.code, submission.value);
  if (!result.ok) return data(submission.reply({ formErrors: [result.error] }), { status: 409 });
  return redirect(`/staff/checklists/${template.code}?saved=1`);
}

export default function ChecklistPage() {
  const { template, canEdit, processes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, formatDateTime } = useI18n();
  const processTitle = processes.find((p) => p.code === template.process)?.title;
  const processOptions =
    template.process && !processTitle ? [...processes, { code: template.process, title: template.process }] : processes;
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/checklists">← {t("checklist.back")}</Link>
      </p>
      <h1>
        {template.code}: {template.title}
      </h1>
      {searchParams.has("saved") ? (
        <p className="notice" role="status">
          {t("checklist.saved")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("checklist.col.clause")}</dt>
        <dd>{template.isoClause}</dd>
        <dt>{t("checklist.col.process")}</dt>
        <dd>{template.process ? `${template.process}${processTitle ? ` – ${processTitle}` : ""}` : t("checklist.noProcess")}</dd>
        <dt>{t("checklist.col.status")}</dt>
        <dd>
          {template.isActive ? (
            <span className="badge badge--ok">{t("checklist.status.active")}</span>
          ) : (
            <span className="badge badge--muted">{t("checklist.status.inactive")}</span>
          )}
        </dd>
      </dl>
      <p className="field-hint">{t("checklist.updatedAt", { date: formatDateTime(template.updatedAt) })}</p>
      <div className="table-scroll" {...scrollRegion({ label: `${template.code}: ${template.title}` })}>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("checklist.col.clause")}</th>
              <th scope="col">{t("checklist.col.question")}</th>
              <th scope="col">{t("checklist.col.guidance")}</th>
            </tr>
          </thead>
          <tbody>
            {template.items.map((item) => (
              <tr key={item.id}>
                <td>{item.position}</td>
                <td className="nowrap">{item.isoClause}</td>
                <td className="preserve-lines">{item.question}</td>
                <td className="preserve-lines">{item.guidance ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <section aria-labelledby="checklist-edit" className="section">
          <h2 id="checklist-edit">{t("checklist.editTitle")}</h2>
          <ChecklistForm
            key={template.updatedAt}
            isNew={false}
            lastResult={lastResult}
            processes={processOptions}
            submitLabel={t("checklist.save")}
            defaultValue={{
              title: template.title,
              isoClause: template.isoClause,
              process: template.process ?? "",
              isActive: template.isActive ? "on" : undefined,
              items: [
                ...template.items.map((i) => ({ isoClause: i.isoClause, question: i.question, guidance: i.guidance ?? "" })),
                ...blankRows(BLANK_ROWS_EDIT),
              ],
            }}
          />
        </section>
      ) : (
        <p className="notice">{t("checklist.readOnly")}</p>
      )}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.template.code} – ${data.template.title}` }] : pageMeta(matches, "checklist.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
