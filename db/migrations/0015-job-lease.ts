import type { Kysely } from "kysely";

/*
 * Issue 14 (several app processes):
 * - `job_lease`: one row per background job (app/jobs/runner.server.ts). A process runs a job only
 *   after claiming its row with one conditional UPDATE, so each job runs at most once per interval
 *   across every process that opens the database; `lease_until` lets another process take over
 *   from one that died mid-run. Instants are UTC ISO text, as everywhere (they compare as text).
 * - `app_secret`: secrets the app generates for itself when none is configured (the session
 *   secret), so that processes on several machines sharing one PostgreSQL database agree on it.
 * Plain columns only: the same DDL on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_lease")
    .addColumn("name", "text", (c) => c.primaryKey().notNull())
    // Who runs it now (`host:pid:random`), and until when the claim holds without a heartbeat.
    .addColumn("held_by", "text")
    .addColumn("lease_until", "text")
    .addColumn("last_started_at", "text")
    .addColumn("last_finished_at", "text")
    .addColumn("last_duration_ms", "integer")
    // The last run's error message; null when it succeeded.
    .addColumn("last_error", "text")
    // Who ran it last (kept after the lease is released, for the admin page).
    .addColumn("last_held_by", "text")
    .addColumn("runs", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("app_secret")
    .addColumn("name", "text", (c) => c.primaryKey().notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
