import { existsSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { FONT, loadFont, resolveFontPath, withFallbacks } from "#reports/fonts";
import { addHeading, addParagraph, createReportDocument, toBuffer } from "#reports/toolkit";

import { pdfPages } from "../../setup/pdf-text";

// Every Vietnamese vowel with every tone, in upper and lower case, plus đ/Đ.
const VIETNAMESE_LETTERS =
  "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ";

const PHRASES = [
  "Nguyễn Thị Ánh Tuyết",
  "Chứng thực bản sao từ bản chính",
  "Đăng ký khai sinh",
  "Lĩnh vực Tư pháp – Hộ tịch",
  "Báo cáo kết quả giải quyết thủ tục hành chính",
  // A plain u after ụ, and ụ after a plain u: each glyph must keep its own letter.
  "tục luật, luật tục",
  "Bộ phận Tiếp nhận và Trả kết quả",
];

async function extract(draw: (report: ReturnType<typeof createReportDocument>) => void): Promise<string> {
  const report = createReportDocument({
    unitName: "UBND xã Tân Phú",
    title: "Kiểm tra phông chữ",
    language: "vi",
    titleBlock: false,
    info: { Title: "Phông chữ", Author: "Kiểm thử", Subject: "Noto Sans", CreationDate: new Date(0) },
  });
  draw(report);
  return pdfPages(await toBuffer(report), "plain").join("\n");
}

describe("report fonts", () => {
  it("finds the Noto Sans files through the package and reads each once", () => {
    for (const name of Object.values(FONT)) {
      expect(existsSync(resolveFontPath(name))).toBe(true);
      expect(loadFont(name)).toBe(loadFont(name));
    }
    expect(resolveFontPath(FONT.regular)).toMatch(
      /@expo-google-fonts\/noto-sans\/400Regular\/NotoSans_400Regular\.ttf$/,
    );
  });

  it("extracts Vietnamese text exactly, in regular and bold", async () => {
    const text = await extract((report) => {
      for (const phrase of PHRASES) addParagraph(report, phrase);
      for (const phrase of PHRASES) addHeading(report, phrase, 2);
      addParagraph(report, VIETNAMESE_LETTERS);
      addParagraph(report, VIETNAMESE_LETTERS.toUpperCase());
      addParagraph(report, VIETNAMESE_LETTERS, { tone: "italic" });
    });
    const lines = text.split("\n");
    for (const phrase of PHRASES) {
      expect(lines.filter((line) => line === phrase)).toHaveLength(2);
    }
    expect(lines.filter((line) => line === VIETNAMESE_LETTERS)).toHaveLength(2);
    // Capitals are wider and wrap onto a second line.
    expect(text.replace(/\s+/g, " ")).toContain(VIETNAMESE_LETTERS.toUpperCase());
  });

  it("spells signs Noto Sans lacks with ones it has", async () => {
    expect(withFallbacks("Mục tiêu ≥ 80%, sai số ≤ 2")).toBe("Mục tiêu >= 80%, sai số <= 2");
    const text = await extract((report) => addParagraph(report, "Mục tiêu ≥ 80%"));
    expect(text).toContain("Mục tiêu >= 80%");
  });

  it("embeds only Noto Sans", async () => {
    const report = createReportDocument({
      unitName: "UBND xã Tân Phú",
      title: "Phông chữ",
      language: "vi",
      info: { Title: "Phông chữ", Author: "Kiểm thử", Subject: "Noto Sans", CreationDate: new Date(0) },
      compress: false,
    });
    const pdf = (await toBuffer(report)).toString("latin1");
    const baseFonts = [...pdf.matchAll(/\/BaseFont \/(\S+)/g)].map((match) => match[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSans-/);
  });
});
