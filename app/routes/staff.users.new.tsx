import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { RoleCheckboxes } from "~/components/role-checkboxes";
import { UnitSelect } from "~/components/unit-select";
import { NewUserSchema } from "~/domain/accounts/schema";
import { useI18n } from "~/i18n/i18n-context";
import { listAssignableUnits } from "~/models/units.server";
import { createUser, isUsernameTaken } from "~/models/users.server";
import { businessDateOf } from "~/utils/clock";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { hashPassword } from "~/utils/password.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const units = await listAssignableUnits(getDb(), admin.unitId, businessDateOf(new Date()));
  // Opened from a commune's user list: that commune is the default.
  const asked = Number(new URL(request.url).searchParams.get("unit"));
  const defaultUnit = units.some((u) => u.id === asked) ? asked : admin.unitId;
  return { units, defaultUnit: String(defaultUnit) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const db = getDb();
  const units = await listAssignableUnits(db, admin.unitId, businessDateOf(new Date()));
  const submission = await parseWithZod(await request.formData(), {
    schema: NewUserSchema.superRefine(async (value, ctx) => {
      if (value.unitId !== undefined && !units.some((u) => u.id === value.unitId)) {
        ctx.addIssue({ code: "custom", path: ["unitId"], message: "users.error.unit" });
      }
      if (await isUsernameTaken(db, value.username)) {
        ctx.addIssue({ code: "custom", path: ["username"], message: "error.usernameTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { password, unitId, ...user } = submission.value;
  const id = await createUser(db, { kind: "user", userId: admin.id }, {
    ...user,
    unitId: unitId ?? admin.unitId,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  return redirect(`/staff/users/${id}?created=1`);
}

export default function NewUser() {
  const { units, defaultUnit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { unitId: defaultUnit },
    constraint: getZodConstraint(NewUserSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUserSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/users">← {t("users.back")}</Link>
      </p>
      <h1>{t("users.new")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("users.field.username")}
          htmlFor={fields.username.id}
          hint={t("users.field.usernameHint")}
          hintId={fields.username.descriptionId}
          errorId={fields.username.errorId}
          errors={fields.username.errors}
        >
          <input {...getInputProps(fields.username, { type: "text", ariaDescribedBy: fields.username.descriptionId })} autoComplete="off" />
        </Field>
        <Field
          label={t("users.field.displayName")}
          htmlFor={fields.displayName.id}
          errorId={fields.displayName.errorId}
          errors={fields.displayName.errors}
        >
          <input {...getInputProps(fields.displayName, { type: "text" })} />
        </Field>
        <Field
          label={t("users.field.email")}
          htmlFor={fields.email.id}
          errorId={fields.email.errorId}
          errors={fields.email.errors}
        >
          <input {...getInputProps(fields.email, { type: "email" })} />
        </Field>
        <UnitSelect field={fields.unitId} units={units} />
        <RoleCheckboxes field={fields.roles} />
        <Field
          label={t("users.field.password")}
          htmlFor={fields.password.id}
          hint={t("users.field.passwordHint")}
          hintId={fields.password.descriptionId}
          errorId={fields.password.errorId}
          errors={fields.password.errors}
        >
          <input
            {...getInputProps(fields.password, { type: "password", ariaDescribedBy: fields.password.descriptionId })}
            autoComplete="new-password"
          />
        </Field>
        <button type="submit" className="button">
          {t("users.create")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "users.new");

export function ErrorBoundary() {
  return <ErrorPage />;
}
