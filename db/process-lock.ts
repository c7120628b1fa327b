import { sql, type Kysely } from "kysely";
import { dialectOf } from "./migrations/portable";
import type { Database } from "./schema";

/*
 * One process at a time through startup's migrations and demo seed (issue 14, several processes).
 * PostgreSQL: a session advisory lock held on one pooled connection while `fn` runs on the others;
 * a second process blocks in pg_advisory_lock until the first releases it (or its connection
 * ends), then finds the migrations applied and the demo seeded. SQLite: the database file's own
 * write lock already serialises the migrations' transactions, so nothing more is taken.
 */

/** The advisory lock's key: fixed, so every version of the app takes the same lock. */
export const STARTUP_LOCK_KEY = 7_402_290_514;

export async function withProcessLock<T>(db: Kysely<Database>, fn: () => Promise<T>, key = STARTUP_LOCK_KEY): Promise<T> {
  if (dialectOf(db) !== "postgres") return fn();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(key)}::bigint)`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(key)}::bigint)`.execute(conn);
    }
  });
}
