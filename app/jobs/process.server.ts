import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { JOBS } from "./index.server";
import { createJobRunner, type JobRunner } from "./runner.server";

let runner: JobRunner | undefined;

/** This process's runner over `JOBS` (created once; `start()` it to schedule). */
export function startJobRunner(db: Kysely<Database>): JobRunner {
  runner ??= createJobRunner(db, { jobs: JOBS });
  return runner;
}

/** The runner for "run now" on /staff/jobs; one is made when this process does not schedule (JOBS_ENABLED=false). */
export function getJobRunner(db: Kysely<Database>): JobRunner {
  return startJobRunner(db);
}

export async function stopJobRunner(): Promise<void> {
  await runner?.stop();
}
