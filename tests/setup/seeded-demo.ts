import { afterAll, beforeAll } from "vitest";
import type { Db } from "#db/client";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { createTestDb, type TestDb } from "./test-db";

export interface SeededDemo {
  /** The file's own database, seeded with the whole demo (readable once `beforeAll` has run). */
  readonly db: Db;
  /** The demo commune's id. */
  readonly unitId: number;
  /** The database's URL and folder, for code that opens it itself. */
  readonly testDb: TestDb;
}

/**
 * The demo (27,000 dossiers through the triggers, the ISO records, the demo clocks) seeded once for a
 * test file into a database of its own, as of `now`, and dropped after the file's tests.
 */
export function seededDemo(now?: Date): SeededDemo {
  let testDb: TestDb | undefined;
  let unitId = 0;
  beforeAll(async () => {
    testDb = createTestDb();
    await seedDemo(testDb.db, now, { requirePasswordChange: false });
    unitId = (await testDb.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  }, 180_000);
  afterAll(async () => {
    await testDb?.cleanup();
  });
  const seeded = () => {
    if (!testDb) throw new Error("The demo is seeded in beforeAll: read it inside a test or hook");
    return testDb;
  };
  return {
    get db() {
      return seeded().db;
    },
    get unitId() {
      return unitId;
    },
    get testDb() {
      return seeded();
    },
  };
}
