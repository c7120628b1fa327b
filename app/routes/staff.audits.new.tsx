import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxGroup } from "~/components/checkbox-group";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { AuditPlanSchema } from "~/domain/audits/schema";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import type { MessageKey } from "~/i18n";
import { getTranslator } from "~/i18n/language.server";
import { useI18n } from "~/i18n/i18n-context";
import { listAuditableProcesses, listAuditorCandidates, planAudit, PLANNER_ROLES } from "~/models/audits.server";
import { listChecklistTemplates } from "~/models/checklists.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLANNER_ROLES);
  const db = getDb();
  const t = await getTranslator(request);
  const today = businessDateOf(new Date());
  const [candidates, processes, templates] = await Promise.all([
    listAuditorCandidates(db, user.unitId),
    listAuditableProcesses(db, user.unitId),
    listChecklistTemplates(db, user.unitId, { activeOnly: true }),
  ]);
  return {
    candidates,
    processes,
    templates,
    defaults: {
      title: t("audits.plan.default.title", { year: today.slice(0, 4) }),
      objectives: t("audits.plan.default.objectives"),
      criteria: t("audits.plan.default.criteria"),
      location: t("audits.plan.default.location"),
      isoClauses: "7.5, 8.2.1, 8.5.1, 9.1.2, 10.2",
      startDate: today,
      endDate: today,
      sampleFrom: `${today.slice(0, 4)}-01-01`,
      sampleTo: today,
      sampleSize: "10",
      leadUserId: candidates.some((c) => c.id === user.id) ? String(user.id) : "",
      processes: [] as string[],
      fields: [] as string[],
      memberUserIds: [] as string[],
      templateIds: [] as string[],
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, PLANNER_ROLES);
  const submission = parseWithZod(await request.formData(), { schema: AuditPlanSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await planAudit(getDb(), { userId: user.id, name: user.displayName, roles: user.roles }, user.unitId, submission.value);
  if (result.ok) return redirect(`/staff/audits/${result.code}`);
  // Field errors are catalogue keys; messages naming a person and an area are translated here.
  const t = await getTranslator(request);
  const fieldErrors: Record<string, string[]> = {};
  const formErrors = [t("audits.error.planRefused")];
  for (const e of result.errors) {
    const key = e.params ? "audits.error.ownAreaShort" : e.key;
    const list = (fieldErrors[e.field] ??= []);
    if (!list.includes(key)) list.push(key);
    if (e.params) formErrors.push(t(e.key, e.params));
  }
  return data(submission.reply({ fieldErrors, formErrors }), { status: 409 });
}

export default function PlanAudit() {
  const { candidates, processes, templates, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(AuditPlanSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AuditPlanSchema }),
  });
  const areaText = (areas: { fields: readonly string[]; processes: readonly string[] }) => {
    const all = [...areas.fields.map((f) => t(`procedureField.${f}` as MessageKey)), ...areas.processes];
    return all.length > 0 ? ` — ${t("audits.plan.ownWork", { areas: all.join(", ") })}` : "";
  };
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("audits.plan.title")}</h1>
      <p>{t("audits.plan.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("audits.field.title")} htmlFor={fields.title.id} errorId={fields.title.errorId} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} />
        </Field>
        <Field label={t("audits.field.objectives")} htmlFor={fields.objectives.id} errorId={fields.objectives.errorId} errors={fields.objectives.errors}>
          <textarea {...getTextareaProps(fields.objectives)} rows={3} />
        </Field>
        <CheckboxGroup
          field={fields.processes}
          legend={t("audits.field.processes")}
          options={processes.map((p) => ({ value: p.code, label: `${p.code} – ${p.title}` }))}
        />
        <CheckboxGroup
          field={fields.fields}
          legend={t("audits.field.fields")}
          hint={t("audits.field.fieldsHint")}
          options={PROCEDURE_FIELDS.map((f) => ({ value: f, label: t(`procedureField.${f}`) }))}
        />
        <Field label={t("audits.field.isoClauses")} htmlFor={fields.isoClauses.id} hint={t("audits.field.isoClausesHint")} errorId={fields.isoClauses.errorId} errors={fields.isoClauses.errors}>
          <input {...getInputProps(fields.isoClauses, { type: "text" })} />
        </Field>
        <Field label={t("audits.field.criteria")} htmlFor={fields.criteria.id} errorId={fields.criteria.errorId} errors={fields.criteria.errors}>
          <textarea {...getTextareaProps(fields.criteria)} rows={3} />
        </Field>
        <Field label={t("audits.field.location")} htmlFor={fields.location.id} errorId={fields.location.errorId} errors={fields.location.errors}>
          <input {...getInputProps(fields.location, { type: "text" })} />
        </Field>
        <div className="field-row">
          <Field label={t("audits.field.startDate")} htmlFor={fields.startDate.id} errorId={fields.startDate.errorId} errors={fields.startDate.errors}>
            <input {...getInputProps(fields.startDate, { type: "date" })} />
          </Field>
          <Field label={t("audits.field.endDate")} htmlFor={fields.endDate.id} errorId={fields.endDate.errorId} errors={fields.endDate.errors}>
            <input {...getInputProps(fields.endDate, { type: "date" })} />
          </Field>
        </div>
        <fieldset className="field">
          <legend>{t("audits.field.sample")}</legend>
          <p className="field-hint">{t("audits.field.sampleHint")}</p>
          <div className="field-row">
            <Field label={t("audits.field.sampleFrom")} htmlFor={fields.sampleFrom.id} errorId={fields.sampleFrom.errorId} errors={fields.sampleFrom.errors}>
              <input {...getInputProps(fields.sampleFrom, { type: "date" })} />
            </Field>
            <Field label={t("audits.field.sampleTo")} htmlFor={fields.sampleTo.id} errorId={fields.sampleTo.errorId} errors={fields.sampleTo.errors}>
              <input {...getInputProps(fields.sampleTo, { type: "date" })} />
            </Field>
            <Field label={t("audits.field.sampleSize")} htmlFor={fields.sampleSize.id} errorId={fields.sampleSize.errorId} errors={fields.sampleSize.errors}>
              <input {...getInputProps(fields.sampleSize, { type: "number" })} />
            </Field>
          </div>
        </fieldset>
        <Field label={t("audits.field.lead")} htmlFor={fields.leadUserId.id} errorId={fields.leadUserId.errorId} errors={fields.leadUserId.errors}>
          <select {...getSelectProps(fields.leadUserId)}>
            <option value="">—</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <CheckboxGroup
          field={fields.memberUserIds}
          legend={t("audits.field.members")}
          hint={t("audits.field.membersHint")}
          options={candidates.map((c) => ({ value: String(c.id), label: `${c.name}${areaText(c.areas)}` }))}
        />
        <CheckboxGroup
          field={fields.templateIds}
          legend={t("audits.field.templates")}
          options={templates.map((tpl) => ({
            value: String(tpl.id),
            label: `${tpl.code} – ${tpl.title} (${t("audits.plan.templateFacts", { clause: tpl.isoClause, count: tpl.itemCount })})`,
          }))}
        />
        <button type="submit" className="button">
          {t("audits.plan.submit")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "audits.plan.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
