import { Migrator, sql } from "kysely";
import { migrateToLatest } from "#db/migrate";
import { migrations } from "#db/migrations/index";
import { countWhere, localDateOf } from "#db/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { addDays, instantAt } from "~/domain/calendar/business-date";
import { classifyOutcome } from "~/domain/calendar/due-date";
import { CHANNELS } from "~/domain/dossiers/channels";
import { monthBuckets, totalOf } from "~/domain/metrics/dashboard";
import { computeFigures, EMPTY_FIGURES, rates, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { makePeriod, measurePeriod, monthPeriod, quarterPeriod, yearPeriod } from "~/domain/metrics/period";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { getPeriodFigures } from "~/models/figures.server";
import { getOnTimeStatement } from "~/models/metrics-report.server";
import { computeOnTimeFigures } from "~/models/metrics.server";
import { businessDateOf } from "~/utils/clock";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { dossiersOf, generateDossiers, insertDossiers, insertOtherUnit, proceduresOf, seededRandom, toMetrics } from "../models/dossier-fixtures";

/*
 * The dashboard reads dossier_daily_stat, a per-day summary kept by triggers (migration 0009).
 * Here it must give, month by month and for whole periods, exactly what the on-time engine's
 * definition (computeFigures) and its SQL (the metrics API) give, also after the desk's updates.
 */

const SEED_NOW = new Date("2026-11-25T03:00:00Z");
const TEST_UNIT_CODE = "000.77.77.H53";

let t: TestDb;
let demoUnitId: number;
let testUnitId: number;

const nonZero = (f: OnTimeFigures) => Object.values(f).some((v) => v !== 0);

/** The figures function at the seed's own `now`. */
const computeMonthlyFigures = (db: TestDb["db"], unitId: number, period: Period, now = SEED_NOW) => getPeriodFigures(db, unitId, period, now);
/** A period as the figures measure it at `now` (judged at min(end, now)). */
const measured = (period: Period, now = SEED_NOW) => measurePeriod(period, now).period;

/** Per month (each month cut to the period, judged as a period of its own), per field × channel and in total. */
async function expectMonthsAgree(unitId: number, chosen: Period, now = SEED_NOW) {
  const rows = (await dossiersOf(t.db, unitId)).map(toMetrics);
  const { months, cells } = await computeMonthlyFigures(t.db, unitId, chosen, now);
  const period = measured(chosen, now);
  expect(months.map((m) => [m.month, m.from, m.to])).toEqual(monthBuckets(period).map((b) => [b.month, b.from, b.to]));
  for (const month of months) {
    const monthPeriodCut = measured(makePeriod(month.from, month.to), now);
    expect(totalOf(month.cells), `${month.month} total`).toEqual(computeFigures(rows, monthPeriodCut));
    for (const field of PROCEDURE_FIELDS) {
      for (const channel of CHANNELS) {
        const expected = computeFigures(
          rows.filter((r) => r.field === field && r.channel === channel),
          monthPeriodCut,
        );
        expect(month.cells.get(`${field}|${channel}`) ?? EMPTY_FIGURES, `${month.month} ${field} ${channel}`).toEqual(expected);
      }
    }
  }
  expect(totalOf(cells), "whole period").toEqual(computeFigures(rows, period));
  for (const field of PROCEDURE_FIELDS) {
    for (const channel of CHANNELS) {
      const expected = computeFigures(rows.filter((r) => r.field === field && r.channel === channel), period);
      expect(cells.get(`${field}|${channel}`) ?? EMPTY_FIGURES, `period ${field} ${channel}`).toEqual(expected);
    }
  }
  return { rows, months };
}

/** The metrics API (GET /api/v1/metrics/on-time, read from the summary) against the engine over the register. */
async function expectApiAgrees(unitId: number, chosen: Period) {
  const statement = await getOnTimeStatement(t.db, unitId, chosen, SEED_NOW);
  const period = measured(chosen);
  const [engineTotal, engineFields, engineChannels] = await Promise.all([
    computeOnTimeFigures(t.db, unitId, period, "total"),
    computeOnTimeFigures(t.db, unitId, period, "field"),
    computeOnTimeFigures(t.db, unitId, period, "channel"),
  ]);
  const total = engineTotal.get("total") ?? EMPTY_FIGURES;
  const { byField, byChannel, period: _p, overdueNow, status: _s, measuredTo: _m, judgedAt: _j, ...totals } = statement;
  expect(overdueNow).toBe(total.overdueAtEnd);
  expect({ ...total, ...rates(total) }).toEqual(totals);
  const asMap = (entries: Array<[string, OnTimeFigures]>) =>
    new Map(entries.filter(([, f]) => nonZero(f)).sort(([a], [b]) => a.localeCompare(b)));
  const strip = ({ onTimeRate: _a, onlineRate: _b, eTransferRate: _c, ...f }: OnTimeFigures & ReturnType<typeof rates>) => f;
  expect(asMap([...engineFields])).toEqual(asMap(byField.map(({ field, ...f }) => [field, strip(f)])));
  expect(asMap([...engineChannels])).toEqual(asMap(byChannel.map(({ channel, ...f }) => [channel, strip(f)])));
}

beforeAll(async () => {
  t = createTestDb();
  // The demo history goes in through the seed's multi-row INSERTs: the insert trigger keeps the summary.
  await seedDemo(t.db, SEED_NOW, { requirePasswordChange: false });
  demoUnitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  testUnitId = await insertOtherUnit(t.db, TEST_UNIT_CODE);
  await insertDossiers(
    t.db,
    generateDossiers({
      unitId: testUnitId,
      unitCode: TEST_UNIT_CODE,
      procedures: await proceduresOf(t.db, demoUnitId),
      anchors: ["2024-01-31", "2024-02-29", "2024-03-01", "2024-03-31", "2024-06-30", "2024-07-01", "2024-12-31", "2025-01-01"],
      count: 700,
      seed: 766,
    }),
  );
}, 90_000);

afterAll(async () => {
  await t.cleanup();
});

const PERIODS: Array<[string, Period]> = [
  ["the year 2024", yearPeriod(2024)],
  ["a quarter (Q1 2024)", quarterPeriod(2024, 1)],
  ["a month (March 2024)", monthPeriod(2024, 3)],
  ["a custom range across months and a year's end", makePeriod("2024-12-15", "2025-02-10")],
  ["a single day (1 Jul 2024)", makePeriod("2024-07-01", "2024-07-01")],
  ["a month with nothing received but dossiers still open (May 2024)", monthPeriod(2024, 5)],
  ["a year before any dossier", yearPeriod(2023)],
];

describe("the per-day summary agrees with the on-time engine", () => {
  it("the generated data exercises every figure", async () => {
    const rows = (await dossiersOf(t.db, testUnitId)).map(toMetrics);
    const all = PERIODS.map(([, p]) => computeFigures(rows, p));
    for (const key of Object.keys(EMPTY_FIGURES) as Array<keyof OnTimeFigures>) {
      expect(all.reduce((n, f) => n + f[key], 0), key).toBeGreaterThan(0);
    }
  });

  it.each(PERIODS)("month by month, per field × channel, for %s", async (_name, period) => {
    await expectMonthsAgree(testUnitId, period);
  });

  it.each(PERIODS)("with the metrics API (totals, by field, by channel) for %s", async (_name, period) => {
    await expectApiAgrees(testUnitId, period);
  });

  it("on the demo commune's history, year by year and month by month", async () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      await expectApiAgrees(demoUnitId, yearPeriod(year));
    }
    await expectMonthsAgree(demoUnitId, yearPeriod(2025));
    const { months } = await computeMonthlyFigures(t.db, demoUnitId, yearPeriod(2021));
    const year2021 = totalOf((await computeMonthlyFigures(t.db, demoUnitId, yearPeriod(2021))).cells);
    expect(year2021.received).toBe(4492);
    expect(rates(year2021).onTimeRate).toBe(1);
    expect(months.reduce((n, m) => n + totalOf(m.cells).received, 0)).toBe(4492);
  }, 30_000);

  it("keeps nothing of one unit in another's figures", async () => {
    const empty = await insertOtherUnit(t.db, "000.55.55.H53");
    const { months, cells } = await computeMonthlyFigures(t.db, empty, yearPeriod(2024));
    expect(cells.size).toBe(0);
    expect(months.every((m) => m.cells.size === 0)).toBe(true);
  });
});

