import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ONLINE_SERVICE_LEVELS, PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { ProcedureFormSchema } from "~/domain/procedures/schema";
import { useI18n } from "~/i18n/i18n-context";
import { Field, FormErrors } from "./form";
import { fieldLabel, onlineServiceLabel } from "./procedure-facts";

export interface ProcedureFormValues {
  code: string;
  name: string;
  field: string;
  processingDays: string;
  processingNote: string;
  feeVnd: string;
  feeNote: string;
  onlineService: string;
  requiredDocuments: string;
  result: string;
  legalBasis: string;
  isActive: "on" | undefined;
}

/** The catalogue editor's form, shared by "new" and "edit"; one zod schema checks it here and in the action. */
export function ProcedureForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: ProcedureFormValues;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(ProcedureFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProcedureFormSchema }),
  });
  const field = (name: keyof typeof fields, label: string, control: React.ReactNode, hint?: string) => (
    <Field
      label={label}
      htmlFor={fields[name].id}
      hint={hint}
      hintId={fields[name].descriptionId}
      errorId={fields[name].errorId}
      errors={fields[name].errors}
    >
      {control}
    </Field>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      {field("code", t("procedures.col.code"), <input {...getInputProps(fields.code, { type: "text" })} />, t("procedures.codeHint"))}
      {field("name", t("procedures.col.name"), <input {...getInputProps(fields.name, { type: "text" })} />)}
      {field(
        "field",
        t("procedures.col.field"),
        <select {...getSelectProps(fields.field)}>
          {PROCEDURE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(t, f)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "processingDays",
        t("procedures.processingDays"),
        <input {...getInputProps(fields.processingDays, { type: "number" })} />,
        t("procedures.processingDaysHint"),
      )}
      {field("processingNote", t("procedures.processingNote"), <input {...getInputProps(fields.processingNote, { type: "text" })} />)}
      {field("feeVnd", t("procedures.feeField"), <input {...getInputProps(fields.feeVnd, { type: "number" })} />, t("procedures.feeHint"))}
      {field("feeNote", t("procedures.feeNote"), <input {...getInputProps(fields.feeNote, { type: "text" })} />)}
      {field(
        "onlineService",
        t("procedures.col.online"),
        <select {...getSelectProps(fields.onlineService)}>
          {ONLINE_SERVICE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {onlineServiceLabel(t, l)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "requiredDocuments",
        t("procedures.documents"),
        <textarea {...getTextareaProps(fields.requiredDocuments)} rows={6} />,
        t("procedures.onePerLine"),
      )}
      {field("result", t("procedures.result"), <input {...getInputProps(fields.result, { type: "text" })} />)}
      {field(
        "legalBasis",
        t("procedures.legalBasis"),
        <textarea {...getTextareaProps(fields.legalBasis)} rows={4} />,
        t("procedures.onePerLine"),
      )}
      <label className="checkbox">
        <input {...getInputProps(fields.isActive, { type: "checkbox" })} />
        {t("procedures.isActive")}
      </label>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
