import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { ChangePasswordSchema } from "~/domain/accounts/schema";
import { useI18n } from "~/i18n/i18n-context";
import { changeOwnPassword, getPasswordHash } from "~/models/users.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { consumeRateLimit } from "~/utils/rate-limit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { mustChangePassword: user.mustChangePassword, username: user.username };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const formData = await request.formData();
  // A stolen session must not become a way to guess the password: checks are counted per account.
  const checks = await consumeRateLimit("passwordCheck", `user:${user.id}`);
  if (!checks.ok) {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
    return data(
      submission.reply({ fieldErrors: { currentPassword: ["error.tooManyPasswordChecks"] }, hideFields: ["currentPassword", "newPassword", "confirmPassword"] }),
      { status: 429, headers: { "Retry-After": String(checks.retryAfterSeconds) } },
    );
  }
  const submission = await parseWithZod(formData, {
    schema: ChangePasswordSchema.superRefine(async (value, ctx) => {
      const hash = await getPasswordHash(db, user.id);
      if (!hash || !(await verifyPassword(value.currentPassword, hash))) {
        ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "error.wrongPassword" });
      }
    }),
    async: true,
  });
  const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields }), { status: 400 });
  }
  await changeOwnPassword(db, user.id, await hashPassword(submission.value.newPassword), user.sessionId);
  return redirect("/staff/account?changed=1");
}

export default function Account() {
  const { mustChangePassword, username } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("account.title")}</h1>
      {mustChangePassword ? (
        <p className="notice notice--warning" role="status">
          {t("account.mustChange")}
        </p>
      ) : null}
      {searchParams.has("changed") ? (
        <p className="notice" role="status">
          {t("account.changed")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
        <Field
          label={t("account.currentPassword")}
          htmlFor={fields.currentPassword.id}
          errorId={fields.currentPassword.errorId}
          errors={fields.currentPassword.errors}
        >
          <input {...getInputProps(fields.currentPassword, { type: "password" })} autoComplete="current-password" />
        </Field>
        <Field
          label={t("account.newPassword")}
          htmlFor={fields.newPassword.id}
          hint={t("users.field.passwordHint")}
          hintId={fields.newPassword.descriptionId}
          errorId={fields.newPassword.errorId}
          errors={fields.newPassword.errors}
        >
          <input
            {...getInputProps(fields.newPassword, { type: "password", ariaDescribedBy: fields.newPassword.descriptionId })}
            autoComplete="new-password"
          />
        </Field>
        <Field
          label={t("account.confirmPassword")}
          htmlFor={fields.confirmPassword.id}
          errorId={fields.confirmPassword.errorId}
          errors={fields.confirmPassword.errors}
        >
          <input {...getInputProps(fields.confirmPassword, { type: "password" })} autoComplete="new-password" />
        </Field>
        <button type="submit" className="button">
          {t("account.submit")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "account.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
