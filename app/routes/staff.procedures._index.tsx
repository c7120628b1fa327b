import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { feeLabel, fieldLabel, processingTimeLabel } from "~/components/procedure-facts";
import { useI18n } from "~/i18n/i18n-context";
import { listProcedures } from "~/models/procedures.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { may } from "~/domain/accounts/permissions";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/procedures"));
  const procedures = await listProcedures(getDb(), { unitId: user.unitId, includeInactive: true });
  return { procedures, canEdit: may(user.roles, "keepQualitySystem") };
}

export default function StaffProcedures() {
  const { procedures, canEdit } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("procedures.staffTitle")}</h1>
        {canEdit ? (
          <Link to="/staff/procedures/new" className="button">
            {t("procedures.new")}
          </Link>
        ) : null}
      </div>
      <div className="table-scroll" {...scrollRegion({ label: t("procedures.staffTitle") })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("procedures.col.code")}</th>
              <th scope="col">{t("procedures.col.name")}</th>
              <th scope="col">{t("procedures.col.field")}</th>
              <th scope="col">{t("procedures.col.time")}</th>
              <th scope="col">{t("procedures.col.fee")}</th>
              <th scope="col">{t("users.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {procedures.map((p) => (
              <tr key={p.code}>
                <td className="nowrap">{p.code}</td>
                <td>{canEdit ? <Link to={`/staff/procedures/${p.code}`}>{p.name}</Link> : p.name}</td>
                <td>{fieldLabel(t, p.field)}</td>
                <td>{processingTimeLabel(t, p.processingDays)}</td>
                <td>{feeLabel(t, p.feeVnd, formatNumber)}</td>
                <td>
                  {p.isActive ? (
                    <span className="badge badge--ok">{t("procedures.active")}</span>
                  ) : (
                    <span className="badge badge--muted">{t("procedures.inactive")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "procedures.staffTitle");

export function ErrorBoundary() {
  return <ErrorPage />;
}
