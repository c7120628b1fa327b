import { describe, expect, it } from "vitest";
import { RegisterFilterSchema } from "~/domain/dossiers/register-filter";
import {
  assembleMonths,
  buildKeyFigures,
  csvCell,
  DashboardQuerySchema,
  dashboardQueryString,
  dashboardTables,
  feedbackMonths,
  feedbackRows,
  fieldRows,
  groupBy,
  judgedUrl,
  lateUrl,
  lenientDashboardQuery,
  listAccess,
  monthBuckets,
  monthRows,
  OVERDUE_NOW_URL,
  periodCells,
  receivedUrl,
  registerUrl,
  resolvedUrl,
  resolvePeriod,
  totalOf,
  type DailyStatRow,
  type KeyFigureInput,
} from "~/domain/metrics/dashboard";
import { EMPTY_FIGURES } from "~/domain/metrics/on-time";
import { makePeriod, monthPeriod, quarterPeriod, yearPeriod } from "~/domain/metrics/period";

const TODAY = "2026-11-25";

describe("the period picker", () => {
  // The period chosen, whole: the figures measure it up to now (measurePeriod).
  it.each([
    ["nothing chosen: this year", {}, "year", "2026-01-01", "2026-12-31"],
    ["a past year in full", { year: 2021 }, "year", "2021-01-01", "2021-12-31"],
    ["a month", { period: "month" as const, year: 2024, month: 2 }, "month", "2024-02-01", "2024-02-29"],
    ["this month", { period: "month" as const }, "month", "2026-11-01", "2026-11-30"],
    ["a quarter", { period: "quarter" as const, year: 2025, quarter: 3 }, "quarter", "2025-07-01", "2025-09-30"],
    ["a past year's month without a month: December", { period: "month" as const, year: 2023 }, "month", "2023-12-01", "2023-12-31"],
    ["a custom range", { period: "custom" as const, from: "2024-03-15", to: "2024-05-10" }, "custom", "2024-03-15", "2024-05-10"],
    ["a custom range running past today", { period: "custom" as const, from: "2026-11-01", to: "2026-12-31" }, "custom", "2026-11-01", "2026-12-31"],
    ["a future year", { year: 2027 }, "year", "2027-01-01", "2027-12-31"],
    ["custom without dates falls back on the year", { period: "custom" as const, year: 2022 }, "year", "2022-01-01", "2022-12-31"],
  ])("%s", (_name, query, kind, from, to) => {
    const resolved = resolvePeriod(query, TODAY);
    expect([resolved.kind, resolved.period.from, resolved.period.to]).toEqual([kind, from, to]);
    expect(resolved.period.endInstant).toBe(makePeriod(from, to).endInstant);
  });

  it.each([
    ["an unknown period kind", { period: "week" }, "period", "error.invalid"],
    ["a month out of range", { period: "month", month: "13" }, "month", "error.invalid"],
    ["a year that is not a number", { year: "abc" }, "year", "error.invalid"],
    ["a custom range without its start", { period: "custom", to: "2024-01-31" }, "from", "error.required"],
    ["a custom range ending before it starts", { period: "custom", from: "2024-02-01", to: "2024-01-31" }, "to", "error.dateRange"],
    ["a custom range longer than five years", { period: "custom", from: "2015-01-01", to: "2024-01-31" }, "to", "dashboard.error.rangeTooLong"],
    ["a malformed date", { period: "custom", from: "2024-02-30", to: "2024-03-31" }, "from", "error.invalidDate"],
  ])("rejects %s with a catalogue message beside the field", (_name, query, path, message) => {
    const result = DashboardQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, message]);
  });

  it("keeps the valid parts of an invalid query for a sensible default", () => {
    expect(lenientDashboardQuery({ period: "month", year: "2024", month: "13" })).toEqual({ period: "month", year: 2024 });
    expect(lenientDashboardQuery({ period: "custom", from: "2024-05-01", to: "2024-04-01", year: "2024" })).toEqual({ period: "custom", year: 2024 });
    expect(resolvePeriod(lenientDashboardQuery({ period: "custom", from: "2024-05-01", to: "2024-04-01", year: "2024" }), TODAY).period.to).toBe("2024-12-31");
  });

  it("writes the query back for the exports", () => {
    expect(dashboardQueryString(resolvePeriod({ period: "month", year: 2024, month: 3 }, TODAY))).toBe("period=month&year=2024&month=3");
    expect(dashboardQueryString(resolvePeriod({ period: "custom", from: "2024-03-15", to: "2024-05-10" }, TODAY), 4)).toBe(
      "period=custom&from=2024-03-15&to=2024-05-10&unit=4",
    );
  });

  it("cuts the first and last month to the period", () => {
    expect(monthBuckets(makePeriod("2024-12-15", "2025-02-10"))).toEqual([
      { month: "2024-12", from: "2024-12-15", to: "2024-12-31" },
      { month: "2025-01", from: "2025-01-01", to: "2025-01-31" },
      { month: "2025-02", from: "2025-02-01", to: "2025-02-10" },
    ]);
    expect(monthBuckets(quarterPeriod(2024, 1)).map((b) => b.to)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
  });
});

