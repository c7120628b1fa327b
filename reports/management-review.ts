// The management review (TCVN ISO 9001:2015 §9.3, QT-05): the input report the ISO secretary sends
// before the meeting (one section per input of §9.3.2, with the period's figures) and the meeting's
// record (biên bản: facts, a summary of the inputs, the conclusions and the decisions with their owners
// and due dates), which is stored once and locked. Data in, PDF out; every label arrives in Vietnamese,
// and the verification code and its link arrive with the data, chosen before rendering.
// Neither carries citizens' personal data: figures, document codes and staff names only.
import { addSignatures } from "./dossier-slips/layout";
import { footerLine, formatRate, periodLabel } from "./on-time-report";
import {
  addHeading,
  addKeyFigures,
  addKeyValues,
  addParagraph,
  addQrCode,
  addSpacer,
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
  resetBodyStyle,
  type FigureStatus,
  type KeyFigure,
  type ReportDocument,
  type TableColumn,
} from "./toolkit";

export interface ReviewFacts {
  /** `XXLD-YYYY-NN`. */
  code: string;
  /** The period reviewed, inclusive business dates. */
  period: { from: string; to: string };
  meetingDate: string;
  location: string;
  chair: string;
  attendees: readonly string[];
}

/** Rates are fractions 0–1, null when there is nothing to rate. */
export interface PerformanceRow {
  label: string;
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  onlineRate: number | null;
}

export interface PerformanceTotals extends Omit<PerformanceRow, "label"> {
  openLateAtEnd: number;
  openNotDue: number;
  refused: number;
  withdrawn: number;
  transfers: number;
  eTransfers: number;
  eTransferRate: number | null;
  /** Open dossiers past their due day when the figures were read. */
  overdueNow: number;
}

export interface CountRow {
  label: string;
  count: number;
}

/** The inputs of §9.3.2 as printed; the model reads them from the data and translates them. */
export interface ReviewInputsData {
  /** The dates the figures cover: the period, cut at the day they were read. */
  window: { from: string; to: string; toDate: boolean };
  previousActions: ReadonlyArray<{
    reviewCode: string;
    meetingDate: string;
    category: string;
    description: string;
    owner: string | null;
    dueDate: string | null;
    status: string;
    isDue: boolean;
  }>;
  changes: {
    note: string | null;
    revisions: ReadonlyArray<{ code: string; title: string; revision: number; effectiveDate: string; reason: string | null }>;
  };
  objectives: ReadonlyArray<{
    year: number;
    from: string;
    to: string;
    rows: ReadonlyArray<{
      title: string;
      comparator: ">=" | "<=";
      target: number;
      actual: number | null;
      isRate: boolean;
      status: "met" | "not_met" | "no_data";
      statusLabel: string;
    }>;
  }>;
  performance: {
    totals: PerformanceTotals;
    byField: readonly PerformanceRow[];
    byChannel: readonly PerformanceRow[];
    months: ReadonlyArray<{ label: string; received: number; resolved: number; late: number; onTimeRate: number | null }>;
  };
  satisfaction: { rated: number; satisfied: number; rate: number | null };
  complaints: { received: number; answered: number; answeredOnTime: number };
  feedback: {
    /** Column labels: the states present in the period. */
    states: readonly string[];
    rows: ReadonlyArray<{ kind: string; total: number; counts: readonly number[] }>;
    answers: { answered: number; onTime: number; openLate: number };
  };
  nonconformities: {
    total: number;
    repeats: number;
    bySource: readonly CountRow[];
    byGrade: readonly CountRow[];
    byState: readonly CountRow[];
    actions: { planned: number; done: number; cancelled: number; overdue: number };
    openNow: { open: number; overdue: number; openActions: number; overdueActions: number };
  };
  audits: ReadonlyArray<{
    code: string;
    title: string;
    state: string;
    plannedEnd: string;
    criteriaMet: string | null;
    answers: readonly CountRow[];
    unanswered: number;
    ncRaised: number;
  }>;
  resourcesNote: string | null;
  risks: RiskInputsData;
  competence: CompetenceInputsData;
  improvement: ImprovementInputsData;
}

/** Counts of one kind of the register (risks, or opportunities). */
export interface RegisterCounts {
  open: number;
  high: number;
  recorded: number;
  reviewed: number;
  effective: number;
  treatmentsDue: number;
  treatmentsDone: number;
  treatmentsOverdue: number;
}

export interface RiskInputsData {
  risks: RegisterCounts;
  opportunities: RegisterCounts;
  top: ReadonlyArray<{ code: string; title: string; level: number; band: string }>;
  reviews: ReadonlyArray<{ code: string; title: string; kind: string; reviewedOn: string; levelBefore: number; levelAfter: number; effective: boolean }>;
}

export interface CompetenceInputsData {
  required: number;
  missing: number;
  lapsing: number;
  gaps: ReadonlyArray<{ name: string; competence: string; status: string }>;
  trainings: number;
  hours: number;
  peopleTrained: number;
  providers: ReadonlyArray<{ provider: string; trainings: number; hours: number }>;
}

