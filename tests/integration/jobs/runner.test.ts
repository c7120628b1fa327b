import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { withProcessLock } from "#db/process-lock";
import { JOBS } from "~/jobs/index.server";
import { createJobRunner, registerJob, type JobDefinition } from "~/jobs/runner.server";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

/*
 * The lease-row runner on both engines: two runners, each with its own connection(s) to one
 * database, stand for two app processes.
 */

const T0 = new Date("2026-03-02T02:00:00.000Z").getTime();
const MINUTE = 60_000;

let t: TestDb;
let second: Db;

beforeAll(() => {
  t = createTestDb();
  second = openDatabase(t.path, { poolSize: 2 });
});

afterAll(async () => {
  await second.destroy();
  await t.cleanup();
});

function counting(name: string, intervalMs = 10 * MINUTE, leaseMs?: number) {
  const calls: Date[] = [];
  const job = registerJob({ name, intervalMs, leaseMs, run: async (_db, now) => void calls.push(now) });
  return { job, calls };
}

const lease = (db: Db, name: string) => db.selectFrom("job_lease").selectAll().where("name", "=", name).executeTakeFirstOrThrow();

describe(`job runner (${testEngine()})`, () => {
  test("two processes ticking together run a job once per interval", async () => {
    const { job, calls } = counting("once-per-interval");
    let now = T0;
    const a = createJobRunner(t.db, { jobs: [job], holder: "a", clock: () => new Date(now) });
    const b = createJobRunner(second, { jobs: [job], holder: "b", clock: () => new Date(now) });

    const first = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(calls).toHaveLength(1);
    expect(first.flat().filter((o) => o.status === "ran")).toHaveLength(1);

    now = T0 + 9 * MINUTE;
    await Promise.all([a.tick(), b.tick()]);
    expect(calls).toHaveLength(1);

    now = T0 + 10 * MINUTE;
    await Promise.all([b.tick(), a.tick()]);
    expect(calls).toHaveLength(2);
    const row = await lease(t.db, "once-per-interval");
    expect(row).toMatchObject({ held_by: null, lease_until: null, runs: 2, last_error: null, last_started_at: new Date(now).toISOString() });
    expect(["a", "b"]).toContain(row.last_held_by);
  });

  test("a crashed holder's lease expires and another process takes the job over", async () => {
    let release!: () => void;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const job = registerJob({
      name: "crash-over",
      intervalMs: 60 * MINUTE,
      leaseMs: 2 * MINUTE,
      run: async (db) => {
        started.push(db === t.db ? "a" : "b");
        if (db === t.db) await hang;
      },
    });
    // Process A claims the job and freezes (its clock stands still: its heartbeat no longer moves the lease on).
    const logged: string[] = [];
    const a = createJobRunner(t.db, { jobs: [job], holder: "a", clock: () => new Date(T0), log: (m) => logged.push(m) });
    let bNow = T0 + MINUTE;
    const b = createJobRunner(second, { jobs: [job], holder: "b", clock: () => new Date(bNow) });
    const aRun = a.tick();
    await expect.poll(() => started).toEqual(["a"]);
    expect(await lease(t.db, "crash-over")).toMatchObject({ held_by: "a" });

    expect(await b.tick()).toEqual([{ name: "crash-over", status: "skipped" }]);
    bNow = T0 + 2 * MINUTE;
    expect((await b.tick())[0]?.status).toBe("ran");
    expect(started).toEqual(["a", "b"]);
    expect(await lease(t.db, "crash-over")).toMatchObject({ held_by: null, last_held_by: "b", runs: 2 });

    // A wakes up: its release finds the lease gone and changes nothing.
    release();
    expect((await aRun)[0]?.status).toBe("ran");
    expect(logged.some((m) => m.includes("lease was lost"))).toBe(true);
    expect(await lease(t.db, "crash-over")).toMatchObject({ last_held_by: "b", runs: 2 });
  });

  test("a long run renews its lease: the other process does not start it twice", async () => {
    let calls = 0;
    const job = registerJob({
      name: "long-run",
      intervalMs: 60 * MINUTE,
      leaseMs: 300,
      run: async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 1200));
      },
    });
    const a = createJobRunner(t.db, { jobs: [job], holder: "a" });
    const b = createJobRunner(second, { jobs: [job], holder: "b" });
    const aRun = a.tick();
    await expect.poll(() => calls).toBe(1);
    for (let i = 0; i < 4; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      expect(await b.tick()).toEqual([{ name: "long-run", status: "skipped" }]);
    }
    expect((await aRun)[0]?.status).toBe("ran");
    expect(calls).toBe(1);
  });

  test("an error is recorded on the lease row, and the job waits for its next interval", async () => {
    let now = T0;
    const logged: unknown[] = [];
    const job = registerJob({
      name: "failing",
      intervalMs: 5 * MINUTE,
      run: async () => {
        throw new Error("mail server unreachable");
      },
    });
    const a = createJobRunner(t.db, { jobs: [job], holder: "a", clock: () => new Date(now), log: (_m, e) => logged.push(e) });
    expect(await a.tick()).toEqual([{ name: "failing", status: "failed", durationMs: 0, error: "mail server unreachable" }]);
    expect(logged).toHaveLength(1);
    expect(await lease(t.db, "failing")).toMatchObject({ held_by: null, last_error: "mail server unreachable", failures: 1, runs: 1 });
    now = T0 + MINUTE;
    expect((await a.tick())[0]?.status).toBe("skipped");
    now = T0 + 5 * MINUTE;
    expect((await a.tick())[0]?.status).toBe("failed");
    expect(await lease(t.db, "failing")).toMatchObject({ failures: 2, runs: 2 });
  });

  test("run now runs a job that is not due, but never beside a run in progress", async () => {
    const { job, calls } = counting("run-now");
    const a = createJobRunner(t.db, { jobs: [job], holder: "a", clock: () => new Date(T0) });
    await a.tick();
    await a.tick();
    expect(calls).toHaveLength(1);
    expect((await a.runNow("run-now")).status).toBe("ran");
    expect(calls).toHaveLength(2);
    await t.db.updateTable("job_lease").set({ held_by: "other", lease_until: new Date(T0 + MINUTE).toISOString() }).where("name", "=", "run-now").execute();
    expect((await a.runNow("run-now")).status).toBe("skipped");
    expect(calls).toHaveLength(2);
  });

  test("the app's JOBS: unique names, each its own interval; every one runs on a migrated database", async () => {
    const names = JOBS.map((j: JobDefinition) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["session-expiry", "rate-limit-expiry", "retention", "overdue-action-notices"]));
    const runner = createJobRunner(t.db, { jobs: JOBS, holder: "app", clock: () => new Date(T0) });
    const outcomes = await runner.tick();
    expect(outcomes.map((o) => o.status)).toEqual(JOBS.map(() => "ran"));
    expect(() => registerJob({ name: "Bad Name", intervalMs: MINUTE, run: async () => undefined })).toThrow();
  });

  test("the startup lock lets one process at a time through", async () => {
    const order: string[] = [];
    const step = (who: string) => async () => {
      order.push(`${who}:in`);
      await new Promise((r) => setTimeout(r, 150));
      order.push(`${who}:out`);
    };
    await Promise.all([withProcessLock(t.db, step("a")), withProcessLock(second, step("b"))]);
    if (testEngine() === "postgres") {
      expect(order.join(",")).toMatch(/^(a:in,a:out,b:in,b:out|b:in,b:out,a:in,a:out)$/);
    } else {
      expect(order).toHaveLength(4);
    }
  });
});