const row = (over: Partial<DailyStatRow>): DailyStatRow => ({
  month: "2024-01",
  field: "justice",
  channel: "direct",
  received: 0,
  transfers: 0,
  eTransfers: 0,
  finished: 0,
  resolved: 0,
  early: 0,
  onTime: 0,
  late: 0,
  refused: 0,
  withdrawn: 0,
  openLateDelta: 0,
  overdueDelta: 0,
  ...over,
});

describe("figures from the per-day summary", () => {
  const period = makePeriod("2024-01-01", "2024-03-31");
  // Before January: 3 open (1 of them late). January: 10 received, 8 finished (6 early, 1 on time, 1 refused),
  // 1 more becomes late. February: nothing happens. March: the 2 late ones finish late, 4 online received.
  const months = assembleMonths(
    period,
    [
      row({ received: 10, transfers: 2, eTransfers: 1, finished: 8, resolved: 7, early: 6, onTime: 1, refused: 1, openLateDelta: 1, overdueDelta: 1 }),
      row({ month: "2024-03", finished: 2, resolved: 2, late: 2, openLateDelta: -2, overdueDelta: -2 }),
      row({ month: "2024-03", channel: "online_full", received: 4 }),
    ],
    [{ field: "justice", channel: "direct", open: 3, openLate: 1, overdue: 1 }],
  );

  it("carries the open dossiers from month to month", () => {
    const january = totalOf(months[0]!.cells);
    expect(january).toEqual({
      ...EMPTY_FIGURES,
      received: 10,
      transfers: 2,
      eTransfers: 1,
      resolved: 7,
      early: 6,
      onTime: 1,
      refused: 1,
      late: 2,
      openLateAtEnd: 2,
      openNotDue: 3,
      overdueAtEnd: 2,
    });
    // February: no flow, but the 5 open ones (2 late, and overdue) are judged at its end.
    expect(totalOf(months[1]!.cells)).toEqual({ ...EMPTY_FIGURES, late: 2, openLateAtEnd: 2, openNotDue: 3, overdueAtEnd: 2 });
    expect(totalOf(months[2]!.cells)).toEqual({ ...EMPTY_FIGURES, received: 4, receivedOnline: 4, resolved: 2, late: 2, openNotDue: 7 });
  });

  it("corrects the last day's stocks to the judgement instant: due today is neither late nor overdue yet", () => {
    const corrected = assembleMonths(
      period,
      [row({ month: "2024-03", received: 2, openLateDelta: 2, overdueDelta: 2 })],
      [],
      [{ field: "justice", channel: "direct", openLate: 2, overdue: 1 }],
    );
    expect(totalOf(corrected[2]!.cells)).toMatchObject({ received: 2, late: 0, openLateAtEnd: 0, openNotDue: 2, overdueAtEnd: 1 });
    // Only the last month, the one holding today, is corrected.
    expect(totalOf(corrected[1]!.cells)).toEqual(EMPTY_FIGURES);
  });

  it("adds the months' flows and takes the stocks at the period's end", () => {
    const cells = periodCells(months);
    expect(totalOf(cells)).toEqual({
      ...EMPTY_FIGURES,
      received: 14,
      receivedOnline: 4,
      transfers: 2,
      eTransfers: 1,
      resolved: 9,
      early: 6,
      onTime: 1,
      refused: 1,
      late: 2,
      openLateAtEnd: 0,
      openNotDue: 7,
    });
    expect([...groupBy(cells, "channel").keys()].sort()).toEqual(["direct", "online_full"]);
  });

  it("shapes months and fields for the charts", () => {
    const rows = monthRows(months);
    expect(rows.map((r) => [r.month, r.received, r.resolved, r.judged, r.late, r.onTimeRate])).toEqual([
      ["2024-01", 10, 7, 9, 2, 7 / 9],
      ["2024-02", 0, 0, 2, 2, 0],
      ["2024-03", 4, 2, 2, 2, 0],
    ]);
    expect(rows[2]!.byChannel).toEqual({ direct: 0, postal: 0, online_partial: 0, online_full: 4 });
    expect(rows[2]!.onlineRate).toBe(1);
    expect(rows[1]!.onlineRate).toBeNull();
    expect(fieldRows(periodCells(months))).toEqual([{ field: "justice", received: 14, resolved: 9, late: 2, judged: 9, onTimeRate: 7 / 9 }]);
  });

  it("shapes feedback by kind and state, and by month", () => {
    const rows = feedbackRows([
      { kind: "complaint", state: "answered", count: 2 },
      { kind: "complaint", state: "received", count: 1 },
    ]);
    expect(rows.map((r) => [r.kind, r.total])).toEqual([["feedback", 0], ["recommendation", 0], ["complaint", 3], ["compliment", 0]]);
    expect(rows[2]!.byState.answered).toBe(2);
    expect(feedbackMonths(quarterPeriod(2024, 1), [{ month: "2024-02", received: 3, answered: 1 }])).toEqual([
      { month: "2024-01", received: 0, answered: 0 },
      { month: "2024-02", received: 3, answered: 1 },
      { month: "2024-03", received: 0, answered: 0 },
    ]);
  });
});

