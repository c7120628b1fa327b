import {
  bandLayout,
  chartDomain,
  linearScale,
  niceScale,
  stackSegments,
  stepDecimals,
  type Band,
  type TickScale,
} from "./chart-geometry";
import { advanceCursor, contentBox, ensureSpace, resetBodyStyle, type ReportDocument } from "./document";
import { FONT } from "./fonts";
import { formatNumber } from "./format";
import { COLOR, FONT_SIZE, seriesColor } from "./theme";

export interface ChartSeries {
  name: string;
  /** One value per category; null leaves a gap. */
  values: readonly (number | null)[];
  color?: string;
}

export interface ChartTarget {
  value: number;
  /** e.g. "Mục tiêu ≥ 80%". */
  label: string;
}

interface ChartSpecBase {
  title?: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  target?: ChartTarget;
  /** The axis reaches at least this value (e.g. 100 for percentages). */
  yMax?: number;
  /** Tick and value labels; default: the report language's number format. */
  formatValue?: (value: number) => string;
  /** Print each value next to its bar or point. */
  showValues?: boolean;
  /** Whole block height in points (default 220). */
  height?: number;
  /** Default: the full content width. */
  width?: number;
}

export interface BarChartSpec extends ChartSpecBase {
  stacked?: boolean;
}

export type LineChartSpec = ChartSpecBase;

interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
  y: (value: number) => number;
  scale: TickScale;
  format: (value: number) => string;
}

const DEFAULT_HEIGHT = 220;
const GAP_AFTER = 12;
const SWATCH = 8;
const CATEGORY_LINES = 2;
const VALUE_LABEL_HEADROOM = 0.08;

export function addBarChart(report: ReportDocument, spec: BarChartSpec): void {
  const stacked = spec.stacked ?? false;
  const values = stacked
    ? stackSegments(
        spec.series.map((series) => series.values),
        spec.categories.length,
      ).flatMap((segments) => segments.map((segment) => segment.to))
    : spec.series.flatMap((series) => series.values);

  drawChart(report, spec, values, (plot, bands) => {
    if (stacked) drawStackedBars(report, spec, plot, bands);
    else drawGroupedBars(report, spec, plot, bands);
  });
}

export function addLineChart(report: ReportDocument, spec: LineChartSpec): void {
  const values = spec.series.flatMap((series) => series.values);
  drawChart(report, spec, values, (plot, bands) => drawLines(report, spec, plot, bands), 0);
}

function drawChart(
  report: ReportDocument,
  spec: ChartSpecBase,
  values: readonly (number | null)[],
  drawData: (plot: PlotArea, bands: Band[]) => void,
  bandPadding = 0.25,
): void {
  const { doc } = report;
  const height = Math.min(spec.height ?? DEFAULT_HEIGHT, contentBox(report).height);
  ensureSpace(report, height);
  const box = contentBox(report);
  const width = spec.width ?? box.width;
  const top = doc.y;
  let y = top;

  if (spec.title) {
    doc.font(FONT.bold).fontSize(FONT_SIZE.body).fillColor(COLOR.text);
    const titleHeight = doc.heightOfString(spec.title, { width });
    doc.text(spec.title, box.left, y, { width, height: titleHeight + 1 });
    y += titleHeight + 4;
  }
  y = drawLegend(report, spec, box.left, y, width) + 6;

  const format = spec.formatValue ?? ((value: number) => formatNumber(value, report.language));
  const [low, high] = chartDomain(values, {
    target: spec.target?.value,
    yMax: spec.yMax,
    headroom: spec.showValues ? VALUE_LABEL_HEADROOM : 0,
  });
  const scale = niceScale(low, high, 5);
  const tickFormat =
    spec.formatValue ?? ((value: number) => formatNumber(value, report.language, stepDecimals(scale.step)));

  doc.font(FONT.regular).fontSize(FONT_SIZE.tiny);
  const axisWidth = Math.max(...scale.ticks.map((tick) => doc.widthOfString(tickFormat(tick)))) + 6;
  const labelHeight = doc.currentLineHeight() * CATEGORY_LINES + 4;
  const plotLeft = box.left + axisWidth;
  const targetLabelWidth = spec.target ? targetLabelSize(report, spec.target).width + 6 : 0;
  const plotRight = box.left + width - targetLabelWidth;
  const plotTop = y + 4;
  const plotBottom = top + height - labelHeight;
  const plot: PlotArea = {
    left: plotLeft,
    top: plotTop,
    right: plotRight,
    bottom: plotBottom,
    y: linearScale([scale.min, scale.max], [plotBottom, plotTop]),
    scale,
    format,
  };
  const bands = bandLayout(spec.categories.length, plotLeft, plotRight - plotLeft, bandPadding);

  drawYAxis(report, plot, tickFormat);
  drawCategoryLabels(report, spec.categories, plot, bands);
  drawData(plot, bands);
  if (spec.target) drawTargetLine(report, spec.target, plot);

  resetBodyStyle(report);
  doc.undash();
  advanceCursor(report, top + height, GAP_AFTER);
}

