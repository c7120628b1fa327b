import { describe, expect, it } from "vitest";
import { csvRow } from "~/utils/csv";

describe("csvRow", () => {
  it.each<[Array<string | number | null | undefined>, string]>([
    [["a", "b"], "a,b\r\n"],
    [["Nguyễn, Văn", 'nói "có"', "dòng\nmới"], '"Nguyễn, Văn","nói ""có""","dòng\nmới"\r\n'],
    [[null, undefined, 0, 4492], ",,0,4492\r\n"],
    // A name typed as a formula reaches the spreadsheet as text, never as a live formula.
    [['=HYPERLINK("http://evil.example","bấm")'], `"'=HYPERLINK(""http://evil.example"",""bấm"")"\r\n`],
    [["+84912345678", "-1+2", "@SUM(A1)", "\t=1", "\r=1"], "'+84912345678,'-1+2,'@SUM(A1),'\t=1,\"'\r=1\"\r\n"],
    // Negative numbers are numbers.
    [[-3], "-3\r\n"],
  ])("%j", (values, expected) => {
    expect(csvRow(values)).toBe(expected);
  });
});
