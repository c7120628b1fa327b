import PDFDocument from "pdfkit";

import { FONT, registerReportFonts } from "./fonts";
import type { ReportLanguage } from "./format";
import { COLOR, FONT_SIZE, LINE_GAP } from "./theme";

export type PageSize = "A4" | "A5";
export type PageOrientation = "portrait" | "landscape";

export interface ReportInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords?: string;
  /** Pass it in to make the output byte-for-byte repeatable; pdfkit stamps "now" otherwise. */
  CreationDate?: Date;
}

export interface ReportDocumentOptions {
  unitName: string;
  title: string;
  subtitle?: string;
  language: ReportLanguage;
  info: ReportInfo;
  /** Stamp printed on every page, e.g. "BẢN KIỂM SOÁT" or "HẾT HIỆU LỰC". */
  marking?: string;
  /** Left side of every footer, e.g. a verification code. */
  footerText?: string;
  size?: PageSize;
  orientation?: PageOrientation;
  /** Title and subtitle at the top of page 1 (default true). */
  titleBlock?: boolean;
  /** Default true; tests turn it off to read content streams. */
  compress?: boolean;
}

export interface ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly language: ReportLanguage;
  readonly options: Readonly<ReportDocumentOptions>;
}

export interface ContentBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

const PAGE_MARGINS: Record<PageSize, { top: number; bottom: number; left: number; right: number }> = {
  A4: { top: 72, bottom: 60, left: 50, right: 50 },
  A5: { top: 64, bottom: 54, left: 36, right: 36 },
};

const PDF_LANG: Record<ReportLanguage, string> = { vi: "vi-VN", en: "en-US" };

const finishedReports = new WeakSet<ReportDocument>();

export function createReportDocument(options: ReportDocumentOptions): ReportDocument {
  const size = options.size ?? "A4";
  const doc = new PDFDocument({
    size,
    layout: options.orientation ?? "portrait",
    margins: PAGE_MARGINS[size],
    bufferPages: true,
    compress: options.compress ?? true,
    lang: PDF_LANG[options.language],
    displayTitle: true,
    info: { Creator: "motcua-qms", Producer: "motcua-qms (PDFKit)", ...options.info },
  });
  registerReportFonts(doc);
  doc.fontSize(FONT_SIZE.body).fillColor(COLOR.text).lineGap(LINE_GAP);

  const report: ReportDocument = { doc, language: options.language, options };
  if (options.titleBlock ?? true) drawTitleBlock(report);
  return report;
}

export function contentBox(report: ReportDocument): ContentBox {
  const { page } = report.doc;
  const { top, bottom, left, right } = page.margins;
  return {
    left,
    top,
    right: page.width - right,
    bottom: page.height - bottom,
    width: page.width - left - right,
    height: page.height - top - bottom,
  };
}

export function remainingHeight(report: ReportDocument): number {
  return contentBox(report).bottom - report.doc.y;
}

export function startNewPage(report: ReportDocument): void {
  report.doc.addPage();
  const box = contentBox(report);
  report.doc.x = box.left;
  report.doc.y = box.top;
}

/** Starts a new page unless `height` points still fit below the cursor. Returns true if it did. */
export function ensureSpace(report: ReportDocument, height: number): boolean {
  if (report.doc.y + height <= contentBox(report).bottom) return false;
  startNewPage(report);
  return true;
}

/** Moves the cursor down, and back to the left margin, after a block drawn at absolute positions. */
export function advanceCursor(report: ReportDocument, toY: number, gapAfter = 0): void {
  const box = contentBox(report);
  report.doc.x = box.left;
  report.doc.y = Math.min(toY + gapAfter, box.bottom);
}

export function resetBodyStyle(report: ReportDocument): void {
  report.doc
    .font(FONT.regular)
    .fontSize(FONT_SIZE.body)
    .fillColor(COLOR.text)
    .lineWidth(1)
    .strokeColor(COLOR.text);
}

export function pageLabel(language: ReportLanguage, pageNumber: number, pageCount: number): string {
  return language === "vi" ? `Trang ${pageNumber} / ${pageCount}` : `Page ${pageNumber} of ${pageCount}`;
}

