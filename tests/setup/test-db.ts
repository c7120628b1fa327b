import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject, vi } from "vitest";
import { openDatabase, type Db, type Engine } from "#db/client";
import { adminSql, createDatabaseSql, dropDatabaseSql, pgUrlOf } from "./pg-server";

export interface TestDb {
  db: Db;
  /**
   * The database's `DATABASE_URL`, for code that opens the database itself (the app's `getDb()`):
   * the SQLite file, or the `postgres://` URL of this file's own PostgreSQL database.
   */
  path: string;
  /** The app's data folder for this database (uploads, session secret): the SQLite file's folder. */
  dataDir: string;
  /** Closes the connection and removes the database and its folder. */
  cleanup: () => Promise<void>;
}

/** The engine this test project runs on: `integration` is SQLite, `integration-pg` PostgreSQL. */
export function testEngine(): Engine {
  return inject("pgTemplate") ? "postgres" : "sqlite";
}

let counter = 0;

/**
 * A migrated database of its own: a copy of the run's template (the SQLite file copied, or on
 * PostgreSQL `CREATE DATABASE … TEMPLATE`). With `{ migrated: false }`, an empty database instead,
 * for tests of the migrations themselves.
 *
 * On PostgreSQL the `path` is a URL, so a data folder cannot sit beside it: DATA_DIR is stubbed to
 * `dataDir` (restored by `vi.unstubAllEnvs()`), which is where the SQLite default puts it too.
 */
export function createTestDb(options: { migrated?: boolean } = {}): TestDb {
  const migrated = options.migrated ?? true;
  const dir = mkdtempSync(join(tmpdir(), "motcua-test-"));
  if (testEngine() === "sqlite") {
    const path = join(dir, "test.sqlite");
    if (migrated) copyFileSync(inject("templateDbPath"), path);
    const db = openDatabase(path);
    let closed = false;
    return {
      db,
      path,
      dataDir: dir,
      cleanup: async () => {
        if (!closed) {
          closed = true;
          await db.destroy();
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  counter += 1;
  const name = `${inject("pgRunPrefix")}_${process.pid}_${counter}`;
  adminSql(createDatabaseSql(name, migrated ? inject("pgTemplate") : undefined));
  const path = pgUrlOf(name);
  const db = openDatabase(path, { poolSize: 4 });
  vi.stubEnv("DATA_DIR", dir);
  let closed = false;
  return {
    db,
    path,
    dataDir: dir,
    cleanup: async () => {
      if (!closed) {
        closed = true;
        await db.destroy();
        adminSql(dropDatabaseSql(name));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
