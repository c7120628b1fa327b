import {
  addBarChart,
  addHeading,
  addKeyFigures,
  addKeyValues,
  addLineChart,
  addParagraph,
  addQrCode,
  addTable,
  createReportDocument,
  formatDate,
  formatNumber,
  formatPercent,
  toBuffer,
  type ReportDocument,
  type ReportLanguage,
} from "./toolkit";

export interface SampleDossier {
  code: string;
  applicant: string;
  procedure: string;
  field: string;
  /** YYYY-MM-DD */
  receivedOn: string;
  /** YYYY-MM-DD */
  dueOn: string;
  onTime: boolean;
}

export interface SampleMonth {
  label: string;
  received: number;
  onTime: number;
  late: number;
  satisfactionPercent: number;
}

export interface ToolkitSampleData {
  language: ReportLanguage;
  unitName: string;
  periodLabel: string;
  /** YYYY-MM-DD */
  reportDate: string;
  createdAt: Date;
  preparedBy: string;
  marking?: string;
  verificationCode: string;
  verificationUrl: string;
  dossiers: readonly SampleDossier[];
  months: readonly SampleMonth[];
  onTimeTargetPercent: number;
}

const TEXT = {
  vi: {
    title: "Báo cáo mẫu bộ công cụ PDF",
    unit: "Đơn vị",
    period: "Kỳ báo cáo",
    reportDate: "Ngày lập",
    preparedBy: "Người lập",
    overview: "1. Tổng quan",
    intro:
      "Báo cáo này minh họa các thành phần dùng chung: tiêu đề, khối số liệu chính, bảng nhiều trang, biểu đồ và mã QR xác minh.",
    received: "Hồ sơ tiếp nhận",
    onTimeRate: "Tỷ lệ đúng hạn",
    late: "Hồ sơ trễ hạn",
    target: (percent: string) => `Mục tiêu ≥ ${percent}`,
    list: "2. Danh sách hồ sơ",
    columns: ["STT", "Mã hồ sơ", "Người nộp", "Thủ tục", "Lĩnh vực", "Ngày nhận", "Hẹn trả", "Kết quả"],
    onTime: "Đúng hạn",
    lateShort: "Trễ hạn",
    total: "Tổng cộng",
    charts: "3. Biểu đồ",
    barTitle: "Hồ sơ giải quyết theo tháng",
    lineTitle: "Mức độ hài lòng (%)",
    satisfaction: "Hài lòng",
    verify: "4. Xác minh",
    verifyCaption: (code: string, url: string) =>
      `Quét mã để xác minh bản báo cáo.\nMã xác minh: ${code}\n${url}`,
    footer: (code: string) => `Mã xác minh: ${code}`,
  },
  en: {
    title: "PDF toolkit sample report",
    unit: "Unit",
    period: "Period",
    reportDate: "Report date",
    preparedBy: "Prepared by",
    overview: "1. Overview",
    intro:
      "This report shows the shared building blocks: headings, key figures, a multi-page table, charts and a verification QR code.",
    received: "Dossiers received",
    onTimeRate: "On-time rate",
    late: "Late dossiers",
    target: (percent: string) => `Target ≥ ${percent}`,
    list: "2. Dossier list",
    columns: ["No.", "Code", "Applicant", "Procedure", "Field", "Received", "Due", "Result"],
    onTime: "On time",
    lateShort: "Late",
    total: "Total",
    charts: "3. Charts",
    barTitle: "Dossiers resolved per month",
    lineTitle: "Satisfaction (%)",
    satisfaction: "Satisfied",
    verify: "4. Verification",
    verifyCaption: (code: string, url: string) =>
      `Scan to verify this report.\nVerification code: ${code}\n${url}`,
    footer: (code: string) => `Verification code: ${code}`,
  },
} as const;

export function buildToolkitSamplePdf(data: ToolkitSampleData): Promise<Buffer> {
  return toBuffer(buildToolkitSampleReport(data));
}

