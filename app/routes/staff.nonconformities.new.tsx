import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { rolesTo } from "~/domain/accounts/permissions";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { NC_GRADES, NC_SOURCES } from "~/domain/nonconformities/nonconformity";
import { NewNcSchema } from "~/domain/nonconformities/schema";
import { useI18n } from "~/i18n/i18n-context";
import { raiseNonconformity } from "~/models/nonconformities.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

const ROLES = rolesTo("recordNonconformities");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ROLES);
  return { today: businessDateOf(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const submission = parseWithZod(await request.formData(), { schema: NewNcSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const { code } = await raiseNonconformity(getDb(), { kind: "user", userId: user.id }, user.unitId, {
    ...v,
    foundAt: new Date(`${v.foundAt}T09:00:00+07:00`),
    foundByUserId: user.id,
  });
  return redirect(`/staff/nonconformities/${code}`);
}

export default function NewNonconformity() {
  const { today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { foundAt: today, source: "process_monitoring", grade: "minor", isoClause: "8.5.1" },
    constraint: getZodConstraint(NewNcSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewNcSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("nc.new")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("nc.field.title")} htmlFor={fields.title.id} errorId={fields.title.errorId} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} />
        </Field>
        <Field label={t("nc.field.source")} htmlFor={fields.source.id} errorId={fields.source.errorId} errors={fields.source.errors}>
          <select {...getSelectProps(fields.source)}>
            {NC_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`nc.source.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("nc.field.process")} htmlFor={fields.process.id} errorId={fields.process.errorId} errors={fields.process.errors}>
          <input {...getInputProps(fields.process, { type: "text" })} placeholder="QT-07" />
        </Field>
        <Field label={t("nc.field.clause")} htmlFor={fields.isoClause.id} errorId={fields.isoClause.errorId} errors={fields.isoClause.errors}>
          <input {...getInputProps(fields.isoClause, { type: "text" })} />
        </Field>
        <Field label={t("nc.field.grade")} htmlFor={fields.grade.id} errorId={fields.grade.errorId} errors={fields.grade.errors}>
          <select {...getSelectProps(fields.grade)}>
            {NC_GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`nc.grade.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("nc.field.description")} htmlFor={fields.description.id} errorId={fields.description.errorId} errors={fields.description.errors}>
          <textarea {...getTextareaProps(fields.description)} rows={4} />
        </Field>
        <Field label={t("nc.field.evidence")} htmlFor={fields.evidence.id} errorId={fields.evidence.errorId} errors={fields.evidence.errors}>
          <textarea {...getTextareaProps(fields.evidence)} rows={2} />
        </Field>
        <Field label={t("nc.field.foundAt")} htmlFor={fields.foundAt.id} errorId={fields.foundAt.errorId} errors={fields.foundAt.errors}>
          <input {...getInputProps(fields.foundAt, { type: "date" })} />
        </Field>
        <button type="submit" className="button">
          {t("nc.save")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nc.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
