import { z } from "zod";
import { CHANNELS, isOnlineChannel, type Channel } from "~/domain/dossiers/channels";
import { FEEDBACK_KINDS, FEEDBACK_STATES, type FeedbackKind, type FeedbackState } from "~/domain/feedback/feedback";
import { PROCEDURE_FIELDS, type ProcedureField } from "~/domain/procedures/procedure";
import { BusinessDateSchema, m } from "~/domain/shared/fields";
import type { MessageKey } from "~/i18n";
import { objectiveStatus, type ObjectiveMetric, type ObjectiveStatus } from "./objectives";
import { EMPTY_FIGURES, rates, type OnTimeFigures, type Period } from "./on-time";
import { makePeriod, monthPeriod, monthsOf, quarterPeriod, yearPeriod, type PeriodStatus } from "./period";
import { displayPercent } from "./rate-display";
import type { Scorecard } from "./service-index";

/*
 * The quality dashboard's pure part: the period picker, the monthly figures assembled from the
 * per-day summary (same definitions as the on-time engine), the tables every chart is drawn from,
 * and the click-through URLs, written in the register's own filter terms so a click lands on
 * exactly the records a bar counts.
 */

// ------------------------------------------------------------------------------------ the period

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A custom range is drawn month by month: five years at most. */
export const MAX_CUSTOM_MONTHS = 60;

const Year = z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(2000, m("error.invalid")).max(2100, m("error.invalid"));

const DashboardQueryFields = z.object({
  period: z.enum(PERIOD_KINDS, m("error.invalid")).optional(),
  year: Year.optional(),
  month: z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(1, m("error.invalid")).max(12, m("error.invalid")).optional(),
  quarter: z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(1, m("error.invalid")).max(4, m("error.invalid")).optional(),
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
  unit: z.coerce.number(m("error.invalid")).int(m("error.invalid")).positive(m("error.invalid")).optional(),
  /** Issue 14: a merged unit's figures with its predecessors' (`combined=1`). */
  combined: z.enum(["1"], m("error.invalid")).optional(),
});

function customRangeIssue(from: string, to: string): { path: "to"; message: MessageKey } | null {
  if (from > to) return { path: "to", message: "error.dateRange" };
  if (monthsOf(makePeriod(from, to)).length > MAX_CUSTOM_MONTHS) return { path: "to", message: "dashboard.error.rangeTooLong" };
  return null;
}

