import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { EMPTY_FIGURES, judgementDate, MAX_SUPPLEMENTS_ON_TIME, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { measurePeriod } from "~/domain/metrics/period";
import { countWhere } from "#db/sql";
import { businessDayStart } from "~/utils/clock";

export type Breakdown = "total" | "field" | "channel" | "procedure" | "month";

const groupExpressions = {
  total: sql<string>`'total'`,
  field: sql<string>`field`,
  channel: sql<string>`channel`,
  procedure: sql<string>`cast(procedure_id as text)`,
} as const;


/*
 * The engine's rules (app/domain/metrics/on-time.ts) as SQL conditions on a dossier row, in one place
 * for the engine's passes, the register's filters and the late-dossier list. `period` is measured:
 * its `endInstant` is the judgement instant.
 */
const waiting = sql`(dossier.state = 'supplement_requested' and dossier.clock_stopped_date is not null)`;

/** Open at the judgement instant: received by then, not finished by the period's last day. */
export const openAtJudgement = (period: Period) =>
  sql<boolean>`(dossier.received_date <= ${period.to} and (dossier.finished_date is null or dossier.finished_date > ${period.to}))`;

/** Of an open dossier: late at the judgement instant. */
export const lateWhileOpen = (period: Period) =>
  sql<boolean>`(dossier.supplement_count > ${MAX_SUPPLEMENTS_ON_TIME} or (dossier.due_date < ${judgementDate(period)}
    and not (${waiting} and not (dossier.due_date < dossier.clock_stopped_date))))`;

/** Of an open dossier: overdue at the judgement instant (clock running, due day over). */
export const overdueWhileOpen = (period: Period) =>
  sql<boolean>`(dossier.due_date < ${judgementDate(period)} and not (${waiting} and dossier.clock_stopped_at < ${period.endInstant}))`;

/** Finished in the period and judged late there (late, or after more than one supplement request). */
export const lateFinishedIn = (period: Period) =>
  sql<boolean>`(dossier.finished_date between ${period.from} and ${period.to}
    and (dossier.outcome = 'late' or (dossier.outcome is not null and dossier.supplement_count > ${MAX_SUPPLEMENTS_ON_TIME})))`;

/** Resolved (result ready) in the period. */
export const resolvedIn = (period: Period) => sql<boolean>`(dossier.finished_date between ${period.from} and ${period.to} and dossier.outcome is not null)`;

/**
 * The figures of app/domain/metrics/on-time.ts computed in SQL over the register, grouped by
 * `breakdown`, for a measured period (`measurePeriod`). Three index-backed passes: dossiers received
 * in the period, dossiers finished in it, and dossiers still open at the judgement instant. The
 * per-day summary gives the same figures faster; integration tests hold all of them equal.
 */
export async function computeOnTimeFigures(
  db: Kysely<Database>,
  unitId: number,
  period: Period,
  breakdown: Exclude<Breakdown, "month"> = "total",
): Promise<Map<string, OnTimeFigures>> {
  const group = groupExpressions[breakdown];
  const result = new Map<string, OnTimeFigures>();
  const slot = (key: string) => {
    let figures = result.get(key);
    if (!figures) {
      figures = { ...EMPTY_FIGURES };
      result.set(key, figures);
    }
    return figures;
  };
  // A period not begun (its judgement instant at or before its first day): nothing to judge.
  if (period.endInstant <= businessDayStart(period.from).toISOString()) return result;

  const received = await db
    .selectFrom("dossier")
    .select([
      group.as("g"),
      sql<number>`count(*)`.as("received"),
      countWhere(sql`channel in ('online_partial', 'online_full')`).as("online"),
      sql<number>`coalesce(sum(transfer_count), 0)`.as("transfers"),
      sql<number>`coalesce(sum(e_transfer_count), 0)`.as("e_transfers"),
    ])
    .where("unit_id", "=", unitId)
    .where("received_date", ">=", period.from)
    .where("received_date", "<=", period.to)
    .groupBy("g")
    .execute();
  for (const r of received) {
    const f = slot(r.g);
    f.received = Number(r.received);
    f.receivedOnline = Number(r.online);
    f.transfers = Number(r.transfers);
    f.eTransfers = Number(r.e_transfers);
  }

  const finished = await db
    .selectFrom("dossier")
    .select([
      group.as("g"),
      countWhere(sql`outcome is not null`).as("resolved"),
      countWhere(sql`outcome = 'early' and supplement_count <= ${MAX_SUPPLEMENTS_ON_TIME}`).as("early"),
      countWhere(sql`outcome = 'on_time' and supplement_count <= ${MAX_SUPPLEMENTS_ON_TIME}`).as("on_time"),
      countWhere(sql`outcome = 'late' or (outcome is not null and supplement_count > ${MAX_SUPPLEMENTS_ON_TIME})`).as("late"),
      countWhere(sql`state = 'refused'`).as("refused"),
      countWhere(sql`state = 'withdrawn'`).as("withdrawn"),
    ])
    .where("unit_id", "=", unitId)
    .where("finished_date", ">=", period.from)
    .where("finished_date", "<=", period.to)
    .where("received_date", "<=", period.to)
    .groupBy("g")
    .execute();
  for (const r of finished) {
    const f = slot(r.g);
    f.resolved = Number(r.resolved);
    f.early = Number(r.early);
    f.onTime = Number(r.on_time);
    f.late += Number(r.late);
    f.refused = Number(r.refused);
    f.withdrawn = Number(r.withdrawn);
  }

  const open = await db
    .selectFrom("dossier")
    .select([group.as("g"), countWhere(lateWhileOpen(period)).as("late"), countWhere(sql`not ${lateWhileOpen(period)}`).as("not_due"), countWhere(overdueWhileOpen(period)).as("overdue")])
    .where("unit_id", "=", unitId)
    .where(openAtJudgement(period))
    .groupBy("g")
    .execute();
  for (const r of open) {
    const f = slot(r.g);
    f.openLateAtEnd = Number(r.late);
    f.late += Number(r.late);
    f.openNotDue = Number(r.not_due);
    f.overdueAtEnd = Number(r.overdue);
  }
  return result;
}

/** The engine over the register for a period as asked (measured here), in total. */
export async function computeTotals(db: Kysely<Database>, unitId: number, chosen: Period, now: Date): Promise<OnTimeFigures> {
  const { period, status } = measurePeriod(chosen, now);
  if (status === "future") return { ...EMPTY_FIGURES };
  return (await computeOnTimeFigures(db, unitId, period)).get("total") ?? { ...EMPTY_FIGURES };
}
