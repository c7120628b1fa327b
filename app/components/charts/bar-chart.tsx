import { useNavigate } from "@remix-run/react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AxisTick } from "./axis-tick";

export interface ChartSeries<Row> {
  key: string;
  name: string;
  color: string;
  value: (row: Row) => number | null;
  /** Where a click on this series' bar for a row goes (the register filtered to the bar's records). */
  href?: (row: Row) => string | null;
}

interface Datum {
  category: string;
  hrefs: Record<string, string | null>;
  [key: string]: unknown;
}

export interface BarChartProps<Row> {
  /** Stable between server and client: recharts derives its clip-path ids from it. */
  id: string;
  title: string;
  rows: readonly Row[];
  category: (row: Row) => string;
  series: readonly ChartSeries<Row>[];
  format: (value: number) => string;
  stacked?: boolean;
  /** Bars drawn left to right, categories down the side (long category names). */
  horizontal?: boolean;
  domain?: [number, number];
  /** Target lines (named in the figure's legend). */
  references?: readonly { value: number; label: string }[];
  width?: number;
  height?: number;
  categoryWidth?: number;
}

/**
 * A bar chart fed with ready-made figures. Rendered to full SVG on the server (no animation, no
 * measured text), so the HTML carries the chart before any JavaScript; with JavaScript, a click on a
 * bar opens the list behind it. The figure's table carries the same numbers and links.
 */
export function DashboardBarChart<Row>({
  id,
  title,
  rows,
  category,
  series,
  format,
  stacked = false,
  horizontal = false,
  domain,
  references = [],
  width = 640,
  height = 280,
  categoryWidth = 200,
}: BarChartProps<Row>) {
  const navigate = useNavigate();
  const data: Datum[] = rows.map((row) => {
    const datum: Datum = { category: category(row), hrefs: {} };
    for (const s of series) {
      datum[s.key] = s.value(row);
      datum.hrefs[s.key] = s.href?.(row) ?? null;
    }
    return datum;
  });
  // Thin out category labels by a fixed rule (never by measuring), so server and client agree.
  const interval = horizontal ? 0 : Math.max(0, Math.ceil(data.length / 12) - 1);
  const valueTick = <AxisTick format={(v) => format(Number(v))} />;
  const categoryTick = <AxisTick />;
  const valueAxisProps = { type: "number" as const, domain: domain ?? [0, "auto"], tick: valueTick, interval: 0 as const, allowDecimals: false };
  const categoryAxisProps = { type: "category" as const, dataKey: "category", tick: categoryTick, interval };
  return (
    <div className="chart" role="img" aria-label={title}>
      <BarChart
        id={id}
        width={width}
        height={height}
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
        barCategoryGap="20%"
      >
        <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <XAxis {...valueAxisProps} />
        ) : (
          <XAxis {...categoryAxisProps} />
        )}
        {horizontal ? (
          <YAxis {...categoryAxisProps} width={categoryWidth} />
        ) : (
          <YAxis {...valueAxisProps} width={56} />
        )}
        <Tooltip formatter={(value, name) => [format(Number(value)), name]} isAnimationActive={false} />
        {references.map((r) =>
          horizontal ? (
            <ReferenceLine key={r.label} x={r.value} stroke="#a31f1a" strokeDasharray="6 3" ifOverflow="extendDomain" />
          ) : (
            <ReferenceLine key={r.label} y={r.value} stroke="#a31f1a" strokeDasharray="6 3" ifOverflow="extendDomain" />
          ),
        )}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            stackId={stacked ? "stack" : undefined}
            isAnimationActive={false}
            className={s.href ? "chart-bar--link" : undefined}
            onClick={(entry: { payload?: Datum }) => {
              const href = entry.payload?.hrefs[s.key];
              if (href) navigate(href);
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}
