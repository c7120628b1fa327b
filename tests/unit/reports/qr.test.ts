import { create } from "qrcode";
import { describe, expect, it } from "vitest";

import { qrDarkRuns, qrMatrix } from "#reports/qr";
import { addQrCode, createReportDocument, drawQrCode, toBuffer, type ReportDocument } from "#reports/toolkit";

import { pdfPages } from "../../setup/pdf-text";

const URL = "https://motcua.example.vn/xac-minh/QMS-7F3K-92XD";

function darkModuleCount(text: string): number {
  return create(text, { errorCorrectionLevel: "M" }).modules.data.reduce((sum, bit) => sum + bit, 0);
}

function uncompressedReport(): ReportDocument {
  return createReportDocument({
    unitName: "UBND xã Tân Phú",
    title: "Xác minh",
    language: "vi",
    titleBlock: false,
    compress: false,
    info: { Title: "Xác minh", Author: "UBND xã Tân Phú", Subject: "QR", CreationDate: new Date(0) },
  });
}

function rectangleCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/ re\n/g)?.length ?? 0;
}

describe("qrMatrix", () => {
  it("is the module matrix of QRCode.create", () => {
    const matrix = qrMatrix(URL);
    const { modules, version } = create(URL, { errorCorrectionLevel: "M" });
    expect(matrix.size).toBe(modules.size);
    expect(matrix.size).toBe(17 + 4 * version);
    // The three finder patterns have dark corners.
    expect(matrix.isDark(0, 0)).toBe(true);
    expect(matrix.isDark(0, matrix.size - 1)).toBe(true);
    expect(matrix.isDark(matrix.size - 1, 0)).toBe(true);
  });
});

describe("qrDarkRuns", () => {
  it("covers exactly the dark modules, once each", () => {
    const matrix = qrMatrix(URL);
    const runs = qrDarkRuns(matrix);
    const covered = new Set<string>();
    for (const run of runs) {
      for (let column = run.column; column < run.column + run.length; column++) {
        expect(matrix.isDark(run.row, column)).toBe(true);
        covered.add(`${run.row}:${column}`);
      }
    }
    expect(covered.size).toBe(darkModuleCount(URL));
    expect(runs.reduce((sum, run) => sum + run.length, 0)).toBe(covered.size);
  });
});

describe("drawQrCode", () => {
  it("draws every dark module as vector rectangles, with no image", async () => {
    const plain = await toBuffer(uncompressedReport());

    const report = uncompressedReport();
    const drawn = drawQrCode(report, URL, { x: 60, y: 100, size: 120 });
    const withQr = await toBuffer(report);

    expect(drawn.darkModules).toBe(darkModuleCount(URL));
    expect(drawn.darkModules).toBeGreaterThan(0);
    expect(drawn.moduleSize).toBeCloseTo(120 / (drawn.modules + 8));
    // One rectangle per run of dark modules, plus the white quiet-zone square.
    expect(rectangleCount(withQr) - rectangleCount(plain)).toBe(qrDarkRuns(qrMatrix(URL)).length + 1);
    expect(withQr.toString("latin1")).not.toContain("/Subtype /Image");
  });

  it("places a captioned block at the cursor", async () => {
    const report = uncompressedReport();
    const before = report.doc.y;
    addQrCode(report, { text: URL, size: 90, caption: `Quét mã để xác minh\n${URL}` });
    expect(report.doc.y).toBeGreaterThanOrEqual(before + 90);
    const text = pdfPages(await toBuffer(report), "plain").join("\n");
    expect(text).toContain("Quét mã để xác minh");
    expect(text).toContain(URL);
  });
});
