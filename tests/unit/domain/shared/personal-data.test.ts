import { describe, expect, it } from "vitest";
import { maskNumber, personalDataMask, readsMasked, UNMASKED } from "~/domain/shared/personal-data";

describe("readsMasked", () => {
  it("masks for an inspector, whatever other role the account holds, and for no one else", () => {
    expect(readsMasked(["inspector"])).toBe(true);
    expect(readsMasked(["quality_lead", "inspector"])).toBe(true);
    expect(readsMasked(["province_officer"])).toBe(true);
    expect(readsMasked(["leader", "province_officer"])).toBe(true);
    for (const role of ["quality_lead", "officer", "leader", "auditor", "admin"] as const) expect(readsMasked([role])).toBe(false);
  });
});

describe("maskNumber", () => {
  it.each([
    ["0912345678", "09******78"],
    ["0912 345 678", "09******78"],
    ["014099123456", "01********56"],
    ["1234", "****"],
  ])("%s → %s", (value, masked) => {
    expect(maskNumber(value)).toBe(masked);
  });
});

describe("personalDataMask", () => {
  const mask = personalDataMask({ names: ["Lò Văn Pằng", null, "Sồng A Chứ"], numbers: ["0971234567", "014099123456", null] });

  it("prints known names as initials, in any case, and leaves other words alone", () => {
    expect(mask("Hồ sơ của ông Lò Văn Pằng bị trễ hạn.")).toBe("Hồ sơ của ông L*** V*** P*** bị trễ hạn.");
    expect(mask("ÔNG SỒNG A CHỨ phản ánh")).toBe("ÔNG S*** A*** C*** phản ánh");
    expect(mask("Lò  Văn\nPằng")).toBe("L*** V*** P***");
    // Not a name on its own: part of a longer word.
    expect(mask("Lò Văn Pằngg")).toBe("Lò Văn Pằngg");
    expect(mask("Cán bộ Lò Thị Hoa tiếp nhận")).toBe("Cán bộ Lò Thị Hoa tiếp nhận");
  });

  it("masks the known numbers however they are written", () => {
    expect(mask("Liên hệ 0971 234 567.")).toBe("Liên hệ 09******67.");
    expect(mask("SĐT +84971234567")).toBe("SĐT 84*******67");
    expect(mask("CCCD 014099123456")).toBe("CCCD 01********56");
  });

  it("masks anything written like a phone or ID number, known or not", () => {
    const none = personalDataMask({ names: [], numbers: [] });
    expect(none("Gọi 0388.123.456 hoặc 02123 456 789")).toBe("Gọi 03******56 hoặc 02*******89");
    expect(none("CMND 123456789, CCCD 001203004005")).toBe("CMND 12*****89, CCCD 00********05");
  });

  it("leaves codes, dates and counts alone", () => {
    const none = personalDataMask({ names: [], numbers: [] });
    for (const text of ["Hồ sơ 000.31.14.H53-260310-0001 trễ hạn", "NC-2026-001", "ngày 2026-03-10", "4.492 hồ sơ", "QT-07 điều 8.5.1", "ABCD-EFGH-JKMN"]) {
      expect(none(text)).toBe(text);
    }
  });

  it("is the text as written for a reader who may see it", () => {
    expect(UNMASKED("Lò Văn Pằng 0971234567")).toBe("Lò Văn Pằng 0971234567");
  });
});
