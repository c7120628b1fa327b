import { dropAuditLogGuards } from "../../setup/db-faults";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { migrations } from "#db/migrations/index";
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from "~/models/audit-log.server";
import { createTestDb, type TestDb } from "../../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = createTestDb();
  for (let i = 1; i <= 5; i++) {
    await recordAudit(t.db, { actor: SYSTEM_ACTOR, unitId: null, entityType: "test", entityId: i, action: "created", after: { i } });
  }
});
afterAll(() => t.cleanup());

describe("the audit log's hash chain", () => {
  test("each row carries the previous row's hash; the chain verifies", async () => {
    const rows = await t.db.selectFrom("audit_log").select(["id", "prev_hash", "hash"]).orderBy("id").execute();
    expect(rows).toHaveLength(5);
    rows.forEach((row, i) => {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]!.hash);
    });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 5, headHash: rows[4]!.hash, headId: rows[4]!.id });
  });

  test("a row cannot be changed, removed, or written without its chain", async () => {
    await expect(sql`update audit_log set action = 'deleted' where id = 2`.execute(t.db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from audit_log where id = 2`.execute(t.db)).rejects.toThrow(/cannot be removed/);
    await expect(
      sql`insert into audit_log (actor_kind, at, entity_type, entity_id, action) values ('system', '2026-01-01T00:00:00.000Z', 'x', '1', 'forged')`.execute(t.db),
    ).rejects.toThrow(/hash chain/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  test("with the triggers dropped, a changed or removed row is reported as the first broken link", async () => {
    const copy = createTestDb();
    try {
      for (let i = 1; i <= 4; i++) {
        await recordAudit(copy.db, { actor: SYSTEM_ACTOR, unitId: null, entityType: "test", entityId: i, action: "created" });
      }
      await dropAuditLogGuards(copy.db);
      const [, second, third] = await copy.db.selectFrom("audit_log").select("id").orderBy("id").execute();
      await sql`update audit_log set action = 'rewritten' where id = ${third!.id}`.execute(copy.db);
      expect(await verifyAuditChain(copy.db)).toMatchObject({ ok: false, brokenAtId: third!.id, reason: "hash", rows: 2 });
      await sql`delete from audit_log where id = ${second!.id}`.execute(copy.db);
      expect(await verifyAuditChain(copy.db)).toMatchObject({ ok: false, brokenAtId: third!.id, reason: "link", rows: 1 });
    } finally {
      await copy.cleanup();
    }
  });
});

describe("migration 0014 on a database with history", () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "motcua-chain-"));
    db = openDatabase(join(dir, "old.sqlite"));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test("chains the rows written before it, in id order", async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo("0012-api-client-scopes");
    expect(before.error).toBeUndefined();
    for (let i = 1; i <= 3; i++) {
      await sql`insert into audit_log (actor_kind, at, entity_type, entity_id, action) values ('system', ${`2026-01-0${i}T00:00:00.000Z`}, 'test', ${String(i)}, 'created')`.execute(db);
    }
    await migrateToLatest(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
    await recordAudit(db, { actor: SYSTEM_ACTOR, unitId: null, entityType: "test", entityId: 4, action: "created" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
  });
});

describe("npm run audit-log:verify", () => {
  test("reports an intact chain, then the first broken link with exit code 1", async () => {
    const { execFileSync, spawnSync } = await import("node:child_process");
    const copy = createTestDb();
    try {
      for (let i = 1; i <= 3; i++) {
        await recordAudit(copy.db, { actor: SYSTEM_ACTOR, unitId: null, entityType: "test", entityId: i, action: "created" });
      }
      const env = { ...process.env, DATABASE_URL: copy.path };
      const ok = execFileSync("npm", ["run", "--silent", "audit-log:verify"], { env, encoding: "utf8" });
      expect(ok).toMatch(/audit log intact, 3 rows/);
      await dropAuditLogGuards(copy.db, ["audit_log_refuse_update"]);
      const second = (await copy.db.selectFrom("audit_log").select("id").orderBy("id").offset(1).limit(1).executeTakeFirstOrThrow()).id;
      await sql`update audit_log set after_json = '{"forged":true}' where id = ${second}`.execute(copy.db);
      const broken = spawnSync("npm", ["run", "--silent", "audit-log:verify"], { env, encoding: "utf8" });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`broken at row #${second}`);
    } finally {
      await copy.cleanup();
    }
  }, 30_000);
});

describe("the chain's state on the audit-log page", () => {
  test("is read again when a row is added or ten minutes have passed", async () => {
    const { getAuditChainState } = await import("~/models/audit-log.server");
    const copy = createTestDb();
    try {
      await recordAudit(copy.db, { actor: SYSTEM_ACTOR, unitId: null, entityType: "test", entityId: 1, action: "created" });
      await recordAudit(copy.db, { actor: SYSTEM_ACTOR, unitId: null, entityType: "test", entityId: 2, action: "created" });
      const start = Date.now();
      expect(await getAuditChainState(copy.db, start)).toMatchObject({ ok: true, rows: 2 });
      await dropAuditLogGuards(copy.db, ["audit_log_refuse_update"]);
      await sql`update audit_log set action = 'forged' where entity_id = '1'`.execute(copy.db);
      expect(await getAuditChainState(copy.db, start + 11 * 60_000)).toMatchObject({ ok: false, reason: "hash" });
    } finally {
      await copy.cleanup();
    }
  });
});
