import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "~/i18n";

const intlDate = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
const intlTime = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

describe("formatDate / formatDateTime (UTC+7 arithmetic)", () => {
  it("agree with Intl in Asia/Ho_Chi_Minh for instants from 2018 to 2030, both languages", () => {
    const start = Date.UTC(2018, 0, 1);
    const end = Date.UTC(2030, 11, 31);
    for (let i = 0; i < 2000; i += 1) {
      const instant = new Date(start + Math.floor(((end - start) * ((i * 7919) % 2000)) / 2000) + i * 61_000);
      for (const [language, locale] of [["vi", "vi-VN"], ["en", "en-GB"]] as const) {
        expect(formatDate(instant, language)).toBe(intlDate(locale).format(instant));
        expect(formatDateTime(instant.toISOString(), language)).toBe(`${intlDate(locale).format(instant)} ${intlTime(locale).format(instant)}`);
      }
    }
  });
  it("reads a business date as that day in Vietnam, and the evening of 31 December UTC as 1 January", () => {
    expect(formatDate("2025-07-01", "vi")).toBe("01/07/2025");
    expect(formatDateTime("2025-12-31T17:30:00.000Z", "en")).toBe("01/01/2026 00:30");
  });
});