describe("click-through URLs, in the register's own filter terms", () => {
  const march = monthPeriod(2024, 3);

  it.each([
    ["received in March by channel", receivedUrl(march, { channel: "online_full" }), "/staff/dossiers?from=2024-03-01&to=2024-03-31&channel=online_full"],
    ["received in the year in a field", receivedUrl(yearPeriod(2021), { field: "justice" }), "/staff/dossiers?from=2021-01-01&to=2021-12-31&field=justice"],
    ["resolved in March", resolvedUrl(march), "/staff/dossiers?outcome=resolved&judgedFrom=2024-03-01&judgedTo=2024-03-31"],
    ["judged in March", judgedUrl(march), "/staff/dossiers?outcome=judged&judgedFrom=2024-03-01&judgedTo=2024-03-31"],
    ["late in March in a field", lateUrl(march, { field: "civil_status" }), "/staff/dossiers?field=civil_status&outcome=late&judgedFrom=2024-03-01&judgedTo=2024-03-31"],
    ["overdue now", OVERDUE_NOW_URL, "/staff/dossiers?overdue=1"],
    ["no filter", registerUrl({}), "/staff/dossiers"],
  ])("%s", (_name, url, expected) => {
    expect(url).toBe(expected);
  });

  it("every URL parses with the register's filter schema to exactly the bucket", () => {
    const parse = (url: string) => RegisterFilterSchema.parse(Object.fromEntries(new URL(url, "http://x").searchParams));
    expect(parse(receivedUrl(march, { channel: "postal" }))).toEqual({ from: "2024-03-01", to: "2024-03-31", channel: "postal" });
    expect(parse(lateUrl(march, { field: "other" }))).toEqual({ field: "other", outcome: "late", judgedFrom: "2024-03-01", judgedTo: "2024-03-31" });
    expect(parse(resolvedUrl(march))).toEqual({ outcome: "resolved", judgedFrom: "2024-03-01", judgedTo: "2024-03-31" });
    expect(parse(OVERDUE_NOW_URL)).toEqual({ overdue: "1" });
  });

  it("links only to the lists the viewer may open, for the viewer's own unit", () => {
    const officer = new Set(["/staff", "/staff/dossiers", "/staff/documents"]);
    expect(listAccess(officer, true)).toEqual({ register: true, documents: true, nonconformities: false });
    expect(listAccess(officer, false)).toEqual({ register: false, documents: false, nonconformities: false });
    expect(listAccess(new Set(["/staff/nonconformities"]), true)).toEqual({ register: false, documents: false, nonconformities: true });
  });
});

