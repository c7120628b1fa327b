import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { LegalClockList } from "~/components/feedback/legal-clocks";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { citizenDeadline } from "~/domain/feedback/deadlines";
import { TrackingCodeSchema } from "~/domain/feedback/feedback";
import { CitizenReplySchema } from "~/domain/feedback/schema";
import { useI18n } from "~/i18n/i18n-context";
import { addCitizenReply, getPublicFeedback } from "~/models/feedback.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { publicOrigin } from "~/utils/env.server";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

async function load(codeParam: string | undefined) {
  const code = TrackingCodeSchema.safeParse(codeParam);
  const item = code.success ? await getPublicFeedback(getDb(), code.data) : null;
  if (!item) throw new Response("Not found", { status: 404 });
  return item;
}

/** The public status of an item: status, dates and the public answer; never personal data. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireWithinRateLimit("lookup", context);
  const item = await load(params.code);
  return { item, statusUrl: `${publicOrigin(request)}/feedback/${item.code}` };
}

export default function FeedbackStatus() {
  const { item, statusUrl } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, formatDate, formatDateTime } = useI18n();
  const sent = searchParams.has("sent");
  const deadline = citizenDeadline(item.clocks);
  return (
    <main id="main" className="page page--narrow">
      {sent ? (
        <section className="notice" aria-labelledby="sent-title">
          <h1 id="sent-title">{t("feedback.done.title")}</h1>
          <p>{t("feedback.done.code")}</p>
          <p className="tracking-code">{item.code}</p>
          <p>
            {t("feedback.done.keep")} <span className="break-anywhere">{statusUrl}</span>
          </p>
          <p className="no-print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t("feedback.done.print")}
            </button>
          </p>
        </section>
      ) : (
        <h1 className="break-anywhere">{t("feedback.status.title", { code: item.code })}</h1>
      )}
      <dl className="facts">
        <dt>{t("feedback.status.kind")}</dt>
        <dd>{t(`feedbackKind.${item.kind}`)}</dd>
        <dt>{t("feedback.form.subject")}</dt>
        <dd>{item.subject}</dd>
        <dt>{t("feedback.status.state")}</dt>
        <dd>
          <strong>{t(`feedbackState.${item.state}`)}</strong>
        </dd>
        <dt>{t("feedback.status.received")}</dt>
        <dd>{formatDateTime(item.received_at)}</dd>
        {deadline ? (
          <>
            <dt>{t(`citizen.deadline.${deadline.kind}`)}</dt>
            <dd data-testid="citizen-deadline">
              <strong>{formatDate(deadline.dueAt)}</strong>
            </dd>
          </>
        ) : null}
        {item.answered_at ? (
          <>
            <dt>{t("citizen.answeredAt")}</dt>
            <dd data-testid="answered-at">{formatDate(item.answered_at)}</dd>
          </>
        ) : null}
        {item.not_accepted_reason ? (
          <>
            <dt>{t("feedback.status.reason")}</dt>
            <dd>{item.not_accepted_reason}</dd>
          </>
        ) : null}
        {item.forwarded_to ? (
          <>
            <dt>{t("feedback.status.forwardedTo")}</dt>
            <dd>{item.forwarded_to}</dd>
          </>
        ) : null}
      </dl>
      <LegalClockList clocks={item.clocks} />
      {item.public_answer ? (
        <section aria-labelledby="answer-title" className="section">
          <h2 id="answer-title">{t("feedback.status.answer")}</h2>
          <p className="preserve-lines">{item.public_answer}</p>
        </section>
      ) : null}
      {item.thread.some((e) => e.kind === "citizen_reply") ? (
        <section aria-labelledby="thread-title" className="section">
          <h2 id="thread-title">{t("feedback.status.thread")}</h2>
          <ul>
            {item.thread.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} — {e.kind === "citizen_reply" ? t("fb.event.citizen_reply") : t(`fb.action.${e.kind as "answer"}`)}:{" "}
                <span className="preserve-lines">{e.public_text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {item.state === "answered" || item.state === "closed" ? <ReplyForm /> : null}
      <p className="no-print">
        <Link to="/feedback">{t("nav.feedback")}</Link>
      </p>
    </main>
  );
}

function ReplyForm() {
  const { t } = useI18n();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(CitizenReplySchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CitizenReplySchema }),
  });
  return (
    <section aria-labelledby="reply-title" className="section no-print">
      {searchParams.has("replied") ? (
        <p className="notice" role="status">
          {t("feedback.status.replied")}
        </p>
      ) : null}
      <h2 id="reply-title">{t("feedback.status.reply")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("feedback.form.description")} htmlFor={fields.reply.id} errorId={fields.reply.errorId} errors={fields.reply.errors}>
          <textarea {...getTextareaProps(fields.reply)} rows={4} />
        </Field>
        <button type="submit" className="button">
          {t("feedback.status.replySubmit")}
        </button>
      </Form>
    </section>
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireWithinRateLimit("feedback", context);
  const item = await load(params.code);
  const submission = parseWithZod(await request.formData(), { schema: CitizenReplySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await addCitizenReply(getDb(), item.code, submission.value.reply);
  if (!result.ok) return data(submission.reply({ formErrors: [result.error] }), { status: 409 });
  return redirect(`/feedback/${item.code}?replied=1`);
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, "feedback.status.title", { code: data?.item.code ?? "" });

export function ErrorBoundary() {
  return <ErrorPage />;
}
