// The internal audit report (TCVN ISO 9001:2015 §9.2, contents of TCVN ISO 19011 §6.5.1): objectives,
// scope, criteria, team, dates and places, how the sample was drawn and what it was, findings with their
// evidence, nonconformities with their status, conclusions and the degree the criteria are met, diverging
// opinions and the approval. Data in, PDF out; every label arrives translated (Vietnamese).
import { addSignatures } from "./dossier-slips/layout";
import {
  addHeading,
  addKeyValues,
  addParagraph,
  addQrCode,
  addSpacer,
  addTable,
  advanceCursor,
  COLOR,
  contentBox,
  createReportDocument,
  FONT,
  FONT_SIZE,
  formatDate,
  formatDateTime,
  formatNumber,
  resetBodyStyle,
  type ReportDocument,
  type TableColumn,
} from "./toolkit";

export interface AuditReportData {
  unit: { name: string };
  audit: {
    code: string;
    title: string;
    objectives: string;
    /** "QT-07 – Tiếp nhận và trả kết quả…". */
    processes: readonly string[];
    /** Field labels. */
    fields: readonly string[];
    isoClauses: readonly string[];
    criteria: string;
    /**
     * The one-stop rule sets the sampled dossiers were received under ("Nghị định …; Thông tư …"), in
     * date order: a sample with dossiers received from 1 July 2025 brings Decree 118/2025 and Circular 03/2025.
     */
    legalBasis: readonly string[];
    location: string;
    /** Business dates. */
    startDate: string;
    endDate: string;
  };
  team: ReadonlyArray<{ name: string; roleLabel: string; isLead: boolean }>;
  /** Null when the scope samples no dossiers. */
  sample: {
    seed: string;
    sizePerField: number;
    from: string;
    to: string;
    fields: ReadonlyArray<{ label: string; population: number; priorityPopulation: number; drawn: number }>;
    rows: ReadonlyArray<{
      fieldLabel: string;
      order: number;
      code: string;
      procedure: string;
      receivedDate: string;
      dueDate: string;
      finishedDate: string | null;
      outcomeLabel: string;
      /** Supplement requests, apology slip, transfers: what made it a priority. */
      facts: string;
      priority: boolean;
      resultLabel: string;
      note: string | null;
    }>;
  } | null;
  answers: { total: number; byAnswer: ReadonlyArray<{ label: string; count: number }> };
  findings: ReadonlyArray<{
    reference: string;
    isoClause: string;
    answerLabel: string;
    question: string;
    evidence: string;
    ncCode: string | null;
  }>;
  /** `finding`: what the auditor found (the evidence written with the answer), not the checklist question. */
  nonconformities: ReadonlyArray<{ code: string; finding: string; gradeLabel: string; stateLabel: string }>;
  conclusions: string;
  criteriaMetLabel: string;
  divergingOpinions: string | null;
  drafted: { by: string; at: Date } | null;
  /** Null on a draft preview. */
  approval: { by: string; at: Date; comment: string | null } | null;
  issuedAt: Date;
  /** Null on a draft preview, which is not an issued document. */
  verification: { code: string; url: string } | null;
}

export const REPORT_TITLE = "BÁO CÁO ĐÁNH GIÁ NỘI BỘ";
export const DRAFT_MARKING = "DỰ THẢO";
export const NONE = "—";

export const SECTION = {
  objectives: "1. Mục tiêu đánh giá",
  scope: "2. Phạm vi đánh giá",
  criteria: "3. Chuẩn mực đánh giá",
  team: "4. Đoàn đánh giá, thời gian và địa điểm",
  sample: "5. Chọn mẫu hồ sơ",
  findings: "6. Phát hiện đánh giá và bằng chứng",
  nonconformities: "7. Sự không phù hợp và tình trạng xử lý",
  conclusions: "8. Kết luận đánh giá",
  diverging: "9. Ý kiến khác biệt chưa được giải quyết",
  approval: "10. Phê duyệt",
} as const;

const SAMPLE_COLUMNS: readonly TableColumn[] = [
  { header: "STT", width: 24, align: "right" },
  { header: "Mã hồ sơ", width: 122 },
  { header: "Thủ tục", fraction: 1 },
  { header: "Nhận", width: 46, align: "center" },
  { header: "Hẹn trả", width: 46, align: "center" },
  { header: "Hoàn thành", width: 46, align: "center" },
  { header: "Kết quả", width: 44 },
  { header: "Kiểm tra", fraction: 0.8 },
];

const FINDING_COLUMNS: readonly TableColumn[] = [
  { header: "Mục", width: 40 },
  { header: "Điều khoản", width: 42 },
  { header: "Loại phát hiện", width: 64 },
  { header: "Yêu cầu / câu hỏi", fraction: 1 },
  { header: "Bằng chứng", fraction: 1.2 },
  { header: "Số SKPH", width: 58 },
];

const NC_COLUMNS: readonly TableColumn[] = [
  { header: "Số SKPH", width: 62 },
  { header: "Phát hiện", fraction: 1 },
  { header: "Mức độ", width: 56 },
  { header: "Tình trạng xử lý", width: 110 },
];

