import { advanceCursor, contentBox, resetBodyStyle, startNewPage, type ReportDocument } from "./document";
import { FONT } from "./fonts";
import { COLOR, FONT_SIZE } from "./theme";

export type CellAlign = "left" | "center" | "right";

export interface TableColumn {
  header: string;
  /** Fixed width in points. */
  width?: number;
  /** Share of the width left after fixed columns (default 1 when `width` is not given). */
  fraction?: number;
  align?: CellAlign;
}

export interface TableSpec {
  columns: readonly TableColumn[];
  /** Cells already formatted as text, in column order. */
  rows: readonly (readonly string[])[];
  /** Printed last, in bold on a tinted band. */
  totalRow?: readonly string[];
  /** Alternate row shading (default true). */
  zebra?: boolean;
  fontSize?: number;
  /** Default: the full content width. */
  width?: number;
}

/** 1-based page numbers the table was drawn on. */
export interface TablePlacement {
  firstPage: number;
  lastPage: number;
}

type RowKind = "header" | "body" | "total";

const PADDING = { x: 4, y: 3 };
const LINE_GAP = 0.5;
const GAP_AFTER = 10;

/** Fixed columns keep their width; the rest share what is left by `fraction`; all shrink if too wide. */
export function resolveColumnWidths(columns: readonly TableColumn[], totalWidth: number): number[] {
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const fractions = columns.reduce(
    (sum, column) => sum + (column.width === undefined ? column.fraction ?? 1 : 0),
    0,
  );
  const remaining = Math.max(totalWidth - fixed, 0);
  const widths = columns.map((column) =>
    column.width !== undefined
      ? column.width
      : fractions > 0
      ? (remaining * (column.fraction ?? 1)) / fractions
      : 0,
  );
  const sum = widths.reduce((total, width) => total + width, 0);
  return sum > totalWidth ? widths.map((width) => (width * totalWidth) / sum) : widths;
}

export function addTable(report: ReportDocument, spec: TableSpec): TablePlacement {
  const { doc } = report;
  const widths = resolveColumnWidths(spec.columns, spec.width ?? contentBox(report).width);
  const fontSize = spec.fontSize ?? FONT_SIZE.small;
  const headerCells = spec.columns.map((column) => column.header);
  const headerHeight = measureRow(report, headerCells, widths, "header", fontSize);

  const firstRow = spec.rows[0] ?? spec.totalRow;
  const firstRowHeight = firstRow ? measureRow(report, firstRow, widths, "body", fontSize) : 0;
  // Never leave the header row alone at the foot of a page.
  if (
    doc.y + headerHeight + Math.min(firstRowHeight, pageBodyHeight(report) / 2) >
    contentBox(report).bottom
  ) {
    startNewPage(report);
  }
  const firstPage = currentPageNumber(report);
  drawRow(report, headerCells, widths, "header", headerHeight, fontSize, spec);

  const rows: { cells: readonly string[]; kind: RowKind }[] = spec.rows.map((cells) => ({
    cells,
    kind: "body",
  }));
  if (spec.totalRow) rows.push({ cells: spec.totalRow, kind: "total" });

  rows.forEach(({ cells, kind }, index) => {
    let height = measureRow(report, cells, widths, kind, fontSize);
    if (doc.y + height > contentBox(report).bottom) {
      startNewPage(report);
      drawRow(report, headerCells, widths, "header", headerHeight, fontSize, spec);
    }
    // A row taller than a whole page is cut (with an ellipsis) rather than overflowing it.
    height = Math.min(height, contentBox(report).bottom - doc.y);
    const shaded = kind === "body" && (spec.zebra ?? true) && index % 2 === 1;
    drawRow(report, cells, widths, kind, height, fontSize, spec, shaded);
  });

  const lastPage = currentPageNumber(report);
  resetBodyStyle(report);
  advanceCursor(report, doc.y, GAP_AFTER);
  return { firstPage, lastPage };
}

function measureRow(
  report: ReportDocument,
  cells: readonly string[],
  widths: readonly number[],
  kind: RowKind,
  fontSize: number,
): number {
  const { doc } = report;
  doc.font(kind === "body" ? FONT.regular : FONT.bold).fontSize(fontSize);
  const textHeights = widths.map((width, column) =>
    doc.heightOfString(cells[column] ?? "", { width: width - 2 * PADDING.x, lineGap: LINE_GAP }),
  );
  return Math.max(doc.currentLineHeight(), ...textHeights) + 2 * PADDING.y;
}

function drawRow(
  report: ReportDocument,
  cells: readonly string[],
  widths: readonly number[],
  kind: RowKind,
  height: number,
  fontSize: number,
  spec: TableSpec,
  shaded = false,
): void {
  const { doc } = report;
  const left = contentBox(report).left;
  const top = doc.y;
  const width = widths.reduce((sum, w) => sum + w, 0);

  const fill =
    kind === "header"
      ? COLOR.headerFill
      : kind === "total"
      ? COLOR.totalFill
      : shaded
      ? COLOR.zebraFill
      : null;
  if (fill) doc.rect(left, top, width, height).fill(fill);

  doc
    .font(kind === "body" ? FONT.regular : FONT.bold)
    .fontSize(fontSize)
    .fillColor(kind === "header" ? COLOR.headerText : COLOR.text);
  let x = left;
  widths.forEach((columnWidth, column) => {
    doc.text(cells[column] ?? "", x + PADDING.x, top + PADDING.y, {
      width: columnWidth - 2 * PADDING.x,
      height: height - 2 * PADDING.y + 1,
      align: spec.columns[column]?.align ?? "left",
      lineGap: LINE_GAP,
      ellipsis: true,
    });
    x += columnWidth;
  });

  const ruleColor = kind === "total" ? COLOR.headerFill : COLOR.grid;
  if (kind === "total") {
    doc
      .moveTo(left, top)
      .lineTo(left + width, top)
      .lineWidth(0.8)
      .strokeColor(ruleColor)
      .stroke();
  }
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .lineWidth(0.5)
    .strokeColor(ruleColor)
    .stroke();
  advanceCursor(report, top + height);
}

function pageBodyHeight(report: ReportDocument): number {
  return contentBox(report).height;
}

function currentPageNumber(report: ReportDocument): number {
  const { doc } = report;
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}
