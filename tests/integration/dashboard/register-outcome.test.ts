import type { Selectable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierTable } from "#db/schema";
import { RegisterFilterSchema } from "~/domain/dossiers/register-filter";
import { judgedUrl, lateUrl, resolvedUrl } from "~/domain/metrics/dashboard";
import { computeFigures, judge, type Period } from "~/domain/metrics/on-time";
import { makePeriod, monthPeriod, quarterPeriod } from "~/domain/metrics/period";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { countRegister, listRegisterPage, streamRegister } from "~/models/dossier-register.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { dossiersOf, generateDossiers, insertDossiers, insertOtherUnit, proceduresOf, seedReferenceData, toMetrics } from "../models/dossier-fixtures";

/*
 * The register's `outcome` filter (added for the dashboard's click-throughs): `late` and `resolved`
 * for a judged period list exactly the dossiers the on-time engine counts as such.
 */

const NOW = new Date("2025-07-03T03:00:00.000Z");

let t: TestDb;
let unitId: number;
let rows: Selectable<DossierTable>[];

beforeAll(async () => {
  t = createTestDb();
  const { unit } = await seedReferenceData(t.db);
  unitId = unit.id;
  const procedures = await proceduresOf(t.db, unitId);
  await insertDossiers(
    t.db,
    generateDossiers({ unitId, unitCode: unit.code, procedures, anchors: ["2025-03-01", "2025-03-31", "2025-05-15", "2025-06-30"], count: 900, seed: 804 }),
  );
  const other = await insertOtherUnit(t.db);
  await insertDossiers(t.db, generateDossiers({ unitId: other, unitCode: "000.99.99.H53", procedures, anchors: ["2025-03-15"], count: 60, seed: 5 }));
  rows = await dossiersOf(t.db, unitId);
}, 30_000);

afterAll(async () => {
  await t.cleanup();
});

const PERIODS: Array<[string, Period]> = [
  ["March 2025", monthPeriod(2025, 3)],
  ["Q2 2025", quarterPeriod(2025, 2)],
  ["a single day", makePeriod("2025-03-31", "2025-03-31")],
  ["a range across months", makePeriod("2025-03-20", "2025-05-10")],
];

/** The register's query for a dashboard URL, parsed as the register's loader parses it. */
function queryOf(url: string) {
  const filter = RegisterFilterSchema.parse(Object.fromEntries(new URL(url, "http://x").searchParams));
  return { ...filter, unitId, now: NOW };
}

describe("the register's outcome filter lists exactly what the engine counts", () => {
  it.each(PERIODS)("late and resolved dossiers for %s", async (_name, period) => {
    const figures = computeFigures(rows.map(toMetrics), period);
    expect(figures.late).toBeGreaterThan(0);
    expect(await countRegister(t.db, queryOf(lateUrl(period)))).toBe(figures.late);
    expect(await countRegister(t.db, queryOf(resolvedUrl(period)))).toBe(figures.resolved);
    expect(await countRegister(t.db, queryOf(judgedUrl(period)))).toBe(figures.early + figures.onTime + figures.late);

    const lateCodes = rows.filter((r) => judge(toMetrics(r), period) === "late").map((r) => r.code).sort();
    const listed: string[] = [];
    for await (const r of streamRegister(t.db, queryOf(lateUrl(period)))) listed.push(r.code);
    expect(listed.sort()).toEqual(lateCodes);
  });

  it.each(PERIODS)("narrowed by field, for %s", async (_name, period) => {
    for (const field of PROCEDURE_FIELDS) {
      const figures = computeFigures(rows.filter((r) => r.field === field).map(toMetrics), period);
      expect(await countRegister(t.db, queryOf(lateUrl(period, { field }))), field).toBe(figures.late);
      expect(await countRegister(t.db, queryOf(resolvedUrl(period, { field }))), field).toBe(figures.resolved);
      expect(await countRegister(t.db, queryOf(judgedUrl(period, { field }))), field).toBe(figures.early + figures.onTime + figures.late);
    }
  });

  it("pages through the same records", async () => {
    const query = queryOf(lateUrl(quarterPeriod(2025, 2)));
    const page = await listRegisterPage(t.db, { ...query, limit: 1000 });
    expect(page.rows.length).toBe(await countRegister(t.db, query));
  });

  it("asks for the judged period with an outcome", () => {
    const result = RegisterFilterSchema.safeParse({ outcome: "late" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["judgedFrom", "error.required"]]);
    expect(RegisterFilterSchema.safeParse({ outcome: "judged", judgedFrom: "2025-01-01", judgedTo: "2025-01-31" }).success).toBe(true);
    expect(RegisterFilterSchema.safeParse({ outcome: "early", judgedFrom: "2025-01-01", judgedTo: "2025-01-31" }).success).toBe(false);
    expect(RegisterFilterSchema.safeParse({ outcome: "late", judgedFrom: "2025-02-01", judgedTo: "2025-01-31" }).success).toBe(false);
  });
});