function drawLegend(
  report: ReportDocument,
  spec: ChartSpecBase,
  left: number,
  top: number,
  width: number,
): number {
  const { doc } = report;
  doc.font(FONT.regular).fontSize(FONT_SIZE.tiny).fillColor(COLOR.text);
  const lineHeight = doc.currentLineHeight();
  const items: { label: string; draw: (x: number, y: number) => void }[] = spec.series.map(
    (series, index) => ({
      label: series.name,
      draw: (x, y) => {
        doc.rect(x, y + (lineHeight - SWATCH) / 2, SWATCH, SWATCH).fill(seriesColor(index, series.color));
      },
    }),
  );
  if (spec.target) {
    items.push({
      label: spec.target.label,
      draw: (x, y) => {
        const middle = y + lineHeight / 2;
        doc
          .moveTo(x, middle)
          .lineTo(x + SWATCH + 4, middle)
          .dash(3, { space: 2 });
        doc.lineWidth(1.2).strokeColor(COLOR.target).stroke().undash();
      },
    });
  }

  let x = left;
  let y = top;
  for (const item of items) {
    doc.font(FONT.regular).fontSize(FONT_SIZE.tiny);
    const itemWidth = SWATCH + 8 + doc.widthOfString(item.label) + 14;
    if (x > left && x + itemWidth > left + width) {
      x = left;
      y += lineHeight + 2;
    }
    item.draw(x, y);
    doc.fillColor(COLOR.text).text(item.label, x + SWATCH + 8, y, { lineBreak: false });
    x += itemWidth;
  }
  return items.length > 0 ? y + lineHeight : top;
}

function drawYAxis(report: ReportDocument, plot: PlotArea, tickFormat: (value: number) => string): void {
  const { doc } = report;
  doc.font(FONT.regular).fontSize(FONT_SIZE.tiny);
  const halfLine = doc.currentLineHeight() / 2;
  for (const tick of plot.scale.ticks) {
    const y = plot.y(tick);
    doc
      .moveTo(plot.left, y)
      .lineTo(plot.right, y)
      .lineWidth(tick === 0 ? 0.9 : 0.4)
      .strokeColor(tick === 0 ? COLOR.muted : COLOR.grid)
      .stroke();
    const label = tickFormat(tick);
    const labelWidth = plot.left - 4 - contentBox(report).left;
    doc.fillColor(COLOR.muted).text(label, plot.left - 4 - labelWidth, y - halfLine, {
      width: labelWidth,
      align: "right",
      lineBreak: false,
    });
  }
  doc
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.bottom)
    .lineWidth(0.6)
    .strokeColor(COLOR.muted)
    .stroke();
}

function drawCategoryLabels(
  report: ReportDocument,
  categories: readonly string[],
  plot: PlotArea,
  bands: Band[],
): void {
  const { doc } = report;
  doc.font(FONT.regular).fontSize(FONT_SIZE.tiny).fillColor(COLOR.text);
  const height = doc.currentLineHeight() * CATEGORY_LINES + 1;
  const step = bands.length > 1 ? (bands[1]?.start ?? 0) - (bands[0]?.start ?? 0) : plot.right - plot.left;
  categories.forEach((category, index) => {
    const band = bands[index];
    if (!band) return;
    doc.text(category, band.center - step / 2, plot.bottom + 3, {
      width: step,
      height,
      align: "center",
      ellipsis: true,
      lineGap: 0,
    });
  });
}

