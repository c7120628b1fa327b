import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildReviewInputReport,
  buildReviewRecord,
  INPUT_REPORT_TITLE,
  INPUT_SECTION,
  inputSummary,
  keyFigures,
  RECORD_SECTION,
  RECORD_TITLE,
  type PerformanceRow,
  type ReviewInputReportData,
  type ReviewInputsData,
  type ReviewRecordData,
} from "#reports/management-review";
import { toBuffer } from "#reports/toolkit";
import { pageCount, pdfInfo, pdfPages } from "../../setup/pdf-text";

const UNIT = "UBND xã Mường Sai";
const CODE = "K7QM-3XPD-9HWT";
const URL = `http://localhost:3000/verify/${CODE}`;
const REVIEW = {
  code: "XXLD-2025-01",
  period: { from: "2025-01-01", to: "2025-12-31" },
  meetingDate: "2025-12-16",
  location: "Phòng họp UBND xã Mường Sai",
  chair: "Quàng Văn Minh",
  attendees: ["Quàng Văn Minh, Chủ tịch UBND xã (chủ trì)", "Lò Thị Hoa, thư ký ISO", "Cầm Văn Thắng, công chức một cửa"],
};

function row(label: string, received: number, late: number): PerformanceRow {
  const resolved = received - 10;
  return { label, received, receivedOnline: Math.round(received * 0.6), resolved, early: 100, onTime: resolved - 100 - late, late, onTimeRate: (resolved - late) / resolved, onlineRate: 0.6 };
}

