// The printed copy of a controlled document (TCVN ISO 9001:2015 §7.5.3): every page says which
// revision it is and whether it may be used; the route finishes it with `toWebStream`.
import type { RevisionState } from "../app/domain/documents/revision-workflow";
import { addMarkdown } from "./markdown-blocks";
import {
  addKeyValues,
  addParagraph,
  advanceCursor,
  contentBox,
  createReportDocument,
  COLOR,
  FONT,
  FONT_SIZE,
  formatDate,
  formatDateTime,
  resetBodyStyle,
  type KeyValue,
  type ReportDocument,
} from "./toolkit";

export interface ControlledCopyData {
  unit: { name: string };
  document: {
    code: string;
    title: string;
    /** "Quy trình", "Biểu mẫu", … as the register shows it. */
    typeLabel: string;
    revision: number;
    status: RevisionState;
    /** Business date, YYYY-MM-DD. */
    effectiveDate: string | null;
    approvedBy: string | null;
    approvedAt: Date | null;
    ownerLabel: string;
    isoClauses: string[];
  };
  /** The document's file as stored; a leading front matter block is not printed. */
  markdown: string;
  /** When the copy was printed; also the PDF's creation date, so the bytes are repeatable. */
  issuedAt: Date;
  /** Holder of the copy, e.g. "Quầy tiếp nhận số 1". */
  issuedTo?: string | null;
  language?: "vi";
}

/** Printed on every page. Approved but not yet effective is still a draft to its reader. */
export const CONTROLLED_COPY_MARKING: Readonly<Record<RevisionState, string>> = {
  draft: "DỰ THẢO",
  in_review: "DỰ THẢO",
  approved: "DỰ THẢO",
  effective: "BẢN KIỂM SOÁT",
  obsolete: "HẾT HIỆU LỰC",
};

export const OBSOLETE_NOTICE = "Tài liệu này đã hết hiệu lực; chỉ dùng để tham khảo.";

const NONE = "—";
const FRAME_OUTSET = 6;

/** `${code} – Lần ban hành ${revision}`: the right side of every page header. */
export function controlledCopyHeader(
  document: Pick<ControlledCopyData["document"], "code" | "revision">,
): string {
  return `${document.code} – Lần ban hành ${document.revision}`;
}

/** "Bản in ngày 14/03/2026 09:30, cấp cho Quầy tiếp nhận số 1". */
export function printedLine(issuedAt: Date, issuedTo?: string | null): string {
  const holder = issuedTo?.trim();
  return `Bản in ngày ${formatDateTime(issuedAt)}${holder ? `, cấp cho ${holder}` : ""}`;
}

/** A4 portrait: title, control block, then the document's Markdown body. */
export function buildControlledCopy(data: ControlledCopyData): ReportDocument {
  const { document, unit } = data;
  if (!Number.isInteger(document.revision) || document.revision < 1) {
    throw new RangeError(`A revision number is a positive integer, not ${document.revision}`);
  }
  const marking = CONTROLLED_COPY_MARKING[document.status];
  const markingWords = marking.toLocaleLowerCase("vi");
  const printed = printedLine(data.issuedAt, data.issuedTo);

  const report = createReportDocument({
    unitName: unit.name,
    title: controlledCopyHeader(document),
    language: data.language ?? "vi",
    size: "A4",
    orientation: "portrait",
    titleBlock: false,
    marking,
    footerText: printed,
    info: {
      Title: `${document.code} – ${document.title}`,
      Author: unit.name,
      Subject: `${document.typeLabel}, lần ban hành ${document.revision} (${markingWords})`,
      Keywords: [document.code, ...document.isoClauses.map((clause) => `ISO 9001 ${clause}`)].join(", "),
      CreationDate: data.issuedAt,
    },
  });

  if (document.status === "obsolete") {
    addObsoleteNotice(report);
  }
  addDocumentTitle(report, document);
  addControlBlock(report, data, printed);
  addMarkdown(report, data.markdown);
  return report;
}

function addDocumentTitle(report: ReportDocument, document: ControlledCopyData["document"]): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.regular).fontSize(FONT_SIZE.subtitle).fillColor(COLOR.muted);
  doc.text(document.typeLabel.toLocaleUpperCase("vi"), box.left, doc.y, {
    width: box.width,
    align: "center",
  });
  doc.font(FONT.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  doc.text(document.title, box.left, doc.y + 2, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 10);
}

function addControlBlock(report: ReportDocument, data: ControlledCopyData, printed: string): void {
  const { doc } = report;
  const { document } = data;
  const entries: KeyValue[] = [
    { label: "Mã tài liệu", value: document.code },
    { label: "Tên tài liệu", value: document.title },
    { label: "Loại", value: document.typeLabel },
    { label: "Lần ban hành", value: String(document.revision) },
    { label: "Ngày hiệu lực", value: document.effectiveDate ? formatDate(document.effectiveDate) : NONE },
    { label: "Người phê duyệt", value: approval(document.approvedBy, document.approvedAt) },
    { label: "Đơn vị chủ trì", value: document.ownerLabel.trim() || NONE },
    { label: "Điều khoản ISO", value: isoClauses(document.isoClauses) },
  ];

  const startPage = currentPage(report);
  const top = doc.y;
  addKeyValues(report, entries);
  addParagraph(report, printed, { tone: "italic", fontSize: FONT_SIZE.small, gapAfter: 0 });
  // The frame sits in the margin, around the text; a block pushed over a page break stays unframed.
  if (currentPage(report) === startPage) {
    const box = contentBox(report);
    doc
      .roundedRect(
        box.left - FRAME_OUTSET,
        top - FRAME_OUTSET,
        box.width + 2 * FRAME_OUTSET,
        doc.y - top + 2 * FRAME_OUTSET,
        3,
      )
      .lineWidth(0.8)
      .strokeColor(COLOR.boxBorder)
      .stroke();
    resetBodyStyle(report);
  }
  advanceCursor(report, doc.y, FRAME_OUTSET + 12);
}

function approval(approvedBy: string | null, approvedAt: Date | null): string {
  const name = approvedBy?.trim();
  if (!name) return approvedAt ? `ngày ${formatDate(approvedAt)}` : NONE;
  return approvedAt ? `${name}, ngày ${formatDate(approvedAt)}` : name;
}

function isoClauses(clauses: readonly string[]): string {
  const listed = clauses.map((clause) => clause.trim()).filter((clause) => clause !== "");
  return listed.length > 0 ? `TCVN ISO 9001:2015, điều ${listed.join("; ")}` : NONE;
}

function currentPage(report: ReportDocument): number {
  const range = report.doc.bufferedPageRange();
  return range.start + range.count;
}

function addObsoleteNotice(report: ReportDocument): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(FONT_SIZE.subtitle).fillColor(COLOR.stamp);
  doc.text(OBSOLETE_NOTICE, box.left, doc.y, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 10);
}
