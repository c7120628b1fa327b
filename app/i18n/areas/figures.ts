import type { AreaMessages } from "./types";

/** Messages of the figures every surface shares: periods, judgement, the Decision 766 scorecard. */
export const figuresVi = {
  "error.periodTooLong": "Khoảng thời gian dài nhất là 10 năm.",

  "serviceIndex.notMeasured.portalSync": "Không đo được: số liệu đồng bộ hồ sơ do Cổng Dịch vụ công quốc gia nắm giữ.",
  "serviceIndex.notMeasured.dataReuse": "Không đo được: hệ thống không ghi nhận giấy tờ nào được khai thác lại từ dữ liệu đã số hóa.",
  "serviceIndex.notMeasured.unknown": "Không đo được: chỉ số này chưa có cách tính trong hệ thống.",

  "figures.judgement.past": "{unit}: số liệu từ {from} đến {to}, đánh giá tại thời điểm kết thúc kỳ.",
  "figures.judgement.current": "{unit}: số liệu từ {from} đến nay; kỳ chưa kết thúc, hồ sơ đang giải quyết được đánh giá lúc {at}.",
  "figures.judgement.future": "{unit}: kỳ từ {from} đến {to} chưa bắt đầu, chưa có số liệu để đánh giá.",

  "serviceIndex.title": "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)",
  "serviceIndex.total": "Tổng điểm",
  "serviceIndex.totalOf": "{total} / {measuredMax} điểm của các chỉ số đo được (tối đa {max} điểm)",
  "serviceIndex.totalNone": "— (chưa có số liệu để đánh giá; tối đa {max} điểm)",
  "serviceIndex.basis": "Căn cứ: {title}, {legalBasis}, áp dụng từ {from}.",
  "serviceIndex.note": "Chỉ số không đo được ghi rõ lý do và không được tính điểm. Danh mục chỉ số và cách chia điểm là dữ liệu có phiên bản, cần đối chiếu với Phụ lục Quyết định 766.",
  "serviceIndex.none": "Chưa có bộ chỉ số áp dụng cho kỳ này.",
  "serviceIndex.table.caption": "Bộ chỉ số theo nhóm và chỉ số",
  "serviceIndex.trend.caption": "Tổng điểm theo tháng",
  "serviceIndex.trend.title": "Tổng điểm bộ chỉ số theo tháng",
  "serviceIndex.col.indicator": "Nhóm / chỉ số",
  "serviceIndex.col.value": "Giá trị",
  "serviceIndex.col.points": "Điểm",
  "serviceIndex.col.maxPoints": "Tối đa",
  "serviceIndex.col.measuredMax": "Tối đa đo được",
  "serviceIndex.col.basis": "Cơ sở tính",
} as const;

export const figuresEn: AreaMessages<typeof figuresVi> = {
  "error.periodTooLong": "The longest period is 10 years.",

  "serviceIndex.notMeasured.portalSync": "Not measured: synchronisation figures are held by the national public-service portal.",
  "serviceIndex.notMeasured.dataReuse": "Not measured: the system does not record which papers were reused from digitised data.",
  "serviceIndex.notMeasured.unknown": "Not measured: the system has no way to compute this indicator yet.",

  "figures.judgement.past": "{unit}: figures from {from} to {to}, judged at the end of the period.",
  "figures.judgement.current": "{unit}: figures from {from} to now; the period is still running, open dossiers are judged at {at}.",
  "figures.judgement.future": "{unit}: the period from {from} to {to} has not begun; there is nothing to judge yet.",

  "serviceIndex.title": "Service index for citizens and businesses (Decision 766/QĐ-TTg)",
  "serviceIndex.total": "Total points",
  "serviceIndex.totalOf": "{total} / {measuredMax} points of the indicators measured (maximum {max} points)",
  "serviceIndex.totalNone": "— (nothing to judge yet; maximum {max} points)",
  "serviceIndex.basis": "Basis: {title}, {legalBasis}, in force from {from}.",
  "serviceIndex.note": "An indicator that cannot be measured says why and earns no points. The indicator list and point grid are versioned data, to be checked against the annex of Decision 766.",
  "serviceIndex.none": "No service index applies to this period yet.",
  "serviceIndex.table.caption": "Service index by group and indicator",
  "serviceIndex.trend.caption": "Total points by month",
  "serviceIndex.trend.title": "Service index total by month",
  "serviceIndex.col.indicator": "Group / indicator",
  "serviceIndex.col.value": "Value",
  "serviceIndex.col.points": "Points",
  "serviceIndex.col.maxPoints": "Maximum",
  "serviceIndex.col.measuredMax": "Maximum measured",
  "serviceIndex.col.basis": "Basis",
};
