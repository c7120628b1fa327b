import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { may } from "~/domain/accounts/permissions";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import { getRiskHeatMap, listRisks } from "~/models/risks.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import isoStyles from "~/styles/iso.css?url";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/risks"));
  const db = getDb();
  const [risks, heat] = await Promise.all([listRisks(db, user.unitId), getRiskHeatMap(db, user.unitId)]);
  return { risks, heat, canRecord: may(user.roles, "recordRisks") };
}

export default function RiskRegister() {
  const { risks, heat, canRecord } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  const groups = new Map<string, typeof risks>();
  for (const r of risks) {
    const key = r.process ?? (r.field ? t(`procedureField.${r.field}` as MessageKey) : "—");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("risks.title")}</h1>
        {canRecord ? (
          <Link to="/staff/risks/new" className="button">
            {t("risks.new")}
          </Link>
        ) : null}
      </div>
      <p>{t("risks.intro")}</p>
      <section aria-labelledby="heat-title">
        <h2 id="heat-title">{t("risks.heatMap")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "heat-title" })}>
          <table className="heat-map" data-testid="heat-map">
            <caption className="visually-hidden">{t("risks.heatMapTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("risks.field.likelihood")} \ {t("risks.field.impact")}</th>
                {heat[0]?.cells.map((c) => (
                  <th scope="col" key={c.impact}>
                    {c.impact}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {heat.map((row) => (
                <tr key={row.likelihood}>
                  <th scope="row">{row.likelihood}</th>
                  {row.cells.map((c) => (
                    <td
                      key={c.impact}
                      className={`band-${c.band}`}
                      data-cell={`${row.likelihood}x${c.impact}`}
                      title={t("risks.heatCell", { likelihood: row.likelihood, impact: c.impact, level: c.level, count: c.count })}
                    >
                      {c.count > 0 ? <strong>{c.count}</strong> : <span aria-hidden="true">·</span>}
                      <span className="visually-hidden">{t("risks.heatCell", { likelihood: row.likelihood, impact: c.impact, level: c.level, count: c.count })}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="register-title">
        <h2 id="register-title">{t("risks.byProcess")}</h2>
        {risks.length === 0 ? <p>{t("risks.none")}</p> : null}
        {[...groups.entries()].map(([group, items]) => (
          <div key={group}>
            <h3>{group}</h3>
            <div className="table-scroll" {...scrollRegion({ label: group })}>
              <table className="iso-table">
                <thead>
                  <tr>
                    <th scope="col">{t("risks.field.code")}</th>
                    <th scope="col">{t("risks.field.kind")}</th>
                    <th scope="col">{t("risks.field.title")}</th>
                    <th scope="col">{t("risks.field.level")}</th>
                    <th scope="col">{t("risks.field.owner")}</th>
                    <th scope="col">{t("risks.field.reviewDate")}</th>
                    <th scope="col">{t("risks.field.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <td className="nowrap">
                        <Link to={`/staff/risks/${r.code}`}>{r.code}</Link>
                      </td>
                      <td className="nowrap">{t(`risks.kind.${r.kind}`)}</td>
                      <td>{r.title}</td>
                      <td className="nowrap">
                        <span className={`badge band-${r.band}`}>
                          {r.likelihood}×{r.impact} = {r.level} · {t(`risks.band.${r.band}`)}
                        </span>
                      </td>
                      <td>{r.ownerName}</td>
                      <td className="nowrap">{formatDate(r.reviewDate)}</td>
                      <td>{t(`risks.state.${r.state}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>
    </main>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: isoStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "risks.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
