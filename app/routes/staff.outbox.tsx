import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { FormErrors } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { channelsWithoutTransport, listOutboxMessages, resendOutboxMessage } from "~/models/outbox.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { configuredTransports } from "~/utils/transports.server";
import { scrollRegion } from "~/components/scroll-region";

const OUTBOX_ROLES = ["quality_lead", "admin"] as const;

const PageSchema = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, OUTBOX_ROLES);
  const { before } = PageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listOutboxMessages(getDb(), user.unitId, before ?? null);
  return { ...page, paged: before !== undefined, missingTransports: channelsWithoutTransport(configuredTransports()) };
}

const ResendSchema = z.object({ intent: z.literal("resend"), id: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, OUTBOX_ROLES);
  const submission = parseWithZod(await request.formData(), { schema: ResendSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const ok = await resendOutboxMessage(getDb(), { kind: "user", userId: user.id }, user.unitId, submission.value.id, new Date());
  if (!ok) return data({ result: submission.reply({ formErrors: ["outbox.error.notResendable"] }) }, { status: 400 });
  return redirect("/staff/outbox?resent=1");
}

export default function Outbox() {
  const { messages, nextBefore, paged, missingTransports } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatDateTime, formatNumber } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.intro")}</p>
      {missingTransports.map((channel) => (
        <p key={channel} className="notice" data-missing-transport={channel}>
          {t(`outbox.noTransport.${channel}`)}
        </p>
      ))}
      {params.get("resent") ? (
        <p className="notice" role="status">
          {t("outbox.resent")}
        </p>
      ) : null}
      <FormErrors id="outbox-errors" errors={reply?.result.error?.[""] ?? undefined} />
      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("outbox.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("outbox.col.created")}</th>
                <th scope="col">{t("outbox.col.channel")}</th>
                <th scope="col">{t("outbox.col.recipient")}</th>
                <th scope="col">{t("outbox.col.subject")}</th>
                <th scope="col">{t("outbox.col.state")}</th>
                <th scope="col">{t("outbox.col.attempts")}</th>
                <th scope="col">{t("outbox.col.reason")}</th>
                <th scope="col">{t("outbox.col.next")}</th>
                <th scope="col">{t("outbox.col.action")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-message={m.id}>
                  <td>{formatDateTime(m.created_at)}</td>
                  <td>{t(`outbox.channel.${m.channel}`)}</td>
                  <td>{m.recipient}</td>
                  <td>{m.subject ?? "—"}</td>
                  <td>
                    <span className={m.delivery_state === "sent" ? "badge badge--ok" : m.resendable ? "badge badge--danger" : "badge"}>
                      {t(`outbox.state.${m.delivery_state}`)}
                    </span>
                  </td>
                  <td>{formatNumber(m.attempts)}</td>
                  <td>{m.last_error ?? "—"}</td>
                  <td>{m.next_attempt_at && m.delivery_state !== "sent" && m.delivery_state !== "given_up" ? formatDateTime(m.next_attempt_at) : "—"}</td>
                  <td>
                    {m.resendable ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="resend" />
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="button button--secondary">
                          {t("outbox.resend")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {paged ? <Link to="/staff/outbox">{t("outbox.newest")}</Link> : null} {nextBefore !== null ? <Link to={`/staff/outbox?before=${nextBefore}`}>{t("outbox.older")}</Link> : null}
      </p>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "outbox.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
