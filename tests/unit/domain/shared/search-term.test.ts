import { describe, expect, it } from "vitest";
import { foldSearchTerm } from "~/domain/shared/search-term";

describe("foldSearchTerm", () => {
  it.each([
    ["Nguyen", "nguyen"],
    ["nguyễn", "nguyen"],
    ["NGUYỄN VĂN", "nguyen van"],
    ["Đặng Thị Ánh", "dang thi anh"],
    ["đỗ đức", "do duc"],
    ["  Trần   Hữu  ", "tran huu"],
    ["Ưng Ơn Ỷ", "ung on y"],
    ["0912 345 678", "0912 345 678"],
    ["000.31.14.H53-251203", "000.31.14.h53-251203"],
    ["h53-2512", "h53-2512"],
    // Precomposed and combining forms fold alike.
    ["Nguye\u0302\u0303n", "nguyen"],
    ["", ""],
  ])("%j → %j", (input, folded) => {
    expect(foldSearchTerm(input)).toBe(folded);
  });
});
