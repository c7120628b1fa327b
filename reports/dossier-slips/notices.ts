import type { ReportDocument } from "../document";
import { formatDate } from "../format";
import type { DossierSlipData, SlipDataWith } from "./data";
import {
  addLabelled,
  addSignatures,
  addSlipTitle,
  addText,
  createSlipDocument,
  drawFormHeader,
} from "./layout";
import {
  apologyTitle,
  deskName,
  deskOfUnit,
  distinctItems,
  formatLongDate,
  formatSlipTime,
  orBlank,
  placeAndDate,
  formTitle,
  requireText,
  TITLE,
} from "./wording";

/** Mẫu số 02: request to supplement or complete the dossier; every missing item listed once. */
export function buildSupplementSlip(data: SlipDataWith<"supplement">): ReportDocument {
  const { dossier, unit, supplement } = data;
  const items = distinctItems(supplement.missingItems);
  if (items.length === 0) throw new RangeError("A supplement request lists at least one missing item");
  const reason = requireText(supplement.reason, "The supplement reason");

  const report = createSlipDocument(data, "supplement", TITLE.supplement);
  drawFormHeader(report, {
    formNumber: data.ruleSet.forms.supplement,
    issuer: [unit.name, deskName(data)],
    placeDate: placeAndDate(unit, supplement.requestedAt),
  });
  addSlipTitle(report, TITLE.supplement, dossier.code);

  addApplicant(report, data, "Hồ sơ của: Ông/bà");
  addText(report, "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", { gapAfter: 3 });
  // Each item with its own reason ("Tên giấy tờ | lý do"); an item without one takes the request's reason.
  items.map(splitItemReason).forEach(({ item, reason: own }, index) => {
    addText(report, `${index + 1}. ${item}`, { hangingIndent: 12, gapAfter: 0 });
    addLabelled(report, "    Lý do:", own ?? reason, { boldValue: false, gapAfter: 2 });
  });
  addText(
    report,
    `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với ${contact(
      data,
    )} để được hướng dẫn./.`,
    {
      align: "justify",
      gapAfter: 4,
    },
  );

  addSignatures(report, [
    null,
    { title: "NGƯỜI HƯỚNG DẪN", hint: "(Ký và ghi rõ họ tên)", name: data.officerName },
  ]);
  return report;
}

