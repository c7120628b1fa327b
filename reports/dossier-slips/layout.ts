import {
  advanceCursor,
  contentBox,
  createReportDocument,
  ensureSpace,
  resetBodyStyle,
  type ReportDocument,
} from "../document";
import { FONT } from "../fonts";
import { COLOR, FONT_SIZE } from "../theme";
import type { DossierSlipData, SlipRuleSet } from "./data";
import { flowText, type RunFont } from "./flow-text";
import { NATIONAL_MOTTO, NATIONAL_NAME } from "./wording";

export type SlipForm = keyof Omit<SlipRuleSet["forms"], "trackingBook">;

/** The slips are A5 and text-dense: one step below the toolkit's body size. */
export const SLIP_FONT_SIZE = 9;
/** Tighter than the toolkit's reports, so that a receipt with a few papers stays on one A5 page. */
const SLIP_LINE_GAP = 1;
const HEADER_FONT_SIZE = 8.5;
const TITLE_FONT_SIZE = 12;
const COLUMN_GAP = 10;

/** A5 portrait, no toolkit title block (the form draws its own), dated `issuedAt` for repeatable bytes. */
export function createSlipDocument(data: DossierSlipData, form: SlipForm, title: string): ReportDocument {
  const formNumber = data.ruleSet.forms[form] ?? "";
  return createReportDocument({
    unitName: data.unit.name,
    title: `Mã hồ sơ: ${data.dossier.code}`,
    language: "vi",
    size: "A5",
    orientation: "portrait",
    titleBlock: false,
    footerText: `${formNumber} – ${data.ruleSet.circular}`,
    info: {
      Title: `${sentenceCase(title)} – ${data.dossier.code}`,
      Author: data.unit.name,
      Subject: `${formNumber}, ${data.ruleSet.circular}; ${data.ruleSet.decree}`,
      Keywords: data.dossier.code,
      CreationDate: data.issuedAt,
    },
  });
}

export interface FormHeader {
  formNumber: string;
  /** Issuing body, top line first; the last line is printed in bold. */
  issuer: readonly string[];
  /** "Mường Sai, ngày 09 tháng 05 năm 2024", under the motto. */
  placeDate?: string;
}

/**
 * The heading of an administrative form: the form number at the top right, the issuing body on the
 * left, the national name and motto (each block with a short rule under it) on the right.
 */
export function drawFormHeader(report: ReportDocument, header: FormHeader): void {
  const { doc } = report;
  const box = contentBox(report);
  const top = doc.y;

  doc.font(FONT.italic).fontSize(FONT_SIZE.small).fillColor(COLOR.text);
  doc.text(header.formNumber, box.left, top, { width: box.width, align: "right", lineBreak: false });
  const blockTop = top + doc.currentLineHeight(true) + 2;

  const leftWidth = (box.width - COLUMN_GAP) * 0.45;
  const rightLeft = box.left + leftWidth + COLUMN_GAP;
  const rightWidth = box.right - rightLeft;

  let leftY = blockTop;
  header.issuer.forEach((line, index) => {
    const font = index === header.issuer.length - 1 ? FONT.bold : FONT.regular;
    const text = line.toLocaleUpperCase("vi");
    // Shrunk a little to stay on one line; a name too long even then wraps.
    doc.font(font).fontSize(fitFontSize(doc, font, text, leftWidth, HEADER_FONT_SIZE, 7));
    doc.text(text, box.left, leftY, { width: leftWidth, align: "center", lineGap: 0.5 });
    leftY = doc.y;
  });
  const leftBottom = drawCentredRule(doc, box.left + leftWidth / 2, leftY + 3, Math.min(60, leftWidth / 2));

  const nationalSize = fitFontSize(doc, FONT.bold, NATIONAL_NAME, rightWidth, HEADER_FONT_SIZE);
  doc.font(FONT.bold).fontSize(nationalSize);
  doc.text(NATIONAL_NAME, rightLeft, blockTop, { width: rightWidth, align: "center", lineBreak: false });
  const mottoY = blockTop + doc.currentLineHeight(true) + 0.5;
  doc.font(FONT.bold).fontSize(HEADER_FONT_SIZE + 0.5);
  doc.text(NATIONAL_MOTTO, rightLeft, mottoY, { width: rightWidth, align: "center", lineBreak: false });
  const mottoWidth = doc.widthOfString(NATIONAL_MOTTO);
  let rightBottom = drawCentredRule(
    doc,
    rightLeft + rightWidth / 2,
    mottoY + doc.currentLineHeight(true) + 1.5,
    mottoWidth,
  );

  if (header.placeDate) {
    doc.font(FONT.italic).fontSize(HEADER_FONT_SIZE);
    doc.text(header.placeDate, rightLeft, rightBottom + 5, { width: rightWidth, align: "center" });
    rightBottom = doc.y;
  }

  resetBodyStyle(report);
  advanceCursor(report, Math.max(leftBottom, rightBottom), 9);
}

