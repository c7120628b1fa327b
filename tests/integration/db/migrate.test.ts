import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { migrations } from "#db/migrations/index";
import { CHECK_FAILED, FOREIGN_KEY_FAILED, uniqueFailedOn } from "../../setup/db-faults";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

describe.runIf(testEngine() === "sqlite")("a SQLite file in a folder that does not exist yet", () => {
  const dir = mkdtempSync(join(tmpdir(), "motcua-migrate-"));
  const db = openDatabase(join(dir, "nested", "fresh.sqlite"));

  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test("is created and migrated", async () => {
    expect((await migrateToLatest(db)).length).toBe(Object.keys(migrations).length);
  });
});

describe("migrateToLatest on an empty database", () => {
  let fresh: TestDb;
  let db: TestDb["db"];

  beforeAll(() => {
    fresh = createTestDb({ migrated: false });
    db = fresh.db;
  });

  afterAll(async () => {
    await fresh.cleanup();
  });

  test("applies every migration in the list, in order", async () => {
    const results = await migrateToLatest(db);
    expect(results).toEqual(
      Object.keys(migrations).map((migrationName) => ({ migrationName, direction: "Up", status: "Success" })),
    );
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["audit_log", "login_attempt", "session", "unit", "user", "user_role"]),
    );
  });

  test("running it again applies nothing", async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });
});

describe("the migrated database", () => {
  let t: TestDb;
  let unitId: number;

  beforeAll(async () => {
    t = createTestDb();
    const stamp = new Date().toISOString();
    ({ id: unitId } = await t.db
      .insertInto("unit")
      .values({
        code: "TEST.UNIT",
        name: "UBND xã Thử",
        kind: "commune",
        parent_id: null,
        district_name: null,
        province_name: "tỉnh Thử",
        address: null,
        phone: null,
        email: null,
        is_remote_area: 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow());
  });

  afterAll(async () => {
    await t.cleanup();
  });

  const insertUser = (username: string, unit = unitId) => {
    const stamp = new Date().toISOString();
    return t.db
      .insertInto("user")
      .values({
        unit_id: unit,
        username,
        display_name: username,
        email: null,
        password_hash: "not-a-real-hash",
        is_disabled: 0,
        must_change_password: 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  };

  test("the per-file copy of the template is already at the latest migration", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  // SQLite only: PostgreSQL has no such settings per connection (durability is the server's).
  test.runIf(testEngine() === "sqlite").each([
    { pragma: "journal_mode", column: "journal_mode", value: "wal" },
    { pragma: "foreign_keys", column: "foreign_keys", value: 1 },
    { pragma: "synchronous", column: "synchronous", value: 2 },
    { pragma: "busy_timeout", column: "timeout", value: 5000 },
  ])("pragma $pragma is $value", async ({ pragma, column, value }) => {
    const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(pragma)}`.execute(t.db);
    expect(rows[0]?.[column]).toBe(value);
  });

  test("a role outside the list is rejected by a CHECK", async () => {
    const { id } = await insertUser("check-role");
    await expect(sql`insert into user_role (user_id, role) values (${id}, 'superuser')`.execute(t.db)).rejects.toThrow(
      CHECK_FAILED,
    );
    await sql`insert into user_role (user_id, role) values (${id}, 'auditor')`.execute(t.db);
  });

  test.each(["is_disabled", "must_change_password"])("user.%s accepts only 0 and 1", async (column) => {
    const { id } = await insertUser(`check-${column}`);
    const update = (value: unknown) =>
      sql`update "user" set ${sql.ref(column)} = ${value} where id = ${id}`.execute(t.db);
    await expect(update(2)).rejects.toThrow(CHECK_FAILED);
    // PostgreSQL refuses text in an integer column before any CHECK runs.
    await expect(update("yes")).rejects.toThrow(testEngine() === "postgres" ? /invalid input syntax for type integer/ : CHECK_FAILED);
    await update(1);
  });

  test.each([
    { name: "is_remote_area = 2", statement: sql`update unit set is_remote_area = 2` },
    { name: "kind = 'village'", statement: sql`update unit set kind = 'village'` },
  ])("unit rejects $name", async ({ statement }) => {
    await expect(statement.execute(t.db)).rejects.toThrow(CHECK_FAILED);
  });

  test("login_attempt.succeeded accepts only 0 and 1", async () => {
    await expect(
      sql`insert into login_attempt (username, ip, succeeded, attempted_at) values ('x', '1.1.1.1', 2, '2026-01-01T00:00:00.000Z')`.execute(
        t.db,
      ),
    ).rejects.toThrow(CHECK_FAILED);
  });

  test("audit_log.actor_kind is checked", async () => {
    await expect(
      sql`insert into audit_log (unit_id, actor_kind, at, entity_type, entity_id, action, prev_hash, hash) values (${unitId}, 'robot', '2026-01-01T00:00:00.000Z', 'user', '1', 'created', '', '')`.execute(
        t.db,
      ),
    ).rejects.toThrow(CHECK_FAILED);
  });

  test("a user in a unit that does not exist is rejected by the foreign key", async () => {
    await expect(insertUser("orphan", unitId + 1000)).rejects.toThrow(FOREIGN_KEY_FAILED);
    const orphan = await t.db.selectFrom("user").select("id").where("username", "=", "orphan").executeTakeFirst();
    expect(orphan).toBeUndefined();
  });

  test("usernames are unique", async () => {
    await insertUser("twice");
    await expect(insertUser("twice")).rejects.toThrow(uniqueFailedOn("user", "username"));
  });

  test("deleting a user deletes their roles and sessions", async () => {
    const { id } = await insertUser("cascade");
    await t.db.insertInto("user_role").values({ user_id: id, role: "officer" }).execute();
    await t.db
      .insertInto("session")
      .values({ id: "cascade-session", user_id: id, created_at: "x", expires_at: "y" })
      .execute();
    await t.db.deleteFrom("user").where("id", "=", id).execute();
    expect(await t.db.selectFrom("user_role").selectAll().where("user_id", "=", id).execute()).toEqual([]);
    expect(await t.db.selectFrom("session").selectAll().where("user_id", "=", id).execute()).toEqual([]);
  });
});
