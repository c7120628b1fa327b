import { recordAudit, SYSTEM_ACTOR } from "~/models/audit-log.server";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupDatabase, restoreBackup } from "#db/backup";
import { openDatabase, type Db } from "#db/client";
import { DEMO_UNIT } from "#db/seed/demo";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";

/*
 * npm run db:backup / db:restore on this project's engine: a backup taken while the app writes is one
 * consistent moment of the database (no half of a transaction, nothing after the moment), restores into
 * an empty data folder (and, on PostgreSQL, an empty database) and then equals the source table by table.
 */

let source: TestDb;
let work: string;
let unitId: number;

beforeAll(async () => {
  source = createTestDb();
  await seedReferenceData(source.db);
  unitId = (await source.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  mkdirSync(join(source.dataDir, "uploads"), { recursive: true });
  writeFileSync(join(source.dataDir, "uploads", "0123456789abcdef0123456789abcdef.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  writeFileSync(join(source.dataDir, "session-secret"), "a-secret-of-the-installation", { mode: 0o600 });
  work = mkdtempSync(join(tmpdir(), "motcua-backup-"));
}, 60_000);

afterAll(async () => {
  await source?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** Each write is one transaction of two rows that must never be seen apart. */
function startWriting(db: Db) {
  let stop = false;
  let written = 0;
  const done = (async () => {
    while (!stop) {
      written += 1;
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, written)).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("login_attempt").values({ username: `load-${written}`, ip: "127.0.0.1", succeeded: 0, attempted_at: at }).execute();
        await recordAudit(trx, { actor: SYSTEM_ACTOR, unitId, entityType: "load", entityId: written, action: "written", at: new Date(at) });
      });
      await new Promise((r) => setImmediate(r));
    }
  })();
  return {
    written: () => written,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

async function tablesOf(db: Db): Promise<string[]> {
  return (await db.introspection.getTables()).map((t) => t.name).sort();
}

async function rowsOf(db: Db, table: string): Promise<unknown[]> {
  const columns = (await db.introspection.getTables()).find((t) => t.name === table)!.columns.length;
  const order = sql.raw(Array.from({ length: columns }, (_, i) => String(i + 1)).join(", "));
  const { rows } = await sql`select * from ${sql.table(table)} order by ${order}`.execute(db);
  return rows;
}

describe(`a backup under write load (${testEngine()})`, () => {
  test("is consistent, restores into an empty data folder and equals the source table by table", async () => {
    const load = startWriting(source.db);
    await new Promise((r) => setTimeout(r, 200));
    const before = load.written();
    const backup = join(work, "backup");
    const manifest = await backupDatabase({ databaseUrl: source.path, dataDir: source.dataDir, to: backup });
    await new Promise((r) => setTimeout(r, 100));
    await load.stop();
    expect(before).toBeGreaterThan(0);
    expect(load.written()).toBeGreaterThan(before);
    expect(manifest.engine).toBe(testEngine());
    expect(manifest.files).toHaveProperty(["uploads/0123456789abcdef0123456789abcdef.png"]);

    const restoredDir = join(work, "restored");
    const empty = testEngine() === "postgres" ? createTestDb({ migrated: false }) : undefined;
    try {
      const { databaseUrl } = await restoreBackup({ from: backup, dataDir: restoredDir, databaseUrl: empty?.path });
      expect(readFileSync(join(restoredDir, "uploads", "0123456789abcdef0123456789abcdef.png"))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
      expect(readFileSync(join(restoredDir, "session-secret"), "utf8")).toBe("a-secret-of-the-installation");
      const restored = openDatabase(databaseUrl);
      try {
        expect(await tablesOf(restored)).toEqual(await tablesOf(source.db));
        // The moment of the backup: both rows of every write, or neither; nothing of later writes.
        const attempts = (await rowsOf(restored, "login_attempt")) as Array<{ id: number }>;
        const audits = (await restored.selectFrom("audit_log").select("entity_id").where("entity_type", "=", "load").orderBy("id").execute()).map((r) => Number(r.entity_id));
        expect(attempts.length).toBeGreaterThan(0);
        expect(audits).toEqual(attempts.map((_, i) => i + 1));
        for (const table of await tablesOf(source.db)) {
          const all = await rowsOf(source.db, table);
          const copy = await rowsOf(restored, table);
          if (table === "login_attempt" || table === "audit_log") {
            // The source went on writing after the backup: the copy is exactly its beginning.
            expect(copy, table).toEqual(all.slice(0, copy.length));
            expect(copy.length, table).toBeLessThan(all.length);
          } else {
            expect(copy, table).toEqual(all);
          }
        }
      } finally {
        await restored.destroy();
      }
    } finally {
      await empty?.cleanup();
    }
  }, 60_000);

  test("refuses to restore into a data folder that is not empty", async () => {
    const occupied = join(work, "occupied");
    mkdirSync(occupied, { recursive: true });
    writeFileSync(join(occupied, "motcua.sqlite"), "");
    await expect(restoreBackup({ from: join(work, "backup"), dataDir: occupied })).rejects.toThrow(/not empty/);
    expect(existsSync(join(occupied, "uploads"))).toBe(false);
  });

  test("refuses a backup whose files changed", async () => {
    const broken = join(work, "broken");
    const manifest = await backupDatabase({ databaseUrl: source.path, dataDir: source.dataDir, to: broken });
    writeFileSync(join(broken, "uploads", "0123456789abcdef0123456789abcdef.png"), "tampered");
    expect(Object.keys(manifest.files)).toContain(manifest.database);
    await expect(restoreBackup({ from: broken, dataDir: join(work, "never") })).rejects.toThrow(/changed/);
  });
});