function inputs2025(): ReviewInputsData {
  const totals = row("", 4760, 3);
  return {
    window: { from: "2025-01-01", to: "2025-12-16", toDate: true },
    previousActions: [
      { reviewCode: "XXLD-2024-01", meetingDate: "2024-12-18", category: "Nhu cầu nguồn lực", description: "Mua máy quét tốc độ cao", owner: "Cầm Văn Thắng", dueDate: "2025-03-31", status: "Đã đến hạn, báo cáo kết quả", isDue: true },
      { reviewCode: "XXLD-2024-01", meetingDate: "2024-12-18", category: "Cơ hội cải tiến", description: "Mở rộng dịch vụ công toàn trình", owner: null, dueDate: "2026-06-30", status: "Chưa đến hạn", isDue: false },
    ],
    changes: {
      note: "Từ ngày 01/7/2025 thực hiện chính quyền địa phương hai cấp.",
      revisions: [{ code: "QT-07", title: "Tiếp nhận và trả kết quả", revision: 3, effectiveDate: "2025-07-01", reason: "Theo Thông tư 03/2025/TT-VPCP" }],
    },
    objectives: [
      {
        year: 2025,
        from: "2025-01-01",
        to: "2025-12-16",
        rows: [
          { title: "100% hồ sơ được giải quyết đúng hạn", comparator: ">=", target: 1, actual: 0.9994, isRate: true, status: "not_met", statusLabel: "Chưa đạt" },
          { title: "Không để hồ sơ quá hạn tồn đọng", comparator: "<=", target: 0, actual: 0, isRate: false, status: "met", statusLabel: "Đạt" },
          { title: "Phản ánh trả lời đúng hạn", comparator: ">=", target: 1, actual: null, isRate: true, status: "no_data", statusLabel: "Chưa có số liệu" },
        ],
      },
    ],
    performance: {
      totals: { ...totals, openLateAtEnd: 0, openNotDue: 24, refused: 37, withdrawn: 16, transfers: 265, eTransfers: 234, eTransferRate: 234 / 265, overdueNow: 1 },
      byField: [row("Hộ tịch", 1766, 0), row("Đất đai – Xây dựng", 121, 2)],
      byChannel: [row("Trực tiếp", 1874, 2), row("Trực tuyến toàn trình", 713, 0)],
      months: [
        { label: "T1/2025", received: 323, resolved: 313, late: 1, onTimeRate: 0.9968 },
        { label: "T2/2025", received: 380, resolved: 380, late: 0, onTimeRate: 1 },
      ],
    },
    satisfaction: { rated: 1181, satisfied: 1148, rate: 1148 / 1181 },
    complaints: { received: 2, answered: 2, answeredOnTime: 1 },
    feedback: {
      states: ["Đã tiếp nhận", "Đã trả lời"],
      rows: [
        { kind: "Phản ánh", total: 3, counts: [1, 2] },
        { kind: "Khiếu nại", total: 2, counts: [0, 2] },
        { kind: "Khen ngợi", total: 0, counts: [0, 0] },
      ],
      answers: { answered: 4, onTime: 3, openLate: 1 },
    },
    nonconformities: {
      total: 5,
      repeats: 1,
      bySource: [
        { label: "Đánh giá nội bộ", count: 2 },
        { label: "Hồ sơ trễ hạn", count: 3 },
      ],
      byGrade: [{ label: "Nhẹ", count: 5 }],
      byState: [
        { label: "Đã đóng", count: 4 },
        { label: "Mới phát hiện", count: 1 },
      ],
      actions: { planned: 2, done: 6, cancelled: 0, overdue: 1 },
      openNow: { open: 1, overdue: 1, openActions: 2, overdueActions: 1 },
    },
    audits: [
      {
        code: "DGNB-2025-01",
        title: "Đánh giá nội bộ năm 2025",
        state: "Đã phê duyệt",
        plannedEnd: "2025-09-16",
        criteriaMet: "Đáp ứng phần lớn",
        answers: [
          { label: "Phù hợp", count: 21 },
          { label: "Không phù hợp", count: 1 },
          { label: "Điểm lưu ý", count: 0 },
        ],
        unanswered: 2,
        ncRaised: 1,
      },
    ],
    resourcesNote: "Máy quét quá tải khi số hóa hồ sơ chứng thực.",
    risks: {
      risks: { open: 4, high: 2, recorded: 3, reviewed: 2, effective: 1, treatmentsDue: 5, treatmentsDone: 4, treatmentsOverdue: 1 },
      opportunities: { open: 1, high: 0, recorded: 1, reviewed: 0, effective: 0, treatmentsDue: 1, treatmentsDone: 0, treatmentsOverdue: 0 },
      top: [{ code: "RR-2025-03", title: "Sáp nhập xã năm 2025", level: 16, band: "Cao" }],
      reviews: [
        { code: "RR-2025-01", title: "Một công chức một cửa nghỉ dịp Tết", kind: "Rủi ro", reviewedOn: "2025-03-05", levelBefore: 16, levelAfter: 6, effective: true },
        { code: "RR-2025-02", title: "Mất điện, mất mạng", kind: "Rủi ro", reviewedOn: "2025-09-10", levelBefore: 12, levelAfter: 12, effective: false },
      ],
    },
    competence: {
      required: 12,
      missing: 1,
      lapsing: 1,
      gaps: [
        { name: "Lò Thị Hoa", competence: "NL-DGNB: Đánh giá viên nội bộ", status: "Sắp hết hạn" },
        { name: "Cầm Văn Thắng", competence: "NL-HT: Nghiệp vụ hộ tịch", status: "Thiếu" },
      ],
      trainings: 6,
      hours: 72,
      peopleTrained: 4,
      providers: [{ provider: "Sở Nội vụ tỉnh Sơn La", trainings: 4, hours: 48 }],
    },
    improvement: { opportunities: [{ code: "RR-2025-04", title: "Dịch vụ công trực tuyến toàn trình", level: 12 }], auditImprovements: 2, recommendations: 3 },
  };
}

/** Nothing happened: a new commune's first review. */
function emptyInputs(): ReviewInputsData {
  const zero = { ...row("", 0, 0), resolved: 0, early: 0, onTime: 0, onTimeRate: null, onlineRate: null };
  return {
    window: { from: "2025-01-01", to: "2025-12-31", toDate: false },
    previousActions: [],
    changes: { note: null, revisions: [] },
    objectives: [{ year: 2025, from: "2025-01-01", to: "2025-12-31", rows: [] }],
    performance: {
      totals: { ...zero, openLateAtEnd: 0, openNotDue: 0, refused: 0, withdrawn: 0, transfers: 0, eTransfers: 0, eTransferRate: null, overdueNow: 0 },
      byField: [],
      byChannel: [],
      months: [],
    },
    satisfaction: { rated: 0, satisfied: 0, rate: null },
    complaints: { received: 0, answered: 0, answeredOnTime: 0 },
    feedback: { states: [], rows: [], answers: { answered: 0, onTime: 0, openLate: 0 } },
    nonconformities: {
      total: 0,
      repeats: 0,
      bySource: [],
      byGrade: [],
      byState: [],
      actions: { planned: 0, done: 0, cancelled: 0, overdue: 0 },
      openNow: { open: 0, overdue: 0, openActions: 0, overdueActions: 0 },
    },
    audits: [],
    resourcesNote: null,
    risks: {
      risks: { open: 0, high: 0, recorded: 0, reviewed: 0, effective: 0, treatmentsDue: 0, treatmentsDone: 0, treatmentsOverdue: 0 },
      opportunities: { open: 0, high: 0, recorded: 0, reviewed: 0, effective: 0, treatmentsDue: 0, treatmentsDone: 0, treatmentsOverdue: 0 },
      top: [],
      reviews: [],
    },
    competence: { required: 0, missing: 0, lapsing: 0, gaps: [], trainings: 0, hours: 0, peopleTrained: 0, providers: [] },
    improvement: { opportunities: [], auditImprovements: 0, recommendations: 0 },
  };
}

