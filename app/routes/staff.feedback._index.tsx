import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { FEEDBACK_KINDS, FEEDBACK_STATES, FeedbackKindSchema } from "~/domain/feedback/feedback";
import { useI18n } from "~/i18n/i18n-context";
import { listHandlers } from "~/models/dossiers.server";
import { listInbox } from "~/models/feedback.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

const InboxFilterSchema = z.object({
  kind: FeedbackKindSchema.optional().catch(undefined),
  state: z.enum(FEEDBACK_STATES).optional().catch(undefined),
  assignee: z.coerce.number().int().positive().optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  hidden: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/feedback"));
  const filter = InboxFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const [items, staff] = await Promise.all([
    listInbox(db, user.unitId, { ...filter, overdue: filter.overdue === "1", showHidden: filter.hidden === "1" }, new Date()),
    listHandlers(db, user.unitId),
  ]);
  return { filter, items, staff };
}

export default function Inbox() {
  const { filter, items, staff } = useLoaderData<typeof loader>();
  const { t, formatDate, formatDateTime } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("inbox.title")}</h1>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="kind">{t("inbox.filter.kind")}</label>
          <select id="kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`feedbackKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="state">{t("inbox.filter.state")}</label>
          <select id="state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {FEEDBACK_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`feedbackState.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="assignee">{t("inbox.filter.assignee")}</label>
          <select id="assignee" name="assignee" defaultValue={filter.assignee ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.display_name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === "1"} />
          {t("inbox.filter.overdue")}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="hidden" value="1" defaultChecked={filter.hidden === "1"} />
          {t("inbox.filter.hidden")}
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("register.apply")}
          </button>
          <Link to="/staff/feedback">{t("register.clear")}</Link>
        </div>
      </Form>
      {items.length === 0 ? (
        <p>{t("inbox.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("inbox.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("inbox.col.code")}</th>
                <th scope="col">{t("inbox.col.kind")}</th>
                <th scope="col">{t("inbox.col.subject")}</th>
                <th scope="col">{t("inbox.col.received")}</th>
                <th scope="col">{t("inbox.col.due")}</th>
                <th scope="col">{t("inbox.col.state")}</th>
                <th scope="col">{t("inbox.col.assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className={i.urgency === "overdue" ? "row--overdue" : i.urgency === "soon" ? "row--soon" : undefined}>
                  <td className="nowrap">
                    <Link to={`/staff/feedback/${i.code}`}>{i.code}</Link>
                  </td>
                  <td>{t(`feedbackKind.${i.kind}`)}</td>
                  <td>
                    {i.subject}
                    {i.hidden_reason ? <span className="badge badge--muted"> {t(`inbox.hidden.${i.hidden_reason}`)}</span> : null}
                  </td>
                  <td className="nowrap">{formatDateTime(i.received_at)}</td>
                  <td className="nowrap">
                    {i.nextDueAt ? formatDate(i.nextDueAt) : "—"}
                    {i.nextClock && i.nextClock.dueAt !== i.nextDueAt ? (
                      <div className="muted">
                        {t(`clock.${i.nextClock.key}`)}: {formatDate(i.nextClock.dueAt)}
                        {i.nextClock.urgency === "overdue" || i.nextClock.urgency === "soon" ? (
                          <span className={i.nextClock.urgency === "overdue" ? "badge badge--danger" : "badge badge--warn"}> {t(`inbox.urgency.${i.nextClock.urgency}`)}</span>
                        ) : null}
                      </div>
                    ) : null}
                    {i.filedLate ? <span className="badge badge--danger"> {t("clock.lateFilingBadge")}</span> : null}
                    {i.urgency === "overdue" || i.urgency === "soon" ? (
                      <span className={i.urgency === "overdue" ? "badge badge--danger" : "badge badge--warn"}> {t(`inbox.urgency.${i.urgency}`)}</span>
                    ) : null}
                  </td>
                  <td>{t(`feedbackState.${i.state}`)}</td>
                  <td>{i.assignee_name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "inbox.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
