// The commune's statement on administrative procedures for a period (Decision 766/QĐ-TTg figures):
// received, resolved early / on time / late, rates, satisfaction and complaints, tables by field,
// procedure and channel, charts over time and, for staff, the late dossiers with their apology slips.
// Data in, PDF out; the verification code and its link arrive with the data, chosen before rendering.
import { displayPercent } from "../app/domain/metrics/rate-display";
import { maskPersonName } from "../app/domain/reports/on-time-report";
import {
  addBarChart,
  addHeading,
  addKeyFigures,
  addKeyValues,
  addLineChart,
  addParagraph,
  addQrCode,
  addTable,
  advanceCursor,
  COLOR,
  contentBox,
  createReportDocument,
  ensureSpace,
  FONT,
  FONT_SIZE,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  resetBodyStyle,
  startNewPage,
  type FigureStatus,
  type KeyFigure,
  type ReportDocument,
  type TableColumn,
} from "./toolkit";

export type OnTimeReportVariant = "public" | "full" | "masked";

/** One row of the tables by field, procedure or channel. Rates are fractions 0–1, null when nothing to rate. */
export interface FigureRow {
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  onlineRate: number | null;
}

export interface OnTimeTotals extends FigureRow {
  /** Open at the judgement instant and late then (counted in `late`). */
  openLateAtEnd: number;
  openNotDue: number;
  refused: number;
  withdrawn: number;
  transfers: number;
  eTransfers: number;
  eTransferRate: number | null;
  /** Open at the judgement instant, clock running, past their due day (a part of `openLateAtEnd`). */
  overdueNow: number;
}

export interface LateDossierRow {
  code: string;
  /** As registered; printed masked in the inspectors' version. */
  applicantName: string;
  procedure: string;
  /** Business dates `YYYY-MM-DD`. */
  receivedDate: string;
  dueDate: string;
  /** Null when still open at the judgement instant. */
  finishedDate: string | null;
  daysLate: number;
  supplementCount: number;
  apologyReason: string | null;
  /** The new appointment given by the apology slip (an instant). */
  newAppointmentAt: string | null;
}

export interface ChartBucket {
  /** "T1/2021" or "2021". */
  label: string;
  received: number;
  resolved: number;
  late: number;
  onTimeRate: number | null;
}

/** The scorecard as printed: names in Vietnamese, values 0–1, points; a reason where not measured. */
export interface ServiceIndexPrint {
  version: string;
  total: number | null;
  maxTotal: number;
  measuredMaxTotal: number;
  groups: ReadonlyArray<{
    code: string;
    name: string;
    points: number | null;
    maxPoints: number;
    indicators: ReadonlyArray<{ code: string; name: string; value: number | null; points: number | null; maxPoints: number; notMeasured: string | null }>;
  }>;
  months: ReadonlyArray<{ label: string; total: number | null; measuredMaxTotal: number }>;
}

/**
 * When the figures were judged (decision record 0010): a past period at its end; a current one now,
 * measured up to today; a future one not at all.
 */
export type ReportJudgement =
  | { status: "past" | "current"; measuredTo: string; judgedAt: string }
  | { status: "future"; measuredTo: null; judgedAt: null };

export interface OnTimeReportData {
  unit: { name: string };
  /** The period as asked: inclusive business dates. */
  period: { from: string; to: string };
  judgement: ReportJudgement;
  variant: OnTimeReportVariant;
  /** Also the PDF's creation date. */
  issuedAt: Date;
  /** "Công khai" or the name of the signed-in reader. */
  issuedBy: string;
  verification: { code: string; url: string };
  totals: OnTimeTotals;
  satisfaction: { rated: number; satisfied: number; rate: number | null };
  complaints: { received: number; answered: number; answeredOnTime: number };
  byField: ReadonlyArray<FigureRow & { label: string }>;
  byProcedure: ReadonlyArray<FigureRow & { code: string; name: string }>;
  byChannel: ReadonlyArray<FigureRow & { label: string }>;
  chart: { grain: "month" | "year"; buckets: readonly ChartBucket[] };
  serviceIndex: ServiceIndexPrint | null;
  /** Full and masked versions only. */
  lateDossiers?: readonly LateDossierRow[];
}