const ISSUED_AT = new Date("2025-12-12T02:30:00Z"); // 09:30 in Hà Nội
const RECORDED_AT = new Date("2025-12-16T09:30:00Z"); // 16:30 in Hà Nội

const inputData = (inputs = inputs2025()): ReviewInputReportData => ({
  unit: { name: UNIT },
  review: REVIEW,
  inputs,
  issuedAt: ISSUED_AT,
  issuedBy: "Lò Thị Hoa",
  verification: { code: CODE, url: URL },
});

const recordData = (overrides: Partial<ReviewRecordData> = {}): ReviewRecordData => ({
  unit: { name: UNIT },
  review: REVIEW,
  inputs: inputs2025(),
  conclusions: "Hệ thống quản lý chất lượng thích hợp, thỏa đáng và có hiệu lực.",
  decisions: [
    { category: "Thay đổi hệ thống quản lý chất lượng", description: "Ban hành MT-2026 theo mô hình hai cấp", owner: "Lò Thị Hoa", dueDate: "2026-01-05" },
    { category: "Nhu cầu nguồn lực", description: "Gia hạn chứng thư chữ ký số", owner: "Quàng Văn Minh", dueDate: "2026-03-31" },
  ],
  recordedBy: "Quàng Văn Minh",
  recordedAt: RECORDED_AT,
  verification: { code: CODE, url: URL },
  ...overrides,
});

const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");

