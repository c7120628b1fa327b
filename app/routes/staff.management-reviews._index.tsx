import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { may } from "~/domain/accounts/permissions";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { listManagementReviews } from "~/models/management-reviews.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/management-reviews"));
  const reviews = await listManagementReviews(getDb(), user.unitId);
  return { reviews, canPlan: may(user.roles, "editManagementReviews") };
}

export default function ManagementReviews() {
  const { reviews, canPlan } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("review.list.title")}</h1>
        {canPlan ? (
          <div className="button-row">
            <Link to="/staff/management-reviews/new" className="button">
              {t("review.new")}
            </Link>
          </div>
        ) : null}
      </div>
      <p>{t("review.list.intro")}</p>
      {reviews.length === 0 ? (
        <p>{t("review.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("review.list.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.col.code")}</th>
                <th scope="col">{t("review.col.period")}</th>
                <th scope="col">{t("review.col.meetingDate")}</th>
                <th scope="col">{t("review.col.chair")}</th>
                <th scope="col">{t("review.col.state")}</th>
                <th scope="col">{t("review.col.documents")}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    <Link to={`/staff/management-reviews/${r.code}`}>{r.code}</Link>
                  </td>
                  <td className="nowrap">{t("review.periodRange", { from: formatDate(r.period_from), to: formatDate(r.period_to) })}</td>
                  <td className="nowrap">{formatDate(r.meeting_date)}</td>
                  <td>{r.chair_name}</td>
                  <td>{t(`review.state.${r.state}`)}</td>
                  <td>
                    <a href={`/staff/management-reviews/${r.code}/input.pdf`}>{t("review.link.input")}</a>
                    {r.state === "recorded" ? (
                      <>
                        {" · "}
                        <a href={`/staff/management-reviews/${r.code}/record.pdf`}>{t("review.link.record")}</a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "review.list.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
