// The corrective-action request (TCVN ISO 9001:2015 §10.2): one nonconformity, from what was found to
// the verification of the actions taken, on A4 with room to sign. Data in, PDF out; the route streams it.
import { printedLine } from "./controlled-copy";
import { addSignatures } from "./dossier-slips/layout";
import {
  addHeading,
  addKeyValues,
  addParagraph,
  addSpacer,
  addTable,
  advanceCursor,
  contentBox,
  createReportDocument,
  COLOR,
  FONT,
  FONT_SIZE,
  formatDate,
  resetBodyStyle,
  type KeyValue,
  type ReportDocument,
  type TableColumn,
} from "./toolkit";

/** Every enum value arrives already translated: the form is printed in Vietnamese. */
export interface CorrectiveActionRequestData {
  unit: { name: string };
  nc: {
    /** `NC-YYYY-NNN`. */
    code: string;
    title: string;
    sourceLabel: string;
    /** Process or procedure code (QT-07, 1.001193). */
    process: string;
    isoClause: string;
    gradeLabel: string;
    stateLabel: string;
    /** An instant (printed as its date in Asia/Ho_Chi_Minh) or a business date `YYYY-MM-DD`. */
    foundAt: Date | string;
    foundBy: string | null;
    /** Same process and clause had a nonconformity in the 12 months before. */
    repeat: boolean;
    description: string;
    evidence: string | null;
    correction: string | null;
    /** Set when this one was merged into another as a duplicate. */
    mergedIntoCode?: string | null;
  };
  cause: {
    methodLabel: string | null;
    /** The analysis, one step (five whys) or one cause (categories) per line. */
    lines: readonly string[];
    rootCause: string | null;
  };
  actions: ReadonlyArray<{
    round: number;
    description: string;
    owner: string;
    /** Business date `YYYY-MM-DD`. */
    dueDate: string;
    statusLabel: string;
    evidence: string | null;
    doneBy: string | null;
    doneAt: Date | string | null;
  }>;
  verification: { by: string | null; at: Date | string | null; note: string | null };
  /** The records it came from, e.g. `{ kindLabel: "Hồ sơ", reference: "000.31.14.H53-240509-0003" }`. */
  links: ReadonlyArray<{ kindLabel: string; reference: string; reason: string | null }>;
  /** Names printed under the signatures; null leaves the space for a hand-written name. */
  signatures: { preparedBy: string | null; approvedBy: string | null };
  /** When the request was printed; also the PDF's creation date, so the bytes are repeatable. */
  issuedAt: Date;
}

export const REQUEST_TITLE = "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC";
export const NONE = "—";

export const SECTION = {
  description: "1. Mô tả sự không phù hợp",
  evidence: "2. Bằng chứng",
  correction: "3. Khắc phục tức thời",
  cause: "4. Phân tích nguyên nhân",
  actions: "5. Hành động khắc phục",
  verification: "6. Kiểm tra hiệu lực",
  links: "7. Hồ sơ, phản ánh liên quan",
} as const;

export const ACTION_COLUMNS: readonly TableColumn[] = [
  { header: "Vòng", width: 32, align: "center" },
  { header: "Hành động", fraction: 1.2 },
  { header: "Người thực hiện", width: 84 },
  { header: "Hạn", width: 56, align: "center" },
  { header: "Trạng thái", width: 76 },
  { header: "Bằng chứng hoàn thành", fraction: 1 },
];

export function buildCorrectiveActionRequest(data: CorrectiveActionRequestData): ReportDocument {
  const { nc, unit } = data;
  const report = createReportDocument({
    unitName: unit.name,
    title: `${nc.code} – Phiếu yêu cầu hành động khắc phục`,
    language: "vi",
    size: "A4",
    orientation: "portrait",
    titleBlock: false,
    footerText: `${nc.code} – ${printedLine(data.issuedAt)}`,
    info: {
      Title: `Phiếu yêu cầu hành động khắc phục – ${nc.code}`,
      Author: unit.name,
      Subject: nc.title,
      Keywords: [nc.code, nc.process, `ISO 9001 ${nc.isoClause}`].join(", "),
      CreationDate: data.issuedAt,
    },
  });

  addTitle(report, nc);
  addKeyValues(report, summary(nc));
  addSection(report, SECTION.description, nc.description);
  addSection(report, SECTION.evidence, nc.evidence);
  addSection(report, SECTION.correction, nc.correction);
  addCause(report, data.cause);
  addActions(report, data.actions);
  addVerification(report, data.verification);
  addLinks(report, data.links);
  addSpacer(report, 10);
  addSignatures(report, [
    { title: "NGƯỜI LẬP PHIẾU", hint: "(Ký và ghi rõ họ tên)", name: data.signatures.preparedBy },
    { title: "LÃNH ĐẠO PHÊ DUYỆT", hint: "(Ký, ghi rõ họ tên)", name: data.signatures.approvedBy },
  ]);
  return report;
}

