import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  assembleMonths,
  buildKeyFigures,
  feedbackMonths,
  feedbackRows,
  fieldRows,
  monthRows,
  objectiveYearOf,
  periodCells,
  totalOf,
  type DailyStatRow,
  type FeedbackCount,
  type FeedbackMonth,
  type ListAccess,
  type OpeningBalance,
  type Target,
} from "~/domain/metrics/dashboard";
import type { ObjectiveMetric } from "~/domain/metrics/objectives";
import { rates, type Period } from "~/domain/metrics/on-time";
import { businessDateOf, businessDayStart } from "~/utils/clock";
import { listOverdueReviews } from "./documents.server";
import { countOverdueNow } from "./metrics.server";
import { countWhere, localMonthOf } from "#db/sql";

/** The user's unit and every unit below it (units a district or province user may look at). */
export async function listVisibleUnits(db: Kysely<Database>, unitId: number): Promise<{ id: number; name: string }[]> {
  return db
    .withRecursive("tree(id)", (qb) =>
      qb
        .selectFrom("unit")
        .select("unit.id")
        .where("unit.id", "=", unitId)
        .unionAll((qb2) => qb2.selectFrom("unit").innerJoin("tree", "tree.id", "unit.parent_id").select("unit.id")),
    )
    .selectFrom("unit")
    .innerJoin("tree", "tree.id", "unit.id")
    .select(["unit.id", "unit.name"])
    .orderBy(sql`unit.id = ${unitId}`, "desc")
    .orderBy("unit.name")
    .execute();
}

/**
 * The per-day summary (`dossier_daily_stat`, kept by triggers) read for a period: the flows of each
 * month × field × channel inside it, and the balances before it (dossiers open, and open and late).
 * Two range scans of the summary's primary key, whatever the number of dossiers.
 */
export async function readDailyStats(
  db: Kysely<Database>,
  unitId: number,
  period: Period,
): Promise<{ rows: DailyStatRow[]; opening: OpeningBalance[] }> {
  const [rows, opening] = await Promise.all([
    db
      .selectFrom("dossier_daily_stat")
      .select((eb) => [
        sql<string>`substr(date, 1, 7)`.as("month"),
        "field",
        "channel",
        eb.fn.sum<number>("received").as("received"),
        eb.fn.sum<number>("transfers").as("transfers"),
        eb.fn.sum<number>("e_transfers").as("e_transfers"),
        eb.fn.sum<number>("finished").as("finished"),
        eb.fn.sum<number>("resolved").as("resolved"),
        eb.fn.sum<number>("early").as("early"),
        eb.fn.sum<number>("on_time").as("on_time"),
        eb.fn.sum<number>("late").as("late"),
        eb.fn.sum<number>("refused").as("refused"),
        eb.fn.sum<number>("withdrawn").as("withdrawn"),
        eb.fn.sum<number>("open_late_delta").as("open_late_delta"),
      ])
      .where("unit_id", "=", unitId)
      .where("date", ">=", period.from)
      .where("date", "<=", period.to)
      .groupBy(["month", "field", "channel"])
      .execute(),
    db
      .selectFrom("dossier_daily_stat")
      .select([
        "field",
        "channel",
        sql<number>`sum(received - finished)`.as("open"),
        sql<number>`sum(open_late_delta)`.as("open_late"),
      ])
      .where("unit_id", "=", unitId)
      .where("date", "<", period.from)
      .groupBy(["field", "channel"])
      .execute(),
  ]);
  return {
    rows: rows.map((r) => ({
      month: r.month,
      field: r.field,
      channel: r.channel,
      received: Number(r.received),
      transfers: Number(r.transfers),
      eTransfers: Number(r.e_transfers),
      finished: Number(r.finished),
      resolved: Number(r.resolved),
      early: Number(r.early),
      onTime: Number(r.on_time),
      late: Number(r.late),
      refused: Number(r.refused),
      withdrawn: Number(r.withdrawn),
      openLateDelta: Number(r.open_late_delta),
    })),
    opening: opening.map((o) => ({ field: o.field, channel: o.channel, open: Number(o.open), openLate: Number(o.open_late) })),
  };
}

/** The engine's figures for each month of the period and for the whole period, per field × channel. */
export async function computeMonthlyFigures(db: Kysely<Database>, unitId: number, period: Period) {
  const { rows, opening } = await readDailyStats(db, unitId, period);
  const months = assembleMonths(period, rows, opening);
  return { months, cells: periodCells(months) };
}

const startInstant = (period: Period) => businessDayStart(period.from).toISOString();