export const REPORT_TITLE = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
export const NONE = "—";

export const SECTION = {
  summary: "I. KẾT QUẢ CHUNG",
  byField: "II. KẾT QUẢ THEO LĨNH VỰC",
  byProcedure: "III. KẾT QUẢ THEO THỦ TỤC HÀNH CHÍNH",
  byChannel: "IV. KẾT QUẢ THEO KÊNH TIẾP NHẬN",
  overTime: { month: "V. DIỄN BIẾN THEO THÁNG", year: "V. DIỄN BIẾN THEO NĂM" },
  serviceIndex: "VI. BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)",
  late: "VII. HỒ SƠ TRỄ HẠN VÀ PHIẾU XIN LỖI, HẸN LẠI",
} as const;

export const MARKING: Readonly<Record<OnTimeReportVariant, string | undefined>> = {
  public: undefined,
  full: "NỘI BỘ",
  masked: "BẢN CHO THANH TRA",
};

export const VARIANT_LABEL: Readonly<Record<OnTimeReportVariant, string>> = {
  public: "Bản công khai (chỉ số liệu tổng hợp)",
  full: "Bản đầy đủ, có danh sách hồ sơ trễ hạn (nội bộ)",
  masked: "Bản đầy đủ cho thanh tra, đã che thông tin cá nhân",
};

export const LATE_COLUMNS: readonly TableColumn[] = [
  { header: "STT", width: 22, align: "right" },
  { header: "Mã hồ sơ / Người nộp", width: 100 },
  { header: "Thủ tục", fraction: 1 },
  { header: "Ngày nhận", width: 46, align: "center" },
  { header: "Hẹn trả", width: 46, align: "center" },
  { header: "Hoàn thành", width: 46, align: "center" },
  { header: "Số ngày trễ", width: 30, align: "right" },
  { header: "Phiếu xin lỗi: lý do, ngày hẹn lại", fraction: 1.2 },
];

const FIELD_COLUMNS = (first: string): TableColumn[] => [
  { header: first, fraction: 1 },
  { header: "Tiếp nhận", width: 46, align: "right" },
  { header: "Trực tuyến", width: 46, align: "right" },
  { header: "Đã giải quyết", width: 50, align: "right" },
  { header: "Trước hạn", width: 44, align: "right" },
  { header: "Đúng hạn", width: 44, align: "right" },
  { header: "Trễ hạn", width: 40, align: "right" },
  { header: "Tỷ lệ đúng hạn", width: 50, align: "right" },
];

const PROCEDURE_COLUMNS: readonly TableColumn[] = [
  { header: "Mã TTHC", width: 50 },
  { header: "Tên thủ tục", fraction: 1 },
  { header: "Tiếp nhận", width: 46, align: "right" },
  { header: "Đã giải quyết", width: 50, align: "right" },
  { header: "Trễ hạn", width: 40, align: "right" },
  { header: "Tỷ lệ đúng hạn", width: 50, align: "right" },
  { header: "Tỷ lệ trực tuyến", width: 52, align: "right" },
];

const CHANNEL_COLUMNS: readonly TableColumn[] = [
  { header: "Kênh tiếp nhận", fraction: 1 },
  { header: "Tiếp nhận", width: 50, align: "right" },
  { header: "Tỷ trọng", width: 50, align: "right" },
  { header: "Đã giải quyết", width: 54, align: "right" },
  { header: "Trễ hạn", width: 44, align: "right" },
  { header: "Tỷ lệ đúng hạn", width: 56, align: "right" },
];

