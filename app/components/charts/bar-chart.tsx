import { useNavigate } from "@remix-run/react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AxisTick } from "./axis-tick";
import { useContainerWidth } from "./use-container-width";

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
  /** The drawn width before the browser measures the card (the server's HTML scales it down to fit). */
  width?: number;
  height?: number;
  /** The widest the category labels of a horizontal chart get; less on a narrow card. */
  categoryWidth?: number;
}

/** Room per label on the category axis ("01/26" in 12 px) before labels turn to fit. */
const LABEL_ROOM = 38;
const MARGIN = { top: 16, right: 24, bottom: 8, left: 8 };
const VALUE_AXIS_WIDTH = 56;
/** Rotated month labels need this much more height below the plot. */
const ROTATED_LABEL_HEIGHT = 26;
/** About how many 12 px characters fit in a pixel width, for wrapping labels by a fixed rule. */
const charsIn = (pixels: number) => Math.max(8, Math.floor(pixels / 6));

/**
 * A bar chart fed with ready-made figures. Rendered to full SVG on the server (no animation, no
 * measured text), so the HTML carries the chart before any JavaScript, scaled to its card by its
 * viewBox; the browser then draws it at the card's width (a phone shows all twelve months, with
 * the month labels turned when they would not fit side by side). With JavaScript, a click on a
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
  const [ref, drawnWidth] = useContainerWidth<HTMLDivElement>(width);
  const data: Datum[] = rows.map((row) => {
    const datum: Datum = { category: category(row), hrefs: {} };
    for (const s of series) {
      datum[s.key] = s.value(row);
      datum.hrefs[s.key] = s.href?.(row) ?? null;
    }
    return datum;
  });
  // Category labels are laid out by fixed rules from the drawn width (never by measuring text),
  // so the server's HTML and the first client render agree.
  const interval = horizontal ? 0 : Math.max(0, Math.ceil(data.length / 12) - 1);
  const plotWidth = drawnWidth - MARGIN.left - MARGIN.right - VALUE_AXIS_WIDTH;
  const shownLabels = Math.ceil(data.length / (interval + 1));
  const rotate = !horizontal && shownLabels > 0 && plotWidth / shownLabels < LABEL_ROOM;
  const labelWidth = horizontal ? Math.min(categoryWidth, Math.round(drawnWidth * 0.4)) : 0;
  const drawnHeight = height + (rotate ? ROTATED_LABEL_HEIGHT : 0);
  const valueTick = <AxisTick format={(v) => format(Number(v))} />;
  const categoryTick = horizontal ? <AxisTick maxChars={charsIn(labelWidth - 8)} /> : <AxisTick rotate={rotate} />;
  const valueAxisProps = { type: "number" as const, domain: domain ?? [0, "auto"], tick: valueTick, interval: 0 as const, allowDecimals: false };
  const categoryAxisProps = { type: "category" as const, dataKey: "category", tick: categoryTick, interval };
  return (
    <div className="chart" role="img" aria-label={title} ref={ref}>
      <BarChart
        id={id}
        width={drawnWidth}
        height={drawnHeight}
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={MARGIN}
        barCategoryGap="20%"
      >
        <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <XAxis {...valueAxisProps} />
        ) : (
          <XAxis {...categoryAxisProps} height={30 + (rotate ? ROTATED_LABEL_HEIGHT : 0)} />
        )}
        {horizontal ? (
          <YAxis {...categoryAxisProps} width={labelWidth} />
        ) : (
          <YAxis {...valueAxisProps} width={VALUE_AXIS_WIDTH} />
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
