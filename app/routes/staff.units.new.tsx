import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { NewUnitSchema, UNIT_KINDS } from "~/domain/units/schema";
import { useI18n } from "~/i18n/i18n-context";
import { createUnit, getUnit, listUnits } from "~/models/units.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, rolesFor("/staff/units"));
  const units = await listUnits(getDb());
  return { parents: units.filter((u) => u.kind === "province" || u.kind === "district").map((u) => ({ id: u.id, name: u.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, rolesFor("/staff/units"));
  const db = getDb();
  const submission = await parseWithZod(await request.formData(), {
    schema: NewUnitSchema.superRefine(async (value, ctx) => {
      if (await db.selectFrom("unit").select("id").where("code", "=", value.code).executeTakeFirst()) {
        ctx.addIssue({ code: "custom", path: ["code"], message: "units.error.codeTaken" });
      }
      if (!(await getUnit(db, value.parentId))) ctx.addIssue({ code: "custom", path: ["parentId"], message: "units.error.parent" });
    }),
    async: true,
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await createUnit(db, { kind: "user", userId: admin.id }, submission.value);
  return redirect("/staff/units?created=1");
}

export default function NewUnit() {
  const { parents } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(NewUnitSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { kind: "commune", parentId: parents[0] ? String(parents[0].id) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUnitSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/units">← {t("units.back")}</Link>
      </p>
      <h1>{t("units.new")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("units.field.code")} htmlFor={fields.code.id} errorId={fields.code.errorId} errors={fields.code.errors}>
          <input {...getInputProps(fields.code, { type: "text" })} autoComplete="off" />
        </Field>
        <Field label={t("units.field.name")} htmlFor={fields.name.id} errorId={fields.name.errorId} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} />
        </Field>
        <Field label={t("units.field.kind")} htmlFor={fields.kind.id} errorId={fields.kind.errorId} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`units.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("units.field.parent")} htmlFor={fields.parentId.id} errorId={fields.parentId.errorId} errors={fields.parentId.errors}>
          <select {...getSelectProps(fields.parentId)}>
            {parents.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="checkbox">
          <input {...getInputProps(fields.isRemoteArea, { type: "checkbox" })} /> {t("units.field.remote")}
        </label>
        <button type="submit" className="button">
          {t("units.create")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "units.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
