import { describe, expect, it } from "vitest";
import { isPublicReportPeriod } from "~/domain/reports/public-periods";

describe("the periods a visitor may ask the on-time report for", () => {
  it.each([
    ["2026-03-01", "2026-03-31", true],
    ["2024-02-01", "2024-02-29", true],
    ["2026-04-01", "2026-06-30", true],
    ["2026-01-01", "2026-12-31", true],
    ["2026-03-02", "2026-03-31", false],
    ["2026-03-01", "2026-03-30", false],
    ["2026-02-01", "2026-04-30", false],
    ["2026-01-01", "2026-02-28", false],
    ["2025-12-01", "2026-01-31", false],
    ["2026-01-01", "2026-06-30", false],
    ["2026-1-01", "2026-01-31", false],
  ])("%s – %s: %s", (from, to, expected) => {
    expect(isPublicReportPeriod(from, to)).toBe(expected);
  });
});
