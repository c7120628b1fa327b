import { describe, expect, it } from "vitest";

import {
  addParagraph,
  createReportDocument,
  pageLabel,
  startNewPage,
  toBuffer,
  toWebStream,
  type ReportDocumentOptions,
} from "#reports/toolkit";

import { pageCount, pdfInfo, pdfPages, squashSpaces } from "../../setup/pdf-text";

const CREATED_AT = new Date("2025-10-01T01:30:00Z");

function options(overrides: Partial<ReportDocumentOptions> = {}): ReportDocumentOptions {
  return {
    unitName: "UBND xã Tân Phú",
    title: "Sổ theo dõi hồ sơ",
    language: "vi",
    info: {
      Title: "Sổ theo dõi hồ sơ",
      Author: "UBND xã Tân Phú",
      Subject: "Quý III/2025",
      CreationDate: CREATED_AT,
    },
    ...overrides,
  };
}

function threePageReport(overrides: Partial<ReportDocumentOptions> = {}) {
  const report = createReportDocument(options(overrides));
  addParagraph(report, "Trang đầu");
  startNewPage(report);
  addParagraph(report, "Trang giữa");
  startNewPage(report);
  addParagraph(report, "Trang cuối");
  return report;
}

describe("pageLabel", () => {
  it("reads Trang x / y in Vietnamese and Page x of y in English", () => {
    expect(pageLabel("vi", 2, 7)).toBe("Trang 2 / 7");
    expect(pageLabel("en", 2, 7)).toBe("Page 2 of 7");
  });
});

describe("createReportDocument", () => {
  it("numbers every page Trang x / N and puts the unit and title in every header", async () => {
    const pages = pdfPages(await toBuffer(threePageReport()));
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Trang ${index + 1} / 3`);
      expect(page).toContain("UBND xã Tân Phú");
      expect(page).toContain("Sổ theo dõi hồ sơ");
    });
    expect(pages[1]).toContain("Trang giữa");
    expect(pages[1]).not.toContain("Trang đầu");
  });

  it("numbers pages Page x of N in English", async () => {
    const pages = pdfPages(await toBuffer(threePageReport({ language: "en" })));
    expect(pages.map((page) => /Page \d+ of \d+/.exec(page)?.[0])).toEqual([
      "Page 1 of 3",
      "Page 2 of 3",
      "Page 3 of 3",
    ]);
    expect(pages.join("")).not.toMatch(/Trang \d+ \/ \d+/);
  });

  it("prints the marking and the footer text on every page", async () => {
    const pages = pdfPages(
      await toBuffer(threePageReport({ marking: "HẾT HIỆU LỰC", footerText: "Mã xác minh: QMS-7F3K-92XD" })),
    );
    for (const page of pages) {
      expect(page).toContain("HẾT HIỆU LỰC");
      expect(page).toContain("Mã xác minh: QMS-7F3K-92XD");
    }
  });

  it("prints no marking when none is given", async () => {
    const pages = pdfPages(await toBuffer(threePageReport()));
    expect(pages.join("")).not.toMatch(/BẢN KIỂM SOÁT|HẾT HIỆU LỰC/);
  });

  it("adds no page of its own when drawing headers and footers in the margins", async () => {
    const report = createReportDocument(options({ marking: "BẢN KIỂM SOÁT", footerText: "Mã xác minh: X" }));
    addParagraph(report, "Một trang duy nhất");
    expect(pageCount(await toBuffer(report))).toBe(1);
  });

  it("prints the title and subtitle at the top of page 1 unless asked not to", async () => {
    const withBlock = pdfPages(
      await toBuffer(createReportDocument(options({ subtitle: "Kỳ báo cáo: Quý III/2025" }))),
    );
    expect(withBlock[0]).toContain("Kỳ báo cáo: Quý III/2025");
    const withoutBlock = pdfPages(
      await toBuffer(
        createReportDocument(options({ subtitle: "Kỳ báo cáo: Quý III/2025", titleBlock: false })),
      ),
    );
    expect(withoutBlock[0]).not.toContain("Kỳ báo cáo");
  });

  it("sets the PDF metadata", async () => {
    const info = pdfInfo(await toBuffer(createReportDocument(options())));
    expect(info.Title).toBe("Sổ theo dõi hồ sơ");
    expect(info.Author).toBe("UBND xã Tân Phú");
    expect(info.Subject).toBe("Quý III/2025");
    expect(info.CreationDate).toMatch(/^2025-10-01T01:30:00/);
    expect(info["Page size"]).toContain("(A4)");
  });

  it("makes A5 and landscape pages", async () => {
    const a5 = pdfInfo(await toBuffer(createReportDocument(options({ size: "A5" }))));
    expect(a5["Page size"]).toMatch(/^419\.53 x 595\.28/);
    const landscape = pdfInfo(await toBuffer(createReportDocument(options({ orientation: "landscape" }))));
    expect(landscape["Page size"]).toMatch(/^841\.89 x 595\.28/);
  });

  it("gives the same bytes for the same data", async () => {
    const first = await toBuffer(threePageReport({ marking: "BẢN KIỂM SOÁT" }));
    const second = await toBuffer(threePageReport({ marking: "BẢN KIỂM SOÁT" }));
    expect(first.equals(second)).toBe(true);
  });

  it("refuses to finish a report twice", async () => {
    const report = createReportDocument(options());
    await toBuffer(report);
    await expect(toBuffer(report)).rejects.toThrow(/already been finished/);
  });
});

describe("toWebStream", () => {
  it("streams the same PDF as toBuffer", async () => {
    const streamed = Buffer.from(await new Response(toWebStream(threePageReport())).arrayBuffer());
    const buffered = await toBuffer(threePageReport());
    expect(streamed.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(streamed.equals(buffered)).toBe(true);
    expect(squashSpaces(pdfPages(streamed)[2] ?? "")).toContain("Trang 3 / 3");
  });

  it("lets a client abandon the download without an error outside the request", async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      // Cancelled before pdfkit has written its pages: they arrive at a closed stream.
      await toWebStream(threePageReport()).cancel();
      // pdfkit ends the document on later turns of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("uncaughtException", record);
    }
    expect(uncaught).toEqual([]);
  });
});
