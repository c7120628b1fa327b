import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { listChecklistTemplates } from "~/models/checklists.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { may } from "~/domain/accounts/permissions";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/checklists"));
  return {
    templates: await listChecklistTemplates(getDb(), user.unitId),
    canEdit: may(user.roles, "keepQualitySystem"),
  };
}

export default function Checklists() {
  const { templates, canEdit } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("checklist.title")}</h1>
        {canEdit ? (
          <Link to="/staff/checklists/new" className="button">
            {t("checklist.new")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("checklist.intro")}</p>
      {templates.length === 0 ? (
        <p>{t("checklist.empty")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("checklist.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("checklist.col.code")}</th>
                <th scope="col">{t("checklist.col.title")}</th>
                <th scope="col">{t("checklist.col.clause")}</th>
                <th scope="col">{t("checklist.col.process")}</th>
                <th scope="col">{t("checklist.col.items")}</th>
                <th scope="col">{t("checklist.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {templates.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">
                    <Link to={`/staff/checklists/${c.code}`}>{c.code}</Link>
                  </td>
                  <td>{c.title}</td>
                  <td>{c.isoClause}</td>
                  <td className="nowrap">{c.process ?? t("checklist.noProcess")}</td>
                  <td>{formatNumber(c.itemCount)}</td>
                  <td>
                    {c.isActive ? (
                      <span className="badge badge--ok">{t("checklist.status.active")}</span>
                    ) : (
                      <span className="badge badge--muted">{t("checklist.status.inactive")}</span>
                    )}
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

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "checklist.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
