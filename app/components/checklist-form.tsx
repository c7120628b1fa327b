import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ChecklistTemplateSchema, NewChecklistTemplateSchema } from "~/domain/audits/checklist-schema";
import { useI18n } from "~/i18n/i18n-context";
import { Field, FieldErrors, FormErrors } from "./form";

export type ChecklistRowValues = {
  isoClause: string;
  question: string;
  guidance: string;
};

export type ChecklistFormValues = {
  code?: string;
  title: string;
  isoClause: string;
  process: string;
  isActive: "on" | undefined;
  items: ChecklistRowValues[];
};

/** Rows offered empty below the questions, so a few can be typed without "add a row". */
export const BLANK_ROWS_NEW = 5;
export const BLANK_ROWS_EDIT = 2;

export function blankRows(count: number): ChecklistRowValues[] {
  return Array.from({ length: count }, () => ({ isoClause: "", question: "", guidance: "" }));
}

/**
 * The checklist editor, shared by "new" and "edit". One row per question (clause, question,
 * guidance); blank rows are ignored on save. Adding, removing and moving rows are Conform intent
 * buttons, so they also work without JavaScript (the action answers with the changed list).
 */
export function ChecklistForm({
  isNew,
  lastResult,
  defaultValue,
  processes,
  submitLabel,
}: {
  isNew: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: ChecklistFormValues;
  processes: ReadonlyArray<{ code: string; title: string }>;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const schema = isNew ? NewChecklistTemplateSchema : ChecklistTemplateSchema;
  const [form, fields] = useForm({
    id: "checklist-form",
    lastResult,
    defaultValue,
    // The object inside the schema: Conform cannot read constraints through a top-level transform.
    constraint: getZodConstraint(schema.in),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const rows = fields.items.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      {/* Enter in a text field presses the first submit button: let it be "save", not a row's "remove". */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
      {isNew ? (
        <Field
          label={t("checklist.field.code")}
          htmlFor={fields.code.id}
          hint={t("checklist.field.codeHint")}
          hintId={fields.code.descriptionId}
          errorId={fields.code.errorId}
          errors={fields.code.errors}
        >
          <input {...getInputProps(fields.code, { type: "text" })} />
        </Field>
      ) : null}
      <Field label={t("checklist.field.title")} htmlFor={fields.title.id} errorId={fields.title.errorId} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} />
      </Field>
      <Field
        label={t("checklist.field.clause")}
        htmlFor={fields.isoClause.id}
        hint={t("checklist.field.clauseHint")}
        hintId={fields.isoClause.descriptionId}
        errorId={fields.isoClause.errorId}
        errors={fields.isoClause.errors}
      >
        <input {...getInputProps(fields.isoClause, { type: "text" })} />
      </Field>
      <Field label={t("checklist.field.process")} htmlFor={fields.process.id} errorId={fields.process.errorId} errors={fields.process.errors}>
        <select {...getSelectProps(fields.process)}>
          <option value="">{t("checklist.field.processNone")}</option>
          {processes.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} – {p.title}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox">
        <input {...getInputProps(fields.isActive, { type: "checkbox" })} />
        {t("checklist.field.isActive")}
      </label>

      <fieldset className={fields.items.errors?.length ? "field field--invalid" : "field"} aria-describedby={`${fields.items.id}-hint`}>
        <legend>{t("checklist.field.items")}</legend>
        <p id={`${fields.items.id}-hint`} className="field-hint">
          {t("checklist.field.itemsHint")}
        </p>
        <FieldErrors id={fields.items.errorId} errors={fields.items.errors} />
        <div className="stack">
          {rows.map((row, index) => {
            const item = row.getFieldset();
            return (
              <fieldset key={row.key} className="action-form">
                <legend>{t("checklist.field.itemNumber", { number: index + 1 })}</legend>
                <Field
                  label={t("checklist.field.itemClause")}
                  htmlFor={item.isoClause.id}
                  errorId={item.isoClause.errorId}
                  errors={item.isoClause.errors}
                >
                  <input {...getInputProps(item.isoClause, { type: "text" })} size={10} placeholder={fields.isoClause.value ?? ""} />
                </Field>
                <Field label={t("checklist.field.question")} htmlFor={item.question.id} errorId={item.question.errorId} errors={item.question.errors}>
                  <textarea {...getTextareaProps(item.question)} rows={2} />
                </Field>
                <Field label={t("checklist.field.guidance")} htmlFor={item.guidance.id} errorId={item.guidance.errorId} errors={item.guidance.errors}>
                  <textarea {...getTextareaProps(item.guidance)} rows={2} />
                </Field>
                <div className="button-row">
                  {index > 0 ? (
                    <button {...form.reorder.getButtonProps({ name: fields.items.name, from: index, to: index - 1 })} className="button button--ghost">
                      {t("checklist.moveUp")}
                    </button>
                  ) : null}
                  <button {...form.remove.getButtonProps({ name: fields.items.name, index })} className="button button--ghost">
                    {t("checklist.removeRow")}
                  </button>
                </div>
              </fieldset>
            );
          })}
        </div>
        <div className="button-row">
          <button
            {...form.insert.getButtonProps({ name: fields.items.name, defaultValue: { isoClause: "", question: "", guidance: "" } })}
            className="button button--secondary"
          >
            {t("checklist.addRow")}
          </button>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
