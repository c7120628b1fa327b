import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { rolesTo } from "~/domain/accounts/permissions";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { NewRiskSchema, RISK_KINDS } from "~/domain/risks/risk";
import { useI18n } from "~/i18n/i18n-context";
import { recordRisk } from "~/models/risks.server";
import { listUsers } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

const ROLES = rolesTo("recordRisks");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const staff = (await listUsers(getDb(), user.unitId)).filter((u) => !u.isDisabled && !u.roles.every((r) => r === "inspector" || r === "admin"));
  return { today: businessDateOf(new Date()), userId: user.id, staff: staff.map((s) => ({ id: s.id, name: s.displayName })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const submission = parseWithZod(await request.formData(), { schema: NewRiskSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await recordRisk(getDb(), { kind: "user", userId: user.id }, user.unitId, submission.value);
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of result.errors) fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), e.key];
    return data(submission.reply({ fieldErrors }), { status: 400 });
  }
  return redirect(`/staff/risks/${result.code}`);
}

export default function NewRisk() {
  const { today, staff, userId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { kind: "risk", recordedOn: today, likelihood: "3", impact: "3", ownerUserId: String(userId) },
    constraint: getZodConstraint(NewRiskSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewRiskSchema }),
  });
  const text = (name: "title" | "process" | "nonconformityCode" | "feedbackCode", label: Parameters<typeof t>[0], placeholder?: string) => (
    <Field label={t(label)} htmlFor={fields[name].id} errorId={fields[name].errorId} errors={fields[name].errors}>
      <input {...getInputProps(fields[name], { type: "text" })} placeholder={placeholder} />
    </Field>
  );
  const area = (name: "description" | "cause" | "consequence" | "treatment", label: Parameters<typeof t>[0]) => (
    <Field label={t(label)} htmlFor={fields[name].id} errorId={fields[name].errorId} errors={fields[name].errors}>
      <textarea {...getTextareaProps(fields[name])} rows={2} />
    </Field>
  );
  const date = (name: "reviewDate" | "recordedOn" | "treatmentDue", label: Parameters<typeof t>[0]) => (
    <Field label={t(label)} htmlFor={fields[name].id} errorId={fields[name].errorId} errors={fields[name].errors}>
      <input {...getInputProps(fields[name], { type: "date" })} />
    </Field>
  );
  const score = (name: "likelihood" | "impact", label: Parameters<typeof t>[0]) => (
    <Field label={t(label)} htmlFor={fields[name].id} errorId={fields[name].errorId} errors={fields[name].errors}>
      <input {...getInputProps(fields[name], { type: "number" })} min={1} max={5} step={1} inputMode="numeric" />
    </Field>
  );
  const owner = (name: "ownerUserId" | "treatmentOwnerUserId", label: Parameters<typeof t>[0]) => (
    <Field label={t(label)} htmlFor={fields[name].id} errorId={fields[name].errorId} errors={fields[name].errors}>
      <select {...getSelectProps(fields[name])}>
        {name === "treatmentOwnerUserId" ? <option value="">—</option> : null}
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("risks.new")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("risks.field.kind")} htmlFor={fields.kind.id} errorId={fields.kind.errorId} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)}>
            {RISK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`risks.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {text("title", "risks.field.title")}
        {text("process", "risks.field.process", "QT-07")}
        <Field label={t("risks.field.field")} htmlFor={fields.field.id} errorId={fields.field.errorId} errors={fields.field.errors}>
          <select {...getSelectProps(fields.field)}>
            <option value="">—</option>
            {PROCEDURE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`procedureField.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        {area("description", "risks.field.description")}
        {area("cause", "risks.field.cause")}
        {area("consequence", "risks.field.consequence")}
        {score("likelihood", "risks.field.likelihood")}
        {score("impact", "risks.field.impact")}
        {owner("ownerUserId", "risks.field.owner")}
        {date("recordedOn", "risks.field.recordedOn")}
        {date("reviewDate", "risks.field.reviewDate")}
        {text("nonconformityCode", "risks.field.nonconformityCode", "NC-2026-001")}
        {text("feedbackCode", "risks.field.feedbackCode")}
        {area("treatment", "risks.field.treatment")}
        {owner("treatmentOwnerUserId", "risks.field.treatmentOwner")}
        {date("treatmentDue", "risks.field.treatmentDue")}
        <button type="submit" className="button">
          {t("risks.new")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "risks.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
