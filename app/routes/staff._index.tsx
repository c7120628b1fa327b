import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { getUnit } from "~/models/units.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor, staffNavFor } from "~/utils/navigation";
import { hasAnyRole } from "~/domain/accounts/roles";
import { listMyAuditTasks } from "~/models/audits.server";
import { listOverdueReviews } from "~/models/documents.server";
import { yearPeriod } from "~/domain/metrics/period";
import { countOverdueNow, getPeriodFigures } from "~/models/figures.server";
import { listMyOpenActions, listUnreadNotifications, markNotificationRead } from "~/models/nonconformities.server";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { businessDateOf } from "~/utils/clock";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const unit = await getUnit(db, user.unitId);
  const now = new Date();
  const seesDossiers = hasAnyRole(user.roles, rolesFor("/staff/dossiers"));
  const seesDocuments = hasAnyRole(user.roles, rolesFor("/staff/documents"));
  return {
    myActions: await listMyOpenActions(db, user.id),
    myAudits: hasAnyRole(user.roles, rolesFor("/staff/audits"))
      ? await listMyAuditTasks(db, user.unitId, user.id, user.roles.includes("leader"))
      : [],
    notifications: await listUnreadNotifications(db, user.id),
    today: businessDateOf(now),
    overdueDossiers: seesDossiers ? await countOverdueNow(db, user.unitId, now) : null,
    // The year's late dossiers in the dashboard's words, so the two pages never seem to disagree.
    yearFigures: seesDossiers ? (await getPeriodFigures(db, user.unitId, yearPeriod(Number(businessDateOf(now).slice(0, 4))), now)).totals : null,
    overdueReviews: seesDocuments ? await listOverdueReviews(db, user.unitId, businessDateOf(now)) : null,
    displayName: user.displayName,
    roles: user.roles,
    unitName: unit?.name ?? "",
    shortcuts: staffNavFor(user.roles)
      .filter((item) => item.to !== "/staff")
      .map(({ to, label }) => ({ to, label })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = z.object({ notificationId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  await markNotificationRead(getDb(), user.id, parsed.data.notificationId);
  return redirect("/staff");
}

export default function StaffHome() {
  const { displayName, roles, unitName, shortcuts, overdueDossiers, yearFigures, overdueReviews, myActions, myAudits, notifications, today } =
    useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("staff.home.title")}</h1>
      <p className="lead">{t("staff.home.welcome", { name: displayName })}</p>
      <dl className="facts">
        <dt>{t("staff.home.unit")}</dt>
        <dd>{unitName}</dd>
        <dt>{t("staff.home.yourRoles")}</dt>
        <dd>{roles.map((r) => t(`role.${r}`)).join(", ")}</dd>
      </dl>
      {notifications.length > 0 ? (
        <section aria-labelledby="notifications-title" className="notice notice--warning">
          <h2 id="notifications-title">{t("home.staff.notifications")}</h2>
          <ul>
            {notifications.map((n) => (
              <li key={n.id}>
                {n.link ? <Link to={n.link}>{n.text}</Link> : n.text}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" className="button button--ghost">
                    {t("home.staff.markRead")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {myActions.length > 0 ? (
        <section aria-labelledby="my-actions-title">
          <h2 id="my-actions-title">{t("home.staff.myActions")}</h2>
          <ul>
            {myActions.map((a) => (
              <li key={a.id} className={a.due_date < today ? "text-danger" : undefined}>
                <Link to={`/staff/nonconformities/${a.code}`}>{a.code}</Link>: {a.description} ({formatDate(a.due_date)})
                {a.due_date < today ? <span className="badge badge--danger"> {t("nc.actions.overdue")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {myAudits.length > 0 ? (
        <section aria-labelledby="my-audits-title">
          <h2 id="my-audits-title">{t("home.staff.myAudits")}</h2>
          <ul>
            {myAudits.map((a) => (
              <li key={a.code}>
                <Link to={`/staff/audits/${a.code}`}>{a.code}</Link>: {a.title} ({formatDate(a.startDate)}) — {t(`audits.state.${a.state}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overdueDossiers !== null ? (
        <p className={overdueDossiers > 0 ? "notice notice--warning" : "notice"}>
          <Link to="/staff/dossiers?overdue=1">{t("home.staff.overdueDossiers", { count: overdueDossiers })}</Link>
          {yearFigures ? (
            <>
              {" "}
              {t("figures.home.yearLate", { year: today.slice(0, 4), late: yearFigures.late, open: yearFigures.openLateAtEnd })}
            </>
          ) : null}
        </p>
      ) : null}
      {overdueReviews !== null ? (
        <section aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t("home.staff.reviewsOverdue")}</h2>
          {overdueReviews.length === 0 ? (
            <p>{t("home.staff.noReviewsOverdue")}</p>
          ) : (
            <ul>
              {overdueReviews.map((d) => (
                <li key={d.code}>
                  <Link to={`/staff/documents/${d.code}`}>
                    {d.code} – {d.title}
                  </Link>{" "}
                  ({d.next_review_date ? formatDate(d.next_review_date) : ""})
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <h2>{t("staff.home.shortcuts")}</h2>
      <ul className="shortcut-list">
        {shortcuts.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{t(item.label)}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "staff.home.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
