import { createHash } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DossierTable } from "#db/schema";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { CHANNELS } from "~/domain/dossiers/channels";
import {
  computeFigures,
  EMPTY_FIGURES,
  rates,
  type OnTimeFigures,
  type Period,
} from "~/domain/metrics/on-time";
import { makePeriod, measurePeriod, monthPeriod, quarterPeriod, yearPeriod } from "~/domain/metrics/period";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { countOverdueNow } from "~/models/figures.server";
import { computeOnTimeFigures, computeTotals } from "~/models/metrics.server";
import { businessDateOf } from "~/utils/clock";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { dossiersOf, generateDossiers, insertDossiers, insertOtherUnit, proceduresOf, toMetrics } from "./dossier-fixtures";

const SEED_NOW = new Date("2026-11-25T03:00:00Z");
const TEST_UNIT_CODE = "000.77.77.H53";

let t: TestDb;
let demoUnitId: number;
let testUnitId: number;
let rows: Selectable<DossierTable>[];

/** A period as the figures measure it at `now` (judged at min(end, now)). */
const measured = (period: Period, now = SEED_NOW) => measurePeriod(period, now).period;

beforeAll(async () => {
  t = createTestDb();
  // The demo commune with its whole history: the "other unit" for the generated rows, and the 2021 report.
  await seedDemo(t.db, SEED_NOW, { requirePasswordChange: false });
  demoUnitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  testUnitId = await insertOtherUnit(t.db, TEST_UNIT_CODE);
  await insertDossiers(
    t.db,
    generateDossiers({
      unitId: testUnitId,
      unitCode: TEST_UNIT_CODE,
      procedures: await proceduresOf(t.db, demoUnitId),
      anchors: ["2024-03-01", "2024-03-31", "2024-04-01", "2024-06-30", "2024-07-01", "2024-12-31", "2025-01-01"],
      count: 600,
      seed: 766,
    }),
  );
  rows = await dossiersOf(t.db, testUnitId);
}, 60_000);

afterAll(async () => {
  await t.cleanup();
});

const PERIODS: Array<[string, Period]> = [
  ["a month (March 2024)", monthPeriod(2024, 3)],
  ["a quarter (Q2 2024)", quarterPeriod(2024, 2)],
  ["a year (2024)", yearPeriod(2024)],
  ["a single day (1 Jul 2024)", makePeriod("2024-07-01", "2024-07-01")],
  ["the last day of a year (31 Dec 2024)", makePeriod("2024-12-31", "2024-12-31")],
  ["a month with nothing received but dossiers still open (May 2024)", monthPeriod(2024, 5)],
  ["a range across a year's end", makePeriod("2024-12-15", "2025-01-10")],
  ["a month measured up to 10:00 on its 3rd day (judged then)", measured(monthPeriod(2024, 7), new Date("2024-07-03T03:00:00Z"))],
  ["a year measured up to 16:30 on 31 Dec", measured(yearPeriod(2024), new Date("2024-12-31T09:30:00Z"))],
];

const sumOf = (figures: OnTimeFigures[], key: keyof OnTimeFigures) => figures.reduce((n, f) => n + f[key], 0);

describe("computeOnTimeFigures (SQL) agrees with computeFigures (the definition)", () => {
  it("the generated data exercises every figure, so agreement means something", () => {
    const all = PERIODS.map(([, period]) => computeFigures(rows.map(toMetrics), period));
    for (const key of Object.keys(EMPTY_FIGURES) as Array<keyof OnTimeFigures>) {
      expect(sumOf(all, key), key).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.supplement_count))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(rows.map((r) => r.state)).size).toBe(7);
  });

  it.each(PERIODS)("totals for %s", async (_name, period) => {
    const sql = await computeOnTimeFigures(t.db, testUnitId, period, "total");
    expect([...sql.keys()]).toEqual(["total"]);
    expect(sql.get("total")).toEqual(computeFigures(rows.map(toMetrics), period));
  });

  it.each(PERIODS)("per field for %s", async (_name, period) => {
    const sql = await computeOnTimeFigures(t.db, testUnitId, period, "field");
    for (const key of sql.keys()) expect(PROCEDURE_FIELDS).toContain(key);
    for (const field of PROCEDURE_FIELDS) {
      const expected = computeFigures(rows.filter((r) => r.field === field).map(toMetrics), period);
      expect(sql.get(field) ?? EMPTY_FIGURES, field).toEqual(expected);
    }
  });

  it.each(PERIODS)("per channel for %s", async (_name, period) => {
    const sql = await computeOnTimeFigures(t.db, testUnitId, period, "channel");
    for (const key of sql.keys()) expect(CHANNELS).toContain(key);
    for (const channel of CHANNELS) {
      const expected = computeFigures(rows.filter((r) => r.channel === channel).map(toMetrics), period);
      expect(sql.get(channel) ?? EMPTY_FIGURES, channel).toEqual(expected);
    }
  });

  it.each(PERIODS)("per procedure for %s", async (_name, period) => {
    const sql = await computeOnTimeFigures(t.db, testUnitId, period, "procedure");
    const procedureIds = [...new Set(rows.map((r) => r.procedure_id))];
    for (const key of sql.keys()) expect(procedureIds.map(String)).toContain(key);
    for (const id of procedureIds) {
      const expected = computeFigures(rows.filter((r) => r.procedure_id === id).map(toMetrics), period);
      expect(sql.get(String(id)) ?? EMPTY_FIGURES, String(id)).toEqual(expected);
    }
  });

  it("a period before any dossier has no figures at all", async () => {
    const period = yearPeriod(2023);
    expect(computeFigures(rows.map(toMetrics), period)).toEqual(EMPTY_FIGURES);
    expect((await computeOnTimeFigures(t.db, testUnitId, period, "total")).size).toBe(0);
    expect(await computeTotals(t.db, testUnitId, period, SEED_NOW)).toEqual(EMPTY_FIGURES);
  });

  it("also agrees on the demo commune's whole history, year by year", async () => {
    const demoRows = (await dossiersOf(t.db, demoUnitId)).map(toMetrics);
    for (const period of [2021, 2022, 2023, 2024, 2025, 2026].map(yearPeriod).concat(monthPeriod(2026, 11))) {
      expect(await computeTotals(t.db, demoUnitId, period, SEED_NOW), period.from).toEqual(computeFigures(demoRows, measured(period)));
    }
  });
});

