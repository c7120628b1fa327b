import type { AreaMessages } from "./types";

/** The desk's everyday screens: the dossier page's next step, the intake form, the public limits (issue 16). */
export const deskVi = {
  "desk.nextStep": "Bước tiếp theo",
  "desk.otherActions": "Thao tác khác",
  "desk.endingActions": "Dừng giải quyết hồ sơ",
  "desk.endingHint": "Chỉ dùng khi hồ sơ không đủ điều kiện giải quyết hoặc công dân xin rút; phải ghi rõ lý do, công dân nhận phiếu.",
  "desk.feedback.tooMany":
    "Hệ thống đã nhận nhiều phản ánh từ máy này trong giờ qua. Vui lòng thử lại sau {minutes} phút, hoặc đến Bộ phận Một cửa của xã để được tiếp nhận trực tiếp.",
};

export const deskEn: AreaMessages<typeof deskVi> = {
  "desk.nextStep": "Next step",
  "desk.otherActions": "Other actions",
  "desk.endingActions": "End the dossier without a result",
  "desk.endingHint": "Only when the dossier cannot be handled or the citizen withdraws it; give the reason, the citizen receives a slip.",
  "desk.feedback.tooMany":
    "Many submissions came from this device in the past hour. Please try again in {minutes} minutes, or come to the commune's one-stop desk to hand it in in person.",
};
