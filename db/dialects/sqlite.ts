import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { SqliteDialect } from "kysely";

/**
 * Opens (creating if needed) the SQLite file with the settings the product relies on:
 * WAL for concurrent readers, foreign keys enforced, a busy timeout instead of
 * immediate SQLITE_BUSY, and synchronous=FULL so an acknowledged write survives a crash.
 */
export function openSqlite(filename: string): SQLite.Database {
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return sqlite;
}

const handles = new WeakMap<object, SQLite.Database>();

/**
 * Kysely's SQLite dialect over `openSqlite` (one connection; Kysely serialises its use), and the
 * handle it opened, so the caller can link it to its Kysely instance for `sqliteHandleOf`.
 */
export function sqliteDialect(filename: string): { dialect: SqliteDialect; handle: SQLite.Database } {
  const handle = openSqlite(filename);
  return { dialect: new SqliteDialect({ database: handle }), handle };
}

export function registerSqlite(db: object, handle: SQLite.Database): void {
  handles.set(db, handle);
}

/** The better-sqlite3 handle under a Kysely instance opened by `openDatabase` on SQLite, for libraries that take one (rate limits). */
export function sqliteHandleOf(db: object): SQLite.Database | undefined {
  return handles.get(db);
}