describe("the input report", () => {
  it("has a section per input of §9.3.2 with the period's figures, in Vietnamese", async () => {
    const pdf = await toBuffer(buildReviewInputReport(inputData()));
    const text = words(pdf);
    expect(text).toContain(INPUT_REPORT_TITLE);
    expect(text).toContain("Số: XXLD-2025-01 – Kỳ xem xét: Năm 2025");
    expect(text).toContain("NỘI BỘ");
    for (const heading of Object.values(INPUT_SECTION)) expect(text).toContain(heading);
    expect(text).toContain("Từ ngày 01/01/2025 đến ngày 16/12/2025 (ngày lập báo cáo)");
    expect(text).toContain("Ngày 16/12/2025 tại Phòng họp UBND xã Mường Sai");
    // 1: earlier decisions, with owner and due date
    expect(text).toContain("Mua máy quét tốc độ cao");
    expect(text).toContain("Mua máy quét tốc độ cao Cầm Văn Thắng 31/03/2025 Đã đến hạn,");
    expect(text).toContain("Mở rộng dịch vụ công toàn trình — 30/06/2026 Chưa đến hạn");
    // 9–11: risks and opportunities apart, competence, improvement (issue 18)
    expect(text).toContain("Rủi ro: 4 đang theo dõi (2 mức cao trở lên), 3 ghi nhận mới trong kỳ; 2 lần xem xét hiệu lực, 1 có hiệu lực");
    expect(text).toContain("Cơ hội: 1 đang theo dõi");
    expect(text).toMatch(/RR-2025-01 Một công chức một cửa nghỉ dịp Tết Rủi ro 05\/03\/2025 16 6 Có hiệu lực/);
    expect(text).toMatch(/RR-2025-02 Mất điện, mất mạng Rủi ro 10\/09\/2025 12 12 Chưa có hiệu lực/);
    expect(text).toContain("còn thiếu 1, sắp hết hạn 1");
    expect(text).toContain("Lò Thị Hoa NL-DGNB: Đánh giá viên nội bộ Sắp hết hạn");
    expect(text).toContain("Sở Nội vụ tỉnh Sơn La 4 48");
    expect(text).toContain("RR-2025-04 Dịch vụ công trực tuyến toàn trình 12");
    // 2: the note and the document revisions
    expect(text).toContain("chính quyền địa phương hai cấp");
    expect(text).toMatch(/QT-07 Tiếp nhận và trả kết quả 3 01\/07\/2025 Theo Thông tư 03\/2025\/TT-VPCP/);
    // 3: objectives against their targets
    expect(text).toMatch(/100% hồ sơ được giải quyết đúng hạn >= 100% 99,9% Chưa đạt/);
    expect(text).toMatch(/Không để hồ sơ quá hạn tồn đọng <= 0 0 Đạt/);
    // 4: on-time figures, tables by field and channel
    expect(text).toContain("Trong kỳ tiếp nhận 4.760 hồ sơ");
    expect(text).toMatch(/Tổng cộng 4\.760 2\.856 4\.750 100 4\.647 3 99,9%/);
    expect(text).toContain("Trực tuyến toàn trình");
    expect(text).toContain("T2/2025");
    // 5: satisfaction, complaints, feedback by kind and state (kinds without any left out)
    expect(text).toContain("1.148 lượt hài lòng (97,2%)");
    expect(text).toContain("Tiếp nhận 2 khiếu nại; đã giải quyết 2, trong đó 1 đúng hạn.");
    expect(text).toMatch(/Phản ánh 1 2 3/);
    expect(text).not.toContain("Khen ngợi");
    // 6: nonconformities
    expect(text).toContain("Trong kỳ phát hiện 5 sự không phù hợp, trong đó 1 lặp lại trong 12 tháng.");
    expect(text).toMatch(/Hồ sơ trễ hạn 3/);
    // 7: audits with answers by kind
    expect(text).toContain("DGNB-2025-01: Đánh giá nội bộ năm");
    expect(text).toContain("Kết thúc 16/09/2025");
    expect(text).toContain("Phù hợp: 21");
    expect(text).toContain("Chưa trả lời: 2");
    expect(text).not.toContain("Điểm lưu ý: 0");
    // 8: resources
    expect(text).toContain("Máy quét quá tải khi số hóa hồ sơ chứng thực.");
    // verification
    expect(text).toContain(`Mã xác minh: ${CODE}`);
    expect(text).toContain(URL);
    expect(text).toContain("12/12/2025 09:30");
  });

  it("says so where there is nothing to report", async () => {
    const text = words(await toBuffer(buildReviewInputReport(inputData(emptyInputs()))));
    expect(text).toContain("Không có quyết định nào từ các lần xem xét trước.");
    expect(text).toContain("Không có tài liệu nào có hiệu lực mới trong kỳ.");
    expect(text).toContain("Chưa có mục tiêu chất lượng cho kỳ xem xét.");
    expect(text).toContain("Không có hồ sơ trong kỳ.");
    expect(text).toContain("Không có ý kiến nào của người dân trong kỳ.");
    expect(text).toContain("Không phát hiện sự không phù hợp nào trong kỳ.");
    expect(text).toContain("Không có cuộc đánh giá nội bộ nào kết thúc (theo kế hoạch) trong kỳ.");
    expect(text).toContain("Từ ngày 01/01/2025 đến ngày 31/12/2025");
  });

  it("is A4, titled with the code, with the issue time as its creation date so the same data gives the same bytes", async () => {
    const [a, b] = await Promise.all([toBuffer(buildReviewInputReport(inputData())), toBuffer(buildReviewInputReport(inputData()))]);
    expect(a.equals(b)).toBe(true);
    const info = pdfInfo(a);
    expect(info.Title).toBe(`${INPUT_REPORT_TITLE} – XXLD-2025-01`);
    expect(info["Page size"]).toMatch(/^595\.\d* x 841\.\d* pts \(A4\)/);
    expect(info.CreationDate).toBe("2025-12-12T02:30:00Z");
    expect(pageCount(a)).toBeGreaterThanOrEqual(2);
  });
});

