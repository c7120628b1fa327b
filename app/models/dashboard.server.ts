import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  buildKeyFigures,
  feedbackMonths,
  feedbackRows,
  fieldRows,
  monthRows,
  objectiveYearOf,
  type FeedbackCount,
  type FeedbackMonth,
  type ListAccess,
  type Target,
} from "~/domain/metrics/dashboard";
import type { ObjectiveMetric } from "~/domain/metrics/objectives";
import { rates, type Period } from "~/domain/metrics/on-time";
import { answerTimeliness, windowOf } from "~/domain/metrics/feedback-figures";
import type { MeasuredPeriod } from "~/domain/metrics/period";
import { satisfactionRate } from "~/domain/metrics/service-counts";
import { businessDateOf } from "~/utils/clock";
import { listOverdueReviews } from "./documents.server";
import type { Language } from "~/i18n";
import { listFeedbackForFigures } from "./feedback-figures.server";
import { getCombinedPeriodFigures, getPeriodFigures } from "./figures.server";
import { getServiceIndex } from "./service-index.server";
import { countWhere } from "#db/sql";

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


/** Citizens' items received in the period by kind and current state (spam and duplicates left out). */
export async function countFeedbackByKindAndState(db: Kysely<Database>, unitId: number, measured: MeasuredPeriod): Promise<FeedbackCount[]> {
  return (await countFeedbackByKindAndStateByUnit(db, [unitId], measured)).get(unitId) ?? [];
}

