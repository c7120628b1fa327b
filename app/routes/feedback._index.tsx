import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorPage } from "~/components/error-page";
import { Field, FieldErrors, FormErrors } from "~/components/form";
import { COMPLAINT_INSTANCES, FEEDBACK_KINDS } from "~/domain/feedback/feedback";
import { knewOnIsFuture, PublicFeedbackSchema } from "~/domain/feedback/schema";
import { retryAfterMinutes } from "~/domain/feedback/submission-limit";
import { getTranslator } from "~/i18n/language.server";
import { useI18n } from "~/i18n/i18n-context";
import { checkAttachments, readFeedbackForm, storeAttachments } from "~/models/feedback-intake.server";
import { submitFeedback } from "~/models/feedback.server";
import { getPublicUnit } from "~/models/units.server";
import { hashClientAddress } from "~/utils/client-address.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";
import { consumeFeedbackLimit } from "~/utils/rate-limit.server";
import { removeUploads } from "~/utils/uploads.server";

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb();
  const unit = await getPublicUnit(db);
  if (!unit) throw new Response("No unit configured", { status: 503 });
  const read = await readFeedbackForm(request);
  if (!read.ok) {
    return data({ status: "error" as const, error: { [read.field]: [read.error] } }, { status: read.error === "feedback.error.tooLarge" ? 413 : 400 });
  }
  const submission = parseWithZod(read.formData, { schema: PublicFeedbackSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  const addressHash = hashClientAddress(context.clientAddress);
  const now = new Date();
  const checked = await checkAttachments(read.files);
  if (!checked.ok) return data(submission.reply({ fieldErrors: { attachments: [checked.error] } }), { status: 400 });
  // Counted once the submission is complete and would be stored: a typo costs nothing.
  const limited = await consumeFeedbackLimit(context, read.formData.get("formToken"));
  if (!limited.ok) {
    const t = await getTranslator(request);
    return data(submission.reply({ formErrors: [t("desk.feedback.tooMany", { minutes: retryAfterMinutes(limited.retryAfterSeconds) })] }), {
      status: 429,
      headers: { "Retry-After": String(limited.retryAfterSeconds) },
    });
  }

  const value = submission.value;
  if (value.kind === "complaint" && knewOnIsFuture(value.knewOn, businessDateOf(now))) {
    return data(submission.reply({ fieldErrors: { knewOn: ["feedback.error.knewOnFuture"] } }), { status: 400 });
  }
  const stored = await storeAttachments(checked.attachments);
  const origin = publicOrigin(request);
  try {
    const { code } = await submitFeedback(
      db,
      unit.id,
      {
        kind: value.kind,
        subject: value.subject,
        description: value.description,
        dossierCode: value.dossierCode,
        procedureCode: value.procedureCode,
        contact: { name: value.name, phone: value.phone, email: value.email, address: value.address, idNumber: value.idNumber },
        complaint: { instance: value.complaintInstance, knewOn: value.knewOn ?? null },
        consent: true,
        source: "web",
        sourceAddressHash: addressHash,
        attachments: stored,
      },
      (c) => `${origin}/feedback/${c}`,
      now,
    );
    return redirect(`/feedback/${code}?sent=1`);
  } catch (error) {
    // Nothing half-kept: files of a submission that was not stored are removed.
    await removeUploads(stored.map((s) => s.storedName));
    throw error;
  }
}

export default function FeedbackForm() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const formToken = useFormToken();
  const [form, fields] = useForm({
    lastResult: lastResult ?? undefined,
    defaultValue: { kind: searchParams.get("kind") ?? "feedback", dossierCode: searchParams.get("dossier") ?? undefined },
    constraint: getZodConstraint(PublicFeedbackSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PublicFeedbackSchema }),
  });
  const text = (name: "name" | "phone" | "email" | "address" | "idNumber" | "dossierCode" | "procedureCode" | "subject", label: string, type: "text" | "tel" | "email" = "text") => (
    <Field label={label} htmlFor={fields[name].id} errorId={fields[name].errorId} errors={fields[name].errors}>
      <input {...getInputProps(fields[name], { type })} />
    </Field>
  );
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("feedback.form.title")}</h1>
      <p>{t("feedback.form.intro")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="field">
          <legend>{t("feedback.form.kind")}</legend>
          {FEEDBACK_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name={fields.kind.name} value={kind} defaultChecked={fields.kind.initialValue === kind} />
              <span>
                <strong>{t(`feedbackKind.${kind}`)}</strong>
                <span className="field-hint">{t(`feedbackKind.${kind}.hint`)}</span>
              </span>
            </label>
          ))}
          <FieldErrors id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        {text("subject", t("feedback.form.subject"))}
        <Field label={t("feedback.form.description")} htmlFor={fields.description.id} errorId={fields.description.errorId} errors={fields.description.errors}>
          <textarea {...getTextareaProps(fields.description)} rows={6} />
        </Field>
        <fieldset className="stack">
          <legend>{t("feedback.form.related")}</legend>
          {text("dossierCode", t("feedback.form.dossierCode"))}
          {text("procedureCode", t("feedback.form.procedureCode"))}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("feedback.form.contact")}</legend>
          {text("name", t("feedback.form.name"))}
          {text("phone", t("feedback.form.phone"), "tel")}
          {text("email", t("feedback.form.email"), "email")}
          {text("address", t("feedback.form.address"))}
          {text("idNumber", t("feedback.form.idNumber"))}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("feedback.form.complaintClock")}</legend>
          <p className="field-hint">{t("feedback.form.complaintClockHint")}</p>
          <div className="field" role="radiogroup" aria-label={t("feedback.form.complaintInstance")}>
            {COMPLAINT_INSTANCES.map((instance) => (
              <label key={instance} className="choice">
                <input type="radio" name={fields.complaintInstance.name} value={instance} defaultChecked={(fields.complaintInstance.initialValue ?? "first") === instance} />
                <span>{t(`clock.instance.${instance}`)}</span>
              </label>
            ))}
            <FieldErrors id={fields.complaintInstance.errorId} errors={fields.complaintInstance.errors} />
          </div>
          <Field label={t("clock.knewOn")} htmlFor={fields.knewOn.id} errorId={fields.knewOn.errorId} errors={fields.knewOn.errors} hint={t("feedback.form.knewOnHint")}>
            <input {...getInputProps(fields.knewOn, { type: "date" })} />
          </Field>
        </fieldset>
        <div className="field">
          <label htmlFor="attachments">{t("feedback.form.attachments")}</label>
          <input id="attachments" name="attachments" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby={lastResult?.error?.attachments?.length ? "attachments-error" : undefined} />
          <FieldErrors id="attachments-error" errors={lastResult?.error?.attachments ?? undefined} />
        </div>
        <input type="hidden" name="formToken" value={formToken} />
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">{t("feedback.form.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className={fields.consent.errors?.length ? "field field--invalid" : "field"}>
          <label className="checkbox">
            <input {...getInputProps(fields.consent, { type: "checkbox" })} />
            {t("feedback.form.consent")}
          </label>
          <FieldErrors id={fields.consent.errorId} errors={fields.consent.errors} />
        </div>
        <FieldErrors id="website-error" errors={fields.website.errors} />
        <button type="submit" className="button">
          {t("feedback.form.submit")}
        </button>
      </Form>
    </main>
  );
}

/**
 * This form's own token, made in the browser after the page loads: the page itself is publicly
 * cached for a minute (server/public-cache.js), so a token in its HTML would be everyone's.
 * getRandomValues, not randomUUID: a kiosk may open the site over plain http on the intranet.
 */
function useFormToken(): string {
  const [token, setToken] = useState("");
  useEffect(() => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    setToken(Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""));
  }, []);
  return token;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "feedback.form.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
