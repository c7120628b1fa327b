import { describe, expect, it } from "vitest";
import { normaliseAddress, parseAddressList, retryAfterMinutes, submissionLimitPlan } from "~/domain/feedback/submission-limit";

const TOKEN = "0123456789abcdef0123456789abcdef";
const KIOSKS = parseAddressList("10.20.0.15, 10.20.0.16\n2001:db8::a");

describe("submissionLimitPlan: which counters a public feedback submission uses", () => {
  it.each([
    ["an ordinary address, no token (no script)", "203.0.113.7", undefined, { allowance: "ordinary", formToken: null }],
    ["an ordinary address with a token", "203.0.113.7", TOKEN, { allowance: "ordinary", formToken: TOKEN }],
    ["a kiosk, no token", "10.20.0.15", "", { allowance: "kiosk", formToken: null }],
    ["a kiosk with a token", "10.20.0.16", TOKEN, { allowance: "kiosk", formToken: TOKEN }],
    ["a kiosk seen through an IPv6 socket", "::ffff:10.20.0.15", TOKEN, { allowance: "kiosk", formToken: TOKEN }],
    ["an IPv6 kiosk in capitals", "2001:DB8::A", null, { allowance: "kiosk", formToken: null }],
    ["a neighbour of a kiosk", "10.20.0.150", TOKEN, { allowance: "ordinary", formToken: TOKEN }],
    ["a token that is not the page's (too short)", "203.0.113.7", "abc", { allowance: "ordinary", formToken: null }],
    ["a token in capitals (not what the page makes)", "203.0.113.7", TOKEN.toUpperCase(), { allowance: "ordinary", formToken: null }],
    ["a token that is a file", "203.0.113.7", { name: "x" }, { allowance: "ordinary", formToken: null }],
  ] as const)("%s", (_, address, formToken, expected) => {
    expect(submissionLimitPlan({ address, formToken, kioskAddresses: KIOSKS })).toEqual(expected);
  });

  it("no kiosks configured: every address is ordinary", () => {
    expect(submissionLimitPlan({ address: "10.20.0.15", formToken: TOKEN, kioskAddresses: parseAddressList("") }).allowance).toBe("ordinary");
  });

  it("reads the setting however it is separated", () => {
    expect(parseAddressList(" 10.0.0.1,10.0.0.2 ; ::FFFF:10.0.0.3\n")).toEqual(["10.0.0.1", "10.0.0.2", "10.0.0.3"]);
    expect(normaliseAddress(" ::ffff:192.168.1.4 ")).toBe("192.168.1.4");
  });

  it.each([
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [3599, 60],
  ])("retry after %i s → %i min", (seconds, minutes) => {
    expect(retryAfterMinutes(seconds)).toBe(minutes);
  });
});
