import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { feeLabel, fieldLabel, onlineServiceLabel, processingTimeLabel } from "~/components/procedure-facts";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { ProcedureSearchSchema } from "~/domain/procedures/schema";
import { useI18n } from "~/i18n/i18n-context";
import { listProcedures } from "~/models/procedures.server";
import { getPublicUnit } from "~/models/units.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const unit = await getPublicUnit(db);
  if (!unit) throw new Response("No unit configured", { status: 503 });
  const query = ProcedureSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const procedures = await listProcedures(db, { unitId: unit.id, ...query });
  return { query, procedures };
}

export default function Procedures() {
  const { query, procedures } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("procedures.title")}</h1>
      <p className="lead">{t("procedures.intro")}</p>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("procedures.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="field">{t("procedures.field")}</label>
          <select id="field" name="field" defaultValue={query.field ?? ""}>
            <option value="">{t("procedures.allFields")}</option>
            {PROCEDURE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("procedures.searchSubmit")}
          </button>
        </div>
      </Form>
      <p role="status">{t("procedures.count", { count: procedures.length })}</p>
      {procedures.length === 0 ? (
        <p>{t("procedures.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("procedures.title") })}>
          <table className="card-table">
            <thead>
              <tr>
                <th scope="col">{t("procedures.col.code")}</th>
                <th scope="col">{t("procedures.col.name")}</th>
                <th scope="col">{t("procedures.col.field")}</th>
                <th scope="col">{t("procedures.col.time")}</th>
                <th scope="col">{t("procedures.col.fee")}</th>
                <th scope="col">{t("procedures.col.online")}</th>
              </tr>
            </thead>
            <tbody>
              {procedures.map((p) => (
                <tr key={p.code}>
                  <td className="nowrap" data-label={t("procedures.col.code")}>
                    {p.code}
                  </td>
                  <td className="card-table__title" data-label={t("procedures.col.name")}>
                    <Link to={`/procedures/${p.code}`}>{p.name}</Link>
                  </td>
                  <td data-label={t("procedures.col.field")}>{fieldLabel(t, p.field)}</td>
                  <td data-label={t("procedures.col.time")}>{processingTimeLabel(t, p.processingDays)}</td>
                  <td data-label={t("procedures.col.fee")}>{feeLabel(t, p.feeVnd, formatNumber)}</td>
                  <td data-label={t("procedures.col.online")}>{onlineServiceLabel(t, p.onlineService)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "procedures.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
