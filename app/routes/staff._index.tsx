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
import { listOverdueReviews } from "~/models/documents.server";
import { countOverdueNow } from "~/models/metrics.server";
import { businessDateOf } from "~/utils/clock";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const unit = await getUnit(db, user.unitId);
  const now = new Date();
  const seesDossiers = hasAnyRole(user.roles, rolesFor("/staff/dossiers"));
  const seesDocuments = hasAnyRole(user.roles, rolesFor("/staff/documents"));
  return {
    overdueDossiers: seesDossiers ? await countOverdueNow(db, user.unitId, now) : null,
    overdueReviews: seesDocuments ? await listOverdueReviews(db, user.unitId, businessDateOf(now)) : null,
    displayName: user.displayName,
    roles: user.roles,
    unitName: unit?.name ?? "",
    shortcuts: staffNavFor(user.roles)
      .filter((item) => item.to !== "/staff")
      .map(({ to, label }) => ({ to, label })),
  };
}

export default function StaffHome() {
  const { displayName, roles, unitName, shortcuts, overdueDossiers, overdueReviews } = useLoaderData<typeof loader>();
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
      {overdueDossiers !== null ? (
        <p className={overdueDossiers > 0 ? "notice notice--warning" : "notice"}>
          <Link to="/staff/dossiers?overdue=1">{t("home.staff.overdueDossiers", { count: overdueDossiers })}</Link>
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