/** `?period=month|quarter|year|custom&year=&month=&quarter=&from=&to=&unit=`; messages are catalogue keys. */
export const DashboardQuerySchema = DashboardQueryFields.superRefine((v, ctx) => {
  if (v.period !== "custom") return;
  if (!v.from) ctx.addIssue({ code: "custom", path: ["from"], message: m("error.required") });
  if (!v.to) ctx.addIssue({ code: "custom", path: ["to"], message: m("error.required") });
  const issue = v.from && v.to ? customRangeIssue(v.from, v.to) : null;
  if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** The valid parts of a query that failed: the page shows the errors and falls back on these. */
export function lenientDashboardQuery(values: Record<string, string>): DashboardQuery {
  const query: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(DashboardQueryFields.shape)) {
    const value = values[key];
    const parsed = value === undefined || value === "" ? undefined : schema.safeParse(value);
    if (parsed?.success) query[key] = parsed.data;
  }
  const lenient = query as DashboardQuery;
  if (!lenient.from || !lenient.to || customRangeIssue(lenient.from, lenient.to)) {
    delete lenient.from;
    delete lenient.to;
  }
  return lenient;
}

export interface ResolvedPeriod {
  kind: PeriodKind;
  year: number;
  month: number;
  quarter: 1 | 2 | 3 | 4;
  /** The period chosen (whole); the figures measure it up to now (`measurePeriod`). */
  period: Period;
}

/**
 * The period to show for a (valid, or empty after an invalid) query: the current year by default;
 * a month, quarter or year of the given year (the current one if none). The figures judge it at
 * `min(end of period, now)`: a period still running is measured up to now, one not begun is empty.
 */
export function resolvePeriod(query: Omit<DashboardQuery, "unit">, today: string): ResolvedPeriod {
  const thisYear = Number(today.slice(0, 4));
  const year = query.year ?? thisYear;
  const defaultMonth = year === thisYear ? Number(today.slice(5, 7)) : 12;
  const month = query.month ?? defaultMonth;
  const quarter = (query.quarter ?? Math.ceil(defaultMonth / 3)) as 1 | 2 | 3 | 4;
  const custom = query.period === "custom" && query.from && query.to ? { from: query.from, to: query.to } : null;
  const kind = query.period === "custom" && !custom ? "year" : (query.period ?? "year");
  const chosen =
    kind === "month"
      ? monthPeriod(year, month)
      : kind === "quarter"
        ? quarterPeriod(year, quarter)
        : custom
          ? makePeriod(custom.from, custom.to)
          : yearPeriod(year);
  return { kind, year, month, quarter, period: chosen };
}

/** The year whose objectives apply: the year the period ends in. */
export const objectiveYearOf = (period: Period) => Number(period.to.slice(0, 4));

export interface MonthBucket {
  /** `YYYY-MM`. */
  month: string;
  /** The part of the month inside the period (inclusive business dates). */
  from: string;
  to: string;
}

/** The months a period touches, each cut to the period: every one is judged as a period of its own. */
export function monthBuckets(period: Pick<Period, "from" | "to">): MonthBucket[] {
  return monthsOf(period).map((month) => {
    const whole = monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    return {
      month,
      from: whole.from < period.from ? period.from : whole.from,
      to: whole.to > period.to ? period.to : whole.to,
    };
  });
}

// ------------------------------------------------------------ figures from the per-day summary

/** One month × field × channel of `dossier_daily_stat`, summed over the days inside the period. */
export interface DailyStatRow {
  month: string;
  field: ProcedureField;
  channel: Channel;
  received: number;
  transfers: number;
  eTransfers: number;
  finished: number;
  resolved: number;
  early: number;
  onTime: number;
  /** Finished late (or with more than one supplement) in the month; open late ones come from the balance. */
  late: number;
  refused: number;
  withdrawn: number;
  openLateDelta: number;
  overdueDelta: number;
}

/** Per field × channel, before the period starts: dossiers open (received − finished), open and late, overdue. */
export interface OpeningBalance {
  field: ProcedureField;
  channel: Channel;
  open: number;
  openLate: number;
  overdue: number;
}

/**
 * Dossiers the summary counts as late (or overdue) at the end of today that are not late (or
 * overdue) yet now: open ones due today, whose due day is not over. A period measured up to now
 * subtracts these from today's stocks (decision record 0010).
 */
export interface TodayCorrection {
  field: ProcedureField;
  channel: Channel;
  openLate: number;
  overdue: number;
}

export type CellKey = `${ProcedureField}|${Channel}`;
export type Cells = Map<CellKey, OnTimeFigures>;

export interface MonthFigures extends MonthBucket {
  cells: Cells;
}

const cellKey = (field: ProcedureField, channel: Channel): CellKey => `${field}|${channel}`;
const splitKey = (key: CellKey) => key.split("|") as [ProcedureField, Channel];

/**
 * The engine's figures (`computeFigures`) for every month of the period and every field × channel,
 * from the summary: flows of the month as they are; stocks (open at the month's end, and of those
 * the late and the overdue ones) as the opening balance plus the month-by-month running sums. When
 * the period is measured up to now, `today` corrects the last month's stocks to the judgement instant.
 */
export function assembleMonths(
  period: Period,
  rows: readonly DailyStatRow[],
  opening: readonly OpeningBalance[],
  today: readonly TodayCorrection[] = [],
): MonthFigures[] {
  const open = new Map<CellKey, { open: number; openLate: number; overdue: number }>();
  for (const o of opening) open.set(cellKey(o.field, o.channel), { open: o.open, openLate: o.openLate, overdue: o.overdue });
  const byMonth = new Map<string, DailyStatRow[]>();
  for (const r of rows) {
    const key = cellKey(r.field, r.channel);
    if (!open.has(key)) open.set(key, { open: 0, openLate: 0, overdue: 0 });
    const list = byMonth.get(r.month);
    if (list) list.push(r);
    else byMonth.set(r.month, [r]);
  }
  const corrections = new Map(today.map((c) => [cellKey(c.field, c.channel), c]));
  for (const key of corrections.keys()) if (!open.has(key)) open.set(key, { open: 0, openLate: 0, overdue: 0 });
  const buckets = monthBuckets(period);
  return buckets.map((bucket, index) => {
    const flows = new Map<CellKey, DailyStatRow>();
    for (const r of byMonth.get(bucket.month) ?? []) flows.set(cellKey(r.field, r.channel), r);
    const last = index === buckets.length - 1;
    const cells: Cells = new Map();
    for (const [key, stock] of open) {
      const f = flows.get(key);
      const [, channel] = splitKey(key);
      if (f) {
        stock.open += f.received - f.finished;
        stock.openLate += f.openLateDelta;
        stock.overdue += f.overdueDelta;
      }
      const correction = last ? corrections.get(key) : undefined;
      const openLate = stock.openLate - (correction?.openLate ?? 0);
      const figures: OnTimeFigures = {
        received: f?.received ?? 0,
        receivedOnline: f && isOnlineChannel(channel) ? f.received : 0,
        resolved: f?.resolved ?? 0,
        early: f?.early ?? 0,
        onTime: f?.onTime ?? 0,
        late: (f?.late ?? 0) + openLate,
        openLateAtEnd: openLate,
        openNotDue: stock.open - openLate,
        overdueAtEnd: stock.overdue - (correction?.overdue ?? 0),
        refused: f?.refused ?? 0,
        withdrawn: f?.withdrawn ?? 0,
        transfers: f?.transfers ?? 0,
        eTransfers: f?.eTransfers ?? 0,
      };
      if (Object.values(figures).some((v) => v !== 0)) cells.set(key, figures);
    }
    return { ...bucket, cells };
  });
}

/** The months of a period with nothing in them (a period not begun yet). */
export function emptyMonths(period: Pick<Period, "from" | "to">): MonthFigures[] {
  return monthBuckets(period).map((bucket) => ({ ...bucket, cells: new Map() }));
}

const FLOW_KEYS = ["received", "receivedOnline", "resolved", "early", "onTime", "refused", "withdrawn", "transfers", "eTransfers"] as const;

/** The whole period per field × channel: the months' flows added up, the stocks of its last month. */
export function periodCells(months: readonly MonthFigures[]): Cells {
  const result: Cells = new Map();
  const last = months[months.length - 1];
  for (const month of months) {
    for (const [key, f] of month.cells) {
      const into = result.get(key) ?? { ...EMPTY_FIGURES };
      for (const k of FLOW_KEYS) into[k] += f[k];
      into.late += f.late - f.openLateAtEnd;
      result.set(key, into);
    }
  }
  for (const [key, f] of last?.cells ?? []) {
    const into = result.get(key)!;
    into.late += f.openLateAtEnd;
    into.openLateAtEnd = f.openLateAtEnd;
    into.openNotDue = f.openNotDue;
    into.overdueAtEnd = f.overdueAtEnd;
  }
  for (const [key, f] of result) if (Object.values(f).every((v) => v === 0)) result.delete(key);
  return result;
}

export function addFigures(a: OnTimeFigures, b: OnTimeFigures): OnTimeFigures {
  const sum = { ...a };
  for (const k of Object.keys(EMPTY_FIGURES) as (keyof OnTimeFigures)[]) sum[k] += b[k];
  return sum;
}

export function totalOf(cells: Cells, where: (field: ProcedureField, channel: Channel) => boolean = () => true): OnTimeFigures {
  let total = { ...EMPTY_FIGURES };
  for (const [key, f] of cells) {
    const [field, channel] = splitKey(key);
    if (where(field, channel)) total = addFigures(total, f);
  }
  return total;
}

/**
 * Several units' months of one period added month by month and cell by cell (issue 14: a merged
 * unit's figures with its predecessors'). Every count adds up, flows and stocks alike; rates are
 * never added: they are worked out afterwards from the summed counts.
 */
export function sumMonths(parts: readonly (readonly MonthFigures[])[]): MonthFigures[] {
  const [first, ...rest] = parts;
  if (!first) return [];
  return first.map((bucket, index) => {
    const cells: Cells = new Map(bucket.cells);
    for (const part of rest) {
      const other = part[index];
      if (!other || other.month !== bucket.month) throw new Error("sumMonths: the parts are not of one period");
      for (const [key, f] of other.cells) cells.set(key, addFigures(cells.get(key) ?? { ...EMPTY_FIGURES }, f));
    }
    return { month: bucket.month, from: bucket.from, to: bucket.to, cells };
  });
}

/** Cells rolled up by field or by channel (only groups with a figure, as the metrics API lists them). */
export function groupBy(cells: Cells, by: "field" | "channel"): Map<string, OnTimeFigures> {
  const result = new Map<string, OnTimeFigures>();
  for (const [key, f] of cells) {
    const group = splitKey(key)[by === "field" ? 0 : 1];
    result.set(group, addFigures(result.get(group) ?? { ...EMPTY_FIGURES }, f));
  }
  return result;
}

// ----------------------------------------------------------------------------- shaped for the UI

export interface MonthRow extends MonthBucket {
  received: number;
  resolved: number;
  late: number;
  judged: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  byChannel: Record<Channel, number>;
}

export function monthRows(months: readonly MonthFigures[]): MonthRow[] {
  return months.map((mf) => {
    const total = totalOf(mf.cells);
    const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, totalOf(mf.cells, (_f, ch) => ch === c).received])) as Record<Channel, number>;
    const r = rates(total);
    return {
      month: mf.month,
      from: mf.from,
      to: mf.to,
      received: total.received,
      resolved: total.resolved,
      late: total.late,
      judged: total.early + total.onTime + total.late,
      onTimeRate: r.onTimeRate,
      onlineRate: r.onlineRate,
      byChannel,
    };
  });
}