export interface ImprovementInputsData {
  opportunities: ReadonlyArray<{ code: string; title: string; level: number }>;
  auditImprovements: number;
  recommendations: number;
}

export interface ReviewInputReportData {
  unit: { name: string };
  review: ReviewFacts;
  inputs: ReviewInputsData;
  /** Also the PDF's creation date. */
  issuedAt: Date;
  issuedBy: string;
  verification: { code: string; url: string };
}

export interface ReviewRecordData {
  unit: { name: string };
  review: ReviewFacts;
  /** As read when the record was made. */
  inputs: ReviewInputsData;
  conclusions: string;
  decisions: ReadonlyArray<{ category: string; description: string; owner: string | null; dueDate: string | null }>;
  recordedBy: string;
  /** The meeting's secretary, who signs the record with the chair; default: the person who recorded it. */
  secretary?: string | null;
  /** Also the PDF's creation date, so the stored bytes are repeatable from the same data. */
  recordedAt: Date;
  verification: { code: string; url: string };
}

export const INPUT_REPORT_TITLE = "BÁO CÁO ĐẦU VÀO XEM XÉT CỦA LÃNH ĐẠO";
export const RECORD_TITLE = "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO";
export const NONE = "—";

/** One section per input of §9.3.2 (QT-05 §5.2), in the procedure's order. */
export const INPUT_SECTION = {
  previous: "1. Tình trạng các hành động từ lần xem xét trước",
  changes: "2. Thay đổi về các vấn đề bên ngoài và nội bộ",
  objectives: "3. Mức độ đạt mục tiêu chất lượng",
  performance: "4. Kết quả thực hiện các quá trình",
  satisfaction: "5. Sự hài lòng của người dân, phản ánh, kiến nghị và khiếu nại",
  nonconformities: "6. Sự không phù hợp và hành động khắc phục",
  audits: "7. Kết quả đánh giá nội bộ",
  resources: "8. Sự thỏa đáng của nguồn lực",
  risks: "9. Hiệu lực của các hành động giải quyết rủi ro và cơ hội",
  competence: "10. Năng lực và đào tạo",
  improvement: "11. Các cơ hội cải tiến",
  others: "12. Các đầu vào khác",
} as const;

export const RECORD_SECTION = {
  meeting: "I. THÔNG TIN CUỘC HỌP",
  inputs: "II. TÓM TẮT ĐẦU VÀO",
  conclusions: "III. KẾT LUẬN VỀ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG",
  decisions: "IV. QUYẾT ĐỊNH VÀ HÀNH ĐỘNG",
  recorded: "V. XÁC NHẬN BIÊN BẢN",
} as const;

export const DECISION_COLUMNS: readonly TableColumn[] = [
  { header: "STT", width: 24, align: "right" },
  { header: "Nhóm", width: 90 },
  { header: "Nội dung quyết định, hành động", fraction: 1 },
  { header: "Người thực hiện", width: 90 },
  { header: "Thời hạn", width: 56, align: "center" },
];

const FIGURE_COLUMNS = (first: string): TableColumn[] => [
  { header: first, fraction: 1 },
  { header: "Tiếp nhận", width: 46, align: "right" },
  { header: "Trực tuyến", width: 46, align: "right" },
  { header: "Đã giải quyết", width: 50, align: "right" },
  { header: "Trước hạn", width: 44, align: "right" },
  { header: "Đúng hạn", width: 44, align: "right" },
  { header: "Trễ hạn", width: 40, align: "right" },
  { header: "Tỷ lệ đúng hạn", width: 50, align: "right" },
];

const n = (value: number) => formatNumber(value, "vi");

// A heading, the table's header and a row or two: kept together rather than the heading alone at a page's foot.
const TABLE_KEEP = 120;

function tableHeading(report: ReportDocument, text: string, level: 1 | 2 | 3, hasTable: boolean): void {
  if (hasTable) ensureSpace(report, TABLE_KEEP);
  addHeading(report, text, level);
}

function orNone(value: string | null | undefined): string {
  const text = value?.trim();
  return text ? text : NONE;
}

/** "Năm 2025" or "Từ ngày 01/01/2025 đến ngày 15/12/2025". */
export function reviewPeriodLabel(period: { from: string; to: string }): string {
  return periodLabel(period);
}

export function inputReportTitle(code: string): string {
  return `Báo cáo đầu vào xem xét của lãnh đạo ${code}`;
}

export function recordTitle(code: string): string {
  return `Biên bản họp xem xét của lãnh đạo ${code}`;
}

function windowLine(window: ReviewInputsData["window"]): string {
  const to = window.toDate ? `${formatDate(window.to)} (ngày lập báo cáo)` : formatDate(window.to);
  return `Từ ngày ${formatDate(window.from)} đến ngày ${to}`;
}

// ------------------------------------------------------------------------------ input report

