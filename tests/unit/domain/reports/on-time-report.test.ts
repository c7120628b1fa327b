import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/accounts/roles";
import { makePeriod, yearPeriod } from "~/domain/metrics/period";
import {
  chartGrain,
  daysLate,
  maskPersonName,
  onTimeReportFileName,
  reportVariantFor,
} from "~/domain/reports/on-time-report";

const REGISTER_ROLES: readonly Role[] = ["officer", "leader", "quality_lead", "auditor"];

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