export interface FieldRow {
  field: ProcedureField;
  received: number;
  resolved: number;
  late: number;
  judged: number;
  onTimeRate: number | null;
}

/** Every field with something received or judged in the period, in the catalogue's order. */
export function fieldRows(cells: Cells): FieldRow[] {
  const grouped = groupBy(cells, "field");
  return PROCEDURE_FIELDS.flatMap((field) => {
    const f = grouped.get(field);
    if (!f) return [];
    const judged = f.early + f.onTime + f.late;
    if (f.received === 0 && judged === 0) return [];
    return [{ field, received: f.received, resolved: f.resolved, late: f.late, judged, onTimeRate: rates(f).onTimeRate }];
  });
}

export interface FeedbackCount {
  kind: FeedbackKind;
  state: FeedbackState;
  count: number;
}

export interface FeedbackRow {
  kind: FeedbackKind;
  total: number;
  byState: Record<FeedbackState, number>;
}

export function feedbackRows(counts: readonly FeedbackCount[]): FeedbackRow[] {
  return FEEDBACK_KINDS.map((kind) => {
    const byState = Object.fromEntries(FEEDBACK_STATES.map((s) => [s, 0])) as Record<FeedbackState, number>;
    for (const c of counts) if (c.kind === kind) byState[c.state] += c.count;
    return { kind, total: Object.values(byState).reduce((a, b) => a + b, 0), byState };
  });
}

