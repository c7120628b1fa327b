import { sql, type Kysely } from "kysely";
import { withProcessLock } from "#db/process-lock";
import { migrations } from "#db/migrations/index";
import type { Database } from "#db/schema";

let ready = false;

/** Startup's migrations and seed, one process at a time (db/process-lock.ts). */
export function underStartupLock<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  return withProcessLock(db, fn);
}

/** Startup finished: the migrations ran and the session secret is loaded. */
export function markReady(): void {
  ready = true;
}

/**
 * Ready to take traffic: startup finished, the database answers and has every migration of this
 * build applied (a newer process may still be migrating the schema an older one reads).
 */
export async function readiness(db: Kysely<Database>): Promise<{ ready: boolean; reason?: string }> {
  if (!ready) return { ready: false, reason: "starting" };
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  const missing = Object.keys(migrations).filter((name) => !applied.has(name));
  return missing.length === 0 ? { ready: true } : { ready: false, reason: "migrations_pending" };
}
