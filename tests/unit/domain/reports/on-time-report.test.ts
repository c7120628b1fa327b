import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/accounts/roles";
import { makePeriod, yearPeriod } from "~/domain/metrics/period";
import {
  chartGrain,
  daysLate,
  maskPersonName,
  onTimeReportFileName,
  onTimeReportQuerySchema,
  reportVariantFor,
} from "~/domain/reports/on-time-report";

const REGISTER_ROLES: readonly Role[] = ["officer", "leader", "quality_lead", "auditor"];
const TODAY = "2026-11-25";

describe("onTimeReportQuerySchema", () => {
  const parse = (query: Record<string, string>) => onTimeReportQuerySchema(TODAY).safeParse(query);

  it("takes a year or a range, as the metrics API does", () => {
    expect(parse({ year: "2021" })).toEqual({ success: true, data: { period: yearPeriod(2021), toDate: false } });
    expect(parse({ from: "2025-04-01", to: "2025-06-30" })).toEqual({
      success: true,
      data: { period: makePeriod("2025-04-01", "2025-06-30"), toDate: false },
    });
  });

  it("cuts a period reaching past today at today", () => {
    expect(parse({ year: "2026" })).toEqual({ success: true, data: { period: makePeriod("2026-01-01", TODAY), toDate: true } });
    expect(parse({ from: "2026-11-01", to: TODAY })).toEqual({ success: true, data: { period: makePeriod("2026-11-01", TODAY), toDate: true } });
  });

  it.each([
    [{}, "from", "error.required"],
    [{ from: "2025-01-01" }, "to", "error.required"],
    [{ from: "2025-13-01", to: "2025-12-31" }, "from", "error.invalidDate"],
    [{ from: "2025-12-31", to: "2025-01-01" }, "to", "error.dateRange"],
    [{ year: "2021", from: "2021-01-01" }, "year", "error.periodEitherYearOrRange"],
    [{ year: "abc" }, "year", "error.invalid"],
    [{ year: "2027" }, "from", "reports.error.futurePeriod"],
    [{ from: "2026-11-26", to: "2026-12-31" }, "from", "reports.error.futurePeriod"],
  ])("refuses %j (%s: %s)", (query, path, message) => {
    const result = parse(query as Record<string, string>);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, message]);
  });
});

describe("reportVariantFor", () => {
  const reader = (roles: Role[], mustChangePassword = false) => ({ roles, mustChangePassword });
  it.each([
    ["nobody signed in", null, "public"],
    ["an officer", reader(["officer"]), "full"],
    ["a leader", reader(["leader"]), "full"],
    ["the quality lead", reader(["quality_lead"]), "full"],
    ["an auditor", reader(["auditor"]), "full"],
    ["an inspector", reader(["inspector"]), "masked"],
    ["an inspector who is also an officer", reader(["officer", "inspector"]), "masked"],
    ["an administrator (no access to the register)", reader(["admin"]), "public"],
    ["an officer who must first change the password", reader(["officer"], true), "public"],
  ] as const)("%s gets the %s version", (_who, who, variant) => {
    expect(reportVariantFor(who, REGISTER_ROLES)).toBe(variant);
  });
});

describe("maskPersonName", () => {
  it.each([
    ["Lò Văn Hùng", "L*** V*** H***"],
    ["Đinh Thị Ánh", "Đ*** T*** Á***"],
    ["  Quàng   A  Sử ", "Q*** A*** S***"],
    ["lường văn sơn", "L*** V*** S***"],
    ["Ánh".normalize("NFD"), "Á***"],
    ["", "***"],
  ])("%j → %s", (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe("daysLate", () => {
  it.each([
    ["2025-10-06", "2025-10-08", 2],
    ["2025-10-06", "2025-10-06", 0],
    ["2025-10-06", "2025-10-01", 0],
    ["2024-12-31", "2025-03-01", 60],
  ])("due %s, ended %s: %i days", (due, end, days) => {
    expect(daysLate(due, end)).toBe(days);
  });
});

describe("chartGrain", () => {
  it("charts up to 24 months by month, longer periods by year", () => {
    expect(chartGrain(yearPeriod(2025))).toBe("month");
    expect(chartGrain(makePeriod("2024-01-01", "2025-12-31"))).toBe("month");
    expect(chartGrain(makePeriod("2024-01-01", "2026-01-01"))).toBe("year");
  });
});

it("names the file after the period", () => {
  expect(onTimeReportFileName(yearPeriod(2021))).toBe("bao-cao-giai-quyet-tthc-2021-01-01-2021-12-31.pdf");
});