describe("the record", () => {
  it("states the meeting, the inputs, the conclusions and the decisions with owners and due dates", async () => {
    const pdf = await toBuffer(buildReviewRecord(recordData()));
    const text = words(pdf);
    expect(text).toContain(RECORD_TITLE);
    for (const heading of Object.values(RECORD_SECTION)) expect(text).toContain(heading);
    expect(text).toContain("Thời gian: Ngày 16/12/2025");
    expect(text).toContain("Chủ trì: Quàng Văn Minh");
    expect(text).toContain("1. Quàng Văn Minh, Chủ tịch UBND xã (chủ trì)");
    expect(text).toContain("3. Cầm Văn Thắng, công chức một cửa");
    expect(text).toContain("Hệ thống quản lý chất lượng thích hợp, thỏa đáng và có hiệu lực.");
    expect(text).toContain("STT Nhóm Nội dung quyết định, hành động Người thực hiện Thời hạn");
    expect(text).toContain("Ban hành MT-2026 theo mô hình hai cấp Lò Thị Hoa 05/01/2026");
    expect(text).toContain("2 Nhu cầu nguồn lực Gia hạn chứng thư chữ ký số Quàng Văn Minh 31/03/2026");
    expect(text).toContain("Biên bản được lập trên phần mềm lúc 16/12/2025 16:30 bởi Quàng Văn Minh");
    expect(text).toContain(`Mã xác minh: ${CODE}`);
    expect(text).toContain("THƯ KÝ CUỘC HỌP");
    expect(text).toContain("Thư ký: Quàng Văn Minh");
    // The summary's key figures.
    expect(text).toContain("4.760");
    expect(text).toContain("1 quyết định đã đến hạn");
    expect(text).toContain("3. Mục tiêu chất lượng: đạt 1/3 chỉ tiêu (1 chỉ tiêu chưa có số liệu).");
    expect(text).toContain("7. Đánh giá nội bộ: DGNB-2025-01 (Đã phê duyệt, Đáp ứng phần lớn, 1 SKPH).");
  });

  it("names the secretary under the signature, and never leaves the signatures alone on the last page", async () => {
    const record = (decisions: number) =>
      recordData({
        secretary: "Lò Thị Hoa",
        decisions: Array.from({ length: decisions }, (_, i) => ({ category: "Cải tiến", description: `Quyết định số ${i + 1}`, owner: "Lò Thị Hoa", dueDate: "2026-03-31" })),
      });
    for (let decisions = 0; decisions <= 24; decisions += 4) {
      const pdf = await toBuffer(buildReviewRecord(record(decisions)));
      if (process.env.KEEP_PDF) writeFileSync(`${process.env.KEEP_PDF}-${decisions}.pdf`, pdf);
      const pages = pdfPages(pdf);
      const last = (pages.at(-1) ?? "").replace(/\s+/g, " ");
      expect(last).toContain("THƯ KÝ CUỘC HỌP");
      expect(last).toContain(RECORD_SECTION.recorded);
      expect(last).toContain("Biên bản được lập trên phần mềm");
      expect(last).toMatch(/THƯ KÝ CUỘC HỌP.*Lò Thị Hoa/);
    }
  }, 60_000);

  it("gives the same bytes for the same data, with the recording time as its creation date", async () => {
    const [a, b] = await Promise.all([toBuffer(buildReviewRecord(recordData())), toBuffer(buildReviewRecord(recordData()))]);
    expect(a.equals(b)).toBe(true);
    expect(pdfInfo(a).Title).toBe(`${RECORD_TITLE} – XXLD-2025-01`);
    expect(pdfInfo(a).CreationDate).toBe("2025-12-16T09:30:00Z");
    const other = await toBuffer(buildReviewRecord(recordData({ conclusions: "Cần điều chỉnh." })));
    expect(other.equals(a)).toBe(false);
  });
});

describe("the summary", () => {
  it("counts the objectives met and the decisions due", () => {
    const figures = keyFigures(inputs2025());
    expect(figures.find((f) => f.label === "Mục tiêu chất lượng đạt")?.value).toBe("1/3");
    expect(figures.find((f) => f.label === "Tỷ lệ giải quyết đúng hạn")).toMatchObject({ value: "99,9%", status: "warning" });
    expect(figures.find((f) => f.label === "Hồ sơ đang quá hạn")).toMatchObject({ value: "1", status: "bad" });
    const summary = inputSummary(emptyInputs());
    expect(summary).toHaveLength(11);
    expect(summary[8]).toContain("9. Rủi ro: 0 đang theo dõi");
    expect(summary[10]).toBe("11. Cơ hội cải tiến: 0 cơ hội đang theo dõi, 0 đề xuất của đánh giá nội bộ, 0 kiến nghị của người dân.");
    expect(summary[0]).toBe("1. Không có quyết định nào từ các lần xem xét trước.");
    expect(summary[1]).toBe("2. Thay đổi: —");
  });
});