const ON_TIME_TARGET_PERCENT = 100;
// Small enough for a dossier code and a date to fit on one line each.
const LATE_FONT_SIZE = 7;
// Heading and bar chart: kept together rather than the heading alone at the foot of a page.
const CHART_BLOCK_HEIGHT = 240;

const n = (value: number) => formatNumber(value, "vi");

/**
 * A rate (0–1) as vi percent with one decimal, never rounded up to 100% nor down to 0%: a unit
 * with two late dossiers in 4,820 reads "99,95%", not "100%".
 */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NONE;
  const { percent, digits } = displayPercent(rate);
  return formatPercent(percent, "vi", digits);
}

/** "Năm 2021", "Quý 2 năm 2025", "Tháng 3 năm 2024", or "Từ ngày 01/01/2021 đến ngày 15/03/2021". */
export function periodLabel(period: { from: string; to: string }): string {
  const [fy, fm, fd] = period.from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const wholeMonths = fd === 1 && td === lastDay && fy === ty;
  if (wholeMonths && fm === 1 && tm === 12) return `Năm ${fy}`;
  if (wholeMonths && fm === tm) return `Tháng ${fm} năm ${fy}`;
  if (wholeMonths && tm - fm === 2 && fm % 3 === 1) return `Quý ${(fm + 2) / 3} năm ${fy}`;
  return `Từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)}`;
}

/** The title recorded for the issue and printed in each page header. */
export function onTimeReportTitle(period: { from: string; to: string }): string {
  return `Báo cáo kết quả giải quyết TTHC – ${periodLabel(period)}`;
}

export function footerLine(verification: { code: string; url: string }): string {
  return `Mã xác minh: ${verification.code} – kiểm tra tại ${verification.url}`;
}

/** A4 portrait. Finish it with `toBuffer` (the route hashes the exact bytes before serving them). */
export function buildOnTimeReport(data: OnTimeReportData): ReportDocument {
  if (data.variant === "public" && data.lateDossiers !== undefined) {
    throw new Error("The public version carries aggregate figures only");
  }
  const label = periodLabel(data.period);
  const report = createReportDocument({
    unitName: data.unit.name,
    title: onTimeReportTitle(data.period),
    language: "vi",
    size: "A4",
    orientation: "portrait",
    titleBlock: false,
    marking: MARKING[data.variant],
    footerText: footerLine(data.verification),
    info: {
      Title: `${REPORT_TITLE} – ${label}`,
      Author: data.unit.name,
      Subject: `Kết quả giải quyết thủ tục hành chính, ${label}`,
      Keywords: `mã xác minh ${data.verification.code}`,
      CreationDate: data.issuedAt,
    },
  });

  addTitle(report, data.unit.name, label);
  addIssueBlock(report, data);
  addSummary(report, data);
  addFieldTable(report, data);
  addProcedureTable(report, data);
  addChannelTable(report, data);
  addOverTime(report, data);
  addServiceIndex(report, data);
  if (data.variant === "public") {
    addParagraph(
      report,
      "Bản công khai chỉ gồm số liệu tổng hợp; danh sách hồ sơ trễ hạn có trong bản dành cho cán bộ và thanh tra.",
      { tone: "italic", fontSize: FONT_SIZE.small },
    );
  } else {
    addLateDossiers(report, data.variant, data.lateDossiers ?? []);
  }
  return report;
}

function addTitle(report: ReportDocument, unitName: string, label: string): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  doc.text(REPORT_TITLE, box.left, doc.y, { width: box.width, align: "center" });
  doc.font(FONT.bold).fontSize(FONT_SIZE.subtitle);
  doc.text(unitName, box.left, doc.y + 2, { width: box.width, align: "center" });
  doc.font(FONT.regular).fillColor(COLOR.muted);
  doc.text(`Kỳ báo cáo: ${label}`, box.left, doc.y + 2, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 10);
}