/** The states that appear in the period (a stacked chart draws only those). */
export function feedbackStatesPresent(rows: readonly FeedbackRow[]): FeedbackState[] {
  return FEEDBACK_STATES.filter((s) => rows.some((r) => r.byState[s] > 0));
}

// ------------------------------------------------------------------------- click-through URLs

/** Which of the register's outcomes a link asks for (added to the register's filters for the dashboard). */
export type RegisterOutcome = "judged" | "resolved" | "late";

export interface RegisterLink {
  from?: string;
  to?: string;
  field?: ProcedureField;
  channel?: Channel;
  outcome?: RegisterOutcome;
  judgedFrom?: string;
  judgedTo?: string;
  overdue?: boolean;
}

/** The dossier register filtered to a bucket, in the register's own query terms (register-filter.ts). */
export function registerUrl(link: RegisterLink): string {
  const params = new URLSearchParams();
  if (link.from) params.set("from", link.from);
  if (link.to) params.set("to", link.to);
  if (link.field) params.set("field", link.field);
  if (link.channel) params.set("channel", link.channel);
  if (link.outcome) params.set("outcome", link.outcome);
  if (link.judgedFrom) params.set("judgedFrom", link.judgedFrom);
  if (link.judgedTo) params.set("judgedTo", link.judgedTo);
  if (link.overdue) params.set("overdue", "1");
  const query = params.toString();
  return query ? `/staff/dossiers?${query}` : "/staff/dossiers";
}