/** A4 portrait. Finish it with `toBuffer` (the caller hashes the exact bytes before serving them). */
export function buildReviewInputReport(data: ReviewInputReportData): ReportDocument {
  const { review, inputs } = data;
  const report = createReportDocument({
    unitName: data.unit.name,
    title: inputReportTitle(review.code),
    language: "vi",
    size: "A4",
    orientation: "portrait",
    titleBlock: false,
    marking: "NỘI BỘ",
    footerText: footerLine(data.verification),
    info: {
      Title: `${INPUT_REPORT_TITLE} – ${review.code}`,
      Author: data.unit.name,
      Subject: `Đầu vào xem xét của lãnh đạo, ${reviewPeriodLabel(review.period)}`,
      Keywords: `${review.code}, ISO 9001 9.3, mã xác minh ${data.verification.code}`,
      CreationDate: data.issuedAt,
    },
  });

  addTitle(report, INPUT_REPORT_TITLE, data.unit.name, review);
  addKeyValues(
    report,
    [
      { label: "Kỳ xem xét", value: `Từ ngày ${formatDate(review.period.from)} đến ngày ${formatDate(review.period.to)}` },
      { label: "Số liệu", value: windowLine(inputs.window) },
      { label: "Cuộc họp", value: `Ngày ${formatDate(review.meetingDate)} tại ${orNone(review.location)}` },
      { label: "Chủ trì", value: orNone(review.chair) },
      { label: "Phát hành lúc", value: formatDateTime(data.issuedAt) },
      { label: "Người tải", value: data.issuedBy },
    ],
    { fontSize: FONT_SIZE.small },
  );
  addVerification(report, data.verification, "bản báo cáo này");
  addHeading(report, "TỔNG HỢP", 1);
  addKeyFigures(report, keyFigures(inputs), { perRow: 4 });

  addPreviousActions(report, inputs);
  addChanges(report, inputs);
  addObjectives(report, inputs);
  addPerformance(report, inputs);
  addSatisfaction(report, inputs);
  addNonconformities(report, inputs);
  addAudits(report, inputs);
  addHeading(report, INPUT_SECTION.resources, 2);
  addParagraph(report, orNone(inputs.resourcesNote));
  addRisks(report, inputs);
  addCompetence(report, inputs);
  addImprovement(report, inputs);
  addHeading(report, INPUT_SECTION.others, 2);
  addParagraph(
    report,
    "Kết quả thực hiện của các cơ quan liên thông và nhà cung cấp bên ngoài khác, các đề xuất của công chức: các bộ phận báo cáo tại cuộc họp (QT-05, mục 5.2).",
  );
  addParagraph(report, "Báo cáo chỉ gồm số liệu tổng hợp, mã tài liệu và tên cán bộ; không chứa thông tin cá nhân của công dân.", {
    tone: "italic",
    fontSize: FONT_SIZE.small,
  });
  return report;
}

function addTitle(report: ReportDocument, title: string, unitName: string, review: ReviewFacts): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  doc.text(title, box.left, doc.y, { width: box.width, align: "center" });
  doc.font(FONT.bold).fontSize(FONT_SIZE.subtitle);
  doc.text(unitName, box.left, doc.y + 2, { width: box.width, align: "center" });
  doc.font(FONT.regular).fillColor(COLOR.muted);
  doc.text(`Số: ${review.code} – Kỳ xem xét: ${reviewPeriodLabel(review.period)}`, box.left, doc.y + 2, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 10);
}

function addVerification(report: ReportDocument, verification: { code: string; url: string }, what: string): void {
  addQrCode(report, {
    text: verification.url,
    size: 78,
    caption: `Quét mã QR hoặc mở địa chỉ dưới đây để xác minh ${what} và mã băm SHA-256 của tệp.\nMã xác minh: ${verification.code}\n${verification.url}`,
  });
}

function rateStatus(rate: number | null): FigureStatus {
  if (rate === null) return "neutral";
  if (rate >= 1) return "good";
  return rate >= 0.95 ? "warning" : "bad";
}

function objectivesMet(inputs: ReviewInputsData): { met: number; measured: number; total: number } {
  const rows = inputs.objectives.flatMap((y) => y.rows);
  return {
    met: rows.filter((r) => r.status === "met").length,
    measured: rows.filter((r) => r.status !== "no_data").length,
    total: rows.length,
  };
}

