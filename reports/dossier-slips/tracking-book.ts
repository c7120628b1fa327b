import { contentBox, createReportDocument, ensureSpace, resetBodyStyle, startNewPage, type ReportDocument } from "../document";
import { FONT } from "../fonts";
import { formatDate, formatDateTime } from "../format";
import { addTable } from "../table";
import { COLOR, FONT_SIZE } from "../theme";
import type { SlipRuleSet, SlipUnit } from "./data";
import { drawFormHeader, SLIP_FONT_SIZE } from "./layout";
import { deskName, formTitle, placeAndDate } from "./wording";

/** One dossier as a line of the tracking book (Mẫu số 06, Circular 01/2018; Mẫu số 07, Circular 03/2025). */
export interface TrackingBookRow {
  code: string;
  procedureName: string;
  applicantName: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  /** The agency that leads the handling: the unit as named on the received date. */
  leadAgency: string;
  receivedAt: Date;
  /** The appointment in force: the apology slip's new date, else the due date. */
  appointmentAt: Date;
  /** Sent on to another agency (liên thông), or handed to the lead agency's officer (agency null). */
  sentTo: { agency: string | null; at: Date } | null;
  resultBackAt: Date | null;
  returnedAt: Date | null;
  notes: string;
}

/** One rule set's book: a period that spans two rule sets prints two books, each with its own form. */
export interface TrackingBookSection {
  ruleSet: SlipRuleSet;
  /** The unit as named on the section's last day. */
  unit: SlipUnit;
  from: string;
  to: string;
  rows: readonly TrackingBookRow[];
}

export interface TrackingBookData {
  sections: readonly TrackingBookSection[];
  /** The field the book is limited to, in words; null: every field. */
  fieldName: string | null;
  /** The whole period asked for (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Set when the period holds more dossiers than one print takes. */
  truncated: { shown: number; total: number; lastDate: string } | null;
  issuedAt: Date;
}

export const TRACKING_BOOK_COLUMNS = [
  "STT",
  "Mã hồ sơ",
  "Tên thủ tục hành chính",
  "Tên người đứng tên hồ sơ",
  "Địa chỉ, số điện thoại",
  "Cơ quan chủ trì giải quyết",
  "Nhận hồ sơ",
  "Hẹn trả kết quả",
  "Chuyển hồ sơ đến cơ quan giải quyết",
  "Nhận kết quả từ cơ quan giải quyết",
  "Trả kết quả cho cá nhân, tổ chức",
  "Ghi chú",
] as const;

/**
 * The dossier tracking book (sổ theo dõi hồ sơ) for a period, A4 landscape. Each rule set in force
 * during the period gets its own section, starting on a new page with its own form number and legal
 * basis: the Circular 01/2018 book closes on 30 June 2025 and the Circular 03/2025 book opens on
 * 1 July, so the numbering restarts with each.
 */
export function buildTrackingBook(data: TrackingBookData): ReportDocument {
  const first = data.sections[0];
  const forms = [...new Set(data.sections.map((s) => `${s.ruleSet.forms.trackingBook}, ${s.ruleSet.circular}`))];
  const report = createReportDocument({
    unitName: first?.unit.name ?? "",
    title: `Sổ theo dõi hồ sơ ${formatDate(data.from)} – ${formatDate(data.to)}`,
    language: "vi",
    size: "A4",
    orientation: "landscape",
    titleBlock: false,
    footerText: forms.join("; "),
    info: {
      Title: `Sổ theo dõi hồ sơ ${formatDate(data.from)} – ${formatDate(data.to)}`,
      Author: first?.unit.name ?? "",
      Subject: forms.join("; "),
      CreationDate: data.issuedAt,
    },
  });

  if (data.sections.length === 0) {
    addNote(report, "Không có bộ quy định một cửa nào có hiệu lực trong kỳ đã chọn.");
  }
  data.sections.forEach((section, index) => {
    if (index > 0) startNewPage(report);
    drawSectionHeading(report, section, data);
    if (index === 0 && data.truncated) addNote(report, truncationNote(data.truncated), COLOR.bad);
    if (section.rows.length === 0) {
      addNote(report, "Không có hồ sơ nào được tiếp nhận trong kỳ này.");
      return;
    }
    const [no, code, procedure, applicant, address, lead, received, appointment, sent, back, returned, notes] = TRACKING_BOOK_COLUMNS;
    addTable(report, {
      columns: [
        { header: no, width: 22, align: "center" },
        { header: code, width: 72 },
        { header: procedure, fraction: 1.7 },
        { header: applicant, fraction: 0.9 },
        { header: address, fraction: 1.9 },
        { header: lead, fraction: 0.85 },
        { header: received, width: 54, align: "center" },
        { header: appointment, width: 54, align: "center" },
        { header: sent, fraction: 1 },
        { header: back, width: 56, align: "center" },
        { header: returned, width: 56, align: "center" },
        { header: notes, fraction: 0.85 },
      ],
      rows: section.rows.map((row, i) => bookRow(row, i + 1)),
      fontSize: FONT_SIZE.tiny,
    });
  });
  if (data.truncated) addNote(report, truncationNote(data.truncated), COLOR.bad);
  return report;
}