type Span = Pick<MonthBucket, "from" | "to">;
type Narrow = Pick<RegisterLink, "field" | "channel">;

/** Dossiers received in the span (the register's from/to is the reception date). */
export const receivedUrl = (span: Span, narrow: Narrow = {}) => registerUrl({ from: span.from, to: span.to, ...narrow });
/** Dossiers resolved (result ready) in the span: the engine's "resolved". */
export const resolvedUrl = (span: Span, narrow: Narrow = {}) =>
  registerUrl({ ...narrow, outcome: "resolved", judgedFrom: span.from, judgedTo: span.to });
/** Dossiers judged for the span (the on-time rate's denominator): resolved in it, or open and past due at its end. */
export const judgedUrl = (span: Span, narrow: Narrow = {}) =>
  registerUrl({ ...narrow, outcome: "judged", judgedFrom: span.from, judgedTo: span.to });
/** Dossiers judged late for the span: finished late in it, or open and past due at its end. */
export const lateUrl = (span: Span, narrow: Narrow = {}) => registerUrl({ ...narrow, outcome: "late", judgedFrom: span.from, judgedTo: span.to });
export const OVERDUE_NOW_URL = registerUrl({ overdue: true });
export const DOCUMENTS_DUE_URL = "/staff/documents?review=overdue";
/** Nonconformities not closed (merged ones are never listed). */
export const OPEN_NONCONFORMITIES_URL = "/staff/nonconformities?open=1";

/** The dashboard's own query for a period and unit, for the CSV exports and the picker's links. */
export function dashboardQueryString(resolved: Pick<ResolvedPeriod, "kind" | "year" | "month" | "quarter" | "period">, unitId?: number): string {
  const params = new URLSearchParams({ period: resolved.kind });
  if (resolved.kind === "custom") {
    params.set("from", resolved.period.from);
    params.set("to", resolved.period.to);
  } else {
    params.set("year", String(resolved.year));
    if (resolved.kind === "month") params.set("month", String(resolved.month));
    if (resolved.kind === "quarter") params.set("quarter", String(resolved.quarter));
  }
  if (unitId !== undefined) params.set("unit", String(unitId));
  return params.toString();
}

// ------------------------------------------------------------------------------- key figures

