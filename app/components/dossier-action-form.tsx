import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { DossierActionType } from "~/domain/dossiers/lifecycle";
import { DossierActionSchema } from "~/domain/dossiers/schema";
import type { ReturnMethod } from "~/domain/dossiers/service-facts";
import { useI18n } from "~/i18n/i18n-context";
import { CompetenceGapText, type CompetenceGap } from "./competence/competence-gap";
import type { ActionVariant } from "./dossiers/dossier-actions";
import { Field, FormErrors } from "./form";
import { ReturnMethodField } from "./service-facts-fields";

/** One desk action as its own small form; the action's schema checks it here and on the server. */
export function DossierActionForm({
  op,
  variant,
  lastResult,
  handlers,
  competenceGaps,
  defaultAppointment,
  defaultAgency,
  defaultReturnMethod,
}: {
  op: DossierActionType;
  variant: ActionVariant;
  lastResult: SubmissionResult<string[]> | undefined;
  handlers: { id: number; display_name: string }[];
  /** At assignment: the staff who lack a competence the dossier's field or their role requires, and the field's name. */
  competenceGaps?: { gaps: readonly CompetenceGap[]; field: string };
  defaultAppointment: string;
  defaultAgency: string;
  /** How the citizen asked for the result at intake, pre-selected when returning it. */
  defaultReturnMethod?: ReturnMethod | null;
}) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `op-${op}`,
    lastResult,
    defaultValue: { newAppointmentAt: defaultAppointment, agency: defaultAgency, returnMethod: defaultReturnMethod ?? "desk" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DossierActionSchema }),
  });
  const needs = {
    handler: op === "assign",
    agency: op === "transfer" || op === "transfer_back",
    missing: op === "request_supplement",
    reason: op === "request_supplement" || op === "refuse" || op === "withdraw" || op === "issue_apology",
    appointment: op === "issue_apology",
    digitised: op === "mark_result_ready",
    returnMethod: op === "return_result",
  };
  const simple = !Object.values(needs).some(Boolean);
  // The warning names the person chosen (at first the preselected one); the select's own labels mark the others without JavaScript.
  const [chosen, setChosen] = useState(() => String(fields.handlerUserId.initialValue ?? handlers[0]?.id ?? ""));
  const gapOf = (userId: number) => competenceGaps?.gaps.find((g) => g.userId === userId);
  const chosenHandler = handlers.find((h) => String(h.id) === chosen);
  const chosenGap = chosenHandler ? gapOf(chosenHandler.id) : undefined;
  const buttonClass = { primary: "button", secondary: "button button--secondary", danger: "button button--danger" }[variant];
  return (
    <Form method="post" {...getFormProps(form)} className={`action-form action-form--${variant}${simple ? " action-form--simple" : ""}`}>
      <input type="hidden" name="op" value={op} />
      {simple ? null : <h3>{t(`dossier.action.${op}`)}</h3>}
      <FormErrors id={form.errorId} errors={form.errors} />
      {needs.handler ? (
        <Field label={t("dossier.field.handler")} htmlFor={fields.handlerUserId.id} errorId={fields.handlerUserId.errorId} errors={fields.handlerUserId.errors}>
          <select {...getSelectProps(fields.handlerUserId)} onChange={(event) => setChosen(event.currentTarget.value)}>
            {handlers.map((h) => (
              <option key={h.id} value={h.id}>
                {gapOf(h.id) ? t("competence.warn.option", { name: h.display_name }) : h.display_name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {needs.handler && competenceGaps ? (
        <p className="field-hint competence-warning" role="status" aria-live="polite" data-testid="assign-competence-warning">
          {chosenHandler && chosenGap ? <CompetenceGapText name={chosenHandler.display_name} field={competenceGaps.field} missing={chosenGap.missing} at="assignment" /> : null}
        </p>
      ) : null}
      {needs.agency ? (
        <>
          <Field label={t("dossier.field.agency")} htmlFor={fields.agency.id} errorId={fields.agency.errorId} errors={fields.agency.errors}>
            <input {...getInputProps(fields.agency, { type: "text" })} />
          </Field>
          <Field
            label={t(op === "transfer" ? "dossier.field.counterpartReceiver" : "dossier.field.counterpartSender")}
            htmlFor={fields.counterpartName.id}
            errorId={fields.counterpartName.errorId}
            errors={fields.counterpartName.errors}
            hint={t("dossier.field.counterpartHint")}
          >
            <input {...getInputProps(fields.counterpartName, { type: "text" })} autoComplete="off" />
          </Field>
          <label className="checkbox">
            <input {...getInputProps(fields.electronic, { type: "checkbox" })} defaultChecked />
            {t("dossier.field.electronic")}
          </label>
        </>
      ) : null}
      {needs.missing ? (
        <Field label={t("dossier.field.missingItems")} htmlFor={fields.missingItems.id} errorId={fields.missingItems.errorId} errors={fields.missingItems.errors}>
          <textarea {...getTextareaProps(fields.missingItems)} rows={3} />
        </Field>
      ) : null}
      {needs.appointment ? (
        <Field label={t("dossier.field.newAppointmentAt")} htmlFor={fields.newAppointmentAt.id} errorId={fields.newAppointmentAt.errorId} errors={fields.newAppointmentAt.errors}>
          <input {...getInputProps(fields.newAppointmentAt, { type: "datetime-local" })} />
        </Field>
      ) : null}
      {needs.digitised ? (
        <label className="checkbox">
          <input {...getInputProps(fields.resultDigitised, { type: "checkbox", value: "1" })} />
          {t("serviceFacts.resultDigitised")}
        </label>
      ) : null}
      {needs.returnMethod ? (
        <ReturnMethodField meta={fields.returnMethod} />
      ) : null}
      {needs.reason ? (
        <Field label={t("dossier.field.reason")} htmlFor={fields.reason.id} errorId={fields.reason.errorId} errors={fields.reason.errors}>
          <textarea {...getTextareaProps(fields.reason)} rows={2} />
        </Field>
      ) : null}
      <button type="submit" className={buttonClass}>
        {t(`dossier.action.${op}`)}
      </button>
    </Form>
  );
}
