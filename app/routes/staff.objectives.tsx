import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { RATE_METRICS } from "~/domain/metrics/objectives";
import { makePeriod, yearPeriod } from "~/domain/metrics/period";
import { useI18n } from "~/i18n/i18n-context";
import { listObjectivesWithActuals } from "~/models/objectives.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

const YearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/objectives"));
  const now = new Date();
  const today = businessDateOf(now);
  const year = YearSchema.parse(Object.fromEntries(new URL(request.url).searchParams)).year ?? Number(today.slice(0, 4));
  // The current year is measured up to today; past years in full.
  const full = yearPeriod(year);
  const period = full.to > today && full.from <= today ? makePeriod(full.from, today) : full;
  const objectives = await listObjectivesWithActuals(getDb(), user.unitId, year, period, now);
  return { year, period: { from: period.from, to: period.to }, objectives };
}

export default function Objectives() {
  const { year, period, objectives } = useLoaderData<typeof loader>();
  const { t, formatDate, formatNumber, formatRate } = useI18n();
  const show = (metric: string, value: number | null) =>
    value === null ? "—" : RATE_METRICS.includes(metric as never) ? formatRate(value) : formatNumber(value);
  return (
    <main id="main" className="page">
      <h1>{t("objectives.title", { year: String(year) })}</h1>
      <Form method="get" className="inline-filters">
        <div className="field">
          <label htmlFor="year">{t("calendar.year")}</label>
          <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("calendar.show")}
        </button>
      </Form>
      <p className="field-hint">{t("objectives.period", { from: formatDate(period.from), to: formatDate(period.to) })}</p>
      {objectives.length === 0 ? (
        <p>{t("objectives.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("objectives.title", { year: String(year) }) })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("objectives.col.objective")}</th>
                <th scope="col">{t("objectives.col.target")}</th>
                <th scope="col">{t("objectives.col.actual")}</th>
                <th scope="col">{t("objectives.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.title}
                    <div className="field-hint">{t(`objectives.metric.${o.metric}`)}</div>
                  </td>
                  <td className="nowrap">
                    {o.comparator === ">=" ? "≥" : "≤"} {show(o.metric, o.target)}
                  </td>
                  <td className="nowrap">{show(o.metric, o.actual)}</td>
                  <td>
                    <span className={`badge badge--objective-${o.status}`}>{t(`objectives.status.${o.status}`)}</span>
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

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.objectives");

export function ErrorBoundary() {
  return <ErrorPage />;
}