export const FIGURE_KEYS = [
  "received",
  "resolved",
  "on_time_rate",
  "online_rate",
  "e_transfer_rate",
  "satisfaction_rate",
  "complaints_on_time_rate",
  "open_nonconformities",
  "overdue_actions",
  "documents_due",
  "overdue_now",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface Target {
  comparator: ">=" | "<=";
  target: number;
}

export interface KeyFigure {
  key: FigureKey;
  kind: "rate" | "count";
  value: number | null;
  target: Target | null;
  status: ObjectiveStatus | "none";
  /** What the figure counts, in numbers (e.g. late / judged), with the records of its first number. */
  detail: { key: MessageKey; params: Record<string, number>; href?: string | null } | null;
  /** The register or list with exactly the records it counts, where such a filter exists. */
  href: string | null;
}

export interface KeyFigureInput {
  /** The period measured (its `endInstant` is the judgement instant). */
  period: Period;
  status: PeriodStatus;
  totals: OnTimeFigures;
  satisfaction: { satisfied: number; rated: number };
  answers: { onTime: number; judged: number };
  nonconformities: { open: number; overdue: number; openActions: number; overdueActions: number };
  documentsDue: number;
  targets: Partial<Record<ObjectiveMetric, Target>>;
  /** Which lists the viewer may open (and that list this unit's records). */
  canOpen: ListAccess;
}

/** Which lists a dashboard's links may point to: those the viewer may open and that show this unit. */
export interface ListAccess {
  register: boolean;
  documents: boolean;
  nonconformities: boolean;
}

/**
 * The lists a viewer's links may open: those among `openablePaths` (the staff areas the user may
 * open), and only for the user's own unit, since every list shows the user's own unit.
 */
export function listAccess(openablePaths: ReadonlySet<string>, ownUnit: boolean): ListAccess {
  return {
    register: ownUnit && openablePaths.has("/staff/dossiers"),
    documents: ownUnit && openablePaths.has("/staff/documents"),
    nonconformities: ownUnit && openablePaths.has("/staff/nonconformities"),
  };
}

export function buildKeyFigures(input: KeyFigureInput): KeyFigure[] {
  const { totals, period, targets, canOpen } = input;
  const r = rates(totals);
  const judged = totals.early + totals.onTime + totals.late;
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  const figure = (
    key: FigureKey,
    kind: KeyFigure["kind"],
    value: number | null,
    metric: ObjectiveMetric | null,
    detail: KeyFigure["detail"],
    href: string | null,
  ): KeyFigure => {
    const target = metric ? (targets[metric] ?? null) : null;
    return { key, kind, value, target, status: target ? objectiveStatus(target.comparator, target.target, value) : "none", detail, href };
  };
  const register = (url: string) => (canOpen.register ? url : null);
  const nc = input.nonconformities;
  return [
    figure("received", "count", totals.received, null, null, register(receivedUrl(period))),
    figure("resolved", "count", totals.resolved, null, null, register(resolvedUrl(period))),
    figure(
      "on_time_rate",
      "rate",
      r.onTimeRate,
      "on_time_rate",
      { key: "dashboard.detail.late", params: { late: totals.late, judged }, href: register(lateUrl(period)) },
      register(judgedUrl(period)),
    ),
    figure("online_rate", "rate", r.onlineRate, "online_rate", { key: "dashboard.detail.online", params: { online: totals.receivedOnline, received: totals.received } }, null),
    figure("e_transfer_rate", "rate", r.eTransferRate, "e_transfer_rate", { key: "dashboard.detail.eTransfers", params: { electronic: totals.eTransfers, transfers: totals.transfers } }, null),
    figure(
      "satisfaction_rate",
      "rate",
      ratio(input.satisfaction.satisfied, input.satisfaction.rated),
      "satisfaction_rate",
      { key: "dashboard.detail.ratings", params: { satisfied: input.satisfaction.satisfied, rated: input.satisfaction.rated } },
      null,
    ),
    figure(
      "complaints_on_time_rate",
      "rate",
      ratio(input.answers.onTime, input.answers.judged),
      "complaints_on_time_rate",
      { key: "dashboard.detail.answers", params: { onTime: input.answers.onTime, judged: input.answers.judged } },
      null,
    ),
    figure(
      "open_nonconformities",
      "count",
      nc.open,
      null,
      { key: "dashboard.detail.nonconformities", params: { overdue: nc.overdue } },
      canOpen.nonconformities ? OPEN_NONCONFORMITIES_URL : null,
    ),
    figure("overdue_actions", "count", nc.overdueActions, null, { key: "dashboard.detail.actions", params: { open: nc.openActions } }, null),
    figure("documents_due", "count", input.documentsDue, null, null, canOpen.documents ? DOCUMENTS_DUE_URL : null),
    figure(
      "overdue_now",
      "count",
      input.status === "future" ? null : totals.overdueAtEnd,
      "overdue_now",
      null,
      input.status === "current" ? register(OVERDUE_NOW_URL) : null,
    ),
  ];
}

// ------------------------------------------------------------------- tables (screen and CSV)

/** A table cell: a translated label, plain text, a count or a rate (0–1), optionally a link. */
export type Cell =
  | { label: MessageKey }
  | { text: string }
  | { count: number | null; href?: string | null }
  | { rate: number | null; href?: string | null }
  | { points: number | null };

export interface TableSpec {
  caption: MessageKey;
  columns: MessageKey[];
  rows: Cell[][];
}

export const DASHBOARD_TABLES = ["figures", "monthly", "on-time", "channels", "fields", "feedback", "service-index", "service-index-trend"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** `03/2024`: the same in both languages. */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export interface DashboardTableInput {
  period: Span;
  figures: readonly KeyFigure[];
  months: readonly MonthRow[];
  fields: readonly FieldRow[];
  feedback: readonly FeedbackRow[];
  serviceIndex: ServiceIndexView;
  /** Links to the register only when the viewer may open it for this unit. */
  linkRegister: boolean;
}

/** The scorecard as a page shows it: the period's card and its monthly trend. */
export interface ServiceIndexView {
  scorecard: Scorecard | null;
  months: ReadonlyArray<{ month: string; total: number | null; measuredMaxTotal: number }>;
}

/** The scorecard as a table: each group, then its indicators (value, points, maximum, or why not measured). */
export function serviceIndexTable(card: Scorecard | null): TableSpec {
  const rows: Cell[][] = [];
  for (const group of card?.groups ?? []) {
    rows.push([{ text: `${group.code}. ${group.name}` }, { text: "" }, { points: group.points }, { points: group.maxPoints }, { text: "" }]);
    for (const i of group.indicators) {
      rows.push([
        { text: `${i.code} ${i.name}` },
        i.measured ? { rate: i.value } : { text: "" },
        { points: i.points },
        { points: i.maxPoints },
        i.reason ? { label: i.reason } : { text: i.denominator === null ? "" : `${i.numerator}/${i.denominator}` },
      ]);
    }
  }
  if (card) rows.push([{ label: "dashboard.col.total" }, { text: "" }, { points: card.total }, { points: card.maxTotal }, { text: "" }]);
  return {
    caption: "serviceIndex.table.caption",
    columns: ["serviceIndex.col.indicator", "serviceIndex.col.value", "serviceIndex.col.points", "serviceIndex.col.maxPoints", "serviceIndex.col.basis"],
    rows,
  };
}

export function serviceIndexTrendTable(months: ServiceIndexView["months"]): TableSpec {
  return {
    caption: "serviceIndex.trend.caption",
    columns: ["dashboard.col.month", "serviceIndex.col.points", "serviceIndex.col.measuredMax"],
    rows: months.map((m) => [{ text: monthLabel(m.month) }, { points: m.total }, { points: m.measuredMaxTotal }]),
  };
}

/** Every table of the dashboard: the accessible tables beside the charts and the CSV exports read these. */
export function dashboardTables(input: DashboardTableInput): Record<DashboardTable, TableSpec> {
  const link = (url: string) => (input.linkRegister ? url : null);
  return {
    figures: {
      caption: "dashboard.table.figures",
      columns: ["dashboard.col.figure", "dashboard.col.value", "dashboard.col.target"],
      rows: input.figures.map((f) => [
        { label: `dashboard.figure.${f.key}` },
        f.kind === "rate" ? { rate: f.value, href: f.href } : { count: f.value, href: f.href },
        f.target ? { text: `${f.target.comparator} ${f.kind === "rate" ? `${round1(f.target.target * 100)}%` : f.target.target}` } : { text: "" },
      ]),
    },
    monthly: {
      caption: "dashboard.table.monthly",
      columns: ["dashboard.col.month", "dashboard.col.received", "dashboard.col.resolved"],
      rows: input.months.map((r) => [
        { text: monthLabel(r.month) },
        { count: r.received, href: link(receivedUrl(r)) },
        { count: r.resolved, href: link(resolvedUrl(r)) },
      ]),
    },
    "on-time": {
      caption: "dashboard.table.onTime",
      columns: ["dashboard.col.month", "dashboard.col.judged", "dashboard.col.late", "dashboard.col.onTimeRate"],
      rows: input.months.map((r) => [
        { text: monthLabel(r.month) },
        { count: r.judged, href: link(judgedUrl(r)) },
        { count: r.late, href: link(lateUrl(r)) },
        { rate: r.onTimeRate },
      ]),
    },
    channels: {
      caption: "dashboard.table.channels",
      columns: ["dashboard.col.month", ...CHANNELS.map((c) => `channel.${c}` as const), "dashboard.col.onlineRate"],
      rows: input.months.map((r) => [
        { text: monthLabel(r.month) },
        ...CHANNELS.map((c) => ({ count: r.byChannel[c], href: link(receivedUrl(r, { channel: c })) })),
        { rate: r.onlineRate },
      ]),
    },
    fields: {
      caption: "dashboard.table.fields",
      columns: ["dashboard.col.field", "dashboard.col.received", "dashboard.col.resolved", "dashboard.col.late", "dashboard.col.onTimeRate"],
      rows: input.fields.map((r) => [
        { label: `procedureField.${r.field}` },
        { count: r.received, href: link(receivedUrl(input.period, { field: r.field })) },
        { count: r.resolved, href: link(resolvedUrl(input.period, { field: r.field })) },
        { count: r.late, href: link(lateUrl(input.period, { field: r.field })) },
        { rate: r.onTimeRate },
      ]),
    },
    feedback: {
      caption: "dashboard.table.feedback",
      columns: ["dashboard.col.kind", ...FEEDBACK_STATES.map((s) => `feedbackState.${s}` as const), "dashboard.col.total"],
      rows: input.feedback.map((r) => [{ label: `feedbackKind.${r.kind}` }, ...FEEDBACK_STATES.map((s) => ({ count: r.byState[s] })), { count: r.total }]),
    },
    "service-index": serviceIndexTable(input.serviceIndex.scorecard),
    "service-index-trend": serviceIndexTrendTable(input.serviceIndex.months),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A cell as CSV text: counts as integers, rates as percentages as pages show them (dot decimals), links dropped. */
export function csvCell(cell: Cell, t: (key: MessageKey) => string): string {
  if ("label" in cell) return t(cell.label);
  if ("text" in cell) return cell.text;
  if ("count" in cell) return cell.count === null ? "" : String(cell.count);
  if ("points" in cell) return cell.points === null ? "" : String(Math.round(cell.points * 100) / 100);
  return cell.rate === null ? "" : String(displayPercent(cell.rate).percent);
}

// ---------------------------------------------------------------------- the public page's figures

export interface FeedbackMonth {
  month: string;
  received: number;
  answered: number;
}

/** Feedback received and answered per month of the period (zero months included, for the chart). */
export function feedbackMonths(period: Period, counts: readonly FeedbackMonth[]): FeedbackMonth[] {
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  return monthBuckets(period).map(({ month }) => ({ month, received: byMonth.get(month)?.received ?? 0, answered: byMonth.get(month)?.answered ?? 0 }));
}

export const TRANSPARENCY_TABLES = ["on-time", "fields", "online", "feedback"] as const;
export type TransparencyTable = (typeof TRANSPARENCY_TABLES)[number];

/** The public page's tables: aggregates only, no links. */
export function transparencyTables(input: {
  months: readonly MonthRow[];
  fields: readonly FieldRow[];
  feedback: readonly FeedbackMonth[];
}): Record<TransparencyTable, TableSpec> {
  return {
    "on-time": {
      caption: "transparency.table.onTime",
      columns: ["dashboard.col.month", "dashboard.col.received", "dashboard.col.resolved", "dashboard.col.judged", "dashboard.col.late", "dashboard.col.onTimeRate"],
      rows: input.months.map((r) => [
        { text: monthLabel(r.month) },
        { count: r.received },
        { count: r.resolved },
        { count: r.judged },
        { count: r.late },
        { rate: r.onTimeRate },
      ]),
    },
    fields: {
      caption: "transparency.table.fields",
      columns: ["dashboard.col.field", "dashboard.col.received", "dashboard.col.resolved", "dashboard.col.late", "dashboard.col.onTimeRate"],
      rows: input.fields.map((r) => [{ label: `procedureField.${r.field}` }, { count: r.received }, { count: r.resolved }, { count: r.late }, { rate: r.onTimeRate }]),
    },
    online: {
      caption: "transparency.table.online",
      columns: ["dashboard.col.month", "dashboard.col.received", "transparency.col.online", "dashboard.col.onlineRate"],
      rows: input.months.map((r) => [
        { text: monthLabel(r.month) },
        { count: r.received },
        { count: CHANNELS.filter(isOnlineChannel).reduce((n, c) => n + r.byChannel[c], 0) },
        { rate: r.onlineRate },
      ]),
    },
    feedback: {
      caption: "transparency.table.feedback",
      columns: ["dashboard.col.month", "transparency.col.feedbackReceived", "transparency.col.feedbackAnswered"],
      rows: input.feedback.map((r) => [{ text: monthLabel(r.month) }, { count: r.received }, { count: r.answered }]),
    },
  };
}