describe("countOverdueNow", () => {
  /** The engine's definition at an instant: open then, clock running, due day over. */
  const expectedAt = (now: Date) =>
    computeFigures(rows.map(toMetrics), measured(makePeriod(businessDateOf(now), businessDateOf(now)), now)).overdueAtEnd;

  it.each([
    "2024-03-01T00:00:00.000Z",
    "2024-03-20T03:00:00.000Z",
    "2024-07-04T10:00:00.000Z",
    "2025-03-01T00:00:00.000Z",
  ])("counts open, clock-running dossiers past due at %s", async (iso) => {
    const now = new Date(iso);
    expect(await countOverdueNow(t.db, testUnitId, now)).toBe(expectedAt(now));
  });

  it("counts nothing but open, clock-running dossiers, overdue only from the day after the due day", async () => {
    const now = new Date("2030-01-01T00:00:00.000Z");
    const waitingSinceBeforeDue = (r: (typeof rows)[number]) => r.state === "supplement_requested" && r.clock_stopped_date !== null && r.due_date < r.clock_stopped_date;
    expect(rows.some(waitingSinceBeforeDue)).toBe(true);
    const open = rows.filter((r) => r.state === "received" || r.state === "in_progress");
    expect(rows.some((r) => r.state === "supplement_requested" || r.state === "result_ready")).toBe(true);
    expect(await countOverdueNow(t.db, testUnitId, now)).toBe(open.length);

    const latest = open.map((r) => r.due_date).sort().at(-1);
    if (!latest) throw new Error("no open dossier generated");
    // Late in the evening of the last due day those due that day are not overdue yet; the next morning they are.
    const lateOnThatDay = new Date(`${latest}T23:59:00+07:00`);
    const nextDay = new Date(new Date(`${latest}T00:00:00+07:00`).getTime() + 24 * 3600 * 1000);
    const dueThatDay = open.filter((r) => r.due_date === latest).length;
    expect(dueThatDay).toBeGreaterThan(0);
    expect(await countOverdueNow(t.db, testUnitId, lateOnThatDay)).toBe(expectedAt(lateOnThatDay));
    expect(await countOverdueNow(t.db, testUnitId, nextDay)).toBe(expectedAt(nextDay));
    expect(expectedAt(nextDay) - expectedAt(lateOnThatDay)).toBeGreaterThanOrEqual(dueThatDay);
  });

  it("counts only the unit asked about", async () => {
    const other = await insertOtherUnit(t.db, "000.66.66.H53");
    expect(await countOverdueNow(t.db, other, new Date("2030-01-01T00:00:00.000Z"))).toBe(0);
  });
});

async function dossierHash(db: Kysely<Database>) {
  const all = await db
    .selectFrom("dossier")
    .select(["code", "received_at", "due_at", "finished_at", "outcome"])
    .where("unit_id", "=", (await db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id)
    .orderBy("id")
    .execute();
  return { count: all.length, hash: createHash("sha256").update(JSON.stringify(all)).digest("hex") };
}

describe("the demo seed", () => {
  it("reports 2021 as the commune did: 4,492 received, all resolved, none late, 100% on time", async () => {
    const figures = await computeTotals(t.db, demoUnitId, yearPeriod(2021), SEED_NOW);
    expect(figures.received).toBe(4492);
    expect(figures.resolved).toBe(4492);
    expect(figures.late).toBe(0);
    expect(figures.openLateAtEnd).toBe(0);
    expect(figures.openNotDue).toBe(0);
    expect(rates(figures).onTimeRate).toBe(1);
  });

  it("has open dossiers past due at its own `now` counted apart from the rate", async () => {
    const demoRows = await dossiersOf(t.db, demoUnitId);
    const expected = demoRows.filter((r) => (r.state === "received" || r.state === "in_progress") && r.due_date < businessDateOf(SEED_NOW)).length;
    expect(await countOverdueNow(t.db, demoUnitId, SEED_NOW)).toBe(expected);
  });

  it("gives identical dossier rows when seeded twice with the same `now`", async () => {
    const second = createTestDb();
    try {
      await seedDemo(second.db, SEED_NOW, { requirePasswordChange: false });
      const [a, b] = await Promise.all([dossierHash(t.db), dossierHash(second.db)]);
      expect(a.count).toBeGreaterThan(20_000);
      expect(b).toEqual(a);
    } finally {
      await second.cleanup();
    }
  }, 240_000);
});