/** Citizens' items received in the period by kind and current state (spam and duplicates left out). */
export async function countFeedbackByKindAndState(db: Kysely<Database>, unitId: number, period: Period): Promise<FeedbackCount[]> {
  const rows = await db
    .selectFrom("feedback_item")
    .select(["kind", "state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("unit_id", "=", unitId)
    .where("hidden_reason", "is", null)
    .where("received_at", ">=", startInstant(period))
    .where("received_at", "<", period.endInstant)
    .groupBy(["kind", "state"])
    .execute();
  return rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.n) }));
}

/**
 * Answers to feedback, recommendations and complaints, judged like dossiers: answered in the period
 * (on time when by the resolution deadline), or still unanswered at its end and past that deadline.
 * Items not accepted or forwarded get no answer of ours and are left out; so are compliments.
 */
export async function countAnswerTimeliness(db: Kysely<Database>, unitId: number, period: Period) {
  const start = startInstant(period);
  const end = period.endInstant;
  const row = await db
    .selectFrom("feedback_item")
    .select([
      countWhere(sql`answered_at >= ${start} and answered_at < ${end}`).as("answered"),
      countWhere(sql`answered_at >= ${start} and answered_at < ${end} and (resolution_due_at is null or answered_at <= resolution_due_at)`).as(
        "on_time",
      ),
      countWhere(sql`received_at < ${end} and (answered_at is null or answered_at >= ${end})
        and (closed_at is null or closed_at >= ${end}) and resolution_due_at < ${end}`).as("open_late"),
    ])
    .where("unit_id", "=", unitId)
    .where("hidden_reason", "is", null)
    .where("kind", "in", ["feedback", "recommendation", "complaint"])
    .where("not_accepted_reason", "is", null)
    .where("forwarded_to", "is", null)
    .executeTakeFirstOrThrow();
  const answered = Number(row.answered);
  return { answered, onTime: Number(row.on_time), openLate: Number(row.open_late), judged: answered + Number(row.open_late) };
}

