/*
 * The texts sent to an applicant who consented to messages about a dossier (issue 16). Vietnamese:
 * they go to the citizen, whatever the staff's language. Plain text, short enough for an SMS segment set.
 */

export type DossierMessagePurpose = "dossier_received" | "dossier_supplement" | "dossier_result_ready" | "dossier_apology";

const VN_DATE_TIME = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** "08:00 02/12/2026" in Asia/Ho_Chi_Minh. */
export function vnDateTime(at: Date): string {
  const parts = Object.fromEntries(VN_DATE_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

export interface DossierMessageInput {
  unitName: string;
  code: string;
  procedureName: string;
}

export interface DossierMessage {
  purpose: DossierMessagePurpose;
  subject: string;
  body: string;
}

export function receiptMessage(input: DossierMessageInput & { dueAt: Date }): DossierMessage {
  return {
    purpose: "dossier_received",
    subject: `Đã tiếp nhận hồ sơ ${input.code}`,
    body: `${input.unitName} đã tiếp nhận hồ sơ ${input.code} (${input.procedureName}) của ông/bà. Hẹn trả kết quả: ${vnDateTime(input.dueAt)}. Tra cứu bằng mã hồ sơ tại trang Tra cứu.`,
  };
}

export function supplementMessage(input: DossierMessageInput & { reason: string; missingItems: string[] }): DossierMessage {
  const items = input.missingItems.length > 0 ? ` Cần bổ sung: ${input.missingItems.join("; ")}.` : "";
  return {
    purpose: "dossier_supplement",
    subject: `Hồ sơ ${input.code} cần bổ sung`,
    body: `${input.unitName} đề nghị ông/bà bổ sung hồ sơ ${input.code} (${input.procedureName}): ${input.reason}.${items} Thời hạn giải quyết tạm dừng đến khi nhận đủ hồ sơ bổ sung.`,
  };
}

export function resultReadyMessage(input: DossierMessageInput): DossierMessage {
  return {
    purpose: "dossier_result_ready",
    subject: `Hồ sơ ${input.code} đã có kết quả`,
    body: `Hồ sơ ${input.code} (${input.procedureName}) đã có kết quả. Mời ông/bà đến nhận tại Bộ phận một cửa ${input.unitName}.`,
  };
}

export function apologyMessage(input: DossierMessageInput & { reason: string; newAppointmentAt: Date }): DossierMessage {
  return {
    purpose: "dossier_apology",
    subject: `Hồ sơ ${input.code}: xin lỗi và hẹn lại ngày trả kết quả`,
    body: `${input.unitName} xin lỗi ông/bà vì hồ sơ ${input.code} (${input.procedureName}) chưa giải quyết đúng hẹn. Lý do: ${input.reason}. Ngày hẹn mới: ${vnDateTime(input.newAppointmentAt)}.`,
  };
}