/** Draws header and footer on every buffered page and ends the document. Called once, by the output functions. */
export function finishReport(report: ReportDocument): void {
  if (finishedReports.has(report)) throw new Error("This report has already been finished");
  finishedReports.add(report);
  const { doc } = report;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    withoutMargins(doc, (edges) => {
      drawPageHeader(report, edges);
      drawPageFooter(report, edges, index - range.start + 1, range.count);
    });
  }
  doc.end();
}

// Text placed inside a page margin makes pdfkit think the page is full and add a new one.
function withoutMargins(doc: PDFKit.PDFDocument, draw: (edges: PageEdges) => void): void {
  const saved = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  try {
    draw({
      left: saved.left,
      right: doc.page.width - saved.right,
      top: saved.top,
      bottom: doc.page.height - saved.bottom,
    });
  } finally {
    doc.page.margins = saved;
  }
}

interface PageEdges {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const HEADER_GAP = 12;
const STAMP_PADDING = { x: 8, y: 3 };

function drawPageHeader(report: ReportDocument, { left, right, top }: PageEdges): void {
  const { doc, options } = report;
  const width = right - left;
  const textTop = Math.max(18, top - 48);
  const ruleY = top - 14;

  const stamp = options.marking ? measureStamp(doc, options.marking) : undefined;
  const slotWidth = (width - (stamp ? stamp.width + 2 * HEADER_GAP : HEADER_GAP)) / 2;
  const slotHeight = ruleY - 4 - textTop;

  doc
    .font(FONT.bold)
    .fontSize(FONT_SIZE.tiny + 0.5)
    .fillColor(COLOR.text);
  doc.text(options.unitName, left, textTop, {
    width: slotWidth,
    height: slotHeight,
    ellipsis: true,
    lineGap: 0,
  });
  doc.font(FONT.regular).fillColor(COLOR.muted);
  doc.text(options.title, right - slotWidth, textTop, {
    width: slotWidth,
    height: slotHeight,
    align: "right",
    ellipsis: true,
    lineGap: 0,
  });

  if (stamp && options.marking) {
    drawStamp(doc, options.marking, left + (width - stamp.width) / 2, textTop - STAMP_PADDING.y, stamp);
  }

  doc.moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
}

function drawPageFooter(
  report: ReportDocument,
  { left, right, bottom }: PageEdges,
  pageNumber: number,
  pageCount: number,
): void {
  const { doc, options, language } = report;
  const ruleY = bottom + 14;
  const textY = ruleY + 6;
  const label = pageLabel(language, pageNumber, pageCount);

  doc.moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
  doc
    .font(FONT.regular)
    .fontSize(FONT_SIZE.tiny + 0.5)
    .fillColor(COLOR.muted);
  const labelWidth = doc.widthOfString(label) + 2;
  doc.text(label, right - labelWidth, textY, { width: labelWidth, align: "right", lineBreak: false });
  if (options.footerText) {
    doc.text(options.footerText, left, textY, {
      width: right - left - labelWidth - HEADER_GAP,
      height: doc.currentLineHeight() * 2,
      ellipsis: true,
      lineGap: 0,
    });
  }
}

function measureStamp(doc: PDFKit.PDFDocument, text: string): { width: number; height: number } {
  doc.font(FONT.bold).fontSize(FONT_SIZE.small);
  return {
    width: doc.widthOfString(text) + 2 * STAMP_PADDING.x,
    height: doc.currentLineHeight() + 2 * STAMP_PADDING.y,
  };
}

function drawStamp(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: { width: number; height: number },
): void {
  doc.roundedRect(x, y, size.width, size.height, 2).lineWidth(1.2).strokeColor(COLOR.stamp).stroke();
  doc.font(FONT.bold).fontSize(FONT_SIZE.small).fillColor(COLOR.stamp);
  doc.text(text, x, y + STAMP_PADDING.y, { width: size.width, align: "center", lineBreak: false });
}

function drawTitleBlock(report: ReportDocument): void {
  const { doc, options } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  doc.text(options.title, box.left, box.top, { width: box.width, align: "center" });
  if (options.subtitle) {
    doc.moveDown(0.2);
    doc.font(FONT.regular).fontSize(FONT_SIZE.subtitle).fillColor(COLOR.muted);
    doc.text(options.subtitle, box.left, doc.y, { width: box.width, align: "center" });
  }
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 14);
}
