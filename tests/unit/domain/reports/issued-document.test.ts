import { describe, expect, it } from "vitest";
import {
  formatVerificationCode,
  looksLikePdf,
  MAX_VERIFY_UPLOAD_BYTES,
  publicReuseKey,
  VERIFICATION_ALPHABET_SIZE,
  VERIFICATION_CODE_LENGTH,
  VerificationCodeSchema,
  verificationUrl,
} from "~/domain/reports/issued-document";

describe("verification codes", () => {
  it("are 12 letters without look-alikes, in three groups of four", () => {
    const code = formatVerificationCode(Array.from({ length: VERIFICATION_CODE_LENGTH }, (_, i) => (i * 7) % VERIFICATION_ALPHABET_SIZE));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(code).not.toMatch(/[01ILO]/);
  });

  it.each([
    ["K7QM-3XPD-9HWT", "K7QM-3XPD-9HWT"],
    [" k7qm 3xpd 9hwt ", "K7QM-3XPD-9HWT"],
    ["K7QM3XPD9HWT", "K7QM-3XPD-9HWT"],
  ])("%j is read as %s", (typed, canonical) => {
    expect(VerificationCodeSchema.parse(typed)).toBe(canonical);
  });

  it.each(["K7QM-3XPD-9HW", "K7QM-3XPD-9HWTX", "K7QM-3XPD-9HW0", "K7QM-3XPD-9HWI", "../etc/passwd", ""])("%j is not a code", (typed) => {
    expect(VerificationCodeSchema.safeParse(typed).success).toBe(false);
  });

  it("link to the public verification page", () => {
    expect(verificationUrl("https://motcua.example.vn/", "K7QM-3XPD-9HWT")).toBe("https://motcua.example.vn/verify/K7QM-3XPD-9HWT");
    expect(verificationUrl("http://localhost:3000", "K7QM-3XPD-9HWT")).toBe("http://localhost:3000/verify/K7QM-3XPD-9HWT");
  });
});

describe("looksLikePdf", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it.each([
    ["%PDF-1.7\n…", true],
    ["%PDF-", true],
    ["%PDF", false],
    ["\uFEFF%PDF-1.7", false],
    ["<html>%PDF-1.7", false],
    ["", false],
  ])("%j → %s", (content, expected) => {
    expect(looksLikePdf(bytes(content))).toBe(expected);
  });

  it("accepts files up to 20 MB", () => {
    expect(MAX_VERIFY_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe("publicReuseKey", () => {
  it("does not depend on the order of the parameters", () => {
    expect(publicReuseKey(1, "on_time_report", { from: "2021-01-01", to: "2021-12-31" }, "2026-11-25")).toBe(
      publicReuseKey(1, "on_time_report", { to: "2021-12-31", from: "2021-01-01" }, "2026-11-25"),
    );
  });

  it("differs by unit, parameters and day", () => {
    const key = publicReuseKey(1, "on_time_report", { from: "2021-01-01", to: "2021-12-31" }, "2026-11-25");
    expect(publicReuseKey(2, "on_time_report", { from: "2021-01-01", to: "2021-12-31" }, "2026-11-25")).not.toBe(key);
    expect(publicReuseKey(1, "on_time_report", { from: "2021-01-01", to: "2021-12-30" }, "2026-11-25")).not.toBe(key);
    expect(publicReuseKey(1, "on_time_report", { from: "2021-01-01", to: "2021-12-31" }, "2026-11-26")).not.toBe(key);
  });
});