export function auditReportTitle(code: string, title: string): string {
  return `Báo cáo đánh giá nội bộ ${code} – ${title}`;
}

export function footerLine(data: Pick<AuditReportData, "audit" | "verification">): string {
  return data.verification
    ? `${data.audit.code} – Mã xác minh: ${data.verification.code} – kiểm tra tại ${data.verification.url}`
    : `${data.audit.code} – Bản dự thảo, chưa phê duyệt: không có giá trị xác minh`;
}

/** How the sample was drawn, in words an auditor reads (the generator itself: decision record 0007). */
export function sampleMethodText(sample: NonNullable<AuditReportData["sample"]>): string {
  return (
    `Tổng thể: hồ sơ tiếp nhận từ ngày ${formatDate(sample.from)} đến ngày ${formatDate(sample.to)} trong Sổ theo dõi hồ sơ, ` +
    `theo từng lĩnh vực. Cỡ mẫu: ${formatNumber(sample.sizePerField, "vi")} hồ sơ mỗi lĩnh vực ` +
    `(hoặc toàn bộ nếu ít hơn), tối đa một nửa lấy từ nhóm ưu tiên (trễ hạn, bị yêu cầu bổ sung, có phiếu xin lỗi, liên thông) theo QT-02. ` +
    `Hồ sơ được chọn ngẫu nhiên với hạt giống được ghi lại là "${sample.seed}": cùng hạt giống và cùng sổ theo dõi luôn chọn ra đúng những hồ sơ này, ` +
    `nên bất kỳ ai cũng kiểm tra lại được mẫu; người đánh giá không tự chọn hồ sơ.`
  );
}

/** A4 portrait. Finish it with `toBuffer`; an approved report's bytes are stored and served as stored. */
export function buildAuditReport(data: AuditReportData): ReportDocument {
  const a = data.audit;
  const report = createReportDocument({
    unitName: data.unit.name,
    title: auditReportTitle(a.code, a.title),
    language: "vi",
    size: "A4",
    orientation: "portrait",
    titleBlock: false,
    marking: data.approval ? undefined : DRAFT_MARKING,
    footerText: footerLine(data),
    info: {
      Title: auditReportTitle(a.code, a.title),
      Author: data.unit.name,
      Subject: `Đánh giá nội bộ theo TCVN ISO 9001:2015 – ${a.title}`,
      Keywords: [a.code, ...a.isoClauses.map((c) => `ISO 9001 ${c}`), data.verification ? `mã xác minh ${data.verification.code}` : "dự thảo"].join(", "),
      CreationDate: data.issuedAt,
    },
  });

  addTitle(report, data);
  if (data.verification) {
    addQrCode(report, {
      text: data.verification.url,
      size: 72,
      caption: `Quét mã QR hoặc mở địa chỉ dưới đây để xác minh bản báo cáo này và mã băm SHA-256 của tệp.\nMã xác minh: ${data.verification.code}\n${data.verification.url}`,
    });
  } else {
    addParagraph(report, "Bản dự thảo để xem trước; báo cáo chỉ có giá trị khi lãnh đạo phê duyệt.", { tone: "italic" });
  }

  addHeading(report, SECTION.objectives, 2);
  addParagraph(report, a.objectives, { align: "justify" });

  addHeading(report, SECTION.scope, 2);
  addKeyValues(report, [
    { label: "Đơn vị được đánh giá", value: data.unit.name },
    { label: "Quá trình", value: list(a.processes) },
    { label: "Lĩnh vực thủ tục", value: list(a.fields) },
  ]);

  addHeading(report, SECTION.criteria, 2);
  addKeyValues(report, [
    { label: "Điều khoản TCVN ISO 9001:2015", value: a.isoClauses.join(", ") },
    ...(a.legalBasis.length > 0 ? [{ label: "Quy định về cơ chế một cửa áp dụng cho hồ sơ trong mẫu", value: a.legalBasis.join("\n") }] : []),
  ]);
  addParagraph(report, a.criteria, { align: "justify" });

  addHeading(report, SECTION.team, 2);
  addKeyValues(report, [
    ...data.team.map((m) => ({ label: m.roleLabel, value: m.name })),
    { label: "Thời gian", value: a.startDate === a.endDate ? formatDate(a.startDate) : `Từ ngày ${formatDate(a.startDate)} đến ngày ${formatDate(a.endDate)}` },
    { label: "Địa điểm", value: a.location },
  ]);

  addSample(report, data.sample);
  addFindings(report, data);
  addNonconformities(report, data.nonconformities);

  addHeading(report, SECTION.conclusions, 2);
  addKeyValues(report, [{ label: "Mức độ đáp ứng chuẩn mực", value: data.criteriaMetLabel }]);
  addParagraph(report, data.conclusions, { align: "justify" });

  addHeading(report, SECTION.diverging, 2);
  addParagraph(report, data.divergingOpinions?.trim() || "Không có ý kiến khác biệt giữa đoàn đánh giá và đơn vị được đánh giá.");

  addApproval(report, data);
  return report;
}

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join("; ") : NONE;
}

