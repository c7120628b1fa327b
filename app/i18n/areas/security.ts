import type { AreaMessages } from "./types";

/** Messages of the protections: rate limits, sign-in delays, public text, retention, audit chain. */
export const securityVi = {
  "errorPage.tooManyTitle": "Quá nhiều yêu cầu",
  "errorPage.tooMany": "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {seconds} giây.",
  "errorPage.tooLargeTitle": "Nội dung gửi lên quá lớn",
  "errorPage.tooLarge": "Nội dung gửi lên vượt quá giới hạn cho phép của trang này.",
  "reports.error.publicPeriod": "Chọn một tháng, một quý hoặc một năm trọn vẹn (ví dụ từ 01/01 đến 31/03).",
  "rating.tooManyTries": "Đã nhập sai số điện thoại quá nhiều lần cho hồ sơ này. Hồ sơ tạm ngừng nhận đánh giá trực tuyến; ông/bà có thể đánh giá tại Bộ phận Một cửa.",
  "login.notice.failures":
    "Có {count} lần đăng nhập sai mật khẩu vào tài khoản của bạn kể từ lần đăng nhập thành công gần nhất. Nếu không phải bạn, hãy đổi mật khẩu và báo quản trị hệ thống.",
  "error.tooManyPasswordChecks": "Đã nhập mật khẩu hiện tại quá nhiều lần. Vui lòng thử lại sau.",
  "fb.action.publish_text": "Nội dung công khai qua Open311",
  "fb.field.publicText": "Nội dung được công khai",
  "fb.field.publicTextHint":
    "Open311 công khai nội dung này thay cho lời phản ánh gốc. Chưa duyệt thì công khai lời gốc đã che họ tên, số điện thoại, số định danh, thư điện tử, số nhà.",
  "fb.publicText.approved": "Nội dung công khai đã được duyệt lúc {at}.",
  "fb.publicText.pending": "Chưa duyệt nội dung công khai: Open311 đang công khai lời gốc đã che dữ liệu cá nhân.",
  "feedback.error.notOpen311": "Chỉ ý kiến nhận qua Open311 mới được công khai qua Open311.",
  "audit.action.publish_text": "Duyệt nội dung công khai",
  "audit.chain.intact": "Chuỗi băm của nhật ký nguyên vẹn: {rows} dòng, dòng cuối #{id}, mã băm {hash}…",
  "audit.chain.broken":
    "Nhật ký đã bị sửa hoặc xóa ngoài hệ thống: chuỗi băm đứt tại dòng #{id} ({rows} dòng trước đó nguyên vẹn). Báo ngay cho lãnh đạo và quản trị hệ thống.",
  "audit.action.password_change_required": "Buộc đổi mật khẩu",
  "error.malformedForm": "Không đọc được nội dung gửi lên. Vui lòng tải lại trang và gửi lại.",
  "error.receivedTooEarly": "Thời điểm tiếp nhận phải từ ngày 21/06/2018 (Nghị định 61/2018/NĐ-CP có hiệu lực) trở đi.",
  "error.invalidCharacters": "Có ký tự không hợp lệ (ký tự điều khiển, ký tự ẩn hoặc đổi chiều chữ). Vui lòng gõ lại.",
  "nav.personalData": "Dữ liệu cá nhân",
  "personalData.title": "Yêu cầu của chủ thể dữ liệu",
  "personalData.intro":
    "Tìm mọi dữ liệu hệ thống đang giữ về một công dân theo số điện thoại hoặc số định danh công dân họ cung cấp, để trả lời yêu cầu xem hoặc nhận bản sao dữ liệu (Luật Bảo vệ dữ liệu cá nhân; Nghị định 13/2023/NĐ-CP). Mỗi lần tải về được ghi vào nhật ký thay đổi.",
  "personalData.phone": "Số điện thoại",
  "personalData.idNumber": "Số định danh công dân (12 số)",
  "personalData.search": "Tìm",
  "personalData.found": "Tìm thấy {dossiers} hồ sơ và {feedback} phản ánh, kiến nghị.",
  "personalData.download": "Tải toàn bộ dữ liệu (JSON)",
  "personalData.error.oneOf": "Nhập số điện thoại hoặc số định danh (một trong hai).",
  "audit.entity.personal_data": "Dữ liệu cá nhân",
  "audit.action.exported": "Xuất dữ liệu",
  "audit.action.personal_data_erased": "Xóa dữ liệu cá nhân hết hạn lưu trữ",
} as const;

export const securityEn: AreaMessages<typeof securityVi> = {
  "errorPage.tooManyTitle": "Too many requests",
  "errorPage.tooMany": "You sent too many requests in a short time. Please try again in {seconds} seconds.",
  "errorPage.tooLargeTitle": "Request too large",
  "errorPage.tooLarge": "What you sent is larger than this page accepts.",
  "rating.tooManyTries": "The phone digits were entered wrongly too many times for this dossier. It takes no online rating for now; you can rate it at the one-stop desk.",
  "login.notice.failures":
    "There were {count} failed sign-ins to your account since your last successful one. If it was not you, change your password and tell the administrator.",
  "error.tooManyPasswordChecks": "The current password was entered too many times. Please try again later.",
  "fb.action.publish_text": "Public text on Open311",
  "fb.field.publicText": "Text made public",
  "fb.field.publicTextHint":
    "Open311 publishes this text instead of the original description. Until it is approved, the original is published with names, phone and ID numbers, e-mail and house numbers masked.",
  "fb.publicText.approved": "Public text approved at {at}.",
  "fb.publicText.pending": "No public text approved yet: Open311 publishes the original with personal data masked.",
  "feedback.error.notOpen311": "Only items received through Open311 are published through Open311.",
  "audit.action.publish_text": "Public text approved",
  "audit.chain.intact": "The log's hash chain is intact: {rows} rows, last row #{id}, hash {hash}…",
  "audit.chain.broken":
    "The log was changed or rows removed outside the system: the hash chain breaks at row #{id} ({rows} rows before it intact). Tell the leadership and the administrator at once.",
  "audit.action.password_change_required": "Password change required",
  "error.malformedForm": "What was sent could not be read. Please reload the page and send it again.",
  "error.receivedTooEarly": "The time received must be on or after 21 June 2018 (Decree 61/2018 in force).",
  "error.invalidCharacters": "Contains characters that are not allowed (control, invisible or text-direction characters). Please type it again.",
  "nav.personalData": "Personal data",
  "personalData.title": "Data subject requests",
  "personalData.intro":
    "Find everything the system holds about one citizen by the phone number or citizen ID they give, to answer a request to see or receive a copy of their data (Personal Data Protection Law; Decree 13/2023). Each download is written to the audit log.",
  "personalData.phone": "Phone number",
  "personalData.idNumber": "Citizen ID number (12 digits)",
  "personalData.search": "Find",
  "personalData.found": "Found {dossiers} dossiers and {feedback} feedback items.",
  "personalData.download": "Download all the data (JSON)",
  "personalData.error.oneOf": "Enter a phone number or an ID number (one of them).",
  "audit.entity.personal_data": "Personal data",
  "audit.action.exported": "Data exported",
  "audit.action.personal_data_erased": "Personal data erased after retention",
  "reports.error.publicPeriod": "Choose a whole month, quarter or year (for example 1 January to 31 March).",
};
