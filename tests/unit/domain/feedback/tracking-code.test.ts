import { describe, expect, it } from "vitest";
import { formatTrackingCode, TRACKING_ALPHABET_SIZE, TRACKING_CODE_LENGTH, TrackingCodeSchema } from "~/domain/feedback/feedback";

const EXPECTED_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe("formatTrackingCode", () => {
  it("uses a 31-letter alphabet without 0, O, 1, I, L", () => {
    expect(TRACKING_ALPHABET_SIZE).toBe(31);
    expect(TRACKING_CODE_LENGTH).toBe(12);
    // Every letter of the alphabet, by index, in order.
    const letters = range(31)
      .map((i) => formatTrackingCode([i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])[0])
      .join("");
    expect(letters).toBe(EXPECTED_ALPHABET);
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(letters).not.toContain(ambiguous);
  });

  it.each([
    [range(12), "2345-6789-ABCD"],
    [range(12, 12), "EFGH-JKMN-PQRS"],
    [range(12, 19), "NPQR-STUV-WXYZ"],
    [[30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], "ZZZZ-ZZZZ-ZZZZ"],
    [[31, 32, 62, 0, 0, 0, 0, 0, 0, 0, 0, 0], "2322-2222-2222"], // indexes wrap around the alphabet
  ])("%j → %s", (indexes, code) => {
    const formatted = formatTrackingCode(indexes);
    expect(formatted).toBe(code);
    expect(formatted).toHaveLength(14);
    expect(formatted).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it.each([[range(11)], [range(13)], [[]]])("refuses %j (not 12 indexes)", (indexes) => {
    expect(() => formatTrackingCode(indexes)).toThrow(RangeError);
  });
});

describe("TrackingCodeSchema", () => {
  it.each([
    ["ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN"],
    ["abcd-efgh-jkmn", "ABCD-EFGH-JKMN"], // lower case
    ["ABCDEFGHJKMN", "ABCD-EFGH-JKMN"], // no dashes
    ["abcdefghjkmn", "ABCD-EFGH-JKMN"],
    ["  abcd efgh jkmn  ", "ABCD-EFGH-JKMN"], // spaces, as read aloud or copied from an SMS
    ["ab-cdef-ghjk-mn", "ABCD-EFGH-JKMN"], // dashes in odd places
    ["2345-6789-WXYZ", "2345-6789-WXYZ"],
  ])("accepts %j as %s", (input, normalised) => {
    expect(TrackingCodeSchema.parse(input)).toBe(normalised);
  });

  it.each([
    ["a zero", "ABCD-EFGH-JKM0"],
    ["the letter O", "ABCD-EFGH-JKMO"],
    ["a lower-case o", "abcd-efgh-jkmo"],
    ["a one", "ABCD-EFGH-JKM1"],
    ["the letter I", "ABCD-EFGH-JKMI"],
    ["the letter L", "ABCD-EFGH-JKML"],
    ["a lower-case l", "abcd-efgh-jkml"],
    ["11 letters", "ABCD-EFGH-JKM"],
    ["13 letters", "ABCD-EFGH-JKMNP"],
    ["nothing", ""],
    ["only dashes", "----"],
    ["punctuation", "ABCD.EFGH.JKMN"],
    ["a Vietnamese letter", "ĐBCD-EFGH-JKMN"],
    ["a path", "../../etc/passwd"],
  ])("refuses %s (%j)", (_name, input) => {
    expect(TrackingCodeSchema.safeParse(input).success).toBe(false);
  });

  it("accepts every code formatTrackingCode can make, unchanged", () => {
    for (let start = 0; start < 31; start++) {
      const code = formatTrackingCode(range(12, start));
      expect(TrackingCodeSchema.parse(code)).toBe(code);
      expect(TrackingCodeSchema.parse(code.toLowerCase().replaceAll("-", ""))).toBe(code);
    }
  });
});
