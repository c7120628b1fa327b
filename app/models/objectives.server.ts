import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { rates } from "~/domain/metrics/on-time";
import { objectiveStatus, type ObjectiveMetric, type ObjectiveStatus } from "~/domain/metrics/objectives";
import type { Period } from "~/domain/metrics/on-time";
import { recordAudit, type Actor } from "./audit-log.server";
import { satisfactionRate } from "~/domain/metrics/service-counts";
import { countAnswerTimeliness } from "./dashboard.server";
import { getPeriodFigures } from "./figures.server";

export interface ObjectiveRow {
  id: number;
  title: string;
  metric: ObjectiveMetric;
  comparator: ">=" | "<=";
  target: number;
  actual: number | null;
  status: ObjectiveStatus;
}

/**
 * The year's objectives with their actual figure for the period, from the figures function the
 * dashboard reads (judged at `min(end, now)`); a figure with nothing to measure reports no data
 * rather than a guess.
 */
export async function listObjectivesWithActuals(
  db: Kysely<Database>,
  unitId: number,
  year: number,
  period: Period,
  now: Date,
): Promise<ObjectiveRow[]> {
  const objectives = await db
    .selectFrom("quality_objective")
    .select(["id", "title", "metric", "comparator", "target"])
    .where("unit_id", "=", unitId)
    .where("year", "=", year)
    .orderBy("id")
    .execute();
  if (objectives.length === 0) return [];
  const figures = await getPeriodFigures(db, unitId, period, now);
  const answers = await countAnswerTimeliness(db, unitId, figures.measured);
  const totals = rates(figures.totals);
  const future = figures.measured.status === "future";
  const actualOf = (metric: ObjectiveMetric): number | null => {
    switch (metric) {
      case "on_time_rate":
        return totals.onTimeRate;
      case "online_rate":
        return totals.onlineRate;
      case "e_transfer_rate":
        return totals.eTransferRate;
      case "overdue_now":
        return future ? null : figures.totals.overdueAtEnd;
      case "satisfaction_rate":
        return satisfactionRate(figures.service.total);
      case "complaints_on_time_rate":
        return answers.judged === 0 ? null : answers.onTime / answers.judged;
    }
  };
  return objectives.map((o) => {
    const actual = actualOf(o.metric);
    return { ...o, actual, status: objectiveStatus(o.comparator, o.target, actual) };
  });
}

export interface ObjectiveDefinition {
  title: string;
  metric: ObjectiveMetric;
  comparator: ">=" | "<=";
  target: number;
}

export async function seedObjectives(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  year: number,
  objectives: readonly ObjectiveDefinition[],
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const o of objectives) {
      const { id } = await trx
        .insertInto("quality_objective")
        .values({ unit_id: unitId, year, ...o, created_at: now.toISOString(), updated_at: now.toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, unitId, entityType: "quality_objective", entityId: id, action: "created", after: { year, ...o }, at: now });
    }
  });
}
