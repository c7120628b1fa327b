import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { rates, type Period } from "~/domain/metrics/on-time";
import { rankCommunes, type CommuneRow } from "~/domain/metrics/province";
import { measurePeriod, type MeasuredPeriod } from "~/domain/metrics/period";
import { satisfactionRate } from "~/domain/metrics/service-counts";
import type { Language } from "~/i18n";
import { countFeedbackByKindAndStateByUnit, listVisibleUnits } from "./dashboard.server";
import { getPeriodFiguresByUnit } from "./figures.server";
import { getScorecardsByUnit } from "./service-index.server";

/*
 * The province dashboard (issue 14): every commune under the viewer's unit, side by side for one
 * period, each figure taken from the same functions as that commune's own dashboard —
 * `getPeriodFiguresByUnit` (whose one-unit case is `getPeriodFigures`), the service index
 * (`getScorecardsByUnit`, the scorecard `getServiceIndex` computes) and the feedback counts — so a row and the commune's dashboard never disagree.
 */

export interface ProvinceComparison {
  measured: MeasuredPeriod;
  rows: CommuneRow[];
}

/** The communes (and wards) at or below a unit, with the merger that ended each, if any. */
export async function listCommunesUnder(db: Kysely<Database>, unitId: number) {
  const visible = await listVisibleUnits(db, unitId);
  if (visible.length === 0) return [];
  const units = await db
    .selectFrom("unit")
    .leftJoin("unit_merger", "unit_merger.predecessor_unit_id", "unit.id")
    .leftJoin("unit as successor", "successor.id", "unit_merger.successor_unit_id")
    .select(["unit.id", "unit.code", "unit.name", "unit.kind", "unit_merger.effective_date as mergedOn", "successor.name as mergedInto"])
    .where(
      "unit.id",
      "in",
      visible.map((u) => u.id),
    )
    .where("unit.kind", "in", ["commune", "ward"])
    .orderBy("unit.name")
    .execute();
  return units;
}

export async function getProvinceComparison(
  db: Kysely<Database>,
  viewerUnitId: number,
  chosen: Period,
  now: Date,
  language: Language = "vi",
): Promise<ProvinceComparison> {
  const communes = await listCommunesUnder(db, viewerUnitId);
  const figures = await getPeriodFiguresByUnit(
    db,
    communes.map((c) => c.id),
    chosen,
    now,
  );
  const measured = measurePeriod(chosen, now);
  const [scorecards, feedbackCounts] = await Promise.all([
    getScorecardsByUnit(db, figures, chosen, language),
    countFeedbackByKindAndStateByUnit(
      db,
      communes.map((c) => c.id),
      measured,
    ),
  ]);
  const rows: CommuneRow[] = [];
  for (const commune of communes) {
    const f = figures.get(commune.id)!;
    const feedback = feedbackCounts.get(commune.id) ?? [];
    const r = rates(f.totals);
    rows.push({
      unitId: commune.id,
      code: commune.code,
      name: commune.name,
      mergedInto: commune.mergedInto ?? null,
      mergedOn: commune.mergedOn ?? null,
      received: f.totals.received,
      judged: f.totals.early + f.totals.onTime + f.totals.late,
      late: f.totals.late,
      onTimeRate: r.onTimeRate,
      overdueNow: measured.status === "future" ? null : f.totals.overdueAtEnd,
      onlineRate: r.onlineRate,
      eTransferRate: r.eTransferRate,
      satisfactionRate: satisfactionRate(f.service.total),
      complaints: feedback.filter((c) => c.kind === "complaint").reduce((n, c) => n + c.count, 0),
      serviceIndexTotal: scorecards.get(commune.id)?.total ?? null,
    });
  }
  return { measured, rows: rankCommunes(rows) };
}
