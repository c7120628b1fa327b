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
import { yearPeriod } from "~/domain/metrics/period";
import { countOverdueNow, getPeriodFigures } from "~/models/figures.server";
import { listUnreadNotifications, markNotificationRead } from "~/models/nonconformities.server";
import { getWorklist, worklistDay } from "~/models/worklist.server";
import { WorklistSections } from "~/components/worklist/worklist-sections";
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
  return {
    worklist: await getWorklist(db, user, worklistDay(now)),
    // Audits the user sits on; a leader's reports to approve are in the worklist.
    myAudits: hasAnyRole(user.roles, rolesFor("/staff/audits")) ? await listMyAuditTasks(db, user.unitId, user.id, false) : [],
    notifications: await listUnreadNotifications(db, user.id),
    today: businessDateOf(now),
    overdueDossiers: seesDossiers ? await countOverdueNow(db, user.unitId, now) : null,
    // The year's late dossiers in the dashboard's words, so the two pages never seem to disagree.
    yearFigures: seesDossiers ? (await getPeriodFigures(db, user.unitId, yearPeriod(Number(businessDateOf(now).slice(0, 4))), now)).totals : null,
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
  const { displayName, roles, unitName, shortcuts, overdueDossiers, yearFigures, worklist, myAudits, notifications, today } =
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
      <WorklistSections sections={worklist} />
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
