import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

/*
 * Background jobs that run at most once per interval across every app process on one database
 * (docs/decisions/0014-processes-and-jobs.md). Each job has a row in `job_lease`; a process runs a
 * job only after claiming that row with ONE conditional UPDATE (the row is created first with an
 * insert-or-ignore), which both engines make atomic: on PostgreSQL the second of two concurrent
 * UPDATEs re-reads the row after the first commits and no longer matches; SQLite takes one writer
 * at a time. A long run renews its lease (heartbeat); a process that dies mid-run stops renewing,
 * its lease expires and another process takes the job over. On SQLite the same code runs in the
 * one process (or in several processes sharing the file).
 */

export interface JobDefinition {
  /** Unique, kebab-case: the `job_lease` row's key and the label on /staff/jobs. */
  name: string;
  /** A run starts at most once per interval, across processes. */
  intervalMs: number;
  /** How long a claim holds without a heartbeat (renewed every third of it while running). */
  leaseMs: number;
  run: (db: Kysely<Database>, now: Date) => Promise<unknown>;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;
const DEFAULT_LEASE_MS = 5 * 60 * 1000;

/** A job for the `JOBS` list (app/jobs/index.server.ts); checks its name and timings. */
export function registerJob(job: { name: string; intervalMs: number; leaseMs?: number; run: JobDefinition["run"] }): JobDefinition {
  if (!NAME.test(job.name)) throw new Error(`Job name "${job.name}" must be kebab-case (a–z, 0–9, -)`);
  if (!Number.isInteger(job.intervalMs) || job.intervalMs < 1000) throw new Error(`Job ${job.name}: intervalMs must be an integer ≥ 1000`);
  const leaseMs = job.leaseMs ?? Math.min(DEFAULT_LEASE_MS, job.intervalMs);
  if (!Number.isInteger(leaseMs) || leaseMs < 300) throw new Error(`Job ${job.name}: leaseMs must be an integer ≥ 300`);
  return { name: job.name, intervalMs: job.intervalMs, leaseMs, run: job.run };
}

export type JobOutcome =
  | { name: string; status: "ran"; durationMs: number }
  | { name: string; status: "failed"; durationMs: number; error: string }
  /** Not due yet, or another process holds it. */
  | { name: string; status: "skipped" };

export interface JobRunnerOptions {
  jobs: readonly JobDefinition[];
  /** This process's name in `held_by`; unique per runner by default (`host:pid:random`). */
  holder?: string;
  /** The clock (tests move it). */
  clock?: () => Date;
  /** How often `start()` looks for due jobs. */
  tickMs?: number;
  /** Where failures are reported (besides `last_error`). */
  log?: (message: string, error?: unknown) => void;
}

export interface JobRunner {
  readonly holder: string;
  /** Runs every due job this process can claim, one after another. */
  tick: () => Promise<JobOutcome[]>;
  /** Runs one job now if no process holds it, due or not (the "run now" button). */
  runNow: (name: string) => Promise<JobOutcome>;
  /** Ticks after `firstDelayMs`, then every `tickMs` (timers do not keep the process alive). */
  start: (firstDelayMs?: number) => void;
  /** Stops ticking and waits for the current tick. */
  stop: () => Promise<void>;
}

export function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function ensureRows(db: Kysely<Database>, jobs: readonly JobDefinition[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto("job_lease")
    .values(jobs.map((j) => ({ name: j.name })))
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
}

/**
 * The claim: free (never held, released, or its lease expired) and due (never started, started an
 * interval ago or more, or its last start never finished: a crashed run). `force` skips "due".
 */
async function claim(db: Kysely<Database>, job: JobDefinition, holder: string, now: number, force: boolean): Promise<boolean> {
  const nowIso = iso(now);
  const result = await db
    .updateTable("job_lease")
    .set((eb) => ({
      held_by: holder,
      lease_until: iso(now + job.leaseMs),
      last_started_at: nowIso,
      runs: eb("runs", "+", 1),
    }))
    .where("name", "=", job.name)
    .where((eb) => eb.or([eb("held_by", "is", null), eb("lease_until", "is", null), eb("lease_until", "<=", nowIso)]))
    .$if(!force, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("last_started_at", "is", null),
          eb("last_started_at", "<=", iso(now - job.intervalMs)),
          eb("last_finished_at", "is", null),
          eb("last_finished_at", "<", eb.ref("last_started_at")),
        ]),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function createJobRunner(db: Kysely<Database>, options: JobRunnerOptions): JobRunner {
  const jobs = options.jobs;
  const names = new Set<string>();
  for (const j of jobs) {
    if (names.has(j.name)) throw new Error(`Job ${j.name} is registered twice`);
    names.add(j.name);
  }
  const holder = options.holder ?? defaultHolder();
  const clock = options.clock ?? (() => new Date());
  const tickMs = options.tickMs ?? 60_000;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ""));
  let rowsReady = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function execute(job: JobDefinition, force: boolean): Promise<JobOutcome> {
    if (!rowsReady) {
      await ensureRows(db, jobs);
      rowsReady = true;
    }
    const started = clock();
    if (!(await claim(db, job, holder, started.getTime(), force))) return { name: job.name, status: "skipped" };
    const heartbeat = setInterval(() => {
      void db
        .updateTable("job_lease")
        .set({ lease_until: iso(clock().getTime() + job.leaseMs) })
        .where("name", "=", job.name)
        .where("held_by", "=", holder)
        .execute()
        .catch((error: unknown) => log(`job ${job.name}: heartbeat failed`, error));
    }, Math.max(100, Math.floor(job.leaseMs / 3)));
    heartbeat.unref();
    let error: string | null = null;
    try {
      await job.run(db, started);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 2000) || "error";
      log(`job ${job.name} failed`, e);
    } finally {
      clearInterval(heartbeat);
    }
    const finished = clock();
    const durationMs = Math.max(0, finished.getTime() - started.getTime());
    const released = await db
      .updateTable("job_lease")
      .set((eb) => ({
        held_by: null,
        lease_until: null,
        last_finished_at: finished.toISOString(),
        last_duration_ms: durationMs,
        last_error: error,
        last_held_by: holder,
        failures: error === null ? eb.ref("failures") : eb("failures", "+", 1),
      }))
      .where("name", "=", job.name)
      .where("held_by", "=", holder)
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) !== 1) log(`job ${job.name}: the lease was lost during the run (another process took it over)`);
    return error === null ? { name: job.name, status: "ran", durationMs } : { name: job.name, status: "failed", durationMs, error };
  }

  async function tick(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) {
      if (stopped) break;
      try {
        outcomes.push(await execute(job, false));
      } catch (error) {
        // The database did not answer: try again next tick.
        log(`job ${job.name}: could not claim its lease`, error);
        outcomes.push({ name: job.name, status: "skipped" });
      }
    }
    return outcomes;
  }

  function schedule(delay: number) {
    timer = setTimeout(() => {
      current = tick().finally(() => {
        if (!stopped) schedule(tickMs);
      });
    }, delay);
    timer.unref();
  }

  return {
    holder,
    tick,
    runNow: async (name) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`No job named ${name}`);
      return execute(job, true);
    },
    start: (firstDelayMs = 1000) => {
      stopped = false;
      schedule(firstDelayMs);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}

/** The `job_lease` rows, for /staff/jobs. */
export async function listJobLeases(db: Kysely<Database>) {
  return db.selectFrom("job_lease").selectAll().orderBy("name").execute();
}
