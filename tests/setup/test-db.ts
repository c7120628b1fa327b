import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase, type Db } from "#db/client";

export interface TestDb {
  db: Db;
  /** The SQLite file, for code that opens the database itself (the app's `getDb()`). */
  path: string;
  /** Closes the connection and removes the file. */
  cleanup: () => Promise<void>;
}

/** A migrated database of its own in a fresh temporary directory: a copy of the run's template. */
export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), "motcua-test-"));
  const path = join(dir, "test.sqlite");
  copyFileSync(inject("templateDbPath"), path);
  const db = openDatabase(path);
  let closed = false;
  return {
    db,
    path,
    cleanup: async () => {
      if (!closed) {
        closed = true;
        await db.destroy();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