/** The form's name in capitals, then "Mã hồ sơ: …", both centred. */
export function addSlipTitle(report: ReportDocument, title: string, dossierCode: string): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(TITLE_FONT_SIZE).fillColor(COLOR.text);
  doc.text(balancedTitle(doc, title, box.width), box.left, doc.y, { width: box.width, align: "center", lineGap: 1 });
  doc.font(FONT.bold).fontSize(SLIP_FONT_SIZE + 0.5);
  doc.text(`Mã hồ sơ: ${dossierCode}`, box.left, doc.y + 2, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 8);
}

export interface LineOptions {
  /** Print the value in bold (default true). */
  boldValue?: boolean;
  gapAfter?: number;
}

/** "Label: value" as one flowing line, the value in bold, wrapping under the label. */
export function addLabelled(
  report: ReportDocument,
  label: string,
  value: string,
  options: LineOptions = {},
): void {
  flowText(
    report,
    [
      { text: label, font: "regular" },
      { text: value, font: options.boldValue ?? true ? "bold" : "regular" },
    ],
    { size: SLIP_FONT_SIZE, lineGap: SLIP_LINE_GAP, align: "left", hangingIndent: 0 },
  );
  resetBodyStyle(report);
  advanceCursor(report, report.doc.y, options.gapAfter ?? 1);
}

export interface TextOptions {
  font?: RunFont;
  align?: "left" | "justify";
  /** Indent of every line after the first, for numbered items. */
  hangingIndent?: number;
  gapAfter?: number;
}

export function addText(report: ReportDocument, text: string, options: TextOptions = {}): void {
  flowText(report, [{ text, font: options.font ?? "regular" }], {
    size: SLIP_FONT_SIZE,
    lineGap: SLIP_LINE_GAP,
    align: options.align ?? "left",
    hangingIndent: options.hangingIndent ?? 0,
  });
  resetBodyStyle(report);
  advanceCursor(report, report.doc.y, options.gapAfter ?? 1);
}

export interface SignatureColumn {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** "(Ký và ghi rõ họ tên)". */
  hint: string;
  /** Printed under the signature space; left blank for a hand-written name when null. */
  name?: string | null;
}

const SIGNATURE_SPACE = 38;
const SIGNATURE_TITLE_SIZE = 8.5;

/** Something drawn between two signature columns, e.g. the receipt's QR code. */
export interface SignatureInset {
  width: number;
  height: number;
  /** Draws at absolute positions; must not move the cursor past `top + height`. */
  draw(x: number, top: number): void;
}

/**
 * Side-by-side signature columns, kept together on one page; a null slot leaves its column empty (a
 * single signature sits on the right, as on the forms). An inset goes between the first two columns.
 */
