import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FieldErrors, FormErrors, useServerErrors } from "~/components/form";
import { RATINGS } from "~/domain/feedback/feedback";
import { RatingSchema } from "~/domain/feedback/schema";
import { DossierCodeSchema } from "~/domain/shared/fields";
import { useI18n } from "~/i18n/i18n-context";
import { getRatingStatus, rateDossier } from "~/models/ratings.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { checkRateLimit, consumeRateLimit, requireWithinRateLimit } from "~/utils/rate-limit.server";

/** Satisfaction rating of a returned dossier, reached from the look-up and the receipt's QR code. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireWithinRateLimit("lookup", context);
  const code = DossierCodeSchema.safeParse(new URL(request.url).searchParams.get("code"));
  if (!code.success) throw new Response("Not found", { status: 404 });
  const status = await getRatingStatus(getDb(), code.data);
  if (!status) throw new Response("Not found", { status: 404 });
  return status;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireWithinRateLimit("rating", context);
  const submission = parseWithZod(await request.formData(), { schema: RatingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Wrong phone digits are counted per dossier, from any address: after a few, the dossier takes no
  // more guesses for a day (its citizen can still rate at the desk).
  const failures = await checkRateLimit("ratingFailure", submission.value.code);
  if (!failures.ok) {
    return data(submission.reply({ formErrors: ["rating.tooManyTries"] }), {
      status: 429,
      headers: { "Retry-After": String(failures.retryAfterSeconds) },
    });
  }
  const result = await rateDossier(getDb(), submission.value);
  if (!result.ok && result.error === "rating.mismatch") await consumeRateLimit("ratingFailure", submission.value.code);
  if (!result.ok) {
    const field = result.error === "rating.mismatch" ? { fieldErrors: { phoneLast4: [result.error] } } : { formErrors: [result.error] };
    return data(submission.reply(field), { status: 400 });
  }
  return redirect(`/feedback/rate?code=${encodeURIComponent(submission.value.code)}&thanks=1`);
}

export default function Rate() {
  const status = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const server = useServerErrors(lastResult);
  const [form, fields] = useForm({
    lastResult,
    onSubmit: server.onSubmit,
    defaultValue: { code: status.code },
    constraint: getZodConstraint(RatingSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RatingSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("rating.title")}</h1>
      {searchParams.has("thanks") ? (
        <p className="notice" role="status">
          {t("rating.thanks")}
        </p>
      ) : status.rated ? (
        <p>{t("rating.already")}</p>
      ) : !status.returned ? (
        <p>{t("rating.notReturned")}</p>
      ) : (
        <>
          <p>{t("rating.intro", { code: status.code })}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={server.form(form.errors)} />
            <input type="hidden" name="code" value={status.code} />
            <fieldset className="field">
              <legend>{t("rating.title")}</legend>
              {RATINGS.map((r) => (
                <label key={r} className="choice">
                  <input type="radio" name={fields.rating.name} value={r} />
                  <span>{t(`rating.${r}`)}</span>
                </label>
              ))}
              <FieldErrors id={fields.rating.errorId} errors={fields.rating.errors} />
            </fieldset>
            <Field label={t("rating.comment")} htmlFor={fields.comment.id} errorId={fields.comment.errorId} errors={fields.comment.errors}>
              <textarea {...getTextareaProps(fields.comment)} rows={3} />
            </Field>
            <Field label={t("rating.phoneLast4")} htmlFor={fields.phoneLast4.id} errorId={fields.phoneLast4.errorId} errors={server.field("phoneLast4", fields.phoneLast4.errors)}>
              <input {...getInputProps(fields.phoneLast4, { type: "text" })} inputMode="numeric" maxLength={4} autoComplete="off" />
            </Field>
            <button type="submit" className="button">
              {t("rating.submit")}
            </button>
          </Form>
        </>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "rating.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
