import { describe, expect, it } from "vitest";
import { InspectionYearSchema, isOnTimeDownload, onTimeDownloadSchema, onTimeReportHref } from "~/domain/inspection/schema";
import { makePeriod } from "~/domain/metrics/period";

const TODAY = "2026-11-25";

describe("InspectionYearSchema", () => {
  it("takes a year, or none (the current year is the default)", () => {
    expect(InspectionYearSchema.parse({ year: "2024" })).toEqual({ year: 2024 });
    expect(InspectionYearSchema.parse({})).toEqual({});
  });

  it("refuses what is not a year, with a catalogue key", () => {
    for (const year of ["abc", "1999", "2101", "2024.5"]) {
      const parsed = InspectionYearSchema.safeParse({ year });
      expect(parsed.success, year).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("error.invalid");
    }
  });
});

describe("onTimeReportHref", () => {
  it("asks for a year by its number and any other period by its dates", () => {
    expect(onTimeReportHref({ kind: "year", year: 2025, period: makePeriod("2025-01-01", "2025-12-31") })).toBe("/reports/on-time.pdf?year=2025");
    expect(onTimeReportHref({ kind: "quarter", year: 2025, period: makePeriod("2025-04-01", "2025-06-30") })).toBe(
      "/reports/on-time.pdf?from=2025-04-01&to=2025-06-30",
    );
  });
});

describe("onTimeDownloadSchema", () => {
  const parse = (query: Record<string, string>) => onTimeDownloadSchema(TODAY).safeParse({ onTime: query });

  it("turns a month, a quarter, a year or a range into the report's URL", () => {
    expect(parse({ period: "month", year: "2026", month: "2" })).toEqual({ success: true, data: "/reports/on-time.pdf?from=2026-02-01&to=2026-02-28" });
    expect(parse({ period: "quarter", year: "2025", quarter: "3" })).toEqual({ success: true, data: "/reports/on-time.pdf?from=2025-07-01&to=2025-09-30" });
    expect(parse({ period: "year", year: "2021" })).toEqual({ success: true, data: "/reports/on-time.pdf?year=2021" });
    expect(parse({ period: "custom", from: "2024-03-15", to: "2024-04-14" })).toEqual({
      success: true,
      data: "/reports/on-time.pdf?from=2024-03-15&to=2024-04-14",
    });
  });

  it("asks for a running month whole (the report judges it now), and a running year by its number", () => {
    expect(parse({ period: "month", year: "2026", month: "11" })).toEqual({ success: true, data: "/reports/on-time.pdf?from=2026-11-01&to=2026-11-30" });
    expect(parse({ period: "year", year: "2026" })).toEqual({ success: true, data: "/reports/on-time.pdf?year=2026" });
  });

  it("refuses a period not started yet, beside the field that chose it", () => {
    const month = parse({ period: "month", year: "2026", month: "12" });
    expect(month.success).toBe(false);
    expect(month.error?.issues[0]).toMatchObject({ path: ["onTime", "month"], message: "reports.error.futurePeriod" });
    expect(parse({ period: "year", year: "2027" }).error?.issues[0]).toMatchObject({ path: ["onTime", "year"] });
    expect(parse({ period: "custom", from: "2026-12-01", to: "2026-12-31" }).error?.issues[0]).toMatchObject({ path: ["onTime", "from"] });
  });

  it("refuses a range missing a date or running backwards", () => {
    expect(parse({ period: "custom", from: "2026-01-01" }).error?.issues[0]).toMatchObject({ path: ["onTime", "to"], message: "error.required" });
    expect(parse({ period: "custom", from: "2026-02-01", to: "2026-01-01" }).error?.issues[0]).toMatchObject({ path: ["onTime", "to"], message: "error.dateRange" });
  });
});

describe("isOnTimeDownload", () => {
  it("tells the download form from the year picker", () => {
    expect(isOnTimeDownload(new URLSearchParams("onTime.period=year&onTime.year=2025&year=2026"))).toBe(true);
    expect(isOnTimeDownload(new URLSearchParams("year=2026"))).toBe(false);
  });
});