describe("key figures against targets", () => {
  const input: KeyFigureInput = {
    period: yearPeriod(2021),
    totals: { ...EMPTY_FIGURES, received: 100, receivedOnline: 30, resolved: 95, early: 90, onTime: 4, late: 1, transfers: 10, eTransfers: 9 },
    satisfaction: { satisfied: 9, rated: 10 },
    answers: { onTime: 0, judged: 0 },
    nonconformities: { open: 2, overdue: 1, openActions: 3, overdueActions: 1 },
    documentsDue: 4,
    status: "past",
    targets: { on_time_rate: { comparator: ">=", target: 1 }, online_rate: { comparator: ">=", target: 0.3 }, overdue_now: { comparator: "<=", target: 0 } },
    canOpen: { register: true, documents: true, nonconformities: true },
  };

  it("computes each rate with its target and status, and links where a filter exists", () => {
    const figures = Object.fromEntries(buildKeyFigures(input).map((f) => [f.key, f]));
    expect(figures.received).toMatchObject({ value: 100, href: "/staff/dossiers?from=2021-01-01&to=2021-12-31", status: "none" });
    expect(figures.on_time_rate).toMatchObject({ value: 94 / 95, status: "not_met", href: judgedUrl(yearPeriod(2021)) });
    expect(figures.on_time_rate!.detail).toEqual({ key: "dashboard.detail.late", params: { late: 1, judged: 95 }, href: lateUrl(yearPeriod(2021)) });
    expect(figures.online_rate).toMatchObject({ value: 0.3, status: "met", href: null });
    expect(figures.e_transfer_rate).toMatchObject({ value: 0.9, status: "none", target: null });
    expect(figures.satisfaction_rate).toMatchObject({ value: 0.9 });
    expect(figures.complaints_on_time_rate).toMatchObject({ value: null });
    expect(figures.overdue_now).toMatchObject({ value: 0, status: "met", href: null });
    expect(figures.documents_due).toMatchObject({ value: 4, href: "/staff/documents?review=overdue" });
    expect(figures.open_nonconformities).toMatchObject({ value: 2, href: "/staff/nonconformities?open=1" });
    expect(figures.overdue_actions).toMatchObject({ value: 1, href: null });
  });

  it("links 'overdue now' to the register's overdue list while the period runs, and shows nothing for a future period", () => {
    const current = Object.fromEntries(buildKeyFigures({ ...input, status: "current", totals: { ...input.totals, overdueAtEnd: 2 } }).map((f) => [f.key, f]));
    expect(current.overdue_now).toMatchObject({ value: 2, status: "not_met", href: "/staff/dossiers?overdue=1" });
    const future = buildKeyFigures({ ...input, status: "future", totals: EMPTY_FIGURES });
    expect(future.find((f) => f.key === "overdue_now")).toMatchObject({ value: null, status: "no_data" });
    expect(future.find((f) => f.key === "on_time_rate")?.value).toBeNull();
  });

  it("gives no link to a viewer who may not open the list", () => {
    const figures = buildKeyFigures({ ...input, canOpen: { register: false, documents: false, nonconformities: false } });
    expect(figures.every((f) => f.href === null && !f.detail?.href)).toBe(true);
  });
});

describe("tables for the screen and the CSV", () => {
  const period = makePeriod("2024-01-01", "2024-03-31");
  const months = monthRows(assembleMonths(period, [row({ received: 3, finished: 1, resolved: 1, onTime: 1 })], []));
  const noIndex = { scorecard: null, months: [] };
  const tables = dashboardTables({
    period,
    figures: [],
    months,
    fields: fieldRows(periodCells(assembleMonths(period, [row({ received: 3 })], []))),
    feedback: feedbackRows([]),
    serviceIndex: noIndex,
    linkRegister: true,
  });

  it("links each count to its records, and not without access", () => {
    expect(tables.monthly.rows[0]).toEqual([
      { text: "01/2024" },
      { count: 3, href: "/staff/dossiers?from=2024-01-01&to=2024-01-31" },
      { count: 1, href: "/staff/dossiers?outcome=resolved&judgedFrom=2024-01-01&judgedTo=2024-01-31" },
    ]);
    expect(tables.channels.columns).toEqual(["dashboard.col.month", "channel.direct", "channel.postal", "channel.online_partial", "channel.online_full", "dashboard.col.onlineRate"]);
    const unlinked = dashboardTables({ period, figures: [], months, fields: [], feedback: [], serviceIndex: noIndex, linkRegister: false });
    expect(unlinked.monthly.rows.flat().every((c) => !("href" in c) || c.href === null)).toBe(true);
  });

  it("writes CSV cells as plain numbers, rates as percentages", () => {
    const t = (key: string) => `[${key}]`;
    expect(csvCell({ count: 4492 }, t)).toBe("4492");
    expect(csvCell({ rate: 0.99876 }, t)).toBe("99.9");
    expect(csvCell({ rate: null }, t)).toBe("");
    expect(csvCell({ label: "procedureField.justice" }, t)).toBe("[procedureField.justice]");
    expect(csvCell({ text: "03/2024" }, t)).toBe("03/2024");
    expect(csvCell({ count: null }, t)).toBe("");
    expect(csvCell({ points: 17.456 }, t)).toBe("17.46");
  });
});
