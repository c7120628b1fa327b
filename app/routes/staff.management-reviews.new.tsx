import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { rolesTo } from "~/domain/accounts/permissions";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { NewReviewSchema } from "~/domain/management-review/schema";
import { useI18n } from "~/i18n/i18n-context";
import { createManagementReview, listChairCandidates } from "~/models/management-reviews.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesTo("editManagementReviews"));
  const today = businessDateOf(new Date());
  return { today, chairs: await listChairCandidates(getDb(), user.unitId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("editManagementReviews"));
  const submission = parseWithZod(await request.formData(), { schema: NewReviewSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createManagementReview(getDb(), { kind: "user", userId: user.id }, user.unitId, submission.value);
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.error] } }) : submission.reply({ formErrors: [result.error] });
    return data(reply, { status: 400 });
  }
  return redirect(`/staff/management-reviews/${result.code}`);
}

export default function NewManagementReview() {
  const { today, chairs } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const year = today.slice(0, 4);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, meetingDate: today, chairUserId: chairs[0] ? String(chairs[0].id) : "" },
    constraint: getZodConstraint(NewReviewSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewReviewSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/management-reviews">← {t("review.list.title")}</Link>
      </p>
      <h1>{t("review.new")}</h1>
      {chairs.length === 0 ? <p className="notice notice--warning">{t("review.noChair")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("review.field.periodFrom")} htmlFor={fields.periodFrom.id} errorId={fields.periodFrom.errorId} errors={fields.periodFrom.errors}>
          <input {...getInputProps(fields.periodFrom, { type: "date" })} max={today} />
        </Field>
        <Field label={t("review.field.periodTo")} htmlFor={fields.periodTo.id} errorId={fields.periodTo.errorId} errors={fields.periodTo.errors}>
          <input {...getInputProps(fields.periodTo, { type: "date" })} />
        </Field>
        <Field label={t("review.field.meetingDate")} htmlFor={fields.meetingDate.id} errorId={fields.meetingDate.errorId} errors={fields.meetingDate.errors}>
          <input {...getInputProps(fields.meetingDate, { type: "date" })} />
        </Field>
        <Field label={t("review.field.location")} htmlFor={fields.location.id} errorId={fields.location.errorId} errors={fields.location.errors}>
          <input {...getInputProps(fields.location, { type: "text" })} />
        </Field>
        <Field label={t("review.field.chair")} htmlFor={fields.chairUserId.id} errorId={fields.chairUserId.errorId} errors={fields.chairUserId.errors}>
          <select {...getSelectProps(fields.chairUserId)}>
            {chairs.map((c) => (
              <option key={c.id} value={c.id}>
                {c.display_name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("review.field.attendees")}
          htmlFor={fields.attendees.id}
          hint={t("review.field.attendeesHint")}
          hintId={fields.attendees.descriptionId}
          errorId={fields.attendees.errorId}
          errors={fields.attendees.errors}
        >
          <textarea {...getTextareaProps(fields.attendees, { ariaDescribedBy: fields.attendees.descriptionId })} rows={6} />
        </Field>
        <button type="submit" className="button">
          {t("review.save")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "review.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
