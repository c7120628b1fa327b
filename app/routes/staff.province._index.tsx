import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { JudgementLine } from "~/components/figures/judgement-line";
import { PeriodPickerFields } from "~/components/period-picker-fields";
import { dashboardQueryString, DashboardQuerySchema, lenientDashboardQuery, resolvePeriod } from "~/domain/metrics/dashboard";
import { PROVINCE_COLUMNS, provinceCells, type ProvinceCell } from "~/domain/metrics/province";
import { useI18n } from "~/i18n/i18n-context";
import { getLanguage } from "~/i18n/language.server";
import { getProvinceComparison } from "~/models/province.server";
import { getUnit } from "~/models/units.server";
import dashboardStyles from "~/styles/dashboard.css?url";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

// The same picker as the dashboard, so the same stylesheet.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/province"));
  const db = getDb();
  const now = new Date();
  const searchParams = new URL(request.url).searchParams;
  const submission = parseWithZod(searchParams, { schema: DashboardQuerySchema });
  const query = submission.status === "success" ? submission.value : lenientDashboardQuery(Object.fromEntries(searchParams));
  const resolved = resolvePeriod(query, businessDateOf(now));
  const [comparison, unit] = await Promise.all([
    getProvinceComparison(db, user.unitId, resolved.period, now, await getLanguage(request)),
    getUnit(db, user.unitId),
  ]);
  const periodQuery = dashboardQueryString(resolved);
  return {
    lastResult: submission.status !== "success" ? submission.reply() : undefined,
    picker: {
      period: resolved.kind,
      year: String(resolved.year),
      month: String(resolved.month),
      quarter: String(resolved.quarter),
      from: resolved.period.from,
      to: resolved.period.to,
    },
    unitName: unit?.name ?? "",
    period: { from: resolved.period.from, to: resolved.period.to },
    status: comparison.measured.status,
    judgedAt: comparison.measured.period.endInstant,
    periodQuery,
    rows: comparison.rows.map((row, i) => ({ ...row, cells: provinceCells(row, i + 1), dashboardHref: `/staff/dashboard?${dashboardQueryString(resolved, row.unitId)}` })),
  };
}

export default function ProvinceDashboard() {
  const data = useLoaderData<typeof loader>();
  const { t, formatNumber, formatRate, formatDate } = useI18n();
  const [form, fields] = useForm({
    id: `province-${data.periodQuery}`,
    lastResult: data.lastResult,
    defaultValue: data.picker,
    shouldValidate: "onSubmit",
  });
  const show = (cell: ProvinceCell) => {
    if ("text" in cell) return cell.text;
    if ("count" in cell) return cell.count === null ? "—" : formatNumber(cell.count);
    if ("rate" in cell) return cell.rate === null ? "—" : formatRate(cell.rate);
    return cell.points === null ? "—" : formatNumber(cell.points);
  };
  return (
    <main id="main" className="page province">
      <h1>{t("province.title")}</h1>
      <p>{t("province.intro")}</p>
      <Form method="get" {...getFormProps(form)} className="filters dashboard-picker">
        <PeriodPickerFields fields={fields} />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("dashboard.picker.show")}
          </button>
        </div>
      </Form>
      <JudgementLine unit={data.unitName} status={data.status} chosen={data.period} judgedAt={data.judgedAt} />
      <p>
        <a href={`/staff/province/export.csv?${data.periodQuery}`} download>
          {t("province.exportCsv")}
        </a>
      </p>
      {data.rows.length === 0 ? (
        <p>{t("province.empty")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("province.title") })}>
          <table className="data-table card-table province-table">
            <thead>
              <tr>
                {PROVINCE_COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {t(`province.col.${c}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t("province.openDashboard")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.unitId} data-unit={row.code}>
                  {row.cells.map((cell, i) =>
                    PROVINCE_COLUMNS[i] === "name" ? (
                      <th key={i} scope="row">
                        {show(cell)}
                        {row.mergedInto && row.mergedOn ? (
                          <small className="province-table__merged">{t("province.merged", { name: row.mergedInto, date: formatDate(row.mergedOn) })}</small>
                        ) : null}
                      </th>
                    ) : (
                      <td key={i} className={"text" in cell ? undefined : "num"} data-label={t(`province.col.${PROVINCE_COLUMNS[i]!}`)}>
                        {show(cell)}
                      </td>
                    ),
                  )}
                  <td className="card-table__action">
                    <Link to={row.dashboardHref}>{t("province.openDashboard")}</Link>
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

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.province");

export function ErrorBoundary() {
  return <ErrorPage />;
}
