import { describe, expect, it } from "vitest";
import { computeFigures, isOverdueWhileOpen, judge, rates, type DossierForMetrics } from "~/domain/metrics/on-time";
import { exceedsMaxPeriod, makePeriod, measurePeriod, monthPeriod, monthsOf, PeriodQuerySchema, quarterPeriod, yearPeriod } from "~/domain/metrics/period";

const MARCH = monthPeriod(2024, 3); // 2024-03-01 .. 2024-03-31, ends 2024-03-31T17:00:00Z

function dossier(over: Partial<DossierForMetrics>): DossierForMetrics {
  const base: DossierForMetrics = {
    channel: "direct",
    field: "civil_status",
    state: "returned",
    receivedDate: "2024-03-04",
    dueAt: "2024-03-07T10:00:00.000Z",
    dueDate: "2024-03-07",
    finishedAt: "2024-03-06T03:00:00.000Z",
    finishedDate: "2024-03-06",
    outcome: "early",
    supplementCount: 0,
    clockStoppedAt: null,
    transferCount: 0,
    eTransferCount: 0,
    ...over,
  };
  // The due date is the business date of the due instant (Vietnam, UTC+7).
  return over.dueDate ? base : { ...base, dueDate: new Date(Date.parse(base.dueAt) + 7 * 3_600_000).toISOString().slice(0, 10) };
}

const OPEN = { state: "in_progress" as const, finishedAt: null, finishedDate: null, outcome: null };
const WAITING = { ...OPEN, state: "supplement_requested" as const, supplementCount: 1 };

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
    [
      "waiting for a supplement requested before its due day was over: not late, though the old due date has passed",
      { ...WAITING, dueAt: "2024-03-20T10:00:00.000Z", clockStoppedAt: "2024-03-18T02:00:00.000Z" },
      "open_not_due",
    ],
    [
      "waiting for a supplement requested on its due day: not late",
      { ...WAITING, dueAt: "2024-03-20T10:00:00.000Z", clockStoppedAt: "2024-03-20T11:00:00.000Z" },
      "open_not_due",
    ],
    [
      "waiting for a supplement requested after its due day was over: still late",
      { ...WAITING, dueAt: "2024-03-20T10:00:00.000Z", clockStoppedAt: "2024-03-22T02:00:00.000Z" },
      "late",
    ],
    [
      "waiting for a second supplement: late (more than one request)",
      { ...WAITING, supplementCount: 2, dueAt: "2024-04-20T10:00:00.000Z", clockStoppedAt: "2024-03-22T02:00:00.000Z" },
      "late",
    ],
    ["open and due on the period's last day: late once that day is over", { ...OPEN, dueAt: "2024-03-31T10:00:00.000Z" }, "late"],
  ])("%s", (_name, over, expected) => {
    expect(judge(dossier(over), MARCH)).toBe(expected);
  });
});

describe("the judgement instant: min(end of period, now)", () => {
  // 2 Dec 2026, 06:40 in Vietnam: December is running.
  const NOW = new Date("2026-12-01T23:40:00.000Z");
  const december = measurePeriod(monthPeriod(2026, 12), NOW);
  const year = measurePeriod(yearPeriod(2026), NOW);
  const receivedToday = { receivedDate: "2026-12-02", ...OPEN };

  it("a period still running is measured up to today and judged now", () => {
    expect(december).toMatchObject({ status: "current", period: { from: "2026-12-01", to: "2026-12-02", endInstant: NOW.toISOString() } });
    expect(year.period).toEqual({ from: "2026-01-01", to: "2026-12-02", endInstant: NOW.toISOString() });
  });

  it("a period over is judged at its end; one not begun is not judged at all", () => {
    expect(measurePeriod(yearPeriod(2025), NOW)).toEqual({ chosen: yearPeriod(2025), period: yearPeriod(2025), status: "past" });
    expect(measurePeriod(yearPeriod(2027), NOW).status).toBe("future");
    // The instant a period ends is already after it: the whole period, judged at its end.
    expect(measurePeriod(monthPeriod(2026, 11), new Date(monthPeriod(2026, 11).endInstant)).status).toBe("past");
  });

  it.each([
    ["due today at 17:00: not late at 06:40", { ...receivedToday, dueAt: "2026-12-02T10:00:00.000Z" }, "open_not_due", false],
    ["due later in December: not late", { ...receivedToday, dueAt: "2026-12-15T10:00:00.000Z" }, "open_not_due", false],
    ["due yesterday: late and overdue", { ...OPEN, receivedDate: "2026-11-25", dueAt: "2026-12-01T10:00:00.000Z" }, "late", true],
    [
      "waiting for its supplement since before its due day: neither late nor overdue",
      { ...WAITING, receivedDate: "2026-11-20", dueAt: "2026-11-30T10:00:00.000Z", clockStoppedAt: "2026-11-26T03:00:00.000Z" },
      "open_not_due",
      false,
    ],
    [
      "waiting since after its due day: late, but not overdue while the clock is stopped",
      { ...WAITING, receivedDate: "2026-11-20", dueAt: "2026-11-25T10:00:00.000Z", clockStoppedAt: "2026-11-27T03:00:00.000Z" },
      "late",
      false,
    ],
    ["two supplements, not yet due: late but not overdue", { ...OPEN, supplementCount: 2, receivedDate: "2026-11-20", dueAt: "2026-12-10T10:00:00.000Z" }, "late", false],
  ])("%s", (_name, over, judgement, overdue) => {
    const d = dossier(over);
    expect(judge(d, december.period)).toBe(judgement);
    expect(judge(d, year.period)).toBe(judgement);
    expect(isOverdueWhileOpen(d, december.period)).toBe(overdue);
  });

  it("overdue at a past period's end is judged with the clock as it ran then", () => {
    const d = dossier({ ...WAITING, receivedDate: "2026-11-01", dueAt: "2026-11-05T10:00:00.000Z", clockStoppedAt: "2026-11-12T03:00:00.000Z" });
    // At the end of 10 November the clock still ran: overdue. At the end of November it had stopped.
    expect(isOverdueWhileOpen(d, makePeriod("2026-11-01", "2026-11-10"))).toBe(true);
    expect(isOverdueWhileOpen(d, monthPeriod(2026, 11))).toBe(false);
    expect(computeFigures([d], monthPeriod(2026, 11))).toMatchObject({ late: 1, openLateAtEnd: 1, overdueAtEnd: 0 });
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
      overdueAtEnd: 1,
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

  it.each([
    [{ from: "2016-01-01", to: "2025-12-31" }, null],
    [{ from: "2016-01-01", to: "2026-01-01" }, { path: ["to"], message: "error.periodTooLong" }],
    [{ from: "2021-13-01", to: "2021-12-31" }, { path: ["from"], message: "error.invalidDate" }],
    [{ from: "1999-12-31", to: "2000-01-02" }, { path: ["from"], message: "error.invalidDate" }],
    [{ year: "1900" }, { path: ["year"], message: "error.invalid" }],
    [{ year: "20x1" }, { path: ["year"], message: "error.invalid" }],
  ])("refuses a bad period with the field named: %j", (query, issue) => {
    const parsed = PeriodQuerySchema.safeParse(query);
    if (issue === null) expect(parsed.success).toBe(true);
    else expect(parsed.error?.issues[0]).toMatchObject(issue);
  });

  it("ten years at most", () => {
    expect(exceedsMaxPeriod("2020-02-29", "2030-02-28")).toBe(false);
    expect(exceedsMaxPeriod("2020-03-01", "2030-03-01")).toBe(true);
  });
});