/** The figures a leader looks at first; the record repeats them. */
export function keyFigures(inputs: ReviewInputsData): KeyFigure[] {
  const t = inputs.performance.totals;
  const objectives = objectivesMet(inputs);
  const nc = inputs.nonconformities;
  return [
    { value: n(t.received), label: "Hồ sơ tiếp nhận", note: `trực tuyến ${formatRate(t.onlineRate)}` },
    { value: formatRate(t.onTimeRate), label: "Tỷ lệ giải quyết đúng hạn", note: `trễ hạn ${n(t.late)}`, status: rateStatus(t.onTimeRate) },
    { value: n(t.overdueNow), label: "Hồ sơ đang quá hạn", status: t.overdueNow === 0 ? "good" : "bad" },
    {
      value: formatRate(inputs.satisfaction.rate),
      label: "Mức độ hài lòng",
      note: `${n(inputs.satisfaction.satisfied)}/${n(inputs.satisfaction.rated)} lượt đánh giá`,
    },
    {
      value: `${n(objectives.met)}/${n(objectives.total)}`,
      label: "Mục tiêu chất lượng đạt",
      status: objectives.total === 0 ? "neutral" : objectives.met === objectives.measured ? "good" : "warning",
    },
    {
      value: n(inputs.complaints.received),
      label: "Khiếu nại tiếp nhận",
      note: `giải quyết ${n(inputs.complaints.answered)}, đúng hạn ${n(inputs.complaints.answeredOnTime)}`,
    },
    {
      value: n(nc.total),
      label: "Sự không phù hợp trong kỳ",
      note: `quá hạn khắc phục ${n(nc.actions.overdue)}`,
      status: nc.actions.overdue > 0 ? "bad" : "neutral",
    },
    { value: n(inputs.audits.length), label: "Cuộc đánh giá nội bộ", note: `${n(inputs.audits.reduce((s, a) => s + a.ncRaised, 0))} SKPH phát sinh` },
  ];
}

function addPreviousActions(report: ReportDocument, inputs: ReviewInputsData): void {
  tableHeading(report, INPUT_SECTION.previous, 2, inputs.previousActions.length > 0);
  if (inputs.previousActions.length === 0) return addParagraph(report, "Không có quyết định nào từ các lần xem xét trước.");
  addTable(report, {
    columns: [
      { header: "Cuộc họp", width: 70 },
      { header: "Nhóm", width: 72 },
      { header: "Quyết định", fraction: 1 },
      { header: "Người thực hiện", width: 80 },
      { header: "Thời hạn", width: 56, align: "center" },
      { header: "Tình trạng", width: 66 },
    ],
    rows: inputs.previousActions.map((a) => [
      `${a.reviewCode}\n${formatDate(a.meetingDate)}`,
      a.category,
      a.description,
      orNone(a.owner),
      a.dueDate ? formatDate(a.dueDate) : NONE,
      a.status,
    ]),
  });
}

function addChanges(report: ReportDocument, inputs: ReviewInputsData): void {
  addHeading(report, INPUT_SECTION.changes, 2);
  addParagraph(report, orNone(inputs.changes.note));
  tableHeading(report, "Tài liệu được ban hành, sửa đổi có hiệu lực trong kỳ", 3, inputs.changes.revisions.length > 0);
  if (inputs.changes.revisions.length === 0) return addParagraph(report, "Không có tài liệu nào có hiệu lực mới trong kỳ.");
  addTable(report, {
    columns: [
      { header: "Mã", width: 56 },
      { header: "Tên tài liệu", fraction: 1.2 },
      { header: "Lần ban hành", width: 50, align: "center" },
      { header: "Ngày hiệu lực", width: 56, align: "center" },
      { header: "Lý do, nội dung sửa đổi", fraction: 1 },
    ],
    rows: inputs.changes.revisions.map((r) => [r.code, r.title, n(r.revision), formatDate(r.effectiveDate), orNone(r.reason)]),
  });
}

function objectiveValue(row: { isRate: boolean }, value: number | null): string {
  if (value === null) return NONE;
  return row.isRate ? formatRate(value) : n(value);
}

function addObjectives(report: ReportDocument, inputs: ReviewInputsData): void {
  addHeading(report, INPUT_SECTION.objectives, 2);
  if (inputs.objectives.every((y) => y.rows.length === 0)) return addParagraph(report, "Chưa có mục tiêu chất lượng cho kỳ xem xét.");
  for (const year of inputs.objectives) {
    tableHeading(report, `Năm ${year.year}: số liệu từ ${formatDate(year.from)} đến ${formatDate(year.to)}`, 3, year.rows.length > 0);
    if (year.rows.length === 0) {
      addParagraph(report, "Chưa có mục tiêu cho năm này.");
      continue;
    }
    addTable(report, {
      columns: [
        { header: "Mục tiêu", fraction: 1 },
        { header: "Chỉ tiêu", width: 60, align: "right" },
        { header: "Thực hiện", width: 60, align: "right" },
        { header: "Đánh giá", width: 70 },
      ],
      rows: year.rows.map((r) => [
        r.title,
        `${r.comparator === ">=" ? "≥" : "≤"} ${objectiveValue(r, r.target)}`,
        objectiveValue(r, r.actual),
        r.statusLabel,
      ]),
    });
  }
}

function figureCells(row: Omit<PerformanceRow, "label">): string[] {
  return [n(row.received), n(row.receivedOnline), n(row.resolved), n(row.early), n(row.onTime), n(row.late), formatRate(row.onTimeRate)];
}

