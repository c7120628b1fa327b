import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (so model functions compose
 * into one larger transaction, as the demo seed and multi-step changes do), a new one otherwise.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
