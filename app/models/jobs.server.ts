import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { JobDefinition, JobOutcome } from "~/jobs/runner.server";
import { recordAudit, type Actor } from "./audit-log.server";

export interface JobStatus {
  name: string;
  intervalMs: number;
  heldBy: string | null;
  /** Whether `heldBy` still holds a live lease (a run in progress). */
  running: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastHeldBy: string | null;
  runs: number;
  failures: number;
}

/** Every registered job with its lease row (a job that never ran has none yet). */
export async function listJobStatus(db: Kysely<Database>, jobs: readonly JobDefinition[], now = new Date()): Promise<JobStatus[]> {
  const rows = await db.selectFrom("job_lease").selectAll().execute();
  const byName = new Map(rows.map((r) => [r.name, r]));
  return jobs.map((job) => {
    const row = byName.get(job.name);
    return {
      name: job.name,
      intervalMs: job.intervalMs,
      heldBy: row?.held_by ?? null,
      running: Boolean(row?.held_by && row.lease_until && row.lease_until > now.toISOString()),
      lastStartedAt: row?.last_started_at ?? null,
      lastFinishedAt: row?.last_finished_at ?? null,
      lastDurationMs: row?.last_duration_ms ?? null,
      lastError: row?.last_error ?? null,
      lastHeldBy: row?.last_held_by ?? null,
      runs: row?.runs ?? 0,
      failures: row?.failures ?? 0,
    };
  });
}

/** The audit row of a "run now" request, with what came of it. */
export async function recordJobRunRequest(db: Kysely<Database>, actor: Actor, unitId: number, outcome: JobOutcome, now = new Date()): Promise<void> {
  await recordAudit(db, {
    actor,
    unitId,
    entityType: "job",
    entityId: outcome.name,
    action: "run_requested",
    after: outcome.status === "failed" ? { status: outcome.status, error: outcome.error } : { status: outcome.status },
    at: now,
  });
}
