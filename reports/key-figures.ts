import { advanceCursor, contentBox, ensureSpace, resetBodyStyle, type ReportDocument } from "./document";
import { FONT } from "./fonts";
import { COLOR, FONT_SIZE } from "./theme";

export type FigureStatus = "good" | "warning" | "bad" | "neutral";

export interface KeyFigure {
  /** Already formatted, e.g. "100%" or "4.492". */
  value: string;
  label: string;
  /** e.g. "Mục tiêu ≥ 80%". */
  note?: string;
  status?: FigureStatus;
}

export interface KeyFigureOptions {
  /** Boxes per row (default: all of them, at most 4). */
  perRow?: number;
}

const GAP = 8;
const PADDING = 8;
const ACCENT_WIDTH = 3;
const VALUE_SIZE = 20;

export function addKeyFigures(
  report: ReportDocument,
  figures: readonly KeyFigure[],
  options: KeyFigureOptions = {},
): void {
  const perRow = Math.max(1, options.perRow ?? Math.min(figures.length, 4));
  for (let start = 0; start < figures.length; start += perRow) {
    drawFigureRow(report, figures.slice(start, start + perRow), perRow);
  }
  resetBodyStyle(report);
  advanceCursor(report, report.doc.y, 4);
}

function drawFigureRow(report: ReportDocument, figures: readonly KeyFigure[], perRow: number): void {
  const { doc } = report;
  const boxWidth = (contentBox(report).width - GAP * (perRow - 1)) / perRow;
  const textWidth = boxWidth - 2 * PADDING - ACCENT_WIDTH;
  const height = Math.max(...figures.map((figure) => figureHeight(report, figure, textWidth))) + 2 * PADDING;
  ensureSpace(report, height);
  const { left } = contentBox(report);
  const top = doc.y;

  figures.forEach((figure, index) => {
    const x = left + index * (boxWidth + GAP);
    const accent = statusColor(figure.status);
    doc.roundedRect(x, top, boxWidth, height, 3).lineWidth(0.6).fillAndStroke(COLOR.boxFill, COLOR.boxBorder);
    doc.rect(x, top, ACCENT_WIDTH, height).fill(accent);

    const textX = x + ACCENT_WIDTH + PADDING;
    let y = top + PADDING;
    y = drawText(report, figure.value, textX, y, textWidth, FONT.bold, VALUE_SIZE, accent);
    y = drawText(report, figure.label, textX, y + 2, textWidth, FONT.regular, FONT_SIZE.small, COLOR.text);
    if (figure.note)
      drawText(report, figure.note, textX, y + 2, textWidth, FONT.italic, FONT_SIZE.tiny, COLOR.muted);
  });
  advanceCursor(report, top + height, GAP);
}

function figureHeight(report: ReportDocument, figure: KeyFigure, width: number): number {
  const { doc } = report;
  let height = doc.font(FONT.bold).fontSize(VALUE_SIZE).heightOfString(figure.value, { width, lineGap: 0 });
  height +=
    2 + doc.font(FONT.regular).fontSize(FONT_SIZE.small).heightOfString(figure.label, { width, lineGap: 0 });
  if (figure.note) {
    height +=
      2 + doc.font(FONT.italic).fontSize(FONT_SIZE.tiny).heightOfString(figure.note, { width, lineGap: 0 });
  }
  return height;
}

function drawText(
  report: ReportDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  font: string,
  size: number,
  color: string,
): number {
  const { doc } = report;
  doc.font(font).fontSize(size).fillColor(color);
  const height = doc.heightOfString(text, { width, lineGap: 0 });
  doc.text(text, x, y, { width, height: height + 1, lineGap: 0 });
  return y + height;
}

function statusColor(status: FigureStatus = "neutral"): string {
  return COLOR[status];
}