describe("the triggers keep the summary current through the desk's writes", () => {
  it("after results, supplements, transfers, corrections and deletions, it still agrees", async () => {
    const random = seededRandom(2026);
    const rows = await dossiersOf(t.db, testUnitId);
    const open = rows.filter((r) => r.finished_date === null);
    expect(open.length).toBeGreaterThan(50);
    // Results ready for some open dossiers (early, on time, late), one at a time as the desk does.
    for (const r of open.slice(0, 40)) {
      const finishedAt = instantAt(addDays(r.received_date, random.between(0, 15)), "10:30");
      await t.db
        .updateTable("dossier")
        .set({
          state: "result_ready",
          finished_at: finishedAt.toISOString(),
          finished_date: businessDateOf(finishedAt),
          outcome: classifyOutcome({ dueAt: new Date(r.due_at), finishedAt }),
        })
        .where("id", "=", r.id)
        .execute();
    }
    // A second supplement request (late from then on), a new due date, a refusal.
    for (const r of open.slice(40, 55)) {
      await t.db.updateTable("dossier").set({ supplement_count: r.supplement_count + 1, state: "supplement_requested" }).where("id", "=", r.id).execute();
    }
    for (const r of open.slice(55, 65)) {
      const due = instantAt(addDays(r.received_date, random.between(1, 30)), "17:00");
      await t.db.updateTable("dossier").set({ due_at: due.toISOString(), due_date: businessDateOf(due) }).where("id", "=", r.id).execute();
    }
    for (const r of open.slice(65, 70)) {
      const at = instantAt(addDays(r.received_date, 2), "09:00");
      await t.db
        .updateTable("dossier")
        .set({ state: "refused", finished_at: at.toISOString(), finished_date: businessDateOf(at), closed_reason: "Thử" })
        .where("id", "=", r.id)
        .execute();
    }
    // Corrections of channel, field and transfers on finished dossiers; a bulk update of many rows.
    const finished = rows.filter((r) => r.finished_date !== null);
    for (const r of finished.slice(0, 20)) {
      await t.db
        .updateTable("dossier")
        .set({ channel: random.pick(CHANNELS), field: random.pick(PROCEDURE_FIELDS), transfer_count: r.transfer_count + 1, e_transfer_count: r.e_transfer_count + 1 })
        .where("id", "=", r.id)
        .execute();
    }
    await t.db.updateTable("dossier").set({ updated_at: SEED_NOW.toISOString() }).where("unit_id", "=", testUnitId).execute();
    await t.db
      .updateTable("dossier")
      .set({ outcome: "late" })
      .where("unit_id", "=", testUnitId)
      .where("outcome", "=", "early")
      .where("received_date", "<", "2024-03-01")
      .execute();
    // Deletions (a mistaken intake removed).
    await t.db.deleteFrom("dossier").where("id", "in", finished.slice(20, 30).map((r) => r.id)).execute();

    for (const [, period] of PERIODS) await expectMonthsAgree(testUnitId, period);
    await expectApiAgrees(testUnitId, yearPeriod(2024));
  }, 60_000);

  it("the open-and-late stock follows a dossier that becomes late and is then finished", async () => {
    const unit = await insertOtherUnit(t.db, "000.44.44.H53");
    const [procedure] = await proceduresOf(t.db, demoUnitId);
    const [row] = generateDossiers({ unitId: unit, unitCode: "000.44.44.H53", procedures: [procedure!], anchors: ["2024-03-10"], count: 1, seed: 1, openShare: 1 });
    const due = instantAt("2024-03-12", "17:00");
    await insertDossiers(t.db, [{ ...row!, received_date: "2024-03-08", received_at: instantAt("2024-03-08", "08:00").toISOString(), due_at: due.toISOString(), due_date: "2024-03-12", supplement_count: 0, state: "in_progress" }]);
    const figuresOf = async (period: Period) => totalOf((await computeMonthlyFigures(t.db, unit, period)).cells);
    // Due at 17:00 on the 12th: not yet due at the end of the 11th, late once the 12th has ended.
    expect((await figuresOf(makePeriod("2024-03-11", "2024-03-11"))).openNotDue).toBe(1);
    expect((await figuresOf(makePeriod("2024-03-12", "2024-03-12"))).openLateAtEnd).toBe(1);
    expect((await figuresOf(monthPeriod(2024, 4))).openLateAtEnd).toBe(1);
    const finishedAt = instantAt("2024-04-02", "10:00");
    await t.db
      .updateTable("dossier")
      .set({ state: "result_ready", finished_at: finishedAt.toISOString(), finished_date: "2024-04-02", outcome: "late" })
      .where("unit_id", "=", unit)
      .execute();
    const march = await figuresOf(monthPeriod(2024, 3));
    expect([march.openLateAtEnd, march.late, march.resolved]).toEqual([1, 1, 0]);
    const april = await figuresOf(monthPeriod(2024, 4));
    expect([april.openLateAtEnd, april.late, april.resolved, april.openNotDue]).toEqual([0, 1, 1, 0]);
    expect((await figuresOf(monthPeriod(2024, 5))).late).toBe(0);
    expect(await computeOnTimeFigures(t.db, unit, monthPeriod(2024, 4))).toEqual(new Map([["total", april]]));
  });
});

