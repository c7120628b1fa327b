import { describe, expect, it } from "vitest";
import { redactPersonalData, type KnownPersonalData } from "~/domain/shared/redaction";

const KNOWN: KnownPersonalData = {
  names: ["Nguyễn Văn Tèo"],
  numbers: ["0912345678", "001203004005"],
  emails: ["teo.nguyen@example.vn"],
};
const NOTHING_KNOWN: KnownPersonalData = { names: [], numbers: [] };
const forInspector = (text: string, known = KNOWN) => redactPersonalData(text, known, { guessNames: "title" });
const forPublic = (text: string, known = NOTHING_KNOWN) => redactPersonalData(text, known, { guessNames: "any" });

describe("the spellings the redaction must catch", () => {
  it.each([
    // The known citizen's name, as typed.
    ["Nguyễn Văn Tèo phản ánh", "N*** V*** T*** phản ánh"],
    ["Nguyen Van Teo phan anh", "N*** V*** T*** phan anh"],
    ["NGUYỄN VĂN TÈO", "N*** V*** T***"],
    ["nguyen van teo", "N*** V*** T***"],
    ["Nguyễn  Văn\nTèo", "N*** V*** T***"],
    ["Nguye\u0303n Va\u0306n Te\u0300o (NFD)", "N*** V*** T*** (NFD)"],
    ["anh Văn Tèo gọi lại", "anh V*** T*** gọi lại"],
    // Phone numbers in any spacing, punctuation or width.
    ["gọi 0912345678", "gọi 09******78"],
    ["gọi 0912 345 678", "gọi 09******78"],
    ["gọi (091) 234-5678", "gọi 09******78"],
    ["gọi 0912/345/678", "gọi 09******78"],
    ["gọi 0912.345.678", "gọi 09******78"],
    ["gọi +84 912 345 678", "gọi 84*******78"],
    ["gọi 84-912-345-678", "gọi 84*******78"],
    ["gọi ０９１２３４５６７８", "gọi 09******78"],
    ["gọi 0912\u200b345\u200b678", "gọi 09******78"],
    ["gọi 0388.123.456 hoặc 0212 3456 789", "gọi 03******56 hoặc 02*******89"],
    // ID numbers, grouped or not, and digits after an ID keyword.
    ["CCCD 0123 4567 8901", "CCCD 01********01"],
    ["CCCD: 001203004005", "CCCD: 00********05"],
    ["số định danh 0012-0300-4005", "số định danh 00********05"],
    ["CMND số 123456789", "CMND số 12*****89"],
    ["căn cước 1234567", "căn cước 12***67"],
    // E-mail addresses.
    ["thư teo.nguyen@example.vn nhé", "thư t***@*** nhé"],
    ["TEO.NGUYEN@EXAMPLE.VN", "T***@***"],
    ["hỏi lan_tran+xa@gmail.com", "hỏi l***@***"],
    // House numbers.
    ["nhà số 12 ngõ 34 đường Trần Phú", "nhà số *** ngõ *** đường Trần Phú"],
    ["ở 12/3 đường Lê Lợi", "ở ***/*** đường Lê Lợi"],
    ["ngách 5/7 phố Huế", "ngách ***/*** phố Huế"],
  ])("%j → %j", (text, expected) => {
    expect(forInspector(text)).toBe(expected);
  });
});

describe("names it can guess", () => {
  it.each([
    ["ông Nguyễn Văn A thu thêm tiền", "ông N*** V*** A*** thu thêm tiền"],
    ["bà Lò Thị Xuân ở bản Hặp", "bà L*** T*** X*** ở bản Hặp"],
    ["Ông Tèo", "Ông T***"],
    ["Họ tên: Sồng A Chứ", "Họ tên: S*** A*** C***"],
    // "có" (has) is not "cô" (Miss): the title is matched with its accents.
    ["có Công an xã đến", "có Công an xã đến"],
  ])("after a title: %j → %j", (text, expected) => {
    expect(forInspector(text, NOTHING_KNOWN)).toBe(expected);
  });

  it.each([
    ["Nguyen Van Teo phan anh can bo", "N*** V*** T*** phan anh can bo"],
    ["cán bộ Trần Thị Bích nói", "cán bộ T*** T*** B*** nói"],
    ["Lò Văn Pằng", "L*** V*** P***"],
    // Places that begin like family names stay.
    ["đi Hà Nội và Sơn La", "đi Hà Nội và Sơn La"],
    // A family name alone, or before a lower-case word, is a word.
    ["Trần nhà bị dột", "Trần nhà bị dột"],
    ["Mai mới có kết quả", "Mai mới có kết quả"],
  ])("in public text, capitalised words after a family name: %j → %j", (text, expected) => {
    expect(forPublic(text)).toBe(expected);
  });

  it("in text for inspectors, a staff member named without a title stays readable", () => {
    expect(forInspector("Cán bộ Lò Thị Hoa tiếp nhận", NOTHING_KNOWN)).toBe("Cán bộ Lò Thị Hoa tiếp nhận");
  });
});

describe("what looks like digits but is not personal", () => {
  it.each([
    "Hồ sơ 000.31.14.H53-260310-0001 trễ hạn",
    "ngày 01/02/2026 lúc 10:30",
    "từ 2026-03-10T08:00:00.000Z",
    "theo Nghị định 13/2023/NĐ-CP và 61/2018/NĐ-CP",
    "lệ phí 1.500.000 đồng, 4.492 hồ sơ",
    "thủ tục 1.001193",
    "NC-2026-001, QT-07 điều 8.5.1, ABCD-EFGH-JKMN",
    "năm 2021 có 4492 hồ sơ",
  ])("%j stays", (text) => {
    expect(forPublic(text)).toBe(text);
  });
});

describe("the result", () => {
  it("is NFC, so a search or a comparison finds it", () => {
    expect(forPublic("Te\u0300o")).toBe("Tèo");
  });
});