/** When the figures were judged, in words: the same sentence on the page and in the statement. */
export function judgementLine(data: Pick<OnTimeReportData, "judgement" | "period">): string {
  const j = data.judgement;
  if (j.status === "future") return "kỳ báo cáo chưa bắt đầu: chưa có số liệu để đánh giá";
  if (j.status === "current") {
    return `${formatDateTime(new Date(j.judgedAt))} (kỳ chưa kết thúc: số liệu đến thời điểm này; hồ sơ đang giải quyết được đánh giá tại thời điểm này)`;
  }
  return `hết ngày ${formatDate(data.period.to)}`;
}

function addIssueBlock(report: ReportDocument, data: OnTimeReportData): void {
  const judgedAt = judgementLine(data);
  addKeyValues(
    report,
    [
      { label: "Kỳ báo cáo", value: `Từ ngày ${formatDate(data.period.from)} đến ngày ${formatDate(data.period.to)}` },
      { label: "Số liệu tính đến", value: judgedAt },
      { label: "Phiên bản", value: VARIANT_LABEL[data.variant] },
      { label: "Phát hành lúc", value: formatDateTime(data.issuedAt) },
      { label: "Người tải", value: data.issuedBy },
    ],
    { fontSize: FONT_SIZE.small },
  );
  addQrCode(report, {
    text: data.verification.url,
    size: 78,
    caption: `Quét mã QR hoặc mở địa chỉ dưới đây để xác minh bản báo cáo này và mã băm SHA-256 của tệp.\nMã xác minh: ${data.verification.code}\n${data.verification.url}`,
  });
}

function addSummary(report: ReportDocument, data: OnTimeReportData): void {
  const t = data.totals;
  const future = data.judgement.status === "future";
  addHeading(report, SECTION.summary, 1);
  const figures: KeyFigure[] = [
    { value: n(t.received), label: "Hồ sơ tiếp nhận", note: `trực tuyến ${n(t.receivedOnline)}` },
    { value: n(t.resolved), label: "Hồ sơ đã giải quyết" },
    {
      value: formatRate(t.onTimeRate),
      label: "Tỷ lệ giải quyết đúng hạn",
      note: `Mục tiêu ${formatPercent(ON_TIME_TARGET_PERCENT, "vi")}`,
      status: rateStatus(t.onTimeRate),
    },
    {
      value: future ? NONE : n(t.overdueNow),
      label: "Hồ sơ đang quá hạn",
      note: "tại thời điểm đánh giá",
      status: future ? "neutral" : t.overdueNow === 0 ? "good" : "bad",
    },
    { value: n(t.early), label: "Giải quyết trước hạn" },
    { value: n(t.onTime), label: "Giải quyết đúng hạn" },
    {
      value: future ? NONE : n(t.late),
      label: "Trễ hạn",
      note: t.openLateAtEnd > 0 ? `trong đó ${n(t.openLateAtEnd)} chưa giải quyết xong` : undefined,
      status: future ? "neutral" : t.late === 0 ? "good" : "bad",
    },
    { value: formatRate(t.onlineRate), label: "Tỷ lệ tiếp nhận trực tuyến" },
    {
      value: formatRate(t.eTransferRate),
      label: "Tỷ lệ liên thông điện tử",
      note: `${n(t.eTransfers)}/${n(t.transfers)} lượt liên thông`,
    },
    {
      value: formatRate(data.satisfaction.rate),
      label: "Mức độ hài lòng",
      note: `${n(data.satisfaction.satisfied)}/${n(data.satisfaction.rated)} lượt đánh giá`,
    },
    { value: n(data.complaints.received), label: "Khiếu nại tiếp nhận" },
    {
      value: `${n(data.complaints.answeredOnTime)}/${n(data.complaints.answered)}`,
      label: "Khiếu nại giải quyết đúng hạn / đã giải quyết",
    },
  ];
  addKeyFigures(report, figures, { perRow: 4 });
  addParagraph(report, statement(data), { align: "justify" });
}

function rateStatus(rate: number | null): FigureStatus {
  if (rate === null) return "neutral";
  if (rate >= 1) return "good";
  return rate >= 0.95 ? "warning" : "bad";
}