describe("ratings in the summary", () => {
  /** Ratings per day × field × channel, counted from the rows themselves. */
  const direct = (unitId: number) =>
    t.db
      .selectFrom("dossier_rating as r")
      .innerJoin("dossier as d", "d.id", "r.dossier_id")
      .select([
        localDateOf(t.db, sql.ref("r.rated_at")).as("date"),
        "d.field",
        "d.channel",
        sql<number>`count(*)`.as("rated"),
        countWhere(sql`r.rating in ('very_satisfied', 'satisfied')`).as("satisfied"),
        countWhere(sql`r.rating = 'dissatisfied'`).as("dissatisfied"),
      ])
      .where("d.unit_id", "=", unitId)
      .groupBy(["date", "d.field", "d.channel"])
      .orderBy(["date", "d.field", "d.channel"])
      .execute();
  const summary = (unitId: number) =>
    t.db
      .selectFrom("dossier_daily_stat")
      .select(["date", "field", "channel", "rated", "satisfied", "dissatisfied"])
      .where("unit_id", "=", unitId)
      .where("rated", "<>", 0)
      .orderBy(["date", "field", "channel"])
      .execute();

  it("follow their dossier through ratings, corrections and deletions", async () => {
    const random = seededRandom(44);
    const returned = (await dossiersOf(t.db, testUnitId)).filter((r) => r.state === "returned" || r.state === "result_ready");
    expect(returned.length).toBeGreaterThan(60);
    const ratings = ["very_satisfied", "satisfied", "dissatisfied"] as const;
    for (const r of returned.slice(0, 60)) {
      await t.db
        .insertInto("dossier_rating")
        .values({ dossier_id: r.id, rating: random.pick(ratings), comment: null, rated_at: instantAt(addDays(r.finished_date!, random.between(0, 3)), random.pick(["00:10", "12:00", "23:55"])).toISOString() })
        .execute();
    }
    expect(await summary(testUnitId)).toEqual(await direct(testUnitId));
    // The desk corrects a rated dossier's channel and field; a rating is changed; one is removed.
    for (const r of returned.slice(0, 5)) {
      await t.db.updateTable("dossier").set({ channel: random.pick(CHANNELS), field: random.pick(PROCEDURE_FIELDS) }).where("id", "=", r.id).execute();
    }
    await t.db.updateTable("dossier_rating").set({ rating: "dissatisfied" }).where("dossier_id", "=", returned[6]!.id).execute();
    await t.db.deleteFrom("dossier_rating").where("dossier_id", "=", returned[7]!.id).execute();
    expect(await summary(testUnitId)).toEqual(await direct(testUnitId));
  });
});