function drawGroupedBars(report: ReportDocument, spec: BarChartSpec, plot: PlotArea, bands: Band[]): void {
  const { doc } = report;
  const seriesCount = Math.max(1, spec.series.length);
  bands.forEach((band, category) => {
    const barWidth = band.width / seriesCount;
    spec.series.forEach((series, seriesIndex) => {
      const value = series.values[category];
      if (value === null || value === undefined) return;
      const x = band.start + seriesIndex * barWidth;
      const y0 = plot.y(0);
      const y1 = plot.y(value);
      doc
        .rect(x + 0.5, Math.min(y0, y1), Math.max(barWidth - 1, 0.5), Math.abs(y0 - y1))
        .fill(seriesColor(seriesIndex, series.color));
      if (spec.showValues) drawValueLabel(report, plot.format(value), x + barWidth / 2, Math.min(y0, y1));
    });
  });
}

function drawStackedBars(report: ReportDocument, spec: BarChartSpec, plot: PlotArea, bands: Band[]): void {
  const { doc } = report;
  const stacks = stackSegments(
    spec.series.map((series) => series.values),
    spec.categories.length,
  );
  bands.forEach((band, category) => {
    const segments = stacks[category] ?? [];
    for (const segment of segments) {
      const y0 = plot.y(segment.from);
      const y1 = plot.y(segment.to);
      doc
        .rect(band.start, Math.min(y0, y1), band.width, Math.abs(y0 - y1))
        .fill(seriesColor(segment.series, spec.series[segment.series]?.color));
    }
    if (spec.showValues && segments.length > 0) {
      const total = segments.reduce((sum, segment) => sum + (segment.to - segment.from), 0);
      const top = Math.max(...segments.map((segment) => Math.max(segment.from, segment.to)));
      drawValueLabel(report, plot.format(total), band.center, plot.y(top));
    }
  });
}

function drawLines(report: ReportDocument, spec: LineChartSpec, plot: PlotArea, bands: Band[]): void {
  const { doc } = report;
  spec.series.forEach((series, seriesIndex) => {
    const color = seriesColor(seriesIndex, series.color);
    const points = bands.map((band, category) => {
      const value = series.values[category];
      return value === null || value === undefined ? null : { x: band.center, y: plot.y(value), value };
    });

    let drawing = false;
    for (const point of points) {
      if (!point) {
        drawing = false;
        continue;
      }
      if (drawing) doc.lineTo(point.x, point.y);
      else doc.moveTo(point.x, point.y);
      drawing = true;
    }
    doc.lineWidth(1.6).lineJoin("round").strokeColor(color).stroke();

    for (const point of points) {
      if (!point) continue;
      doc.circle(point.x, point.y, 2.4).fill(color);
      if (spec.showValues) drawValueLabel(report, plot.format(point.value), point.x, point.y - 2);
    }
  });
}

function drawTargetLine(report: ReportDocument, target: ChartTarget, plot: PlotArea): void {
  const { doc } = report;
  const y = plot.y(target.value);
  doc
    .moveTo(plot.left, y)
    .lineTo(plot.right, y)
    .dash(4, { space: 3 })
    .lineWidth(1.2)
    .strokeColor(COLOR.target)
    .stroke()
    .undash();
  const size = targetLabelSize(report, target);
  doc.fillColor(COLOR.target).text(target.label, plot.right + 4, y - size.height / 2, {
    width: size.width,
    lineBreak: false,
  });
}

/** Also sets the font the label is drawn in. */
function targetLabelSize(report: ReportDocument, target: ChartTarget): { width: number; height: number } {
  const { doc } = report;
  doc.font(FONT.bold).fontSize(FONT_SIZE.tiny);
  return { width: doc.widthOfString(target.label) + 1, height: doc.currentLineHeight() };
}

function drawValueLabel(report: ReportDocument, label: string, centerX: number, topY: number): void {
  const { doc } = report;
  doc
    .font(FONT.regular)
    .fontSize(FONT_SIZE.tiny - 0.5)
    .fillColor(COLOR.text);
  const width = doc.widthOfString(label) + 2;
  doc.text(label, centerX - width / 2, topY - doc.currentLineHeight() - 1, {
    width,
    align: "center",
    lineBreak: false,
  });
}