/** Mẫu số 03: refusal to receive or handle the dossier, with the reason. */
export function buildRefusalSlip(data: SlipDataWith<"refusal">): ReportDocument {
  const { dossier, unit, refusal } = data;
  const reason = requireText(refusal.reason, "The refusal reason");

  const report = createSlipDocument(data, "refusal", TITLE.refusal);
  drawFormHeader(report, {
    formNumber: data.ruleSet.forms.refusal,
    issuer: [unit.name, deskName(data)],
    placeDate: placeAndDate(unit, refusal.at),
  });
  addSlipTitle(report, TITLE.refusal, dossier.code);

  addApplicant(report, data, `${deskOfUnit(data)} tiếp nhận hồ sơ của: Ông/bà`);
  addText(
    report,
    `Qua xem xét, ${deskOfUnit(
      data,
    )} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    { align: "justify", gapAfter: 3 },
  );
  addText(report, reason, { font: "bold", gapAfter: 6 });
  addText(report, "Xin trân trọng thông báo!", { font: "italic", gapAfter: 4 });

  addSignatures(report, [
    null,
    { title: "NGƯỜI TIẾP NHẬN HỒ SƠ", hint: "(Ký và ghi rõ họ tên)", name: data.officerName },
  ]);
  return report;
}

/**
 * Mẫu số 04: apology and new appointment (Decree 61/2018), apology and request to extend the time
 * (Decree 118/2025); signed by the head of the unit.
 */
export function buildApologySlip(data: SlipDataWith<"apology">): ReportDocument {
  const { dossier, unit, apology } = data;
  const reason = requireText(apology.reason, "The reason for the delay");
  if (apology.newAppointmentAt.getTime() <= dossier.dueAt.getTime()) {
    throw new RangeError("The new appointment must come after the original one");
  }
  const title = apologyTitle(data.ruleSet);
  const extension = data.ruleSet.code === "nd118-2025";

  const report = createSlipDocument(data, "apology", title);
  drawFormHeader(report, {
    formNumber: data.ruleSet.forms.apology,
    issuer: [unit.name],
    placeDate: placeAndDate(unit, apology.issuedAt),
  });
  addSlipTitle(report, title, dossier.code);

  addLabelled(report, "Kính gửi: Ông/bà", dossier.applicantName, { gapAfter: 4 });
  addText(
    report,
    `Ngày ${formatDate(dossier.receivedAt)}, ${unit.name} tiếp nhận giải quyết hồ sơ của ông/bà ${
      dossier.applicantName
    }.`,
    { align: "justify" },
  );
  addLabelled(report, "Nội dung yêu cầu giải quyết:", dossier.procedureName);
  addLabelled(report, "Thời hẹn trả kết quả giải quyết hồ sơ:", formatSlipTime(dossier.dueAt), {
    boldValue: false,
  });
  addText(report, `Tuy nhiên đến nay, ${unit.name} chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn.`, {
    align: "justify",
  });
  addLabelled(report, "Lý do:", reason, { boldValue: false, gapAfter: 4 });
  if (extension) {
    // Decree 118/2025: the slip apologises and asks the citizen to accept a longer time limit.
    addText(
      report,
      `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${unit.name} xin lỗi ông/bà và đề nghị ông/bà đồng ý gia hạn thời gian giải quyết hồ sơ đến ${formatSlipTime(
        apology.newAppointmentAt,
      )}.`,
      { align: "justify", gapAfter: 2 },
    );
    addLabelled(report, "Thời gian gia hạn giải quyết hồ sơ đến:", formatSlipTime(apology.newAppointmentAt), { gapAfter: 2 });
    addText(report, "Ý kiến của người nộp hồ sơ về việc gia hạn: Đồng ý / Không đồng ý (gạch bỏ ý không chọn)", { gapAfter: 4 });
  } else {
    addText(
      report,
      `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${
        unit.name
      } xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào ${formatLongDate(
        apology.newAppointmentAt,
      )}.`,
      { align: "justify", gapAfter: 4 },
    );
  }

  addSignatures(report, [
    null,
    { title: "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", hint: "(Ký, ghi rõ họ tên, đóng dấu)", name: data.leaderName },
  ]);
  return report;
}

/** Mẫu số 05 (Circular 03/2025): notice that handling of the dossier has stopped, with the reason; signed by the head of the unit. */
export function buildStopNotice(data: SlipDataWith<"stop">): ReportDocument {
  const { dossier, unit, stop } = data;
  const reason = requireText(stop.reason, "The reason for stopping");
  const formNumber = data.ruleSet.forms.stop;
  if (!formNumber) throw new RangeError(`The rule set ${data.ruleSet.circular} has no stop notice`);
  const title = formTitle(data.ruleSet, "stop");

  const report = createSlipDocument(data, "stop", title);
  drawFormHeader(report, { formNumber, issuer: [unit.name, deskName(data)], placeDate: placeAndDate(unit, stop.at) });
  addSlipTitle(report, title, dossier.code);

  addLabelled(report, "Kính gửi: Ông/bà", dossier.applicantName);
  addLabelled(report, "Địa chỉ:", orBlank(dossier.applicantAddress), { boldValue: false });
  addLabelled(report, "Số điện thoại:", orBlank(dossier.applicantPhone), { boldValue: false, gapAfter: 4 });
  addText(
    report,
    `Ngày ${formatDate(dossier.receivedAt)}, ${deskOfUnit(data)} tiếp nhận hồ sơ của ông/bà, mã hồ sơ ${dossier.code}.`,
    { align: "justify" },
  );
  addLabelled(report, "Nội dung yêu cầu giải quyết:", dossier.procedureName, { gapAfter: 4 });
  addText(
    report,
    stop.cause === "withdrawn"
      ? `Theo đề nghị rút hồ sơ của ông/bà, ${unit.name} thông báo dừng giải quyết hồ sơ nêu trên.`
      : `${unit.name} thông báo dừng giải quyết hồ sơ nêu trên.`,
    { align: "justify" },
  );
  addLabelled(report, "Lý do:", reason, { boldValue: false, gapAfter: 2 });
  addLabelled(report, "Thời điểm dừng giải quyết:", formatSlipTime(stop.at), { boldValue: false, gapAfter: 4 });
  addText(report, "Xin thông báo để ông/bà được biết./.", { font: "italic", gapAfter: 4 });

  addSignatures(report, [
    null,
    { title: "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", hint: "(Ký, ghi rõ họ tên, đóng dấu)", name: data.leaderName },
  ]);
  return report;
}

/** "Giấy chứng sinh | bản photo không rõ" → the item and its own reason; the separator may also be " — ". */
export function splitItemReason(line: string): { item: string; reason: string | null } {
  const match = /^(.*?)\s+(?:\||—|–)\s+(.+)$/u.exec(line);
  if (!match) return { item: line, reason: null };
  return { item: match[1]!.trim(), reason: match[2]!.trim() };
}

function addApplicant(report: ReportDocument, data: DossierSlipData, lead: string): void {
  const { dossier } = data;
  addLabelled(report, lead, dossier.applicantName);
  addLabelled(report, "Địa chỉ:", orBlank(dossier.applicantAddress), { boldValue: false });
  addLabelled(report, "Số điện thoại:", orBlank(dossier.applicantPhone), { boldValue: false });
  addLabelled(report, "Nội dung yêu cầu giải quyết:", dossier.procedureName, { gapAfter: 4 });
}

/** "Cầm Văn Thắng, Bộ phận Tiếp nhận và Trả kết quả UBND xã Mường Sai, số điện thoại 0212 3870 123". */
function contact(data: DossierSlipData): string {
  const officer = data.officerName?.trim();
  const phone = data.unit.phone?.trim();
  return [officer ? `công chức ${officer}` : null, deskOfUnit(data), phone ? `số điện thoại ${phone}` : null]
    .filter((part): part is string => part !== null)
    .join(", ");
}
