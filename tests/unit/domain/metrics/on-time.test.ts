import { describe, expect, it } from "vitest";
import { computeFigures, judge, rates, type DossierForMetrics } from "~/domain/metrics/on-time";
import { makePeriod, monthPeriod, monthsOf, PeriodQuerySchema, quarterPeriod, yearPeriod } from "~/domain/metrics/period";

const MARCH = monthPeriod(2024, 3); // 2024-03-01 .. 2024-03-31, ends 2024-03-31T17:00:00Z

function dossier(over: Partial<DossierForMetrics>): DossierForMetrics {
  return {
    channel: "direct",
    field: "civil_status",
    state: "returned",
    receivedDate: "2024-03-04",
    dueAt: "2024-03-07T10:00:00.000Z",
    finishedAt: "2024-03-06T03:00:00.000Z",
    finishedDate: "2024-03-06",
    outcome: "early",
    supplementCount: 0,
    transferCount: 0,
    eTransferCount: 0,
    ...over,
  };
}

describe("judging one dossier for a period", () => {
  it.each([
    ["finished early in the period", {}, "early"],
    ["finished on its due day", { outcome: "on_time" as const }, "on_time"],
    ["finished late", { outcome: "late" as const }, "late"],
    ["two supplement requests count as late even when on time", { supplementCount: 2, outcome: "on_time" as const }, "late"],
    ["one supplement request does not", { supplementCount: 1, outcome: "on_time" as const }, "on_time"],
    [
      "open at the period's end and past due: late, judged at the period's end",
      { state: "in_progress" as const, finishedAt: null, finishedDate: null, outcome: null, dueAt: "2024-03-29T10:00:00.000Z" },
      "late",
    ],
    [
      "open at the period's end, not yet due: not judged yet",
      { state: "in_progress" as const, finishedAt: null, finishedDate: null, outcome: null, dueAt: "2024-04-02T10:00:00.000Z" },
      "open_not_due",
    ],
    [
      "finished after the period but late at its end: late in this period",
      { receivedDate: "2024-03-20", dueAt: "2024-03-25T10:00:00.000Z", finishedDate: "2024-04-03", outcome: "late" as const },
      "late",
    ],
    ["received after the period: not in it", { receivedDate: "2024-04-01", finishedDate: "2024-04-02" }, null],
    ["finished before the period: not in it", { receivedDate: "2024-02-01", finishedDate: "2024-02-05" }, null],
    ["refused in the period: not judged for timeliness", { state: "refused" as const, outcome: null }, null],
  ])("%s", (_name, over, expected) => {
    expect(judge(dossier(over), MARCH)).toBe(expected);
  });
});

describe("figures for a period", () => {
  const dossiers: DossierForMetrics[] = [
    dossier({ channel: "online_full", transferCount: 1, eTransferCount: 1 }),
    dossier({ channel: "online_partial", outcome: "on_time" }),
    dossier({ channel: "direct", outcome: "late", transferCount: 2, eTransferCount: 1 }),
    dossier({ channel: "postal", state: "refused", outcome: null }),
    dossier({ state: "withdrawn", outcome: null }),
    dossier({ state: "in_progress", finishedAt: null, finishedDate: null, outcome: null, dueAt: "2024-03-20T10:00:00.000Z" }),
    dossier({ state: "in_progress", finishedAt: null, finishedDate: null, outcome: null, dueAt: "2024-04-05T10:00:00.000Z" }),
    // received in February, finished on time in March: judged in March, not received in March
    dossier({ receivedDate: "2024-02-28", finishedDate: "2024-03-01", outcome: "on_time" }),
  ];

  it("counts exactly as computed by hand", () => {
    expect(computeFigures(dossiers, MARCH)).toEqual({
      received: 7,
      receivedOnline: 2,
      resolved: 4,
      early: 1,
      onTime: 2,
      late: 2,
      openLateAtEnd: 1,
      openNotDue: 1,
      refused: 1,
      withdrawn: 1,
      transfers: 3,
      eTransfers: 2,
    });
  });

  it("rates are fractions of the judged, the received and the transfers", () => {
    const r = rates(computeFigures(dossiers, MARCH));
    expect(r.onTimeRate).toBeCloseTo(3 / 5);
    expect(r.onlineRate).toBeCloseTo(2 / 7);
    expect(r.eTransferRate).toBeCloseTo(2 / 3);
  });

  it("an empty period has no rates rather than 0% or 100%", () => {
    expect(rates(computeFigures([], MARCH))).toEqual({ onTimeRate: null, onlineRate: null, eTransferRate: null });
  });
});

describe("periods", () => {
  it("a month, a quarter and a year end at midnight in Vietnam", () => {
    expect(monthPeriod(2024, 2)).toEqual({ from: "2024-02-01", to: "2024-02-29", endInstant: "2024-02-29T17:00:00.000Z" });
    expect(quarterPeriod(2021, 4)).toEqual({ from: "2021-10-01", to: "2021-12-31", endInstant: "2021-12-31T17:00:00.000Z" });
    expect(yearPeriod(2021)).toEqual(makePeriod("2021-01-01", "2021-12-31"));
  });

  it("lists the months a period touches", () => {
    expect(monthsOf(makePeriod("2021-11-15", "2022-02-01"))).toEqual(["2021-11", "2021-12", "2022-01", "2022-02"]);
  });

  it("parses the query string", () => {
    expect(PeriodQuerySchema.parse({ year: "2021" })).toEqual(yearPeriod(2021));
    expect(PeriodQuerySchema.parse({ from: "2024-03-01", to: "2024-03-31" })).toEqual(MARCH);
    const bad = PeriodQuerySchema.safeParse({ from: "2024-04-01", to: "2024-03-01" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["to"], message: "error.dateRange" });
    expect(PeriodQuerySchema.safeParse({ year: "2021", from: "2021-01-01" }).error?.issues[0]?.message).toBe(
      "error.periodEitherYearOrRange",
    );
    expect(PeriodQuerySchema.safeParse({ from: "2021-01-01" }).error?.issues[0]).toMatchObject({ path: ["to"] });
    expect(PeriodQuerySchema.safeParse({ from: "2021-02-30", to: "2021-03-01" }).success).toBe(false);
  });
});