/** The unfinished report, for callers that stream it with `toWebStream`. */
export function buildToolkitSampleReport(data: ToolkitSampleData): ReportDocument {
  const text = TEXT[data.language];
  const report = createReportDocument({
    unitName: data.unitName,
    title: text.title,
    subtitle: `${text.period}: ${data.periodLabel}`,
    language: data.language,
    info: {
      Title: text.title,
      Author: data.unitName,
      Subject: data.periodLabel,
      CreationDate: data.createdAt,
    },
    marking: data.marking,
    footerText: text.footer(data.verificationCode),
  });

  addKeyValues(report, [
    { label: text.unit, value: data.unitName },
    { label: text.reportDate, value: formatDate(data.reportDate) },
    { label: text.preparedBy, value: data.preparedBy },
  ]);

  addHeading(report, text.overview, 1);
  addParagraph(report, text.intro);
  const lateCount = data.dossiers.filter((dossier) => !dossier.onTime).length;
  const onTimePercent =
    data.dossiers.length === 0 ? 0 : (100 * (data.dossiers.length - lateCount)) / data.dossiers.length;
  const targetLabel = text.target(formatPercent(data.onTimeTargetPercent, data.language));
  addKeyFigures(report, [
    { value: formatNumber(data.dossiers.length, data.language), label: text.received },
    {
      value: formatPercent(onTimePercent, data.language),
      label: text.onTimeRate,
      note: targetLabel,
      status: onTimePercent >= data.onTimeTargetPercent ? "good" : "bad",
    },
    {
      value: formatNumber(lateCount, data.language),
      label: text.late,
      status: lateCount > 0 ? "warning" : "good",
    },
  ]);

  addHeading(report, text.list, 1);
  const [no, code, applicant, procedure, field, received, due, result] = text.columns;
  addTable(report, {
    columns: [
      { header: no, width: 26, align: "right" },
      { header: code, width: 74 },
      { header: applicant, fraction: 1.2 },
      { header: procedure, fraction: 1.6 },
      { header: field, fraction: 1.2 },
      { header: received, width: 56, align: "center" },
      { header: due, width: 56, align: "center" },
      { header: result, width: 50, align: "center" },
    ],
    rows: data.dossiers.map((dossier, index) => [
      formatNumber(index + 1, data.language),
      dossier.code,
      dossier.applicant,
      dossier.procedure,
      dossier.field,
      formatDate(dossier.receivedOn),
      formatDate(dossier.dueOn),
      dossier.onTime ? text.onTime : text.lateShort,
    ]),
    totalRow: [
      "",
      text.total,
      formatNumber(data.dossiers.length, data.language),
      "",
      "",
      "",
      "",
      formatPercent(onTimePercent, data.language),
    ],
  });

  addHeading(report, text.charts, 1);
  addBarChart(report, {
    title: text.barTitle,
    categories: data.months.map((month) => month.label),
    series: [
      { name: text.onTime, values: data.months.map((month) => month.onTime) },
      { name: text.lateShort, values: data.months.map((month) => month.late) },
    ],
    stacked: true,
    showValues: true,
  });
  addLineChart(report, {
    title: text.lineTitle,
    categories: data.months.map((month) => month.label),
    series: [{ name: text.satisfaction, values: data.months.map((month) => month.satisfactionPercent) }],
    target: { value: data.onTimeTargetPercent, label: targetLabel },
    yMax: 100,
    formatValue: (value) => formatPercent(value, data.language, 0),
    showValues: true,
    height: 190,
  });
  addBarChart(report, {
    title: text.onTimeRate,
    categories: data.months.map((month) => month.label),
    series: [
      {
        name: text.onTimeRate,
        values: data.months.map((month) =>
          month.received === 0 ? null : (100 * month.onTime) / month.received,
        ),
      },
    ],
    target: { value: data.onTimeTargetPercent, label: targetLabel },
    yMax: 100,
    formatValue: (value) => formatPercent(value, data.language, 0),
    showValues: true,
    height: 180,
  });

  addHeading(report, text.verify, 1);
  addQrCode(report, {
    text: data.verificationUrl,
    caption: text.verifyCaption(data.verificationCode, data.verificationUrl),
  });
  return report;
}

const SAMPLE_NAMES = [
  "Nguyễn Thị Ánh Tuyết",
  "Trần Văn Đức",
  "Lê Hoàng Phúc",
  "Phạm Thị Hồng Nhung",
  "Võ Minh Khôi",
  "Đặng Thị Thu Hương",
  "Bùi Quốc Việt",
  "Huỳnh Ngọc Ẩn",
];

const SAMPLE_PROCEDURES = [
  ["Đăng ký khai sinh", "Lĩnh vực Tư pháp – Hộ tịch"],
  ["Chứng thực bản sao từ bản chính", "Lĩnh vực Chứng thực"],
  ["Đăng ký kết hôn", "Lĩnh vực Tư pháp – Hộ tịch"],
  ["Xác nhận tình trạng hôn nhân", "Lĩnh vực Tư pháp – Hộ tịch"],
  ["Chứng thực chữ ký trong các giấy tờ, văn bản", "Lĩnh vực Chứng thực"],
  ["Đăng ký khai tử", "Lĩnh vực Tư pháp – Hộ tịch"],
  ["Cấp giấy phép xây dựng nhà ở riêng lẻ", "Lĩnh vực Xây dựng"],
] as const;

/** Deterministic data for the sample: no clock, no randomness. */
export function makeToolkitSampleData(
  language: ReportLanguage = "vi",
  dossierCount = 120,
  overrides: Partial<ToolkitSampleData> = {},
): ToolkitSampleData {
  const dossiers = Array.from({ length: dossierCount }, (_, index): SampleDossier => {
    const [procedure, field] = SAMPLE_PROCEDURES[index % SAMPLE_PROCEDURES.length] ?? SAMPLE_PROCEDURES[0];
    const day = (index % 28) + 1;
    const month = 7 + (index % 3);
    return {
      code: `HS-2025-${String(index + 1).padStart(4, "0")}`,
      applicant: SAMPLE_NAMES[index % SAMPLE_NAMES.length] ?? "",
      procedure,
      field,
      receivedOn: `2025-${pad(month)}-${pad(day)}`,
      dueOn: `2025-${pad(month)}-${pad(Math.min(day + 3, 28))}`,
      onTime: index % 9 !== 4,
    };
  });
  return {
    language,
    unitName: "UBND xã Tân Phú – Bộ phận Tiếp nhận và Trả kết quả",
    periodLabel: language === "vi" ? "Quý III/2025" : "Q3 2025",
    reportDate: "2025-10-01",
    createdAt: new Date("2025-10-01T01:30:00Z"),
    preparedBy: "Nguyễn Thị Ánh Tuyết",
    verificationCode: "QMS-7F3K-92XD",
    verificationUrl: "https://motcua.example.vn/xac-minh/QMS-7F3K-92XD",
    dossiers,
    months: [
      {
        label: language === "vi" ? "Tháng 7" : "July",
        received: 40,
        onTime: 36,
        late: 4,
        satisfactionPercent: 91,
      },
      {
        label: language === "vi" ? "Tháng 8" : "August",
        received: 40,
        onTime: 35,
        late: 5,
        satisfactionPercent: 87.5,
      },
      {
        label: language === "vi" ? "Tháng 9" : "September",
        received: 40,
        onTime: 38,
        late: 2,
        satisfactionPercent: 94,
      },
    ],
    onTimeTargetPercent: 80,
    ...overrides,
  };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
