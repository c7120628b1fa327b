import { beforeAll, describe, expect, it } from "vitest";

import {
  buildToolkitSamplePdf,
  buildToolkitSampleReport,
  makeToolkitSampleData,
} from "#reports/toolkit-sample";
import { toWebStream } from "#reports/toolkit";

import { pageCount, pdfInfo, pdfPages } from "../../setup/pdf-text";

const TABLE_HEADER_VI = /STT\s+Mã hồ sơ\s+Người nộp\s+Thủ tục\s+Lĩnh vực\s+Ngày nhận\s+Hẹn trả\s+Kết quả/;
const TABLE_HEADER_EN = /No\.\s+Code\s+Applicant\s+Procedure\s+Field\s+Received\s+Due\s+Result/;
const DOSSIER_CODE = /HS-2025-\d{4}/;

describe("toolkit sample (vi, 120 dossiers, controlled copy)", () => {
  let pdf: Buffer;
  let pages: string[];
  let plainText: string;

  beforeAll(async () => {
    pdf = await buildToolkitSamplePdf(makeToolkitSampleData("vi", 120, { marking: "BẢN KIỂM SOÁT" }));
    pages = pdfPages(pdf);
    plainText = pdfPages(pdf, "plain").join("\n");
  });

  it("spans several pages, each numbered Trang x / N", () => {
    const count = pageCount(pdf);
    expect(count).toBeGreaterThanOrEqual(5);
    expect(pages).toHaveLength(count);
    pages.forEach((page, index) => expect(page).toContain(`Trang ${index + 1} / ${count}`));
  });

  it("puts the header, the marking and the verification code on every page", () => {
    for (const page of pages) {
      expect(page).toContain("UBND xã Tân Phú");
      expect(page).toContain("Báo cáo mẫu bộ công cụ PDF");
      expect(page).toContain("BẢN KIỂM SOÁT");
      expect(page).toContain("Mã xác minh: QMS-7F3K-92XD");
    }
  });

  it("extracts Vietnamese text exactly", () => {
    for (const text of ["Nguyễn Thị Ánh Tuyết", "Đăng ký khai sinh", "Đăng ký kết hôn", "Quý III/2025"]) {
      expect(plainText).toContain(text);
    }
    expect(plainText.split("\n")).toContain("Đăng ký khai sinh");
    // Long cells wrap inside their column.
    const flat = plainText.replace(/\s+/g, " ");
    expect(flat).toContain("Chứng thực bản sao từ bản chính");
    expect(flat).toContain("Lĩnh vực Tư pháp – Hộ tịch");
    expect(flat).toContain("Huỳnh Ngọc Ẩn");
  });

  it("repeats the table header on every page the table covers and keeps every row once, in order", () => {
    const tablePages = pages.filter((page) => DOSSIER_CODE.test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(4);
    for (const page of tablePages) expect(page).toMatch(TABLE_HEADER_VI);
    const codes = pages.join("\n").match(new RegExp(DOSSIER_CODE, "g")) ?? [];
    expect(codes).toEqual(
      Array.from({ length: 120 }, (_, index) => `HS-2025-${String(index + 1).padStart(4, "0")}`),
    );
    expect(pages.join("\n")).toMatch(/Tổng cộng\s+120\s+89,2%/);
  });

  it("shows key figures, both charts and the verification block", () => {
    const text = pages.join("\n");
    expect(text).toMatch(/120\s+89,2%\s+13/);
    expect(text).toContain("Hồ sơ giải quyết theo tháng");
    expect(text).toContain("Mức độ hài lòng (%)");
    for (const month of ["Tháng 7", "Tháng 8", "Tháng 9"]) expect(text).toContain(month);
    expect(text).toContain("Mục tiêu >= 80%");
    expect(text).toContain("https://motcua.example.vn/xac-minh/QMS-7F3K-92XD");
  });

  it("carries the metadata it was given", () => {
    const info = pdfInfo(pdf);
    expect(info.Title).toBe("Báo cáo mẫu bộ công cụ PDF");
    expect(info.Author).toBe("UBND xã Tân Phú – Bộ phận Tiếp nhận và Trả kết quả");
    expect(info.CreationDate).toMatch(/^2025-10-01T01:30:00/);
  });
});

describe("toolkit sample (en)", () => {
  it("numbers pages Page x of N and prints English headings", async () => {
    const pdf = await buildToolkitSamplePdf(makeToolkitSampleData("en", 120));
    const pages = pdfPages(pdf);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).not.toContain("BẢN KIỂM SOÁT");
    });
    for (const page of pages.filter((page) => DOSSIER_CODE.test(page))) expect(page).toMatch(TABLE_HEADER_EN);
    expect(pages.join("\n")).toMatch(/Total\s+120\s+89\.2%/);
  });
});

describe("toolkit sample as a stream", () => {
  it("streams the same bytes as the buffer", async () => {
    const data = makeToolkitSampleData("vi", 30);
    const streamed = Buffer.from(
      await new Response(toWebStream(buildToolkitSampleReport(data))).arrayBuffer(),
    );
    expect(streamed.equals(await buildToolkitSamplePdf(data))).toBe(true);
  });
});