/** `countFeedbackByKindAndState` for several units in one query. */
export async function countFeedbackByKindAndStateByUnit(
  db: Kysely<Database>,
  unitIds: readonly number[],
  measured: MeasuredPeriod,
): Promise<Map<number, FeedbackCount[]>> {
  const byUnit = new Map<number, FeedbackCount[]>(unitIds.map((id) => [id, []]));
  const window = windowOf(measured);
  if (!window || unitIds.length === 0) return byUnit;
  const rows = await db
    .selectFrom("feedback_item")
    .select(["unit_id", "kind", "state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("unit_id", "in", unitIds)
    .where("hidden_reason", "is", null)
    .where("received_at", ">=", window.start)
    .where("received_at", "<", window.end)
    .groupBy(["unit_id", "kind", "state"])
    .execute();
  for (const r of rows) byUnit.get(r.unit_id)?.push({ kind: r.kind, state: r.state, count: Number(r.n) });
  return byUnit;
}

/** Answers to feedback, recommendations and complaints judged for the period (`answerTimeliness`). */
export async function countAnswerTimeliness(db: Kysely<Database>, unitId: number, measured: MeasuredPeriod) {
  const window = windowOf(measured);
  if (!window) return { answered: 0, onTime: 0, openLate: 0, judged: 0 };
  return answerTimeliness(await listFeedbackForFigures(db, unitId, window), window);
}

/** `countAnswerTimeliness` over several units' items at once (a combined view). */
async function countCombinedAnswerTimeliness(db: Kysely<Database>, unitIds: readonly number[], measured: MeasuredPeriod) {
  const window = windowOf(measured);
  if (!window) return { answered: 0, onTime: 0, openLate: 0, judged: 0 };
  const items = await Promise.all(unitIds.map((id) => listFeedbackForFigures(db, id, window)));
  return answerTimeliness(items.flat(), window);
}

/** Feedback received and answered per month (business months in Vietnam). */
export async function countFeedbackByMonth(db: Kysely<Database>, unitId: number, measured: MeasuredPeriod): Promise<FeedbackMonth[]> {
  const window = windowOf(measured);
  if (!window) return [];
  const { start, end } = window;
  const [received, answered] = await Promise.all([
    db
      .selectFrom("feedback_item")
      .select("received_at as at")
      .where("unit_id", "=", unitId)
      .where("hidden_reason", "is", null)
      .where("received_at", ">=", start)
      .where("received_at", "<", end)
      .execute(),
    db
      .selectFrom("feedback_item")
      .select("answered_at as at")
      .where("unit_id", "=", unitId)
      .where("hidden_reason", "is", null)
      .where("answered_at", ">=", start)
      .where("answered_at", "<", end)
      .execute(),
  ]);
  const months = new Map<string, FeedbackMonth>();
  const slot = (at: string) => {
    const month = businessDateOf(new Date(at)).slice(0, 7);
    return months.get(month) ?? months.set(month, { month, received: 0, answered: 0 }).get(month)!;
  };
  for (const r of received) slot(r.at).received += 1;
  for (const r of answered) if (r.at) slot(r.at).answered += 1;
  return [...months.values()];
}

/** Open nonconformities (not closed, not merged) and their corrective actions, now. */
export async function countNonconformities(db: Kysely<Database>, unitId: number, today: string) {
  const row = await db
    .selectFrom("nonconformity as n")
    .select([
      (eb) => eb.fn.countAll<number>().as("open"),
      countWhere(sql`exists (select 1 from corrective_action a where a.nonconformity_id = n.id and a.status = 'planned' and a.due_date < ${today})`).as("overdue"),
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
 * Everything the staff dashboard shows for a unit and a period as chosen: the key figures against the
 * year's targets, the months, the fields and the feedback, all measured by `getPeriodFigures` (judged
 * at `min(end, now)`). `canOpen` says which lists its links may point to.
 */
export async function getDashboard(
  db: Kysely<Database>,
  unitId: number,
  chosen: Period,
  now: Date,
  canOpen: ListAccess = { register: true, documents: true, nonconformities: true },
  language: Language = "vi",
  /**
   * Predecessors whose figures are added to the unit's (issue 14, a merged unit's combined view):
   * the dossier and feedback counts are summed and every rate worked out from the sums; the
   * Decision 766 scorecard, a judgement of one unit's catalogue, is not combined.
   */
  combineWith: readonly number[] = [],
) {
  const today = businessDateOf(now);
  const combined = combineWith.length > 0;
  const unitIds = [unitId, ...combineWith];
  const figures = combined ? await getCombinedPeriodFigures(db, unitIds, chosen, now) : await getPeriodFigures(db, unitId, chosen, now);
  const { period } = figures.measured;
  const [serviceIndex, answers, nonconformities, documentsDue, targets, feedback] = await Promise.all([
    combined ? { scorecard: null, months: [] } : getServiceIndex(db, unitId, chosen, now, language, figures),
    combined ? countCombinedAnswerTimeliness(db, unitIds, figures.measured) : countAnswerTimeliness(db, unitId, figures.measured),
    countNonconformities(db, unitId, today),
    listOverdueReviews(db, unitId, today),
    getTargets(db, unitId, objectiveYearOf(chosen)),
    Promise.all(unitIds.map((id) => countFeedbackByKindAndState(db, id, figures.measured))).then((lists) => lists.flat()),
  ]);
  const { totals } = figures;
  const ratings = figures.service.total;
  return {
    measured: figures.measured,
    totals: { ...totals, ...rates(totals) },
    figures: buildKeyFigures({
      period,
      status: figures.measured.status,
      totals,
      satisfaction: ratings,
      answers,
      nonconformities,
      documentsDue: documentsDue.length,
      targets,
      canOpen,
    }),
    months: monthRows(figures.months),
    fields: fieldRows(figures.cells),
    feedback: feedbackRows(feedback),
    serviceIndex: { scorecard: serviceIndex.scorecard, months: serviceIndex.months },
    onlineTarget: targets.online_rate?.target ?? null,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** The public page's aggregates: no record, no name, no note; figures only. */
export async function getTransparency(db: Kysely<Database>, unitId: number, chosen: Period, now: Date, language: Language = "vi") {
  const figures = await getPeriodFigures(db, unitId, chosen, now);
  const [serviceIndex, feedback, targets] = await Promise.all([
    getServiceIndex(db, unitId, chosen, now, language, figures),
    countFeedbackByMonth(db, unitId, figures.measured),
    getTargets(db, unitId, objectiveYearOf(chosen)),
  ]);
  const { totals } = figures;
  const ratings = figures.service.total;
  const feedbackByMonth = feedbackMonths(figures.measured.status === "future" ? chosen : figures.measured.period, feedback);
  return {
    measured: figures.measured,
    totals: { received: totals.received, resolved: totals.resolved, late: totals.late, overdueNow: totals.overdueAtEnd, ...rates(totals) },
    satisfaction: { rated: ratings.rated, satisfied: ratings.satisfied, rate: satisfactionRate(ratings) },
    feedback: {
      received: feedbackByMonth.reduce((n, f) => n + f.received, 0),
      answered: feedbackByMonth.reduce((n, f) => n + f.answered, 0),
      months: feedbackByMonth,
    },
    months: monthRows(figures.months),
    fields: fieldRows(figures.cells),
    serviceIndex: { scorecard: serviceIndex.scorecard, months: serviceIndex.months },
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