/**
 * The statement in words, as a commune reports it upward: generated from the same figures as the
 * key-figure boxes, with the same words for the same numbers ("trễ hạn" = judged late; "quá hạn,
 * chưa giải quyết xong" = open, clock running, past its due day at the judgement instant).
 */
export function statement(data: OnTimeReportData): string {
  const t = data.totals;
  if (data.judgement.status === "future") {
    return `Kỳ báo cáo chưa bắt đầu: ${data.unit.name} chưa có hồ sơ tiếp nhận hay giải quyết trong kỳ; các tỷ lệ chưa được tính (—).`;
  }
  const at = data.judgement.status === "current" ? "Tại thời điểm đánh giá" : "Cuối kỳ";
  const overdue =
    t.openLateAtEnd > 0
      ? ` ${n(t.openLateAtEnd)} hồ sơ trễ hạn chưa giải quyết xong, trong đó ${n(t.overdueNow)} hồ sơ đang quá hạn`
      : " không có hồ sơ trễ hạn chưa giải quyết xong";
  const sentences = [
    `Trong kỳ báo cáo, ${data.unit.name} tiếp nhận ${n(t.received)} hồ sơ, trong đó ${n(t.receivedOnline)} hồ sơ trực tuyến (${formatRate(t.onlineRate)}).`,
    `Đã giải quyết ${n(t.resolved)} hồ sơ: trước hạn ${n(t.early)}, đúng hạn ${n(t.onTime)}, trễ hạn ${n(t.late - t.openLateAtEnd)}; tỷ lệ giải quyết đúng hạn ${formatRate(t.onTimeRate)} (tính cả hồ sơ trễ hạn chưa giải quyết xong: tổng ${n(t.late)} hồ sơ trễ hạn).`,
    `${at} còn ${n(t.openNotDue)} hồ sơ đang giải quyết chưa đến hạn và${overdue}; từ chối ${n(t.refused)}, công dân rút ${n(t.withdrawn)} hồ sơ.`,
    `Liên thông ${n(t.transfers)} lượt, trong đó ${n(t.eTransfers)} lượt điện tử (${formatRate(t.eTransferRate)}).`,
    data.satisfaction.rated > 0
      ? `Người dân đánh giá ${n(data.satisfaction.rated)} hồ sơ đã trả kết quả, ${n(data.satisfaction.satisfied)} hài lòng (${formatRate(data.satisfaction.rate)}).`
      : "Chưa có đánh giá mức độ hài lòng cho hồ sơ trả kết quả trong kỳ.",
    data.complaints.received > 0
      ? `Tiếp nhận ${n(data.complaints.received)} khiếu nại; đã giải quyết ${n(data.complaints.answered)}, trong đó ${n(data.complaints.answeredOnTime)} đúng hạn.`
      : "Không có khiếu nại trong kỳ.",
  ];
  return sentences.join(" ");
}

function figureCells(row: FigureRow): string[] {
  return [n(row.received), n(row.receivedOnline), n(row.resolved), n(row.early), n(row.onTime), n(row.late), formatRate(row.onTimeRate)];
}

function addFieldTable(report: ReportDocument, data: OnTimeReportData): void {
  addHeading(report, SECTION.byField, 1);
  if (data.byField.length === 0) return addParagraph(report, "Không có hồ sơ trong kỳ.");
  addTable(report, {
    columns: FIELD_COLUMNS("Lĩnh vực"),
    rows: data.byField.map((row) => [row.label, ...figureCells(row)]),
    totalRow: ["Tổng cộng", ...figureCells(data.totals)],
  });
}

