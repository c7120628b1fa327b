import { DashboardBarChart } from "~/components/charts/bar-chart";
import { ChartFigure } from "~/components/charts/chart-figure";
import { DataTable } from "~/components/charts/data-table";
import { CHART_COLORS } from "~/components/charts/palette";
import { serviceIndexTable, serviceIndexTrendTable, type ServiceIndexView } from "~/domain/metrics/dashboard";
import { useI18n } from "~/i18n/i18n-context";

const axisMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;

/**
 * The Decision 766 scorecard of a period: the total, each group and indicator with its value,
 * points and maximum (or why it is not measured), and the total's monthly trend. The dashboard and
 * /transparency show the same component fed by the same function.
 */
export function ServiceIndexSection({ view, csvHref, trendCsvHref }: { view: ServiceIndexView; csvHref?: string; trendCsvHref?: string }) {
  const { t, formatPoints, formatDate } = useI18n();
  const card = view.scorecard;
  const points = (value: number) => formatPoints(value);
  return (
    <section aria-labelledby="service-index-title" className="service-index">
      <h2 id="service-index-title">{t("serviceIndex.title")}</h2>
      {card ? (
        <>
          <p className="service-index__total" data-figure="service_index_total">
            <span className="kpi__label">{t("serviceIndex.total")}: </span>
            <strong>
              {card.total === null
                ? t("serviceIndex.totalNone", { max: card.maxTotal })
                : t("serviceIndex.totalOf", { total: points(card.total), measuredMax: points(card.measuredMaxTotal), max: points(card.maxTotal) })}
            </strong>
          </p>
          <DataTable spec={serviceIndexTable(card)} />
          {csvHref ? (
            <p className="chart-figure__export">
              <a href={csvHref} download>
                {t("dashboard.exportCsv")}
              </a>
            </p>
          ) : null}
          <p className="field-hint">
            {t("serviceIndex.basis", { title: card.version.title, legalBasis: card.version.legalBasis, from: formatDate(card.version.effectiveFrom) })}{" "}
            {t("serviceIndex.note")}
          </p>
          {view.months.length > 1 ? (
            <ChartFigure
              id="chart-service-index"
              empty={view.months.every((m) => m.total === null)}
              title={t("serviceIndex.trend.title")}
              legend={[{ label: t("serviceIndex.col.points"), color: CHART_COLORS.rate }]}
              table={serviceIndexTrendTable(view.months)}
              csvHref={trendCsvHref}
            >
              <DashboardBarChart
                id="chart-service-index"
                title={t("serviceIndex.trend.title")}
                rows={view.months}
                category={(m) => axisMonth(m.month)}
                format={points}
                domain={[0, card.maxTotal]}
                series={[{ key: "total", name: t("serviceIndex.col.points"), color: CHART_COLORS.rate, value: (m) => m.total }]}
              />
            </ChartFigure>
          ) : null}
        </>
      ) : (
        <p>{t("serviceIndex.none")}</p>
      )}
    </section>
  );
}