describe("migrations 0009 and 0013 on a database that already holds dossiers", () => {
  it("backfill the summary exactly as the triggers would have kept it", async () => {
    const beforeDb = createTestDb({ migrated: false });
    const freshDb = createTestDb({ migrated: false });
    const before = beforeDb.db;
    const fresh = freshDb.db;
    try {
      const migrator = new Migrator({ db: before, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("0008-nonconformities")).error).toBeUndefined();
      await migrateToLatest(fresh);
      const procedures = await proceduresOf(t.db, demoUnitId);
      const stamp = "2021-01-01T00:00:00.000Z";
      // Dossiers as a database of 0008 held them: only the columns it had (none that later migrations added).
      const columnsAt0008 = new Set(
        (await before.introspection.getTables()).find((table) => table.name === "dossier")!.columns.map((c) => c.name),
      );
      const rows = (await dossiersOf(t.db, testUnitId)).map(
        (r) => Object.fromEntries(Object.entries(r).filter(([column]) => columnsAt0008.has(column))) as typeof r,
      );
      const ratings = await t.db.selectFrom("dossier_rating").selectAll().where("dossier_id", "in", rows.map((r) => r.id)).execute();
      expect(ratings.length).toBeGreaterThan(0);
      for (const db of [before, fresh]) {
        const unit = await insertOtherUnit(db, TEST_UNIT_CODE);
        for (const p of procedures) {
          const { code: _c, ...rest } = await t.db.selectFrom("procedure").selectAll().where("id", "=", p.id).executeTakeFirstOrThrow();
          await db.insertInto("procedure").values({ ...rest, unit_id: unit, code: p.code, created_at: stamp, updated_at: stamp }).execute();
        }
        await insertDossiers(db, rows.map((r) => ({ ...r, unit_id: unit })));
        await db.insertInto("dossier_rating").values(ratings).execute();
      }
      await migrateToLatest(before);
      const read = (kdb: typeof before) =>
        kdb
          .selectFrom("dossier_daily_stat")
          .selectAll()
          .orderBy(["date", "field", "channel"])
          .execute()
          .then((all) => all.filter(({ unit_id: _u, date: _d, field: _f, channel: _ch, ...figures }) => Object.values(figures).some((v) => v !== 0)));
      const backfilled = await read(before);
      expect(backfilled.length).toBeGreaterThan(100);
      expect(backfilled).toEqual(await read(fresh));
    } finally {
      await beforeDb.cleanup();
      await freshDb.cleanup();
    }
  }, 30_000);
});