function addProcedureTable(report: ReportDocument, data: OnTimeReportData): void {
  addHeading(report, SECTION.byProcedure, 1);
  if (data.byProcedure.length === 0) return addParagraph(report, "Không có hồ sơ trong kỳ.");
  const cells = (row: FigureRow) => [n(row.received), n(row.resolved), n(row.late), formatRate(row.onTimeRate), formatRate(row.onlineRate)];
  addTable(report, {
    columns: PROCEDURE_COLUMNS,
    rows: data.byProcedure.map((row) => [row.code, row.name, ...cells(row)]),
    totalRow: ["", "Tổng cộng", ...cells(data.totals)],
  });
}

function addChannelTable(report: ReportDocument, data: OnTimeReportData): void {
  addHeading(report, SECTION.byChannel, 1);
  if (data.byChannel.length === 0) return addParagraph(report, "Không có hồ sơ trong kỳ.");
  const share = (received: number) => formatRate(data.totals.received === 0 ? null : received / data.totals.received);
  const cells = (row: FigureRow) => [n(row.received), share(row.received), n(row.resolved), n(row.late), formatRate(row.onTimeRate)];
  addTable(report, {
    columns: CHANNEL_COLUMNS,
    rows: data.byChannel.map((row) => [row.label, ...cells(row)]),
    totalRow: ["Tổng cộng", ...cells(data.totals)],
  });
}

function addOverTime(report: ReportDocument, data: OnTimeReportData): void {
  const { grain, buckets } = data.chart;
  if (buckets.length > 0) ensureSpace(report, CHART_BLOCK_HEIGHT);
  addHeading(report, SECTION.overTime[grain], 1);
  if (buckets.length === 0) return addParagraph(report, "Không có hồ sơ trong kỳ.");
  const categories = buckets.map((b) => b.label);
  const unit = grain === "month" ? "tháng" : "năm";
  addBarChart(report, {
    title: `Hồ sơ tiếp nhận và đã giải quyết theo ${unit}`,
    categories,
    series: [
      { name: "Tiếp nhận", values: buckets.map((b) => b.received) },
      { name: "Đã giải quyết", values: buckets.map((b) => b.resolved) },
    ],
    height: 200,
  });
  addLineChart(report, {
    title: `Tỷ lệ giải quyết đúng hạn theo ${unit} (%)`,
    categories,
    series: [{ name: "Tỷ lệ đúng hạn", values: buckets.map((b) => (b.onTimeRate === null ? null : b.onTimeRate * 100)) }],
    target: { value: ON_TIME_TARGET_PERCENT, label: `Mục tiêu ${formatPercent(ON_TIME_TARGET_PERCENT, "vi")}` },
    yMax: 100,
    formatValue: (value) => formatPercent(value, "vi", 0),
    height: 190,
  });
  addTable(report, {
    columns: [
      { header: grain === "month" ? "Tháng" : "Năm", fraction: 1 },
      { header: "Tiếp nhận", width: 70, align: "right" },
      { header: "Đã giải quyết", width: 70, align: "right" },
      { header: "Trễ hạn", width: 70, align: "right" },
      { header: "Tỷ lệ đúng hạn", width: 80, align: "right" },
    ],
    rows: buckets.map((b) => [b.label, n(b.received), n(b.resolved), n(b.late), formatRate(b.onTimeRate)]),
  });
}

/** Points with up to two decimals, as the national portal prints them ("17,5"). */
const pts = (value: number | null) => (value === null ? NONE : formatNumber(Math.round(value * 100) / 100, "vi"));