/** The period's process performance in words (QT-05 §5.2, input 5). */
export function performanceStatement(inputs: ReviewInputsData): string {
  const t = inputs.performance.totals;
  return [
    `Trong kỳ tiếp nhận ${n(t.received)} hồ sơ, trong đó ${n(t.receivedOnline)} hồ sơ trực tuyến (${formatRate(t.onlineRate)}).`,
    `Đã giải quyết ${n(t.resolved)} hồ sơ: trước hạn ${n(t.early)}, đúng hạn ${n(t.onTime)}, trễ hạn ${n(t.late - t.openLateAtEnd)}; tỷ lệ giải quyết đúng hạn ${formatRate(t.onTimeRate)}.`,
    `Cuối kỳ còn ${n(t.openNotDue)} hồ sơ chưa đến hạn và ${n(t.openLateAtEnd)} hồ sơ đã quá hạn; từ chối ${n(t.refused)}, công dân rút ${n(t.withdrawn)} hồ sơ.`,
    `Liên thông ${n(t.transfers)} lượt, trong đó ${n(t.eTransfers)} lượt điện tử (${formatRate(t.eTransferRate)}).`,
    `Tại thời điểm lập có ${n(t.overdueNow)} hồ sơ đang giải quyết đã quá hạn.`,
  ].join(" ");
}

function addPerformance(report: ReportDocument, inputs: ReviewInputsData): void {
  const { performance } = inputs;
  addHeading(report, INPUT_SECTION.performance, 2);
  addParagraph(report, performanceStatement(inputs), { align: "justify" });
  if (performance.byField.length === 0) return addParagraph(report, "Không có hồ sơ trong kỳ.");
  tableHeading(report, "Theo lĩnh vực", 3, true);
  addTable(report, {
    columns: FIGURE_COLUMNS("Lĩnh vực"),
    rows: performance.byField.map((row) => [row.label, ...figureCells(row)]),
    totalRow: ["Tổng cộng", ...figureCells(performance.totals)],
  });
  tableHeading(report, "Theo kênh tiếp nhận", 3, true);
  addTable(report, {
    columns: FIGURE_COLUMNS("Kênh tiếp nhận"),
    rows: performance.byChannel.map((row) => [row.label, ...figureCells(row)]),
    totalRow: ["Tổng cộng", ...figureCells(performance.totals)],
  });
  if (performance.months.length > 1) {
    tableHeading(report, "Theo tháng", 3, true);
    addTable(report, {
      columns: [
        { header: "Tháng", fraction: 1 },
        { header: "Tiếp nhận", width: 70, align: "right" },
        { header: "Đã giải quyết", width: 70, align: "right" },
        { header: "Trễ hạn", width: 70, align: "right" },
        { header: "Tỷ lệ đúng hạn", width: 80, align: "right" },
      ],
      rows: performance.months.map((m) => [m.label, n(m.received), n(m.resolved), n(m.late), formatRate(m.onTimeRate)]),
    });
  }
}

function addSatisfaction(report: ReportDocument, inputs: ReviewInputsData): void {
  const { satisfaction, complaints, feedback } = inputs;
  addHeading(report, INPUT_SECTION.satisfaction, 2);
  addParagraph(
    report,
    [
      satisfaction.rated > 0
        ? `Người dân đánh giá ${n(satisfaction.rated)} lượt, ${n(satisfaction.satisfied)} lượt hài lòng (${formatRate(satisfaction.rate)}).`
        : "Chưa có đánh giá mức độ hài lòng trong kỳ.",
      complaints.received > 0
        ? `Tiếp nhận ${n(complaints.received)} khiếu nại; đã giải quyết ${n(complaints.answered)}, trong đó ${n(complaints.answeredOnTime)} đúng hạn.`
        : "Không có khiếu nại trong kỳ.",
      `Phản ánh, kiến nghị, khiếu nại được trả lời trong kỳ: ${n(feedback.answers.answered)}, trong đó đúng hạn ${n(feedback.answers.onTime)}; chưa trả lời và đã quá hạn: ${n(feedback.answers.openLate)}.`,
    ].join(" "),
  );
  const rows = feedback.rows.filter((r) => r.total > 0);
  if (rows.length === 0) return addParagraph(report, "Không có ý kiến nào của người dân trong kỳ.");
  addTable(report, {
    columns: [
      { header: "Loại", width: 74 },
      ...feedback.states.map((s): TableColumn => ({ header: s, fraction: 1, align: "right" })),
      { header: "Tổng", width: 40, align: "right" },
    ],
    rows: rows.map((r) => [r.kind, ...r.counts.map(n), n(r.total)]),
  });
}

function countTable(report: ReportDocument, title: string, rows: readonly CountRow[]): void {
  if (rows.length === 0) return;
  addTable(report, {
    columns: [
      { header: title, fraction: 1 },
      { header: "Số lượng", width: 70, align: "right" },
    ],
    rows: rows.map((r) => [r.label, n(r.count)]),
    width: contentBox(report).width * 0.6,
  });
}