function addTitle(report: ReportDocument, data: AuditReportData): void {
  const { doc } = report;
  const box = contentBox(report);
  doc.font(FONT.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  doc.text(REPORT_TITLE, box.left, doc.y, { width: box.width, align: "center" });
  doc.font(FONT.bold).fontSize(FONT_SIZE.subtitle);
  doc.text(`Số: ${data.audit.code}`, box.left, doc.y + 2, { width: box.width, align: "center" });
  doc.font(FONT.italic).fillColor(COLOR.muted);
  doc.text(data.audit.title, box.left, doc.y + 2, { width: box.width, align: "center" });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, 10);
}

function addSample(report: ReportDocument, sample: AuditReportData["sample"]): void {
  addHeading(report, SECTION.sample, 2);
  if (!sample) {
    addParagraph(report, "Phạm vi đánh giá không gồm lĩnh vực thủ tục nên không chọn mẫu hồ sơ.");
    return;
  }
  addParagraph(report, sampleMethodText(sample), { align: "justify", fontSize: FONT_SIZE.small });
  addTable(report, {
    columns: [
      { header: "Lĩnh vực", fraction: 1 },
      { header: "Tổng thể", width: 60, align: "right" },
      { header: "Nhóm ưu tiên", width: 70, align: "right" },
      { header: "Đã chọn", width: 60, align: "right" },
    ],
    rows: sample.fields.map((f) => [f.label, formatNumber(f.population, "vi"), formatNumber(f.priorityPopulation, "vi"), formatNumber(f.drawn, "vi")]),
  });
  if (sample.rows.length === 0) {
    addParagraph(report, "Không có hồ sơ nào trong tổng thể.");
    return;
  }
  addParagraph(report, "Danh sách hồ sơ được chọn theo lĩnh vực (* thuộc nhóm ưu tiên):", { fontSize: FONT_SIZE.small });
  for (const field of sample.fields) {
    const rows = sample.rows.filter((r) => r.fieldLabel === field.label);
    if (rows.length === 0) continue;
    addHeading(report, field.label, 3);
    addTable(report, {
      columns: SAMPLE_COLUMNS,
      fontSize: 7,
      rows: rows.map((r) => [
        `${r.order}${r.priority ? "*" : ""}`,
        r.code,
        r.facts ? `${r.procedure} (${r.facts})` : r.procedure,
        formatDate(r.receivedDate),
        formatDate(r.dueDate),
        r.finishedDate ? formatDate(r.finishedDate) : NONE,
        r.outcomeLabel,
        r.note ? `${r.resultLabel}: ${r.note}` : r.resultLabel,
      ]),
    });
  }
}

function addFindings(report: ReportDocument, data: AuditReportData): void {
  addHeading(report, SECTION.findings, 2);
  const tally = data.answers.byAnswer.map((b) => `${b.label}: ${formatNumber(b.count, "vi")}`).join("; ");
  addParagraph(report, `Danh mục câu hỏi gồm ${formatNumber(data.answers.total, "vi")} câu, kết quả: ${tally}.`);
  if (data.findings.length === 0) {
    addParagraph(report, "Không có phát hiện không phù hợp, điểm lưu ý hay cơ hội cải tiến.");
    return;
  }
  addTable(report, {
    columns: FINDING_COLUMNS,
    fontSize: 7.5,
    rows: data.findings.map((f) => [f.reference, f.isoClause, f.answerLabel, f.question, f.evidence, f.ncCode ?? NONE]),
  });
}

function addNonconformities(report: ReportDocument, ncs: AuditReportData["nonconformities"]): void {
  addHeading(report, SECTION.nonconformities, 2);
  if (ncs.length === 0) {
    addParagraph(report, "Cuộc đánh giá không phát hiện sự không phù hợp.");
    return;
  }
  addTable(report, { columns: NC_COLUMNS, rows: ncs.map((nc) => [nc.code, nc.finding, nc.gradeLabel, nc.stateLabel]) });
}

function addApproval(report: ReportDocument, data: AuditReportData): void {
  addHeading(report, SECTION.approval, 2);
  const lead = data.team.find((m) => m.isLead)?.name ?? data.drafted?.by ?? "";
  addKeyValues(report, [
    { label: "Lập báo cáo", value: data.drafted ? `${data.drafted.by}, ${formatDateTime(data.drafted.at)}` : NONE },
    {
      label: "Phê duyệt",
      value: data.approval ? `${data.approval.by}, ${formatDateTime(data.approval.at)}` : "Chưa phê duyệt",
    },
    ...(data.approval?.comment ? [{ label: "Ý kiến phê duyệt", value: data.approval.comment }] : []),
  ]);
  addSpacer(report, 8);
  addSignatures(report, [
    { title: "TRƯỞNG ĐOÀN ĐÁNH GIÁ", hint: "(Ký, ghi rõ họ tên)", name: lead },
    { title: "LÃNH ĐẠO PHÊ DUYỆT", hint: "(Ký, ghi rõ họ tên)", name: data.approval?.by ?? "" },
  ]);
}
