import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { may } from "~/domain/accounts/permissions";
import { useI18n } from "~/i18n/i18n-context";
import { listOwnedActions } from "~/models/actions.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import isoStyles from "~/styles/iso.css?url";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/actions"));
  const canSeeUnit = may(user.roles, "seeUnitActions");
  const unitView = canSeeUnit && new URL(request.url).searchParams.get("scope") === "unit";
  const today = businessDateOf(new Date());
  const items = await listOwnedActions(getDb(), unitView ? { unitId: user.unitId } : { unitId: user.unitId, ownerUserId: user.id }, today);
  return { items, unitView, canSeeUnit };
}

export default function Actions() {
  const { items, unitView, canSeeUnit } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("actions.title")}</h1>
      {canSeeUnit ? (
        <nav className="button-row" aria-label={t("actions.title")}>
          <Link to="/staff/actions" className={unitView ? "button button--secondary" : "button"} aria-current={unitView ? undefined : "page"}>
            {t("actions.mine")}
          </Link>
          <Link to="/staff/actions?scope=unit" className={unitView ? "button" : "button button--secondary"} aria-current={unitView ? "page" : undefined}>
            {t("actions.unit")}
          </Link>
        </nav>
      ) : null}
      {items.length === 0 ? (
        <p>{t("actions.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("actions.title") })}>
          <table className="actions-list" data-testid="actions">
            <thead>
              <tr>
                <th scope="col">{t("actions.col.due")}</th>
                <th scope="col">{t("actions.col.kind")}</th>
                <th scope="col">{t("actions.col.what")}</th>
                {unitView ? <th scope="col">{t("actions.col.owner")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.key} className={a.overdue ? "overdue" : undefined} data-kind={a.kind}>
                  <td className="nowrap">
                    {a.due ? formatDate(a.due) : "—"}
                    {a.overdue ? <span className="badge badge--danger"> {t("actions.overdue")}</span> : null}
                  </td>
                  <td>{t(`actions.kind.${a.kind}`)}</td>
                  <td>
                    <Link to={a.link}>{a.ref}</Link> · {a.title}
                  </td>
                  {unitView ? <td>{a.ownerName}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: isoStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "actions.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
