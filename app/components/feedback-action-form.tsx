import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { StaffFeedbackActionSchema } from "~/domain/feedback/schema";
import { useI18n } from "~/i18n/i18n-context";
import { Field, FormErrors } from "./form";

export type FeedbackOp = "accept" | "not_accept" | "forward" | "assign" | "investigate" | "answer" | "close" | "note" | "hide" | "unhide" | "raise_nc" | "publish_text";

/** One staff step on a feedback item as its own small form, checked by the same schema as the action. */
export function FeedbackActionForm({
  op,
  lastResult,
  staff,
  showComplex,
  publicTextDraft,
}: {
  op: FeedbackOp;
  lastResult: SubmissionResult<string[]> | undefined;
  staff: { id: number; display_name: string }[];
  showComplex: boolean;
  /** For publish_text: the text published now (approved, or the redacted description). */
  publicTextDraft?: string;
}) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `fb-${op}`,
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffFeedbackActionSchema }),
  });
  const simple = op === "investigate" || op === "close" || op === "unhide" || op === "raise_nc" || (op === "accept" && !showComplex);
  return (
    <Form method="post" {...getFormProps(form)} className={simple ? "action-form action-form--simple" : "action-form"}>
      <input type="hidden" name="op" value={op} />
      {simple ? null : <h3>{t(`fb.action.${op}`)}</h3>}
      <FormErrors id={form.errorId} errors={form.errors} />
      {op === "accept" && showComplex ? (
        <label className="checkbox">
          <input {...getInputProps(fields.complex, { type: "checkbox" })} />
          {t("fb.field.complex")}
        </label>
      ) : null}
      {op === "not_accept" ? (
        <Field label={t("fb.field.reason")} htmlFor={fields.reason.id} errorId={fields.reason.errorId} errors={fields.reason.errors}>
          <textarea {...getTextareaProps(fields.reason)} rows={2} />
        </Field>
      ) : null}
      {op === "forward" ? (
        <Field label={t("fb.field.agency")} htmlFor={fields.agency.id} errorId={fields.agency.errorId} errors={fields.agency.errors}>
          <input {...getInputProps(fields.agency, { type: "text" })} />
        </Field>
      ) : null}
      {op === "assign" ? (
        <Field label={t("fb.field.assignee")} htmlFor={fields.assigneeUserId.id} errorId={fields.assigneeUserId.errorId} errors={fields.assigneeUserId.errors}>
          <select {...getSelectProps(fields.assigneeUserId)}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.display_name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {op === "answer" ? (
        <Field label={t("fb.field.answer")} htmlFor={fields.answer.id} errorId={fields.answer.errorId} errors={fields.answer.errors}>
          <textarea {...getTextareaProps(fields.answer)} rows={4} />
        </Field>
      ) : null}
      {op === "answer" && showComplex ? (
        <label className="checkbox">
          <input {...getInputProps(fields.upheld, { type: "checkbox" })} />
          {t("fb.field.upheld")}
        </label>
      ) : null}
      {op === "publish_text" ? (
        <Field
          label={t("fb.field.publicText")}
          hint={t("fb.field.publicTextHint")}
          hintId={fields.publicText.descriptionId}
          htmlFor={fields.publicText.id}
          errorId={fields.publicText.errorId}
          errors={fields.publicText.errors}
        >
          <textarea {...getTextareaProps(fields.publicText)} defaultValue={publicTextDraft} rows={4} />
        </Field>
      ) : null}
      {op === "note" ? (
        <Field label={t("fb.field.note")} htmlFor={fields.note.id} errorId={fields.note.errorId} errors={fields.note.errors}>
          <textarea {...getTextareaProps(fields.note)} rows={2} />
        </Field>
      ) : null}
      {op === "hide" ? (
        <>
          <Field label={t("fb.field.hideReason")} htmlFor={fields.reason.id} errorId={fields.reason.errorId} errors={fields.reason.errors}>
            <select {...getSelectProps(fields.reason)}>
              <option value="spam">{t("inbox.hidden.spam")}</option>
              <option value="duplicate">{t("inbox.hidden.duplicate")}</option>
            </select>
          </Field>
          <Field label={t("fb.field.duplicateOf")} htmlFor={fields.duplicateOf.id} errorId={fields.duplicateOf.errorId} errors={fields.duplicateOf.errors}>
            <input {...getInputProps(fields.duplicateOf, { type: "text" })} />
          </Field>
        </>
      ) : null}
      <button type="submit" className={op === "not_accept" || op === "hide" ? "button button--secondary" : "button"}>
        {op === "raise_nc" ? t("nc.raiseFromFeedback") : t(`fb.action.${op}`)}
      </button>
    </Form>
  );
}
