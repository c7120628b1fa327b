import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  assembleMonths,
  emptyMonths,
  periodCells,
  sumMonths,
  totalOf,
  type Cells,
  type DailyStatRow,
  type MonthFigures,
  type OpeningBalance,
  type TodayCorrection,
} from "~/domain/metrics/dashboard";
import { DOSSIER_STATES } from "~/domain/dossiers/lifecycle";
import { EMPTY_FIGURES, judgementDate, MAX_SUPPLEMENTS_ON_TIME, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { makePeriod, measurePeriod, type MeasuredPeriod } from "~/domain/metrics/period";
import { addServiceCounts, EMPTY_SERVICE_COUNTS, type ServiceCounts } from "~/domain/metrics/service-counts";
import { businessDateOf } from "~/utils/clock";
import { countWhere } from "#db/sql";

/*
 * The figures function (issue 12): every surface — the metrics API, the dashboard, the staff home,
 * /transparency, every PDF and CSV, the objectives and the management review — takes its on-time
 * figures from `getPeriodFigures` with the same arguments, so the same period gives the same numbers
 * everywhere. It measures the period (judged at `min(end, now)`, nothing for a future period) and
 * reads the per-day summary (`dossier_daily_stat`, migration 0013): two range scans of its primary
 * key and, for a period measured up to now, one small query for today's correction.
 */

export interface PeriodFigures {
  measured: MeasuredPeriod;
  /** Each month of the period measured, judged as a period of its own. */
  months: MonthFigures[];
  /** The whole period per field × channel. */
  cells: Cells;
  totals: OnTimeFigures;
  /** The scorecard's counts (payments, digitisation, ratings) per month and in total. */
  service: { months: Array<{ month: string; counts: ServiceCounts }>; total: ServiceCounts };
}

const sumOf = (column: keyof Database["dossier_daily_stat"]) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)`;

type StatRowsOfUnit = { rows: DailyStatRow[]; opening: OpeningBalance[]; serviceByMonth: Map<string, ServiceCounts> };

async function readDailyStats(db: Kysely<Database>, unitIds: readonly number[], period: Period): Promise<Map<number, StatRowsOfUnit>> {
  const [rows, opening] = await Promise.all([
    db
      .selectFrom("dossier_daily_stat")
      .select([
        "unit_id",
        sql<string>`substr(date, 1, 7)`.as("month"),
        "field",
        "channel",
        sumOf("received").as("received"),
        sumOf("transfers").as("transfers"),
        sumOf("e_transfers").as("e_transfers"),
        sumOf("finished").as("finished"),
        sumOf("resolved").as("resolved"),
        sumOf("early").as("early"),
        sumOf("on_time").as("on_time"),
        sumOf("late").as("late"),
        sumOf("refused").as("refused"),
        sumOf("withdrawn").as("withdrawn"),
        sumOf("open_late_delta").as("open_late_delta"),
        sumOf("overdue_delta").as("overdue_delta"),
        sumOf("rated").as("rated"),
        sumOf("satisfied").as("satisfied"),
        sumOf("dissatisfied").as("dissatisfied"),
        sumOf("fee_recorded").as("fee_recorded"),
        sumOf("fee_due").as("fee_due"),
        sumOf("paid_online").as("paid_online"),
        sumOf("papers_recorded").as("papers_recorded"),
        sumOf("papers_digitised").as("papers_digitised"),
        sumOf("results_recorded").as("results_recorded"),
        sumOf("results_digitised").as("results_digitised"),
        sumOf("returns_recorded").as("returns_recorded"),
        sumOf("returns_electronic").as("returns_electronic"),
      ])
      .where("unit_id", "in", unitIds)
      .where("date", ">=", period.from)
      .where("date", "<=", period.to)
      .groupBy(["unit_id", sql`substr(date, 1, 7)`, "field", "channel"])
      .execute(),
    db
      .selectFrom("dossier_daily_stat")
      .select([
        "unit_id",
        "field",
        "channel",
        sql<number>`coalesce(sum(received - finished), 0)`.as("open"),
        sumOf("open_late_delta").as("open_late"),
        sumOf("overdue_delta").as("overdue"),
      ])
      .where("unit_id", "in", unitIds)
      .where("date", "<", period.from)
      .groupBy(["unit_id", "field", "channel"])
      .execute(),
  ]);
  const byUnit = new Map<number, StatRowsOfUnit>(unitIds.map((id) => [id, { rows: [], opening: [], serviceByMonth: new Map() }]));
  for (const r of rows) {
    const { serviceByMonth, rows: statRows } = byUnit.get(Number(r.unit_id))!;
    const counts: ServiceCounts = {
      rated: Number(r.rated),
      satisfied: Number(r.satisfied),
      dissatisfied: Number(r.dissatisfied),
      feeRecorded: Number(r.fee_recorded),
      feeDue: Number(r.fee_due),
      paidOnline: Number(r.paid_online),
      papersRecorded: Number(r.papers_recorded),
      papersDigitised: Number(r.papers_digitised),
      resultsRecorded: Number(r.results_recorded),
      resultsDigitised: Number(r.results_digitised),
      returnsRecorded: Number(r.returns_recorded),
      returnsElectronic: Number(r.returns_electronic),
    };
    serviceByMonth.set(r.month, addServiceCounts(serviceByMonth.get(r.month) ?? EMPTY_SERVICE_COUNTS, counts));
    statRows.push({
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
      overdueDelta: Number(r.overdue_delta),
    });
  }
  for (const o of opening) {
    byUnit.get(Number(o.unit_id))!.opening.push({
      field: o.field,
      channel: o.channel,
      open: Number(o.open),
      openLate: Number(o.open_late),
      overdue: Number(o.overdue),
    });
  }
  return byUnit;
}

/**
 * Dossiers open at the judgement instant and due on the period's last day (today), whose due day is
 * not over then: the summary counts them late and overdue at the day's end; at the judgement instant
 * they are neither yet.
 */
async function readTodayCorrection(db: Kysely<Database>, unitIds: readonly number[], period: Period): Promise<Map<number, TodayCorrection[]>> {
  const rows = await db
    .selectFrom("dossier")
    .select([
      "unit_id",
      "field",
      "channel",
      countWhere(sql`supplement_count <= ${MAX_SUPPLEMENTS_ON_TIME}
        and not (state = 'supplement_requested' and clock_stopped_date is not null)`).as("open_late"),
      countWhere(sql`not (state = 'supplement_requested' and clock_stopped_date is not null)`).as("overdue"),
    ])
    .where("unit_id", "in", unitIds)
    // Every state, so the (unit, state, due date) index serves the lookup: a few seeks, not a scan.
    .where("state", "in", DOSSIER_STATES)
    .where("due_date", "=", period.to)
    // (Received by then: a dossier is never due before it is received.)
    .where((eb) => eb.or([eb("finished_date", "is", null), eb("finished_date", ">", period.to)]))
    .groupBy(["unit_id", "field", "channel"])
    .execute();
  const byUnit = new Map<number, TodayCorrection[]>(unitIds.map((id) => [id, []]));
  for (const r of rows) byUnit.get(Number(r.unit_id))!.push({ field: r.field, channel: r.channel, openLate: Number(r.open_late), overdue: Number(r.overdue) });
  return byUnit;
}

/** The figures of a unit for a period as asked: measured, month by month, per field × channel, in total. */
export async function getPeriodFigures(db: Kysely<Database>, unitId: number, chosen: Period, now: Date): Promise<PeriodFigures> {
  return (await getPeriodFiguresByUnit(db, [unitId], chosen, now)).get(unitId)!;
}

/**
 * The figures of several units for one period, each exactly as `getPeriodFigures` gives it for that
 * unit (the single-unit figures are this function's one-unit case): the same scans of the per-day
 * summary, grouped by unit as well (issue 14, the province dashboard).
 */
export async function getPeriodFiguresByUnit(
  db: Kysely<Database>,
  unitIds: readonly number[],
  chosen: Period,
  now: Date,
): Promise<Map<number, PeriodFigures>> {
  const measured = measurePeriod(chosen, now);
  const ids = [...new Set(unitIds)];
  if (measured.status === "future" || ids.length === 0) {
    return new Map(ids.map((id) => [id, futureFigures(measured, chosen)]));
  }
  const { period } = measured;
  // Cut inside its last day (measured up to now): the stocks are corrected to the judgement instant.
  const cutToday = judgementDate(period) === period.to;
  const [stats, today] = await Promise.all([
    readDailyStats(db, ids, period),
    cutToday ? readTodayCorrection(db, ids, period) : Promise.resolve(new Map<number, TodayCorrection[]>()),
  ]);
  return new Map(
    ids.map((id) => {
      const { rows, opening, serviceByMonth } = stats.get(id)!;
      const months = assembleMonths(period, rows, opening, today.get(id) ?? []);
      const cells = periodCells(months);
      const serviceMonths = months.map((m) => ({ month: m.month, counts: serviceByMonth.get(m.month) ?? { ...EMPTY_SERVICE_COUNTS } }));
      const figures: PeriodFigures = {
        measured,
        months,
        cells,
        totals: totalOf(cells),
        service: { months: serviceMonths, total: serviceMonths.reduce((a, m) => addServiceCounts(a, m.counts), { ...EMPTY_SERVICE_COUNTS }) },
      };
      return [id, figures];
    }),
  );
}

/**
 * The figures of several units for one period as if they were one unit (a merged commune shown with
 * its predecessors, issue 14): each unit's figures as `getPeriodFiguresByUnit` gives them, the months
 * summed cell by cell, the period's cells and totals derived from the sum exactly as for one unit.
 */
export async function getCombinedPeriodFigures(
  db: Kysely<Database>,
  unitIds: readonly number[],
  chosen: Period,
  now: Date,
): Promise<PeriodFigures> {
  const parts = [...(await getPeriodFiguresByUnit(db, unitIds, chosen, now)).values()];
  const measured = measurePeriod(chosen, now);
  if (parts.length === 0) return futureFigures(measured, chosen);
  const months = sumMonths(parts.map((p) => p.months));
  const cells = periodCells(months);
  const serviceMonths = months.map((m, index) => ({
    month: m.month,
    counts: parts.reduce((a, p) => addServiceCounts(a, p.service.months[index]?.counts ?? EMPTY_SERVICE_COUNTS), { ...EMPTY_SERVICE_COUNTS }),
  }));
  return {
    measured,
    months,
    cells,
    totals: totalOf(cells),
    service: { months: serviceMonths, total: serviceMonths.reduce((a, m) => addServiceCounts(a, m.counts), { ...EMPTY_SERVICE_COUNTS }) },
  };
}

function futureFigures(measured: MeasuredPeriod, chosen: Period): PeriodFigures {
  const months = emptyMonths(chosen);
  return {
    measured,
    months,
    cells: new Map(),
    totals: { ...EMPTY_FIGURES },
    service: { months: months.map((m) => ({ month: m.month, counts: { ...EMPTY_SERVICE_COUNTS } })), total: { ...EMPTY_SERVICE_COUNTS } },
  };
}

/**
 * "Overdue now" (open, clock running, due day over) at an instant: the figures' stock for today,
 * as the staff home and the register show it.
 */
export async function countOverdueNow(db: Kysely<Database>, unitId: number, now: Date): Promise<number> {
  const today = businessDateOf(now);
  const { totals } = await getPeriodFigures(db, unitId, makePeriod(today, today), now);
  return totals.overdueAtEnd;
}
