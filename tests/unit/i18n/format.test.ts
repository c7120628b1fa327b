import { afterEach, describe, expect, test, vi } from "vitest";
import { formatDate, formatDateTime, formatNumber, translator, type Language } from "~/i18n";

// The server's own zone must never leak into what a Vietnamese office reads.
const SERVER_ZONES = ["UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago"];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("formatNumber", () => {
  test.each([
    { value: 4492, language: "vi", text: "4.492" },
    { value: 4492, language: "en", text: "4,492" },
    { value: 1234567, language: "vi", text: "1.234.567" },
    { value: 3.14159, language: "vi", text: "3,1" },
    { value: 3.14159, language: "en", text: "3.1" },
    { value: 0, language: "vi", text: "0" },
  ] satisfies { value: number; language: Language; text: string }[])(
    "$value in $language is $text",
    ({ value, language, text }) => {
      expect(formatNumber(value, language)).toBe(text);
    },
  );

  test("the number of decimals can be raised", () => {
    expect(formatNumber(96.456, "vi", 2)).toBe("96,46");
  });
});

describe.each(SERVER_ZONES)("on a server in %s", (zone) => {
  test.each([
    { value: new Date("2021-12-31T18:00:00Z"), text: "01/01/2022" },
    { value: new Date("2021-12-31T16:59:59Z"), text: "31/12/2021" },
    { value: "2021-12-31T17:00:00.000Z", text: "01/01/2022" },
    { value: "2021-02-24", text: "24/02/2021" },
    { value: "2024-02-29", text: "29/02/2024" },
  ])("formatDate($value) is $text in both languages", ({ value, text }) => {
    vi.stubEnv("TZ", zone);
    expect(formatDate(value, "vi")).toBe(text);
    expect(formatDate(value, "en")).toBe(text);
  });

  test.each([
    { value: "2021-12-31T18:05:00Z", text: "01/01/2022 01:05" },
    { value: "2022-01-01T05:30:00Z", text: "01/01/2022 12:30" },
    { value: "2022-01-01T16:59:00Z", text: "01/01/2022 23:59" },
    { value: "2022-01-01T17:00:00Z", text: "02/01/2022 00:00" },
  ])("formatDateTime($value) is $text, 24-hour, in both languages", ({ value, text }) => {
    vi.stubEnv("TZ", zone);
    expect(formatDateTime(value, "vi")).toBe(text);
    expect(formatDateTime(value, "en")).toBe(text);
  });
});

describe("translator", () => {
  test("returns the message in the chosen language", () => {
    expect(translator("vi")("login.title")).toBe("Đăng nhập");
    expect(translator("en")("login.title")).toBe("Sign in");
  });

  test("fills placeholders", () => {
    expect(translator("vi")("staff.home.welcome", { name: "Lò Thị Hoa" })).toBe("Xin chào, Lò Thị Hoa.");
    expect(translator("en")("layout.footer", { unit: "UBND xã Mường Sai", province: "tỉnh Sơn La" })).toBe(
      "UBND xã Mường Sai · tỉnh Sơn La",
    );
  });

  test("formats numbers in params for the language", () => {
    expect(translator("vi")("audit.total", { count: 4492 })).toBe("4.492 bản ghi");
    expect(translator("en")("audit.total", { count: 4492 })).toBe("4,492 entries");
  });

  test("leaves a placeholder without a param as it is", () => {
    expect(translator("en")("layout.footer", { unit: "UBND" })).toBe("UBND · {province}");
  });

  test("does not treat a param's text as a template", () => {
    expect(translator("en")("staff.home.welcome", { name: "{name}" })).toBe("Hello, {name}.");
  });
});
