import type { AreaMessages } from "./types";

/** Messages of the citizen's own pages: the one-box look-up, the feedback tracking page, the dossier status. */
export const citizenVi = {
  "lookup.error.code": "Mã không đúng. Mã hồ sơ có dạng <mã đơn vị>-YYMMDD-NNNN; mã theo dõi phản ánh có dạng XXXX-XXXX-XXXX.",
  "citizen.deadline.answer": "Hạn trả lời",
  "citizen.deadline.acceptance": "Hạn thụ lý",
  "citizen.answeredAt": "Ngày trả lời",
  "citizen.dossier.rating": "Đánh giá mức độ hài lòng",
  "citizen.dossier.rated": "Đã đánh giá",
  "citizen.dossier.clockStopped": "Đang tạm dừng từ {date}",
  "citizen.dossier.clockStoppedHint": "Thời hạn giải quyết tạm dừng cho đến khi ông/bà nộp đủ giấy tờ bổ sung; hạn trả kết quả mới được tính lại khi nhận đủ.",
  "citizen.dossier.missingItems": "Giấy tờ cần bổ sung",
  "citizen.dossier.supplementReason": "Lý do yêu cầu bổ sung",
};

export const citizenEn: AreaMessages<typeof citizenVi> = {
  "lookup.error.code": "This code is not valid. A dossier code looks like <unit code>-YYMMDD-NNNN; a feedback tracking code looks like XXXX-XXXX-XXXX.",
  "citizen.deadline.answer": "Answer due",
  "citizen.deadline.acceptance": "Acceptance due",
  "citizen.answeredAt": "Answered on",
  "citizen.dossier.rating": "Satisfaction rating",
  "citizen.dossier.rated": "Already rated",
  "citizen.dossier.clockStopped": "Clock stopped since {date}",
  "citizen.dossier.clockStoppedHint": "The time limit is stopped until you bring the missing papers; a new due date is counted once they are complete.",
  "citizen.dossier.missingItems": "Papers to bring",
  "citizen.dossier.supplementReason": "Why more papers are needed",
};
