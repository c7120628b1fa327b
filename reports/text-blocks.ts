import { advanceCursor, contentBox, ensureSpace, resetBodyStyle, type ReportDocument } from "./document";
import { FONT } from "./fonts";
import { COLOR, FONT_SIZE, LINE_GAP } from "./theme";

export type HeadingLevel = 1 | 2 | 3;

const HEADING_SPACE_BEFORE: Record<HeadingLevel, number> = { 1: 14, 2: 10, 3: 8 };
// A heading is never left alone at the foot of a page: it needs room for a few lines after it.
const HEADING_KEEP_WITH_NEXT = 48;

export function addHeading(report: ReportDocument, text: string, level: HeadingLevel = 1): void {
  const { doc } = report;
  const box = contentBox(report);
  const size = FONT_SIZE.heading[level - 1] ?? FONT_SIZE.body;
  doc.font(FONT.bold).fontSize(size);
  const height = doc.heightOfString(text, { width: box.width, lineGap: LINE_GAP });
  const atTop = doc.y <= box.top;
  if (!ensureSpace(report, height + HEADING_SPACE_BEFORE[level] + HEADING_KEEP_WITH_NEXT) && !atTop) {
    doc.y += HEADING_SPACE_BEFORE[level];
  }
  doc.fillColor(level === 1 ? COLOR.headerFill : COLOR.text);
  doc.text(text, box.left, doc.y, { width: box.width, lineGap: LINE_GAP });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, level === 1 ? 6 : 4);
}

export interface ParagraphOptions {
  align?: "left" | "center" | "right" | "justify";
  tone?: "normal" | "muted" | "italic";
  fontSize?: number;
  gapAfter?: number;
}

/** Flows across pages on its own. */
export function addParagraph(report: ReportDocument, text: string, options: ParagraphOptions = {}): void {
  const { doc } = report;
  const box = contentBox(report);
  const tone = options.tone ?? "normal";
  doc
    .font(tone === "italic" ? FONT.italic : FONT.regular)
    .fontSize(options.fontSize ?? FONT_SIZE.body)
    .fillColor(tone === "normal" ? COLOR.text : COLOR.muted);
  ensureSpace(report, doc.currentLineHeight(true));
  doc.text(text, box.left, doc.y, { width: box.width, align: options.align ?? "left", lineGap: LINE_GAP });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, options.gapAfter ?? 6);
}

export interface KeyValue {
  label: string;
  value: string;
}

export interface KeyValueOptions {
  /** Width of the label column in points; default fits the longest label, up to 40% of the width. */
  labelWidth?: number;
  fontSize?: number;
}

const KEY_VALUE_GAP = 8;

export function addKeyValues(
  report: ReportDocument,
  entries: readonly KeyValue[],
  options: KeyValueOptions = {},
): void {
  const { doc } = report;
  const box = contentBox(report);
  const fontSize = options.fontSize ?? FONT_SIZE.body;
  doc.font(FONT.bold).fontSize(fontSize);
  const labelWidth =
    options.labelWidth ??
    Math.min(
      Math.max(0, ...entries.map((entry) => doc.widthOfString(`${entry.label}:`))) + 2,
      box.width * 0.4,
    );
  const valueWidth = box.width - labelWidth - KEY_VALUE_GAP;

  for (const entry of entries) {
    const label = `${entry.label}:`;
    doc.font(FONT.bold).fontSize(fontSize);
    const labelHeight = doc.heightOfString(label, { width: labelWidth, lineGap: LINE_GAP });
    doc.font(FONT.regular);
    const valueHeight = doc.heightOfString(entry.value, { width: valueWidth, lineGap: LINE_GAP });
    const height = Math.max(labelHeight, valueHeight);
    ensureSpace(report, height);
    const { left, bottom } = contentBox(report);
    const y = doc.y;
    const clip = { height: Math.min(height, bottom - y) + 1, ellipsis: true, lineGap: LINE_GAP };
    doc
      .font(FONT.bold)
      .fillColor(COLOR.text)
      .text(label, left, y, { width: labelWidth, ...clip });
    doc
      .font(FONT.regular)
      .text(entry.value, left + labelWidth + KEY_VALUE_GAP, y, { width: valueWidth, ...clip });
    advanceCursor(report, y + height, 2);
  }
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 4);
}

export function addSpacer(report: ReportDocument, height: number): void {
  if (!ensureSpace(report, height)) advanceCursor(report, report.doc.y + height);
}