/** Feedback received and answered per month (business months in Vietnam). */
export async function countFeedbackByMonth(db: Kysely<Database>, unitId: number, period: Period): Promise<FeedbackMonth[]> {
  const start = startInstant(period);
  const end = period.endInstant;
  const month = (column: "received_at" | "answered_at") => localMonthOf(db, sql.ref(column));
  const [received, answered] = await Promise.all([
    db
      .selectFrom("feedback_item")
      .select([month("received_at").as("month"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("unit_id", "=", unitId)
      .where("hidden_reason", "is", null)
      .where("received_at", ">=", start)
      .where("received_at", "<", end)
      .groupBy("month")
      .execute(),
    db
      .selectFrom("feedback_item")
      .select([month("answered_at").as("month"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("unit_id", "=", unitId)
      .where("hidden_reason", "is", null)
      .where("answered_at", ">=", start)
      .where("answered_at", "<", end)
      .groupBy("month")
      .execute(),
  ]);
  const months = new Map<string, FeedbackMonth>();
  const slot = (m: string) => months.get(m) ?? months.set(m, { month: m, received: 0, answered: 0 }).get(m)!;
  for (const r of received) slot(r.month).received = Number(r.n);
  for (const r of answered) slot(r.month).answered = Number(r.n);
  return [...months.values()];
}

/** Ratings given in the period (from the summary): satisfaction = (very satisfied + satisfied) / rated. */
export async function countRatings(db: Kysely<Database>, unitId: number, period: Period) {
  const row = await db
    .selectFrom("dossier_daily_stat")
    .select([sql<number>`coalesce(sum(rated), 0)`.as("rated"), sql<number>`coalesce(sum(satisfied), 0)`.as("satisfied")])
    .where("unit_id", "=", unitId)
    .where("date", ">=", period.from)
    .where("date", "<=", period.to)
    .executeTakeFirstOrThrow();
  return { rated: Number(row.rated), satisfied: Number(row.satisfied) };
}

/** Open nonconformities (not closed, not merged) and their corrective actions, now. */
export async function countNonconformities(db: Kysely<Database>, unitId: number, today: string) {
  const row = await db
    .selectFrom("nonconformity as n")
    .select([
      (eb) => eb.fn.countAll<number>().as("open"),
      countWhere(sql`exists (select 1 from corrective_action a where a.nonconformity_id = n.id and a.status = 'planned' and a.due_date < ${today})`).as(
        "overdue",
      ),
    ])
    .where("n.unit_id", "=", unitId)
    .where("n.state", "<>", "closed")
    .where("n.merged_into_id", "is", null)
    .executeTakeFirstOrThrow();
  const actions = await db
    .selectFrom("corrective_action as a")
    .innerJoin("nonconformity as n", "n.id", "a.nonconformity_id")
    .select([
      (eb) => eb.fn.countAll<number>().as("open"),
      countWhere(sql`a.due_date < ${today}`).as("overdue"),
    ])
    .where("n.unit_id", "=", unitId)
    .where("n.merged_into_id", "is", null)
    .where("a.status", "=", "planned")
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue), openActions: Number(actions.open), overdueActions: Number(actions.overdue) };
}

/** The unit's targets for a year, per metric (the first objective of each metric). */
export async function getTargets(db: Kysely<Database>, unitId: number, year: number): Promise<Partial<Record<ObjectiveMetric, Target>>> {
  const rows = await db
    .selectFrom("quality_objective")
    .select(["metric", "comparator", "target"])
    .where("unit_id", "=", unitId)
    .where("year", "=", year)
    .orderBy("id", "desc")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.metric, { comparator: r.comparator, target: r.target }]));
}

/**
 * Everything the staff dashboard shows for a unit and period: the key figures against the year's
 * targets, the months, the fields and the feedback. `canOpen` says which lists its links may point to.
 */
export async function getDashboard(
  db: Kysely<Database>,
  unitId: number,
  period: Period,
  now: Date,
  canOpen: ListAccess = { register: true, documents: true, nonconformities: true },
) {
  const today = businessDateOf(now);
  const { months, cells } = await computeMonthlyFigures(db, unitId, period);
  const [ratings, answers, nonconformities, documentsDue, overdueNow, targets, feedback] = await Promise.all([
    countRatings(db, unitId, period),
    countAnswerTimeliness(db, unitId, period),
    countNonconformities(db, unitId, today),
    listOverdueReviews(db, unitId, today),
    countOverdueNow(db, unitId, now),
    getTargets(db, unitId, objectiveYearOf(period)),
    countFeedbackByKindAndState(db, unitId, period),
  ]);
  const totals = totalOf(cells);
  return {
    totals: { ...totals, ...rates(totals) },
    figures: buildKeyFigures({
      period,
      totals,
      satisfaction: ratings,
      answers,
      nonconformities,
      documentsDue: documentsDue.length,
      overdueNow,
      targets,
      canOpen,
    }),
    months: monthRows(months),
    fields: fieldRows(cells),
    feedback: feedbackRows(feedback),
    onlineTarget: targets.online_rate?.target ?? null,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** The public page's aggregates: no record, no name, no note; figures only. */
export async function getTransparency(db: Kysely<Database>, unitId: number, period: Period) {
  const [{ months, cells }, ratings, feedback, targets] = await Promise.all([
    computeMonthlyFigures(db, unitId, period),
    countRatings(db, unitId, period),
    countFeedbackByMonth(db, unitId, period),
    getTargets(db, unitId, objectiveYearOf(period)),
  ]);
  const totals = totalOf(cells);
  const feedbackByMonth = feedbackMonths(period, feedback);
  return {
    totals: { received: totals.received, resolved: totals.resolved, late: totals.late, ...rates(totals) },
    satisfaction: { ...ratings, rate: ratings.rated === 0 ? null : ratings.satisfied / ratings.rated },
    feedback: {
      received: feedbackByMonth.reduce((n, f) => n + f.received, 0),
      answered: feedbackByMonth.reduce((n, f) => n + f.answered, 0),
      months: feedbackByMonth,
    },
    months: monthRows(months),
    fields: fieldRows(cells),
    onlineTarget: targets.online_rate?.target ?? null,
  };
}

export type Transparency = Awaited<ReturnType<typeof getTransparency>>;

/** The first and last years with dossiers received, for the year pickers. */
export async function getDataYears(db: Kysely<Database>, unitId: number): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom("dossier_daily_stat")
    .select((eb) => [eb.fn.min("date").as("first"), eb.fn.max("date").as("last")])
    .where("unit_id", "=", unitId)
    .where("received", ">", 0)
    .executeTakeFirst();
  if (!row?.first || !row.last) return null;
  return { first: Number(String(row.first).slice(0, 4)), last: Number(String(row.last).slice(0, 4)) };
}

/** The unit a dashboard shows: the one asked for if the user may see it, else the user's own. */
export async function resolveDashboardUnit(db: Kysely<Database>, userUnitId: number, requested: number | undefined) {
  const units = await listVisibleUnits(db, userUnitId);
  const chosen = requested === undefined ? undefined : units.find((u) => u.id === requested);
  const own = units.find((u) => u.id === userUnitId) ?? { id: userUnitId, name: "" };
  return { units, unit: chosen ?? own, refused: requested !== undefined && !chosen };
}
