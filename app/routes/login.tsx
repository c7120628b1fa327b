import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors, useServerErrors } from "~/components/form";
import { LoginSchema } from "~/domain/accounts/schema";
import { useI18n } from "~/i18n/i18n-context";
import { getTranslator } from "~/i18n/language.server";
import { getSessionUser, logIn, safeRedirectPath } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { username, password, redirectTo } = submission.value;
  const result = await logIn(request, { username, password }, context.clientAddress);
  if (result.ok) {
    return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": result.setCookie } });
  }
  const t = await getTranslator(request);
  if (result.reason === "throttled") {
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    return data(submission.reply({ formErrors: [t("login.throttled", { seconds })], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }
  return data(submission.reply({ formErrors: ["login.invalid"], hideFields: ["password"] }), { status: 400 });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useI18n();
  const server = useServerErrors(lastResult);
  const [form, fields] = useForm({
    lastResult,
    onSubmit: server.onSubmit,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={server.form(form.errors)} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("login.username")}
          htmlFor={fields.username.id}
          errorId={fields.username.errorId}
          errors={fields.username.errors}
        >
          <input {...getInputProps(fields.username, { type: "text" })} autoComplete="username" autoFocus />
        </Field>
        <Field
          label={t("login.password")}
          htmlFor={fields.password.id}
          errorId={fields.password.errorId}
          errors={fields.password.errors}
        >
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "login.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
