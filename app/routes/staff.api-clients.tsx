import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxGroup } from "~/components/checkbox-group";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { API_SCOPES, ApiScopesSchema } from "~/domain/accounts/api-scopes";
import { requiredText } from "~/domain/shared/fields";
import { useI18n } from "~/i18n/i18n-context";
import { createApiClient, listApiClients, setApiClientDisabled } from "~/models/api-clients.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { scrollRegion } from "~/components/scroll-region";

const ApiClientFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: requiredText(120), scopes: ApiScopesSchema }),
  z.object({ intent: z.enum(["disable", "enable"]), clientId: z.coerce.number().int().positive() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  return { clients: await listApiClients(getDb(), admin.unitId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: ApiClientFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), token: null }, { status: 400 });
  const actor = { kind: "user", userId: admin.id } as const;
  const value = submission.value;
  if (value.intent === "create") {
    const { token } = await createApiClient(getDb(), actor, admin.unitId, value.name, value.scopes);
    // The token is shown in this one response and never again.
    return data({ result: submission.reply({ resetForm: true }), token: { name: value.name, value: token } });
  }
  const found = await setApiClientDisabled(getDb(), actor, admin.unitId, value.clientId, value.intent === "disable");
  if (!found) throw new Response("Not found", { status: 404 });
  return redirect("/staff/api-clients");
}

export default function ApiClients() {
  const { clients } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, formatDateTime } = useI18n();
  const [form, fields] = useForm({
    lastResult: reply?.result,
    defaultValue: { scopes: ["dossiers"] as string[] },
    constraint: getZodConstraint(ApiClientFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApiClientFormSchema }),
  });
  return (
    <main id="main" className="page">
      <h1>{t("apiClients.title")}</h1>
      <p className="lead">{t("apiClients.intro")}</p>
      {reply?.token ? (
        <div className="notice" role="status">
          <p>{t("apiClients.tokenOnce", { name: reply.token.name })}</p>
          <p>
            <code className="token">{reply.token.value}</code>
          </p>
        </div>
      ) : null}
      {clients.length === 0 ? (
        <p>{t("apiClients.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("apiClients.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("apiClients.col.name")}</th>
                <th scope="col">{t("apiClients.col.prefix")}</th>
                <th scope="col">{t("apiClients.col.scopes")}</th>
                <th scope="col">{t("apiClients.col.created")}</th>
                <th scope="col">{t("apiClients.col.lastUsed")}</th>
                <th scope="col">{t("apiClients.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>
                    <code>{c.token_prefix}…</code>
                  </td>
                  <td>{c.scopes.map((scope) => t(`apiClients.scope.${scope}`)).join(", ") || "—"}</td>
                  <td>{formatDateTime(c.created_at)}</td>
                  <td>{c.last_used_at ? formatDateTime(c.last_used_at) : "—"}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="clientId" value={c.id} />
                      <span className={c.is_disabled ? "badge badge--muted" : "badge badge--ok"}>
                        {c.is_disabled ? t("users.status.disabled") : t("users.status.active")}
                      </span>
                      <button type="submit" name="intent" value={c.is_disabled ? "enable" : "disable"} className="button button--secondary">
                        {c.is_disabled ? t("apiClients.enable") : t("apiClients.disable")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Form method="post" {...getFormProps(form)} className="stack section">
        <input type="hidden" name="intent" value="create" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("apiClients.name")} htmlFor={fields.name.id} errorId={fields.name.errorId} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} />
        </Field>
        <CheckboxGroup field={fields.scopes} legend={t("apiClients.scopes")} options={API_SCOPES.map((scope) => ({ value: scope, label: t(`apiClients.scope.${scope}`) }))} />
        <button type="submit" className="button">
          {t("apiClients.create")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "apiClients.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