function addNonconformities(report: ReportDocument, inputs: ReviewInputsData): void {
  const nc = inputs.nonconformities;
  addHeading(report, INPUT_SECTION.nonconformities, 2);
  addParagraph(
    report,
    [
      nc.total > 0
        ? `Trong kỳ phát hiện ${n(nc.total)} sự không phù hợp, trong đó ${n(nc.repeats)} lặp lại trong 12 tháng.`
        : "Không phát hiện sự không phù hợp nào trong kỳ.",
      `Hành động khắc phục của các sự không phù hợp trong kỳ: đang thực hiện ${n(nc.actions.planned)}, hoàn thành ${n(nc.actions.done)}, huỷ ${n(nc.actions.cancelled)}; quá hạn ${n(nc.actions.overdue)}.`,
      `Hiện tại còn ${n(nc.openNow.open)} sự không phù hợp chưa đóng (${n(nc.openNow.overdue)} có hành động quá hạn); ${n(nc.openNow.openActions)} hành động đang thực hiện, trong đó ${n(nc.openNow.overdueActions)} quá hạn.`,
    ].join(" "),
  );
  countTable(report, "Theo nguồn", nc.bySource);
  countTable(report, "Theo mức độ", nc.byGrade);
  countTable(report, "Theo trạng thái", nc.byState);
}

function addAudits(report: ReportDocument, inputs: ReviewInputsData): void {
  tableHeading(report, INPUT_SECTION.audits, 2, inputs.audits.length > 0);
  if (inputs.audits.length === 0) return addParagraph(report, "Không có cuộc đánh giá nội bộ nào kết thúc (theo kế hoạch) trong kỳ.");
  addTable(report, {
    columns: [
      { header: "Cuộc đánh giá", fraction: 1.2 },
      { header: "Trạng thái", width: 66 },
      { header: "Mức đáp ứng chuẩn mực", width: 70 },
      { header: "Kết quả theo câu hỏi", fraction: 1 },
      { header: "Số SKPH phát sinh", width: 56, align: "right" },
    ],
    rows: inputs.audits.map((a) => [
      `${a.code}: ${a.title}\nKết thúc ${formatDate(a.plannedEnd)}`,
      a.state,
      orNone(a.criteriaMet),
      [...a.answers.filter((x) => x.count > 0).map((x) => `${x.label}: ${n(x.count)}`), ...(a.unanswered > 0 ? [`Chưa trả lời: ${n(a.unanswered)}`] : [])].join("\n") ||
        NONE,
      n(a.ncRaised),
    ]),
  });
}

/** "3 đang theo dõi (1 mức cao trở lên), 2 ghi nhận mới trong kỳ; 2 lần xem xét, 1 có hiệu lực; biện pháp đến hạn 4, hoàn thành 3, quá hạn 1." */
export function registerStatement(c: RegisterCounts): string {
  return `${n(c.open)} đang theo dõi (${n(c.high)} mức cao trở lên), ${n(c.recorded)} ghi nhận mới trong kỳ; ${n(c.reviewed)} lần xem xét hiệu lực, ${n(c.effective)} có hiệu lực; biện pháp đến hạn trong kỳ ${n(c.treatmentsDue)}, hoàn thành ${n(c.treatmentsDone)}, quá hạn ${n(c.treatmentsOverdue)}.`;
}

function addRisks(report: ReportDocument, inputs: ReviewInputsData): void {
  const r = inputs.risks;
  addHeading(report, INPUT_SECTION.risks, 2);
  addParagraph(report, `Rủi ro: ${registerStatement(r.risks)}`);
  addParagraph(report, `Cơ hội: ${registerStatement(r.opportunities)}`);
  tableHeading(report, "Xem xét hiệu lực trong kỳ (mức trước và sau)", 3, r.reviews.length > 0);
  if (r.reviews.length === 0) addParagraph(report, "Không có lần xem xét hiệu lực nào trong kỳ.");
  else
    addTable(report, {
      columns: [
        { header: "Mã", width: 62 },
        { header: "Rủi ro/cơ hội", fraction: 1 },
        { header: "Loại", width: 50 },
        { header: "Ngày xem xét", width: 56, align: "center" },
        { header: "Mức trước", width: 44, align: "right" },
        { header: "Mức sau", width: 44, align: "right" },
        { header: "Hiệu lực", width: 56 },
      ],
      rows: r.reviews.map((x) => [x.code, x.title, x.kind, formatDate(x.reviewedOn), n(x.levelBefore), n(x.levelAfter), x.effective ? "Có hiệu lực" : "Chưa có hiệu lực"]),
    });
  tableHeading(report, "Rủi ro đang theo dõi có mức cao nhất", 3, r.top.length > 0);
  if (r.top.length === 0) return addParagraph(report, "Không có rủi ro nào đang theo dõi.");
  addTable(report, {
    columns: [
      { header: "Mã", width: 62 },
      { header: "Rủi ro", fraction: 1 },
      { header: "Mức", width: 44, align: "right" },
      { header: "Xếp loại", width: 66 },
    ],
    rows: r.top.map((x) => [x.code, x.title, n(x.level), x.band]),
  });
}