export function addSignatures(
  report: ReportDocument,
  columns: readonly (SignatureColumn | null)[],
  inset?: SignatureInset,
): void {
  const { doc } = report;
  const box = contentBox(report);
  const insetWidth = inset ? inset.width + 8 : 0;
  const width = (box.width - insetWidth) / Math.max(columns.length, 1);
  const inner = width - 6;

  let captionHeight = 0;
  for (const column of columns) {
    if (!column) continue;
    doc.font(FONT.bold).fontSize(SIGNATURE_TITLE_SIZE);
    const titleHeight = doc.heightOfString(column.title, { width: inner, lineGap: 0.5 });
    doc.font(FONT.italic).fontSize(FONT_SIZE.small);
    captionHeight = Math.max(captionHeight, titleHeight + doc.heightOfString(column.hint, { width: inner }));
  }
  doc.font(FONT.bold).fontSize(SLIP_FONT_SIZE);
  const height = Math.max(captionHeight + SIGNATURE_SPACE + doc.currentLineHeight(true), inset?.height ?? 0);
  ensureSpace(report, 4 + height);

  const top = doc.y + 4;
  const left = contentBox(report).left;
  const columnLeft = (index: number) => left + index * width + (inset && index > 0 ? insetWidth : 0);
  columns.forEach((column, index) => {
    if (!column) return;
    const x = columnLeft(index) + 3;
    doc.font(FONT.bold).fontSize(SIGNATURE_TITLE_SIZE).fillColor(COLOR.text);
    doc.text(column.title, x, top, { width: inner, align: "center", lineGap: 0.5 });
    doc.font(FONT.italic).fontSize(FONT_SIZE.small);
    doc.text(column.hint, x, doc.y, { width: inner, align: "center" });
    const name = column.name?.trim();
    if (name) {
      doc.font(FONT.bold).fontSize(SLIP_FONT_SIZE);
      doc.text(name, x, top + captionHeight + SIGNATURE_SPACE, { width: inner, align: "center" });
    }
  });
  if (inset) inset.draw(left + width + 4, top);
  resetBodyStyle(report);
  advanceCursor(report, top + height, 4);
}

/**
 * Two-syllable words of the forms' titles. Vietnamese writes each syllable apart, so a break at a
 * space can still cut a word: "ĐỀ NGHỊ GIA / HẠN" splits "gia hạn" (extend) across the lines.
 */
const TITLE_WORDS = new Set([
  "XIN LỖI",
  "ĐỀ NGHỊ",
  "GIA HẠN",
  "HẸN LẠI",
  "THỜI GIAN",
  "GIẢI QUYẾT",
  "HỒ SƠ",
  "TIẾP NHẬN",
  "KẾT QUẢ",
  "BỔ SUNG",
  "HOÀN THIỆN",
  "TỪ CHỐI",
  "KIỂM SOÁT",
  "QUÁ TRÌNH",
  "THÔNG BÁO",
  "THEO DÕI",
]);

const bare = (word: string) => word.replace(/[.,;:()]/g, "").toLocaleUpperCase("vi");

/** The break between `before` and `after` falls inside a two-syllable word. */
function cutsWord(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && !/[,;:]$/.test(before) && TITLE_WORDS.has(`${bare(before)} ${bare(after)}`);
}

/**
 * A title too wide for one line is broken into two lines of about equal width, so that no word
 * (such as "QUYẾT" of the 2025 apology slip) is left alone on the second line, and never inside a
 * two-syllable word while another break fits.
 */
export function balancedTitle(doc: PDFKit.PDFDocument, title: string, width: number): string {
  if (doc.widthOfString(title) <= width) return title;
  const words = title.split(" ");
  let best = title;
  let bestCost = Infinity;
  for (let i = 1; i < words.length; i++) {
    const first = words.slice(0, i).join(" ");
    const second = words.slice(i).join(" ");
    const a = doc.widthOfString(first);
    const b = doc.widthOfString(second);
    if (a > width || b > width) continue;
    const cost = Math.abs(a - b) + (cutsWord(words[i - 1], words[i]) ? 2 * width : 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = `${first}\n${second}`;
    }
  }
  return best;
}

function drawCentredRule(doc: PDFKit.PDFDocument, centreX: number, y: number, width: number): number {
  doc
    .moveTo(centreX - width / 2, y)
    .lineTo(centreX + width / 2, y)
    .lineWidth(0.6)
    .strokeColor(COLOR.text)
    .stroke();
  return y + 1;
}

/** The largest size from `size` down to `minimum` at which `text` fits on one line of `width`. */
function fitFontSize(
  doc: PDFKit.PDFDocument,
  font: string,
  text: string,
  width: number,
  size: number,
  minimum = 6,
): number {
  doc.font(font);
  let fitted = size;
  while (fitted > minimum && doc.fontSize(fitted).widthOfString(text) > width) fitted -= 0.25;
  return fitted;
}

function sentenceCase(title: string): string {
  const lower = title.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}
