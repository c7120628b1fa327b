import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { CheckboxGroup } from "~/components/checkbox-group";
import { Field, FormErrors } from "~/components/form";
import type { WorkAreas } from "~/domain/audits/audit";
import { AuditPlanSchema } from "~/domain/audits/schema";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";

export interface AuditPlanFormOptions {
  candidates: ReadonlyArray<{ id: number; name: string; areas: WorkAreas }>;
  processes: ReadonlyArray<{ code: string; title: string }>;
  templates: ReadonlyArray<{ id: number; code: string; title: string; isoClause: string; itemCount: number }>;
}

/** Form values as strings, the way the form posts them. */
export interface AuditPlanFormValues {
  title: string;
  objectives: string;
  processes: string[];
  fields: string[];
  isoClauses: string;
  criteria: string;
  location: string;
  startDate: string;
  endDate: string;
  sampleFrom: string;
  sampleTo: string;
  sampleSize: string;
  leadUserId: string;
  memberUserIds: string[];
  templateIds: string[];
}

/** The plan of an internal audit, for planning one and for changing a plan (works without JavaScript). */
export function AuditPlanForm({
  options: { candidates, processes, templates },
  defaults,
  lastResult,
  submitLabel,
}: {
  options: AuditPlanFormOptions;
  defaults: AuditPlanFormValues;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(AuditPlanSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AuditPlanSchema }),
  });
  const areaText = (areas: WorkAreas) => {
    const all = [...areas.fields.map((f) => t(`procedureField.${f}` as MessageKey)), ...areas.processes];
    return all.length > 0 ? ` — ${t("audits.plan.ownWork", { areas: all.join(", ") })}` : "";
  };
  return (
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
        {submitLabel}
      </button>
    </Form>
  );
}
