import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime, formatNumber, formatPercent } from "#reports/format";

describe("formatNumber", () => {
  it.each([
    [4492, "vi", "4.492"],
    [4492, "en", "4,492"],
    [1234567.5, "vi", "1.234.567,5"],
    [0, "vi", "0"],
  ] as const)("%d in %s is %s", (value, language, expected) => {
    expect(formatNumber(value, language)).toBe(expected);
  });
});

describe("formatPercent", () => {
  it("takes percentage points", () => {
    expect(formatPercent(87.5, "vi")).toBe("87,5%");
    expect(formatPercent(87.5, "en")).toBe("87.5%");
    expect(formatPercent(100, "vi", 0)).toBe("100%");
  });
});

describe("formatDate", () => {
  it("prints a business date as dd/MM/yyyy without moving it", () => {
    expect(formatDate("2025-03-04")).toBe("04/03/2025");
  });

  it("prints an instant in Asia/Ho_Chi_Minh", () => {
    // 20:00 UTC is 03:00 the next day in Viet Nam (UTC+7).
    expect(formatDate(new Date("2025-03-04T20:00:00Z"))).toBe("05/03/2025");
    expect(formatDate("2025-03-04T16:59:00Z")).toBe("04/03/2025");
    expect(formatDate("2025-03-04T17:00:00Z")).toBe("05/03/2025");
  });

  it("rejects what is not a date", () => {
    expect(() => formatDate("soon")).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("prints dd/MM/yyyy HH:mm on the 24-hour clock in Asia/Ho_Chi_Minh", () => {
    expect(formatDateTime(new Date("2025-03-04T20:05:00Z"))).toBe("05/03/2025 03:05");
    expect(formatDateTime("2025-12-31T10:30:00Z")).toBe("31/12/2025 17:30");
  });
});