function addTitle(report: ReportDocument, nc: CorrectiveActionRequestData["nc"]): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  doc.text(REQUEST_TITLE, box.left, doc.y, { width: box.width, align: "center" });
  doc.font(FONT.bold).fontSize(FONT_SIZE.subtitle);
  doc.text(`Số: ${nc.code}`, box.left, doc.y + 2, { width: box.width, align: "center" });
  doc.font(FONT.italic).fillColor(COLOR.muted);
  doc.text(nc.title, box.left, doc.y + 2, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 12);
}

function summary(nc: CorrectiveActionRequestData["nc"]): KeyValue[] {
  const entries: KeyValue[] = [
    { label: "Mã", value: nc.code },
    { label: "Nguồn", value: orNone(nc.sourceLabel) },
    { label: "Quá trình/thủ tục", value: orNone(nc.process) },
    { label: "Điều khoản ISO 9001", value: orNone(nc.isoClause) },
    { label: "Mức độ", value: orNone(nc.gradeLabel) },
    { label: "Ngày phát hiện", value: formatDate(nc.foundAt) },
    { label: "Người phát hiện", value: orNone(nc.foundBy) },
    { label: "Trạng thái", value: orNone(nc.stateLabel) },
  ];
  if (nc.repeat) entries.push({ label: "Lặp lại trong 12 tháng", value: "Có" });
  const merged = nc.mergedIntoCode?.trim();
  if (merged) entries.push({ label: "Đã gộp vào", value: merged });
  return entries;
}

function addSection(report: ReportDocument, heading: string, text: string | null): void {
  addHeading(report, heading, 3);
  addParagraph(report, orNone(text));
}

function addCause(report: ReportDocument, cause: CorrectiveActionRequestData["cause"]): void {
  addHeading(report, SECTION.cause, 3);
  const lines = cause.lines.map((line) => line.trim()).filter((line) => line !== "");
  const method = cause.methodLabel?.trim();
  const root = cause.rootCause?.trim();
  if (!method && !root && lines.length === 0) {
    addParagraph(report, NONE);
    return;
  }
  addKeyValues(report, [{ label: "Phương pháp", value: method || NONE }]);
  lines.forEach((line, index) => addParagraph(report, `${index + 1}. ${line}`, { gapAfter: 2 }));
  addKeyValues(report, [{ label: "Nguyên nhân gốc rễ", value: root || NONE }]);
}

function addActions(report: ReportDocument, actions: CorrectiveActionRequestData["actions"]): void {
  addHeading(report, SECTION.actions, 3);
  if (actions.length === 0) {
    addParagraph(report, NONE);
    return;
  }
  addTable(report, {
    columns: ACTION_COLUMNS,
    rows: actions.map((a) => [
      String(a.round),
      a.description,
      orNone(a.owner),
      formatDate(a.dueDate),
      orNone(a.statusLabel),
      completion(a),
    ]),
  });
}

/** "Biên bản họp ngày 12/03 (Cầm Văn Thắng, 14/03/2026)". */
function completion(action: CorrectiveActionRequestData["actions"][number]): string {
  const evidence = action.evidence?.trim();
  const by = [action.doneBy?.trim(), action.doneAt ? formatDate(action.doneAt) : null].filter(Boolean).join(", ");
  if (!evidence) return by ? `${NONE} (${by})` : NONE;
  return by ? `${evidence} (${by})` : evidence;
}

function addVerification(report: ReportDocument, verification: CorrectiveActionRequestData["verification"]): void {
  addHeading(report, SECTION.verification, 3);
  const by = verification.by?.trim();
  const note = verification.note?.trim();
  if (!by && !verification.at && !note) {
    addParagraph(report, NONE);
    return;
  }
  addKeyValues(report, [
    { label: "Người kiểm tra", value: by || NONE },
    { label: "Ngày kiểm tra", value: verification.at ? formatDate(verification.at) : NONE },
    { label: "Nhận xét", value: note || NONE },
  ]);
}

function addLinks(report: ReportDocument, links: CorrectiveActionRequestData["links"]): void {
  addHeading(report, SECTION.links, 3);
  if (links.length === 0) {
    addParagraph(report, NONE);
    return;
  }
  for (const link of links) {
    const reason = link.reason?.trim();
    addParagraph(report, `• ${link.kindLabel} ${link.reference}${reason ? ` — ${reason}` : ""}`, { gapAfter: 2 });
  }
}

function orNone(value: string | null | undefined): string {
  const text = value?.trim();
  return text ? text : NONE;
}
