import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "#db/client";
import type { Database } from "#db/schema";
import { migrations } from "#db/migrations/index";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

/*
 * The migrations gained PostgreSQL branches (issue 14) without changing what they produce on SQLite:
 * a fresh SQLite database has byte for byte the schema (`sqlite_master`, triggers included) that the
 * migrations produced before, saved in fixtures/sqlite-schema-NNNN.json. Existing SQLite
 * databases therefore keep migrating from wherever they are.
 * On PostgreSQL the same migrations give the same tables, columns, nullability and defaults, with
 * the types mapped as docs/decisions/0011-postgresql.md says.
 */

async function migrateUpTo(db: Kysely<Database>, name: string) {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  if (error) throw error;
}

describe.runIf(testEngine() === "sqlite")("SQLite", () => {
  // 0012: the last migration before PostgreSQL support; 0013: the first written beside it (main's text).
  test.each(["0012-api-client-scopes", "0013-figures-and-service-index"])("the schema up to %s is exactly the one SQLite had before", async (upTo) => {
    const t = createTestDb({ migrated: false });
    try {
      await migrateUpTo(t.db, upTo);
      const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
        select type, name, tbl_name, sql from sqlite_master where name not like 'kysely_%' order by type, name`.execute(t.db);
      const fixture = new URL(`./fixtures/sqlite-schema-${upTo.slice(0, 4)}.json`, import.meta.url);
      expect(rows).toEqual(JSON.parse(readFileSync(fixture, "utf8")));
    } finally {
      await t.cleanup();
    }
  });
});

/** Table → column → [type as SQLite would declare it, nullable, has a default, auto-incremented]. */
type Shape = Record<string, Record<string, [string, boolean, boolean, boolean]>>;

/** SQLite keeps the declared name: both spellings of an 8-byte float the migrations use are `real`. */
const SQLITE_TYPE: Record<string, string> = { "double precision": "real" };
const PG_TO_SQLITE_TYPE: Record<string, string> = { int4: "integer", int8: "bigint", text: "text", float8: "real", bytea: "blob" };

const TEXT_PRIMARY_KEYS = [
  ["session", "id"],
  ["rate_limit", "key"],
] as const;

async function shapeOf(db: Kysely<Database>, mapType: (t: string) => string): Promise<Shape> {
  const shape: Shape = {};
  for (const table of await db.introspection.getTables()) {
    if (table.name.startsWith("kysely_")) continue;
    // SQLite's full-text index of dossiers (FTS5 table and shadow tables, migration 0019); PostgreSQL
    // indexes the dossier columns themselves instead.
    if (table.name === "dossier_search" || table.name.startsWith("dossier_search_")) continue;
    shape[table.name] = Object.fromEntries(
      // SQLite reports its `integer primary key` as nullable; it never is (the engine assigns it).
      table.columns.map((c) => [
        c.name,
        [mapType(c.dataType), c.isNullable && !c.isAutoIncrementing, Boolean(c.hasDefaultValue) || c.isAutoIncrementing, c.isAutoIncrementing],
      ]),
    );
  }
  return shape;
}

describe.runIf(testEngine() === "postgres")("PostgreSQL", () => {
  let t: TestDb;
  let dir: string;
  beforeAll(() => {
    t = createTestDb();
    dir = mkdtempSync(join(tmpdir(), "motcua-schema-"));
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test("has the tables and columns SQLite has, with the same nullability and defaults", async () => {
    const sqlite = openDatabase(join(dir, "reference.sqlite"));
    try {
      await new Migrator({ db: sqlite, provider: { getMigrations: async () => migrations } }).migrateToLatest();
      const expected = await shapeOf(sqlite, (type) => SQLITE_TYPE[type.toLowerCase()] ?? type.toLowerCase());
      const actual = await shapeOf(t.db, (type) => PG_TO_SQLITE_TYPE[type] ?? `unmapped ${type}`);
      // A text primary key: SQLite (a legacy quirk) would take a null there, PostgreSQL never does;
      // the app always writes one.
      for (const [table, column] of TEXT_PRIMARY_KEYS) expected[table]![column]![1] = false;
      expect(actual).toEqual(expected);
    } finally {
      await sqlite.destroy();
    }
  });

  test("text is compared in byte order (C collation), as on SQLite", async () => {
    const { rows } = await sql<{ datcollate: string }>`select datcollate from pg_database where datname = current_database()`.execute(t.db);
    expect(rows[0]?.datcollate).toMatch(/^(C|POSIX|C\..*)$/);
    const { rows: order } = await sql<{ v: string }>`select v from (values ('CL-100'), ('CL-99'), ('Đ'), ('Z'), ('a'), ('é')) as x(v) order by v`.execute(t.db);
    expect(order.map((r) => r.v)).toEqual(["CL-100", "CL-99", "Z", "a", "é", "Đ"]);
  });
});
