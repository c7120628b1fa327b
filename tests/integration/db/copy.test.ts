import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from "~/models/audit-log.server";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { copySqliteToPostgres } from "#db/copy";
import { migrateToLatest } from "#db/migrate";
import { migrations } from "#db/migrations/index";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { yearPeriod } from "~/domain/metrics/period";
import { getPeriodFigures } from "~/models/figures.server";
import { computeOnTimeFigures } from "~/models/metrics.server";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";
import { insertOtherUnit } from "../models/dossier-fixtures";

/*
 * npm run db:copy: a commune's SQLite database into an empty PostgreSQL database (runs in the
 * integration-pg project, where createTestDb is PostgreSQL; the source is a SQLite file made here).
 */
const SEED_NOW = new Date("2026-11-25T03:00:00.000Z");

describe.runIf(testEngine() === "postgres")("copying a SQLite database into PostgreSQL", () => {
  const dir = mkdtempSync(join(tmpdir(), "motcua-copy-"));
  const sourcePath = join(dir, "commune.sqlite");
  let source: Db;
  let target: TestDb;
  let unitId: number;

  beforeAll(async () => {
    source = openDatabase(sourcePath);
    await migrateToLatest(source);
    await seedDemo(source, SEED_NOW);
    unitId = (await source.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
    // References of a table to itself, one pointing forward (a unit whose parent was added after it).
    const child = await insertOtherUnit(source, "000.77.77.H53");
    const parent = await insertOtherUnit(source, "000.77.00.H53");
    await source.updateTable("unit").set({ parent_id: parent }).where("id", "=", child).execute();
    // The source closes (checkpointing its WAL) so the copy reads a plain file, as the CLI would.
    await source.destroy();
    target = createTestDb({ migrated: false });
  }, 120_000);

  afterAll(async () => {
    await target?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test("copies every table and verifies each by row count and checksum", async () => {
    const lines: string[] = [];
    const report = await copySqliteToPostgres(sourcePath, target.path, (line) => lines.push(line));
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(Object.keys(byTable)).toEqual(expect.arrayContaining(["dossier", "dossier_event", "dossier_daily_stat", "issued_document", "unit", "user"]));
    expect(byTable.dossier).toBeGreaterThan(25_000);
    // The demo province: tỉnh Sơn La, its former district, Mường Sai and the communes merged into it.
    expect(byTable.unit).toBe(6);
    expect(lines).toContain(`dossier: ${byTable.dossier} rows`);
    // Tables in foreign-key order: a unit before its users, a dossier before its events.
    const order = report.tables.map((t) => t.table);
    expect(order.indexOf("unit")).toBeLessThan(order.indexOf("user"));
    expect(order.indexOf("dossier")).toBeLessThan(order.indexOf("dossier_event"));
  }, 120_000);

  test("the copy answers with the source's figures", async () => {
    const sqlite = openDatabase(sourcePath);
    try {
      for (const year of [2021, 2025, 2026]) {
        expect(await computeOnTimeFigures(target.db, unitId, yearPeriod(year))).toEqual(await computeOnTimeFigures(sqlite, unitId, yearPeriod(year)));
        expect(await getPeriodFigures(target.db, unitId, yearPeriod(year), SEED_NOW)).toEqual(await getPeriodFigures(sqlite, unitId, yearPeriod(year), SEED_NOW));
      }
      const parents = (db: Db) => db.selectFrom("unit").select(["code", "parent_id"]).orderBy("id").execute();
      expect(await parents(target.db)).toEqual(await parents(sqlite));
    } finally {
      await sqlite.destroy();
    }
  });

  test("the summary's triggers work again after the copy, and new rows get fresh ids", async () => {
    const before = await target.db.selectFrom("dossier_daily_stat").select((eb) => eb.fn.sum<number>("received").as("n")).executeTakeFirstOrThrow();
    const last = await target.db.selectFrom("dossier").selectAll().orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = last;
    const { id } = await target.db
      .insertInto("dossier")
      .values({ ...copy, code: `${last.code}-copy` })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(id).toBe(last.id + 1);
    const after = await target.db.selectFrom("dossier_daily_stat").select((eb) => eb.fn.sum<number>("received").as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n + 1);
    // The audit log goes on from the copied chain: a new row links to the copy's last one.
    const { rows } = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(target.db);
    await recordAudit(target.db, { actor: SYSTEM_ACTOR, unitId, entityType: "test", entityId: 1, action: "copied", at: new Date("2026-11-25T03:00:00.000Z") });
    const chain = await verifyAuditChain(target.db);
    expect(chain).toMatchObject({ ok: true, rows: rows[0]!.n + 1 });
  });

  test("refuses a target that is not empty", async () => {
    await expect(copySqliteToPostgres(sourcePath, target.path)).rejects.toThrow(/not empty/);
  });

  test("refuses a source that is not at the latest migration", async () => {
    const old = openDatabase(join(dir, "old.sqlite"));
    await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateTo("0008-nonconformities");
    await old.destroy();
    const empty = createTestDb({ migrated: false });
    try {
      await expect(copySqliteToPostgres(join(dir, "old.sqlite"), empty.path)).rejects.toThrow(/db:migrate/);
    } finally {
      await empty.cleanup();
    }
  });
});
