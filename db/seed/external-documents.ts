import type { ExternalDocumentInput } from "../../app/models/external-documents.server";

/** Legal bases of the one-stop desk and its quality system (dates as published; keep them checked). */
export const EXTERNAL_DOCUMENTS: readonly ExternalDocumentInput[] = [
  { number: "61/2018/NĐ-CP", issuedDate: "2018-04-23", issuer: "Chính phủ", title: "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", status: "replaced", replacedBy: "118/2025/NĐ-CP" },
  { number: "107/2021/NĐ-CP", issuedDate: "2021-12-06", issuer: "Chính phủ", title: "Sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP", status: "replaced", replacedBy: "118/2025/NĐ-CP" },
  { number: "01/2018/TT-VPCP", issuedDate: "2018-10-23", issuer: "Văn phòng Chính phủ", title: "Hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP", status: "replaced", replacedBy: "03/2025/TT-VPCP" },
  { number: "118/2025/NĐ-CP", issuedDate: "2025-06-09", issuer: "Chính phủ", title: "Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia", status: "in_force" },
  { number: "03/2025/TT-VPCP", issuedDate: "2025-06-30", issuer: "Văn phòng Chính phủ", title: "Hướng dẫn thi hành Nghị định số 118/2025/NĐ-CP (cần kiểm tra ngày ban hành)", status: "in_force" },
  { number: "02/2011/QH13", issuedDate: "2011-11-11", issuer: "Quốc hội", title: "Luật Khiếu nại", status: "in_force" },
  { number: "124/2020/NĐ-CP", issuedDate: "2020-10-19", issuer: "Chính phủ", title: "Quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại", status: "in_force" },
  { number: "20/2008/NĐ-CP", issuedDate: "2008-02-14", issuer: "Chính phủ", title: "Về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính", status: "in_force" },
  { number: "92/2017/NĐ-CP", issuedDate: "2017-08-07", issuer: "Chính phủ", title: "Sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính", status: "in_force" },
  { number: "13/2023/NĐ-CP", issuedDate: "2023-04-17", issuer: "Chính phủ", title: "Bảo vệ dữ liệu cá nhân", status: "in_force" },
  { number: "TCVN ISO 9001:2015", issuedDate: "2015-12-31", issuer: "Bộ Khoa học và Công nghệ", title: "Hệ thống quản lý chất lượng – Các yêu cầu", status: "in_force" },
  { number: "60/2014/QH13", issuedDate: "2014-11-20", issuer: "Quốc hội", title: "Luật Hộ tịch", status: "in_force" },
  { number: "23/2015/NĐ-CP", issuedDate: "2015-02-16", issuer: "Chính phủ", title: "Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch", status: "in_force" },
];
