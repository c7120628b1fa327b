import { describe, expect, it } from "vitest";

import {
  addTable,
  contentBox,
  createReportDocument,
  resolveColumnWidths,
  toBuffer,
  type ReportDocument,
  type TableSpec,
} from "#reports/toolkit";

import { pageCount, pdfPages } from "../../setup/pdf-text";

function newReport(): ReportDocument {
  return createReportDocument({
    unitName: "UBND xã Tân Phú",
    title: "Danh sách hồ sơ",
    language: "vi",
    titleBlock: false,
    info: { Title: "Danh sách hồ sơ", Author: "UBND xã Tân Phú", Subject: "Bảng", CreationDate: new Date(0) },
  });
}

const COLUMNS: TableSpec["columns"] = [
  { header: "STT", width: 30, align: "right" },
  { header: "Người nộp", fraction: 1 },
  { header: "Thủ tục", fraction: 2 },
  { header: "Kết quả", width: 60, align: "center" },
];

const HEADER_LINE = /STT\s+Người nộp\s+Thủ tục\s+Kết quả/;

function rows(count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    String(index + 1),
    index % 2 === 0 ? "Nguyễn Thị Ánh Tuyết" : "Trần Văn Đức",
    index % 3 === 0 ? "Chứng thực bản sao từ bản chính" : "Đăng ký khai sinh",
    `Mã ${String(index + 1).padStart(3, "0")}`,
  ]);
}

describe("resolveColumnWidths", () => {
  it("keeps fixed widths and shares the rest by fraction", () => {
    expect(resolveColumnWidths(COLUMNS, 390)).toEqual([30, 100, 200, 60]);
  });

  it("treats a column with neither width nor fraction as one share", () => {
    expect(resolveColumnWidths([{ header: "a" }, { header: "b", fraction: 3 }], 400)).toEqual([100, 300]);
  });

  it("shrinks every column when the fixed widths are too wide", () => {
    const widths = resolveColumnWidths(
      [{ header: "a", width: 300 }, { header: "b", width: 300 }, { header: "c" }],
      300,
    );
    expect(widths).toEqual([150, 150, 0]);
  });

  it("leaves the table narrower when only fixed columns are given", () => {
    expect(resolveColumnWidths([{ header: "a", width: 50 }], 300)).toEqual([50]);
  });
});

describe("addTable", () => {
  it("breaks rows across pages and repeats the header row on each", async () => {
    const report = newReport();
    const placement = addTable(report, { columns: COLUMNS, rows: rows(150) });
    const pages = pdfPages(await toBuffer(report));

    expect(placement.firstPage).toBe(1);
    expect(placement.lastPage).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(placement.lastPage);
    for (const page of pages) expect(page).toMatch(HEADER_LINE);

    const codes = pages.join("\n").match(/Mã \d{3}/g) ?? [];
    expect(codes).toEqual(rows(150).map((row) => row[3]));
  });

  it("wraps long cell text instead of cutting it", async () => {
    const report = newReport();
    const procedure =
      "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp";
    addTable(report, { columns: COLUMNS, rows: [["1", "Nguyễn Thị Ánh Tuyết", procedure, "Đúng hạn"]] });
    const text = pdfPages(await toBuffer(report), "plain").join("\n");
    expect(text.replace(/\s+/g, " ")).toContain(procedure);
  });

  it("moves a row that does not fit to the next page whole, under a repeated header", async () => {
    const report = newReport();
    report.doc.y = contentBox(report).bottom - 100;
    const tallCell = Array.from({ length: 12 }, (_, index) => `Dòng ${index + 1} của hồ sơ dài`).join("\n");
    const placement = addTable(report, {
      columns: COLUMNS,
      rows: [...rows(2), ["3", "Lê Hoàng Phúc", tallCell, "Mã 003"]],
    });
    const pages = pdfPages(await toBuffer(report));

    expect(placement).toEqual({ firstPage: 1, lastPage: 2 });
    expect(pages[0]).toContain("Mã 002");
    expect(pages[0]).not.toContain("Dòng 1 ");
    for (let line = 1; line <= 12; line++) expect(pages[1]).toContain(`Dòng ${line} của hồ sơ dài`);
    expect(pages[1]).toMatch(HEADER_LINE);
  });

  it("starts on a new page rather than leave the header row alone at the foot of one", async () => {
    const report = newReport();
    report.doc.y = contentBox(report).bottom - 20;
    const placement = addTable(report, { columns: COLUMNS, rows: rows(3) });
    const pages = pdfPages(await toBuffer(report));
    expect(placement.firstPage).toBe(2);
    expect(pages[0]).not.toMatch(HEADER_LINE);
    expect(pages[1]).toMatch(HEADER_LINE);
  });

  it("cuts a row taller than a whole page instead of looping or overflowing", async () => {
    const report = newReport();
    const hugeCell = Array.from({ length: 200 }, (_, index) => `Dòng ${index + 1}`).join("\n");
    const placement = addTable(report, {
      columns: COLUMNS,
      rows: [["1", "Nguyễn Thị Ánh Tuyết", hugeCell, "Mã 001"], ...rows(1)],
    });
    const pdf = await toBuffer(report);
    expect(pageCount(pdf)).toBe(placement.lastPage);
    expect(placement.lastPage).toBeLessThanOrEqual(3);
    const text = pdfPages(pdf, "plain").join("\n");
    expect(text).toContain("Dòng 1");
    expect(text).not.toContain("Dòng 200");
  });

  it("prints zebra stripes and a total row", async () => {
    const report = createReportDocument({
      unitName: "UBND xã Tân Phú",
      title: "Tổng hợp",
      language: "vi",
      titleBlock: false,
      compress: false,
      info: { Title: "Tổng hợp", Author: "UBND xã Tân Phú", Subject: "Bảng", CreationDate: new Date(0) },
    });
    addTable(report, { columns: COLUMNS, rows: rows(4), totalRow: ["", "Tổng cộng", "", "4"] });
    const pdf = await toBuffer(report);
    const raw = pdf.toString("latin1");
    // Zebra fill #f2f5f8 and total fill #dde6ef as PDF rgb operands.
    expect(raw).toMatch(/0\.949\d* 0\.960\d* 0\.972\d* scn/);
    expect(raw).toMatch(/0\.866\d* 0\.901\d* 0\.937\d* scn/);
    expect(pdfPages(pdf)[0]).toMatch(/Tổng cộng\s+4/);
  });
});
