import { describe, expect, it } from "vitest";

import {
  addBarChart,
  addHeading,
  addKeyFigures,
  addKeyValues,
  addLineChart,
  addParagraph,
  contentBox,
  createReportDocument,
  toBuffer,
  type ReportDocument,
} from "#reports/toolkit";

import { pdfPages } from "../../setup/pdf-text";

function newReport(compress = true): ReportDocument {
  return createReportDocument({
    unitName: "UBND xã Tân Phú",
    title: "Khối nội dung",
    language: "vi",
    titleBlock: false,
    compress,
    info: { Title: "Khối nội dung", Author: "UBND xã Tân Phú", Subject: "Khối", CreationDate: new Date(0) },
  });
}

const MONTHS = ["Tháng 7", "Tháng 8", "Tháng 9"];

describe("headings, paragraphs and key-value blocks", () => {
  it("prints them in order", async () => {
    const report = newReport();
    addHeading(report, "1. Tổng quan", 1);
    addHeading(report, "1.1. Phạm vi", 2);
    addHeading(report, "a) Đối tượng", 3);
    addParagraph(report, "Bộ phận Tiếp nhận và Trả kết quả của xã.");
    addKeyValues(report, [
      { label: "Người nộp", value: "Nguyễn Thị Ánh Tuyết" },
      { label: "Thủ tục", value: "Đăng ký khai sinh" },
    ]);
    const page = pdfPages(await toBuffer(report))[0] ?? "";
    const order = [
      "1. Tổng quan",
      "1.1. Phạm vi",
      "a) Đối tượng",
      "Bộ phận Tiếp nhận",
      "Người nộp:",
      "Thủ tục:",
    ];
    const positions = order.map((text) => page.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toMatch(/Người nộp:\s+Nguyễn Thị Ánh Tuyết/);
  });

  it("never leaves a heading alone at the foot of a page", async () => {
    const report = newReport();
    report.doc.y = contentBox(report).bottom - 30;
    addHeading(report, "2. Danh sách hồ sơ", 1);
    addParagraph(report, "Nội dung của mục.");
    const pages = pdfPages(await toBuffer(report));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("2. Danh sách hồ sơ");
  });

  it("lets a long paragraph flow onto further pages", async () => {
    const report = newReport();
    addParagraph(report, Array.from({ length: 1200 }, (_, index) => `Câu số ${index + 1}.`).join(" "));
    const pages = pdfPages(await toBuffer(report), "plain");
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join(" ").replace(/\s+/g, " ")).toContain("Câu số 1199. Câu số 1200.");
  });
});

describe("addKeyFigures", () => {
  it("prints value, label and note of each box", async () => {
    const report = newReport();
    addKeyFigures(report, [
      { value: "100%", label: "Tỷ lệ đúng hạn", note: "Mục tiêu ≥ 80%", status: "good" },
      { value: "4.492", label: "Hồ sơ tiếp nhận" },
      { value: "3", label: "Hồ sơ trễ hạn", status: "bad" },
    ]);
    const page = pdfPages(await toBuffer(report))[0] ?? "";
    expect(page).toMatch(/100%\s+4\.492\s+3/);
    expect(page).toMatch(/Tỷ lệ đúng hạn\s+Hồ sơ tiếp nhận\s+Hồ sơ trễ hạn/);
    expect(page).toContain("Mục tiêu >= 80%");
  });

  it("wraps into rows of perRow boxes", async () => {
    const report = newReport();
    addKeyFigures(
      report,
      ["1", "2", "3", "4", "5", "6"].map((value) => ({ value, label: `Chỉ số ${value}` })),
      { perRow: 3 },
    );
    const page = pdfPages(await toBuffer(report))[0] ?? "";
    expect(page).toMatch(/Chỉ số 1\s+Chỉ số 2\s+Chỉ số 3\n/);
    expect(page).toMatch(/Chỉ số 4\s+Chỉ số 5\s+Chỉ số 6\n/);
  });
});

describe("charts", () => {
  it("draws a grouped bar chart with axis ticks, categories, legend and target line", async () => {
    const report = newReport(false);
    addBarChart(report, {
      title: "Tỷ lệ đúng hạn theo lĩnh vực",
      categories: MONTHS,
      series: [
        { name: "Tư pháp – Hộ tịch", values: [92, 85, 100] },
        { name: "Chứng thực", values: [78, null, 88] },
      ],
      target: { value: 80, label: "Mục tiêu 80%" },
      yMax: 100,
      formatValue: (value) => `${value}%`,
    });
    const pdf = await toBuffer(report);
    const page = pdfPages(pdf)[0] ?? "";
    for (const text of ["Tỷ lệ đúng hạn theo lĩnh vực", "Tư pháp – Hộ tịch", "Chứng thực", ...MONTHS]) {
      expect(page).toContain(text);
    }
    for (const tick of ["0%", "20%", "40%", "60%", "80%", "100%"]) expect(page).toContain(tick);
    expect(page.match(/Mục tiêu 80%/g)).toHaveLength(2);
    const raw = pdf.toString("latin1");
    // 5 bars (one value is missing) + 2 legend swatches, and a dashed target line.
    expect(raw.match(/ re\n/g)?.length).toBe(7);
    expect(raw).toContain("[4 3] 0 d");
  });

  it("stacks series in a stacked bar chart and labels the totals", async () => {
    const report = newReport(false);
    addBarChart(report, {
      categories: MONTHS,
      series: [
        { name: "Đúng hạn", values: [36, 35, 38] },
        { name: "Trễ hạn", values: [4, 5, 2] },
      ],
      stacked: true,
      showValues: true,
    });
    const pdf = await toBuffer(report);
    const page = pdfPages(pdf)[0] ?? "";
    expect(page.match(/\b40\b/g)?.length).toBeGreaterThanOrEqual(4);
    expect(page).toContain("50");
    expect(pdf.toString("latin1").match(/ re\n/g)?.length).toBe(6 + 2);
  });

  it("draws a line chart with points, value labels and a target line", async () => {
    const report = newReport(false);
    addLineChart(report, {
      title: "Mức độ hài lòng",
      categories: MONTHS,
      series: [
        { name: "Hài lòng", values: [91, 87.5, 94] },
        { name: "Rất hài lòng", values: [60, null, 72] },
      ],
      target: { value: 80, label: "Mục tiêu ≥ 80%" },
      yMax: 100,
      showValues: true,
    });
    const pdf = await toBuffer(report);
    const page = pdfPages(pdf)[0] ?? "";
    for (const text of [
      "Mức độ hài lòng",
      "Hài lòng",
      "Rất hài lòng",
      "91",
      "87,5",
      "94",
      "60",
      "72",
      ...MONTHS,
    ]) {
      expect(page).toContain(text);
    }
    expect(page.match(/Mục tiêu >= 80%/g)).toHaveLength(2);
    const raw = pdf.toString("latin1");
    expect(raw).toContain("[4 3] 0 d");
    // Each point is a circle of four Bézier curves: 3 + 2 points.
    expect(raw.match(/ c\n/g)?.length).toBe(5 * 4);
  });

  it("moves a chart that does not fit to the next page", async () => {
    const report = newReport();
    report.doc.y = contentBox(report).bottom - 100;
    addLineChart(report, {
      title: "Biểu đồ cuối",
      categories: MONTHS,
      series: [{ name: "A", values: [1, 2, 3] }],
    });
    const pages = pdfPages(await toBuffer(report));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("Biểu đồ cuối");
  });
});
