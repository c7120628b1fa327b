import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

/** Drops rate-limit counters whose window has passed (the library's own timer is not used). */
export async function deleteExpiredRateLimits(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom("rate_limit").where("expire", "<", now.getTime()).execute();
}
