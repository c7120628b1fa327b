import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { businessDateOf } from "~/utils/clock";
import { EMPTY_FIGURES, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { countWhere } from "#db/sql";

export type Breakdown = "total" | "field" | "channel" | "procedure" | "month";

const groupExpressions = {
  total: sql<string>`'total'`,
  field: sql<string>`field`,
  channel: sql<string>`channel`,
  procedure: sql<string>`cast(procedure_id as text)`,
} as const;

/**
 * The figures of app/domain/metrics/on-time.ts computed in SQL, grouped by `breakdown`.
 * Three index-backed passes: dossiers received in the period, dossiers finished in it,
 * and dossiers still open at its end. An integration test checks they agree with `computeFigures`.
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

  const received = await db
    .selectFrom("dossier")
    .select([
      group.as("g"),
      sql<number>`count(*)`.as("received"),
      countWhere(sql`channel in ('online_partial', 'online_full')`).as("online"),
      sql<number>`sum(transfer_count)`.as("transfers"),
      sql<number>`sum(e_transfer_count)`.as("e_transfers"),
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
      countWhere(sql`outcome = 'early' and supplement_count <= 1`).as("early"),
      countWhere(sql`outcome = 'on_time' and supplement_count <= 1`).as("on_time"),
      countWhere(sql`outcome = 'late' or (outcome is not null and supplement_count > 1)`).as("late"),
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

  // Open at the period's end: not finished then. Past due (or with more than one supplement) counts as late.
  const openAtEnd = await db
    .selectFrom("dossier")
    .select([
      group.as("g"),
      countWhere(sql`supplement_count > 1 or due_at < ${period.endInstant}`).as("late"),
      countWhere(sql`not (supplement_count > 1 or due_at < ${period.endInstant})`).as("not_due"),
    ])
    .where("unit_id", "=", unitId)
    .where("received_date", "<=", period.to)
    .where((eb) => eb.or([eb("finished_date", "is", null), eb("finished_date", ">", period.to)]))
    .groupBy("g")
    .execute();
  for (const r of openAtEnd) {
    const f = slot(r.g);
    f.openLateAtEnd = Number(r.late);
    f.late += Number(r.late);
    f.openNotDue = Number(r.not_due);
  }
  return result;
}

export async function computeTotals(db: Kysely<Database>, unitId: number, period: Period): Promise<OnTimeFigures> {
  return (await computeOnTimeFigures(db, unitId, period)).get("total") ?? { ...EMPTY_FIGURES };
}

/**
 * Open dossiers whose due day has passed (overdue from the day after, as `isOverdue` judges), now:
 * the figure beside the rate, so 100% cannot hide late work.
 */
export async function countOverdueNow(db: Kysely<Database>, unitId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom("dossier")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("unit_id", "=", unitId)
    .where("state", "in", ["received", "in_progress"])
    .where("due_date", "<", businessDateOf(now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