function addCompetence(report: ReportDocument, inputs: ReviewInputsData): void {
  const c = inputs.competence;
  addHeading(report, INPUT_SECTION.competence, 2);
  addParagraph(
    report,
    `Năng lực yêu cầu theo vai trò, lĩnh vực, quá trình: ${n(c.required)}; còn thiếu ${n(c.missing)}, sắp hết hạn ${n(c.lapsing)}. Đào tạo hoàn thành trong kỳ: ${n(c.trainings)} lượt, ${n(c.hours)} giờ, ${n(c.peopleTrained)} cán bộ.`,
  );
  tableHeading(report, "Thiếu hụt năng lực", 3, c.gaps.length > 0);
  if (c.gaps.length === 0) addParagraph(report, "Không có thiếu hụt năng lực.");
  else
    addTable(report, {
      columns: [
        { header: "Cán bộ", fraction: 0.8 },
        { header: "Năng lực", fraction: 1 },
        { header: "Tình trạng", width: 70 },
      ],
      rows: c.gaps.map((g) => [g.name, g.competence, g.status]),
    });
  tableHeading(report, "Đơn vị đào tạo bên ngoài (khóa hoàn thành trong kỳ)", 3, c.providers.length > 0);
  if (c.providers.length === 0) return addParagraph(report, "Không có khóa đào tạo nào hoàn thành trong kỳ.");
  addTable(report, {
    columns: [
      { header: "Đơn vị đào tạo", fraction: 1 },
      { header: "Lượt", width: 50, align: "right" },
      { header: "Số giờ", width: 50, align: "right" },
    ],
    rows: c.providers.map((p) => [p.provider, n(p.trainings), n(p.hours)]),
    width: contentBox(report).width * 0.7,
  });
}

function addImprovement(report: ReportDocument, inputs: ReviewInputsData): void {
  const im = inputs.improvement;
  addHeading(report, INPUT_SECTION.improvement, 2);
  addParagraph(
    report,
    `Cơ hội đang theo dõi trong sổ đăng ký: ${n(im.opportunities.length)}; đề xuất cải tiến của đánh giá nội bộ: ${n(im.auditImprovements)}; kiến nghị của người dân trong kỳ: ${n(im.recommendations)}.`,
  );
  if (im.opportunities.length === 0) return;
  addTable(report, {
    columns: [
      { header: "Mã", width: 62 },
      { header: "Cơ hội", fraction: 1 },
      { header: "Mức", width: 44, align: "right" },
    ],
    rows: im.opportunities.map((o) => [o.code, o.title, n(o.level)]),
  });
}

// ------------------------------------------------------------------------------ record

/** The sentences of the record's input summary, one per input. */
export function inputSummary(inputs: ReviewInputsData): string[] {
  const due = inputs.previousActions.filter((a) => a.isDue).length;
  const objectives = objectivesMet(inputs);
  const nc = inputs.nonconformities;
  const audits = inputs.audits;
  return [
    inputs.previousActions.length > 0
      ? `1. Các lần xem xét trước có ${n(inputs.previousActions.length)} quyết định, ${n(due)} quyết định đã đến hạn và được báo cáo kết quả tại cuộc họp.`
      : "1. Không có quyết định nào từ các lần xem xét trước.",
    `2. Thay đổi: ${orNone(inputs.changes.note)}${
      inputs.changes.revisions.length > 0
        ? ` Trong kỳ có ${n(inputs.changes.revisions.length)} tài liệu có hiệu lực mới (${inputs.changes.revisions.map((r) => r.code).join(", ")}).`
        : ""
    }`,
    objectives.total > 0
      ? `3. Mục tiêu chất lượng: đạt ${n(objectives.met)}/${n(objectives.total)} chỉ tiêu${
          objectives.measured < objectives.total ? ` (${n(objectives.total - objectives.measured)} chỉ tiêu chưa có số liệu)` : ""
        }.`
      : "3. Chưa có mục tiêu chất lượng cho kỳ xem xét.",
    `4. ${performanceStatement(inputs)}`,
    `5. ${
      inputs.satisfaction.rated > 0
        ? `Mức độ hài lòng ${formatRate(inputs.satisfaction.rate)} (${n(inputs.satisfaction.satisfied)}/${n(inputs.satisfaction.rated)} lượt đánh giá).`
        : "Chưa có đánh giá mức độ hài lòng."
    } Khiếu nại: tiếp nhận ${n(inputs.complaints.received)}, giải quyết ${n(inputs.complaints.answered)}, đúng hạn ${n(inputs.complaints.answeredOnTime)}.`,
    `6. Sự không phù hợp phát hiện trong kỳ: ${n(nc.total)} (lặp lại ${n(nc.repeats)}); hành động khắc phục quá hạn: ${n(nc.actions.overdue)}.`,
    audits.length > 0
      ? `7. Đánh giá nội bộ: ${audits.map((a) => `${a.code} (${a.state}${a.criteriaMet ? `, ${a.criteriaMet}` : ""}, ${n(a.ncRaised)} SKPH)`).join("; ")}.`
      : "7. Không có cuộc đánh giá nội bộ nào kết thúc trong kỳ.",
    `8. Nguồn lực: ${orNone(inputs.resourcesNote)}`,
    `9. Rủi ro: ${registerStatement(inputs.risks.risks)} Cơ hội: ${registerStatement(inputs.risks.opportunities)}`,
    `10. Năng lực: còn thiếu ${n(inputs.competence.missing)}, sắp hết hạn ${n(inputs.competence.lapsing)} trên ${n(inputs.competence.required)} năng lực yêu cầu; đào tạo hoàn thành trong kỳ ${n(inputs.competence.trainings)} lượt (${n(inputs.competence.hours)} giờ).`,
    `11. Cơ hội cải tiến: ${n(inputs.improvement.opportunities.length)} cơ hội đang theo dõi${
      inputs.improvement.opportunities.length > 0 ? ` (${inputs.improvement.opportunities.map((o) => o.code).join(", ")})` : ""
    }, ${n(inputs.improvement.auditImprovements)} đề xuất của đánh giá nội bộ, ${n(inputs.improvement.recommendations)} kiến nghị của người dân.`,
  ];
}

