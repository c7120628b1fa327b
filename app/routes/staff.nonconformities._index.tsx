import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { may } from "~/domain/accounts/permissions";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { NC_SOURCES, NC_STATES, NcSourceSchema } from "~/domain/nonconformities/nonconformity";
import { readsMasked } from "~/domain/shared/personal-data";
import { useI18n } from "~/i18n/i18n-context";
import { listNonconformities } from "~/models/nonconformities.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

const FilterSchema = z.object({
  state: z.enum(NC_STATES).optional().catch(undefined),
  source: NcSourceSchema.optional().catch(undefined),
  open: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/nonconformities"));
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const items = await listNonconformities(getDb(), user.unitId, { ...filter, openOnly: filter.open === "1" }, { maskPersonalData: readsMasked(user.roles) });
  return { filter, items, canRecord: may(user.roles, "recordNonconformities") };
}

export default function Nonconformities() {
  const { filter, items, canRecord } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("nc.register.title")}</h1>
        <div className="button-row">
          <Link to="/staff/nonconformities/analysis" className="button button--secondary">
            {t("nc.analysis.title")}
          </Link>
          {canRecord ? (
            <Link to="/staff/nonconformities/new" className="button">
              {t("nc.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="state">{t("nc.filter.state")}</label>
          <select id="state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {NC_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`nc.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="source">{t("nc.filter.source")}</label>
          <select id="source" name="source" defaultValue={filter.source ?? ""}>
            <option value="">{t("register.filter.all")}</option>
            {NC_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`nc.source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="open" value="1" defaultChecked={filter.open === "1"} />
          {t("nc.filter.openOnly")}
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("register.apply")}
          </button>
          <Link to="/staff/nonconformities">{t("register.clear")}</Link>
        </div>
      </Form>
      {items.length === 0 ? (
        <p>{t("nc.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("nc.register.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("nc.col.code")}</th>
                <th scope="col">{t("nc.col.title")}</th>
                <th scope="col">{t("nc.col.source")}</th>
                <th scope="col">{t("nc.col.process")}</th>
                <th scope="col">{t("nc.col.clause")}</th>
                <th scope="col">{t("nc.col.grade")}</th>
                <th scope="col">{t("nc.col.state")}</th>
                <th scope="col">{t("nc.col.found")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((nc) => (
                <tr key={nc.id}>
                  <td className="nowrap">
                    <Link to={`/staff/nonconformities/${nc.code}`}>{nc.code}</Link>
                  </td>
                  <td>
                    {nc.title}
                    {nc.repeat ? <span className="badge badge--danger"> {t("nc.repeat")}</span> : null}
                  </td>
                  <td>{t(`nc.source.${nc.source}`)}</td>
                  <td>{nc.process}</td>
                  <td>{nc.iso_clause}</td>
                  <td>{t(`nc.grade.${nc.grade}`)}</td>
                  <td>{t(`nc.state.${nc.state}`)}</td>
                  <td className="nowrap">{formatDate(nc.found_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nc.register.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