function addServiceIndex(report: ReportDocument, data: OnTimeReportData): void {
  const card = data.serviceIndex;
  // The scorecard is a page of its own, as the national portal shows it per unit.
  startNewPage(report);
  addHeading(report, SECTION.serviceIndex, 1);
  if (!card) return addParagraph(report, "Chưa có bộ chỉ số áp dụng cho kỳ báo cáo.");
  addParagraph(
    report,
    card.total === null
      ? `Tổng điểm: ${NONE} (chưa có số liệu để đánh giá) trên tối đa ${pts(card.maxTotal)} điểm.`
      : `Tổng điểm: ${pts(card.total)} / ${pts(card.measuredMaxTotal)} điểm của các chỉ số đo được (tối đa của bộ chỉ số: ${pts(card.maxTotal)} điểm).`,
    { fontSize: FONT_SIZE.body },
  );
  addParagraph(report, `Căn cứ: ${card.version}. Chỉ số không đo được ghi rõ lý do, không tính điểm.`, { tone: "italic", fontSize: FONT_SIZE.small });
  const rows: string[][] = [];
  for (const group of card.groups) {
    rows.push([group.code, group.name.toLocaleUpperCase("vi"), "", pts(group.points), pts(group.maxPoints)]);
    for (const i of group.indicators) {
      rows.push([i.code, i.notMeasured ? `${i.name}\n${i.notMeasured}` : i.name, i.notMeasured ? "không đo" : formatRate(i.value), i.notMeasured ? NONE : pts(i.points), pts(i.maxPoints)]);
    }
  }
  addTable(report, {
    columns: [
      { header: "Mã", width: 28 },
      { header: "Nhóm / chỉ số", fraction: 1 },
      { header: "Giá trị", width: 54, align: "right" },
      { header: "Điểm", width: 40, align: "right" },
      { header: "Tối đa", width: 40, align: "right" },
    ],
    rows,
    totalRow: ["", "Tổng cộng", "", pts(card.total), pts(card.maxTotal)],
    fontSize: FONT_SIZE.small,
  });
  if (card.months.length > 1) {
    addTable(report, {
      columns: [
        { header: "Tháng", fraction: 1 },
        { header: "Tổng điểm", width: 70, align: "right" },
        { header: "Tối đa đo được", width: 80, align: "right" },
      ],
      rows: card.months.map((m) => [m.label, pts(m.total), pts(m.measuredMaxTotal)]),
      fontSize: FONT_SIZE.small,
    });
  }
}

function addLateDossiers(report: ReportDocument, variant: "full" | "masked", rows: readonly LateDossierRow[]): void {
  addHeading(report, SECTION.late, 1);
  if (variant === "masked") {
    addParagraph(report, "Họ tên người nộp hồ sơ được che một phần (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).", {
      tone: "italic",
      fontSize: FONT_SIZE.small,
    });
  }
  if (rows.length === 0) return addParagraph(report, "Không có hồ sơ trễ hạn trong kỳ báo cáo.");
  addParagraph(
    report,
    `${n(rows.length)} hồ sơ trễ hạn (tính theo ngày hẹn trả ban đầu; phiếu xin lỗi và hẹn lại không làm thay đổi kết quả đánh giá).`,
    { fontSize: FONT_SIZE.small },
  );
  addTable(report, {
    columns: LATE_COLUMNS,
    fontSize: LATE_FONT_SIZE,
    rows: rows.map((row, index) => [
      n(index + 1),
      `${row.code}\n${variant === "masked" ? maskPersonName(row.applicantName) : row.applicantName}`,
      row.procedure,
      formatDate(row.receivedDate),
      formatDate(row.dueDate),
      row.finishedDate ? formatDate(row.finishedDate) : "Chưa xong",
      row.supplementCount > 1 ? `${n(row.daysLate)}*` : n(row.daysLate),
      apologyCell(row),
    ]),
  });
  if (rows.some((row) => row.supplementCount > 1)) {
    addParagraph(report, "* Hồ sơ yêu cầu bổ sung quá một lần được tính là trễ hạn (Quyết định 766/QĐ-TTg).", {
      tone: "italic",
      fontSize: FONT_SIZE.small,
    });
  }
}

function apologyCell(row: LateDossierRow): string {
  const reason = row.apologyReason?.trim();
  if (!reason && !row.newAppointmentAt) return "Chưa có phiếu xin lỗi";
  const appointment = row.newAppointmentAt ? `Hẹn lại: ${formatDate(row.newAppointmentAt)}` : null;
  return [reason, appointment].filter(Boolean).join("\n");
}
