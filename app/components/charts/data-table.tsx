import { Link } from "@remix-run/react";
import type { Cell, TableSpec } from "~/domain/metrics/dashboard";
import { useI18n } from "~/i18n/i18n-context";
import { scrollRegion } from "~/components/scroll-region";

/** The numbers of a chart as a table: the first column heads each row; linked cells open the records. */
export function DataTable({ spec }: { spec: TableSpec }) {
  const { t, formatNumber, formatRate, formatPoints } = useI18n();
  const content = (cell: Cell) => {
    if ("label" in cell) return t(cell.label);
    if ("text" in cell) return cell.text;
    if ("points" in cell) return formatPoints(cell.points);
    const text =
      "count" in cell ? (cell.count === null ? "—" : formatNumber(cell.count)) : formatRate(cell.rate);
    return cell.href ? <Link to={cell.href}>{text}</Link> : text;
  };
  return (
    <div className="table-scroll" {...scrollRegion({ label: t(spec.caption) })}>
      <table className="data-table">
        <caption>{t(spec.caption)}</caption>
        <thead>
          <tr>
            {spec.columns.map((c) => (
              <th key={c} scope="col">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {content(cell)}
                  </th>
                ) : (
                  <td key={j} className={"label" in cell || "text" in cell ? undefined : "num"}>
                    {content(cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
