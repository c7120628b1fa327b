import type { ReportDocument } from "../document";
import { addTable } from "../table";
import { FONT_SIZE } from "../theme";
import type { HandoverStep, SlipDataWith } from "./data";
import { addLabelled, addSlipTitle, createSlipDocument, drawFormHeader } from "./layout";
import { BLANK, deskName, formatSlipTime, stepResultLabel, TITLE } from "./wording";

export const CONTROL_SLIP_COLUMNS = [
  "TÊN CƠ QUAN / BỘ PHẬN",
  "THỜI GIAN GIAO, NHẬN HỒ SƠ",
  "NGƯỜI GIAO / NGƯỜI NHẬN",
  "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn / Đúng hạn / Quá hạn)",
  "GHI CHÚ",
] as const;

/**
 * Process control slip (Mẫu số 05 under Circular 01/2018, Mẫu số 06 under Circular 03/2025): one row
 * per hand-over; the table's header row repeats on every page it spans.
 */
export function buildControlSlip(data: SlipDataWith<"steps">): ReportDocument {
  const { dossier, unit } = data;
  const report = createSlipDocument(data, "controlSlip", TITLE.controlSlip);

  drawFormHeader(report, { formNumber: data.ruleSet.forms.controlSlip, issuer: [unit.name, deskName(data)] });
  addSlipTitle(report, TITLE.controlSlip, dossier.code);

  addLabelled(report, "Kèm theo hồ sơ của: Ông/bà", dossier.applicantName);
  addLabelled(report, "Nội dung yêu cầu giải quyết:", dossier.procedureName);
  addLabelled(report, "Thời gian nhận hồ sơ:", formatSlipTime(dossier.receivedAt), { boldValue: false });
  addLabelled(report, "Thời gian hẹn trả kết quả:", formatSlipTime(dossier.dueAt), { boldValue: false });
  if (dossier.appointmentAt) {
    addLabelled(report, "Hẹn lại ngày trả kết quả:", formatSlipTime(dossier.appointmentAt), {
      boldValue: false,
    });
  }
  report.doc.y += 4;

  const [agency, time, people, result, note] = CONTROL_SLIP_COLUMNS;
  addTable(report, {
    columns: [
      { header: agency, fraction: 1.2 },
      { header: time, width: 96 },
      { header: people, fraction: 1.5 },
      { header: result, width: 58, align: "center" },
      { header: note, fraction: 0.8 },
    ],
    rows: data.steps.map(stepRow),
    fontSize: FONT_SIZE.tiny,
  });
  return report;
}

/** "09 giờ 15 phút,\nngày 09/05/2024", or the dotted blank when the time was not recorded. */
function slipTime(at: Date | null): string {
  return at ? formatSlipTime(at).replace(", ", ",\n") : BLANK;
}

function stepRow(step: HandoverStep): string[] {
  return [
    step.agency,
    `Giao: ${slipTime(step.handedAt)}\nNhận: ${slipTime(step.receivedAt)}`,
    `Giao: ${step.from?.trim() || BLANK}\nNhận: ${step.to?.trim() || BLANK}`,
    stepResultLabel(step.result),
    step.note?.trim() ?? "",
  ];
}