/** Height of the record's closing: heading, the recording sentence, the QR block and the two signatures. */
const CLOSING_HEIGHT = 260;

function secretaryOf(data: ReviewRecordData): string {
  return data.secretary?.trim() || data.recordedBy;
}

/** A4 portrait; stored once with its bytes when the review is recorded. */
export function buildReviewRecord(data: ReviewRecordData): ReportDocument {
  const { review } = data;
  const report = createReportDocument({
    unitName: data.unit.name,
    title: recordTitle(review.code),
    language: "vi",
    size: "A4",
    orientation: "portrait",
    titleBlock: false,
    footerText: footerLine(data.verification),
    info: {
      Title: `${RECORD_TITLE} – ${review.code}`,
      Author: data.unit.name,
      Subject: `Xem xét của lãnh đạo, ${reviewPeriodLabel(review.period)}`,
      Keywords: `${review.code}, ISO 9001 9.3, mã xác minh ${data.verification.code}`,
      CreationDate: data.recordedAt,
    },
  });

  addTitle(report, RECORD_TITLE, data.unit.name, review);
  addHeading(report, RECORD_SECTION.meeting, 1);
  addKeyValues(report, [
    { label: "Thời gian", value: `Ngày ${formatDate(review.meetingDate)}` },
    { label: "Địa điểm", value: orNone(review.location) },
    { label: "Chủ trì", value: orNone(review.chair) },
    { label: "Thư ký", value: secretaryOf(data) },
    { label: "Kỳ xem xét", value: `Từ ngày ${formatDate(review.period.from)} đến ngày ${formatDate(review.period.to)}` },
    { label: "Số liệu đầu vào", value: windowLine(data.inputs.window) },
  ]);
  addHeading(report, "Thành phần tham dự", 3);
  if (review.attendees.length === 0) addParagraph(report, NONE);
  review.attendees.forEach((line, index) => addParagraph(report, `${index + 1}. ${line}`, { gapAfter: 2 }));

  addHeading(report, RECORD_SECTION.inputs, 1);
  addKeyFigures(report, keyFigures(data.inputs), { perRow: 4 });
  for (const sentence of inputSummary(data.inputs)) addParagraph(report, sentence, { align: "justify", gapAfter: 3 });

  addHeading(report, RECORD_SECTION.conclusions, 1);
  addParagraph(report, orNone(data.conclusions), { align: "justify" });

  tableHeading(report, RECORD_SECTION.decisions, 1, data.decisions.length > 0);
  if (data.decisions.length === 0) {
    addParagraph(report, NONE);
  } else {
    addTable(report, {
      columns: DECISION_COLUMNS,
      rows: data.decisions.map((d, index) => [n(index + 1), d.category, d.description, orNone(d.owner), d.dueDate ? formatDate(d.dueDate) : NONE]),
    });
  }

  // The closing section stays with the signatures: the last page never holds the signatures alone.
  ensureSpace(report, CLOSING_HEIGHT);
  addHeading(report, RECORD_SECTION.recorded, 1);
  addParagraph(
    report,
    `Biên bản được lập trên phần mềm lúc ${formatDateTime(data.recordedAt)} bởi ${data.recordedBy} và đã khoá: bản lưu này không thay đổi; mọi bản in, bản chuyển tiếp đều kiểm tra được bằng mã xác minh.`,
  );
  addVerification(report, data.verification, "biên bản này");
  addSpacer(report, 6);
  addSignatures(report, [
    { title: "THƯ KÝ CUỘC HỌP", hint: "(Ký và ghi rõ họ tên)", name: secretaryOf(data) },
    { title: "CHỦ TRÌ", hint: "(Ký, ghi rõ họ tên)", name: review.chair },
  ]);
  return report;
}
