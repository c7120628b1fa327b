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

/** Kysely's SQLite dialect over `openSqlite` (one connection; Kysely serialises its use). */
export function sqliteDialect(filename: string): SqliteDialect {
  return new SqliteDialect({ database: openSqlite(filename) });
}
