import type { ReactNode } from "react";
import type { TableSpec } from "~/domain/metrics/dashboard";
import { useI18n } from "~/i18n/i18n-context";
import { DataTable } from "./data-table";

export interface LegendItem {
  label: string;
  color: string;
  /** A dashed line (a target) rather than a filled box. */
  line?: boolean;
}

/**
 * A chart with its title, its legend (plain HTML, the same before and after JavaScript), the table
 * of the same numbers behind a disclosure, and a CSV export of that table when there is one.
 */
export function ChartFigure({
  id,
  title,
  note,
  legend,
  table,
  csvHref,
  empty = false,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  legend: readonly LegendItem[];
  table: TableSpec;
  csvHref?: string;
  /** Nothing to draw in the period: say so instead of an empty frame. */
  empty?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart-figure" id={`${id}-figure`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-figure__title">
        {title}
      </figcaption>
      {note ? <p className="field-hint">{note}</p> : null}
      {empty ? <p className="chart-figure__empty">{t("dashboard.chart.empty")}</p> : <div className="chart-figure__canvas">{children}</div>}
      <ul className="chart-legend" hidden={empty}>
        {legend.map((item) => (
          <li key={item.label}>
            <span
              className={item.line ? "chart-legend__swatch chart-legend__swatch--line" : "chart-legend__swatch"}
              style={{ [item.line ? "borderColor" : "backgroundColor"]: item.color }}
              aria-hidden="true"
            />
            {item.label}
          </li>
        ))}
      </ul>
      <details className="chart-figure__data">
        <summary>{t("dashboard.showTable")}</summary>
        <DataTable spec={table} />
      </details>
      {csvHref ? (
        <p className="chart-figure__export">
          <a href={csvHref} download>
            {t("dashboard.exportCsv")}
          </a>
        </p>
      ) : null}
    </figure>
  );
}
