import { describe, expect, it } from "vitest";
import { parseLookupCode } from "~/domain/shared/lookup-code";

describe("parseLookupCode: one box, either code, any case", () => {
  it.each([
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    [null, { kind: "empty" }],
    ["000.31.14.H53-251203-0001", { kind: "dossier", code: "000.31.14.H53-251203-0001" }],
    ["000.31.14.h53-251203-0001", { kind: "dossier", code: "000.31.14.H53-251203-0001" }],
    ["  000.31.14.h53-251203-0001 ", { kind: "dossier", code: "000.31.14.H53-251203-0001" }],
    ["ABCD-EFGH-JKMN", { kind: "tracking", code: "ABCD-EFGH-JKMN" }],
    ["abcd-efgh-jkmn", { kind: "tracking", code: "ABCD-EFGH-JKMN" }],
    ["abcdefghjkmn", { kind: "tracking", code: "ABCD-EFGH-JKMN" }],
    ["AbCd EfGh 2345", { kind: "tracking", code: "ABCD-EFGH-2345" }],
    ["2345-6789-2345", { kind: "tracking", code: "2345-6789-2345" }],
    // 0, 1, I, L and O are not in the tracking alphabet; a dossier code needs -YYMMDD-NNNN.
    ["ABCD-EFGH-JKM0", { kind: "invalid", error: "lookup.error.code" }],
    ["000.31.14.H53-2512-0001", { kind: "invalid", error: "lookup.error.code" }],
    ["H53", { kind: "invalid", error: "lookup.error.code" }],
    ["x".repeat(61), { kind: "invalid", error: "error.tooLong" }],
  ] as const)("%j → %j", (raw, expected) => {
    expect(parseLookupCode(raw)).toEqual(expected);
  });
});