function drawSectionHeading(report: ReportDocument, section: TrackingBookSection, data: TrackingBookData): void {
  const { doc } = report;
  drawFormHeader(report, {
    formNumber: section.ruleSet.forms.trackingBook,
    issuer: [section.unit.name, deskName(section)],
    placeDate: placeAndDate(section.unit, data.issuedAt),
  });
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.text);
  doc.text(formTitle(section.ruleSet, "trackingBook"), box.left, doc.y, { width: box.width, align: "center" });
  doc.font(FONT.regular).fontSize(SLIP_FONT_SIZE + 0.5);
  doc.text(`Từ ngày ${formatDate(section.from)} đến ngày ${formatDate(section.to)}`, box.left, doc.y + 2, { width: box.width, align: "center" });
  if (data.fieldName) doc.text(`Lĩnh vực: ${data.fieldName}`, box.left, doc.y + 1, { width: box.width, align: "center" });
  doc.font(FONT.italic).fontSize(FONT_SIZE.small).fillColor(COLOR.muted);
  doc.text(
    `(${section.ruleSet.forms.trackingBook} ban hành kèm theo ${section.ruleSet.circular}; ${section.ruleSet.decree})`,
    box.left,
    doc.y + 1,
    { width: box.width, align: "center" },
  );
  resetBodyStyle(report);
  doc.x = box.left;
  doc.y += 8;
}

function addNote(report: ReportDocument, text: string, color: string = COLOR.text): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.italic).fontSize(SLIP_FONT_SIZE);
  ensureSpace(report, doc.heightOfString(text, { width: box.width }) + 8);
  doc.fillColor(color).text(text, box.left, doc.y, { width: box.width });
  resetBodyStyle(report);
  doc.x = box.left;
  doc.y += 6;
}

function truncationNote(t: NonNullable<TrackingBookData["truncated"]>): string {
  return (
    `Kỳ đã chọn có ${t.total.toLocaleString("vi-VN")} hồ sơ; bản in này gồm ${t.shown.toLocaleString("vi-VN")} hồ sơ đầu tiên, ` +
    `đến ngày ${formatDate(t.lastDate)}. Chọn kỳ ngắn hơn hoặc một lĩnh vực để in phần còn lại.`
  );
}

/** "09/05/2024\n09:15": date over time, so that the narrow columns keep one value per line. */
function when(instant: Date | null): string {
  return instant ? formatDateTime(instant).replace(" ", "\n") : "";
}

function bookRow(row: TrackingBookRow, no: number): string[] {
  const sent = row.sentTo ? [row.sentTo.agency, when(row.sentTo.at)].filter(Boolean).join("\n") : "";
  return [
    String(no),
    row.code.replace(/-(?=\d{6}-)/, "-\n"),
    row.procedureName,
    row.applicantName,
    [row.applicantAddress?.trim(), row.applicantPhone?.trim() ? `ĐT: ${row.applicantPhone.trim()}` : ""].filter(Boolean).join("\n"),
    row.leadAgency,
    when(row.receivedAt),
    when(row.appointmentAt),
    sent,
    when(row.resultBackAt),
    when(row.returnedAt),
    row.notes,
  ];
}
