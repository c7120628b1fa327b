import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";

/*
 * What an operator sees of the jobs and of startup: /staff/jobs with its "run now" form (audited),
 * /readyz, and the generated session secret (in the database on PostgreSQL, so every process shares it).
 * No SESSION_SECRET here on purpose.
 */

let t: TestDb;
let cookie = "";

beforeAll(async () => {
  t = createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", undefined);
  await seedReferenceData(t.db);
}, 60_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

describe(`startup state (${testEngine()})`, () => {
  it("/readyz answers 503 until startup has finished, then 200", async () => {
    const { loader } = await import("~/routes/readyz");
    const before = await loader();
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: "not_ready", reason: "starting" });
    const { markReady } = await import("~/utils/startup-lock.server");
    markReady();
    const after = await loader();
    expect(after.status).toBe(200);
  });

  it("the generated session secret is created once and shared through the database on PostgreSQL", async () => {
    const { loadSessionSecret, getSessionSecret } = await import("~/utils/session-secret.server");
    const { getDb } = await import("~/utils/db.server");
    const secret = await loadSessionSecret(getDb());
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(getSessionSecret()).toBe(secret);
    expect(await loadSessionSecret(getDb())).toBe(secret);
    const stored = await t.db.selectFrom("app_secret").select("value").execute();
    if (testEngine() === "postgres") {
      expect(stored).toEqual([{ value: secret }]);
    } else {
      expect(stored).toEqual([]);
      expect(readFileSync(join(t.dataDir, "session-secret"), "utf8").trim()).toBe(secret);
    }
    // No stray temporary files from the atomic creation.
    expect(readdirSync(t.dataDir).filter((f) => f.startsWith("session-secret."))).toEqual([]);
  });
});

describe(`/staff/jobs (${testEngine()})`, () => {
  beforeAll(async () => {
    const auth = await import("~/utils/auth.server");
    const result = await auth.logIn(new Request("http://localhost/login"), { username: "quantri", password: DEMO_PASSWORD }, "198.51.100.7");
    if (!result.ok) throw new Error("admin login failed");
    cookie = result.setCookie.split(";")[0] ?? "";
  });

  const post = (body: Record<string, string>) =>
    new Request("http://localhost/staff/jobs", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });

  it("lists every job, never run yet", async () => {
    const { loader } = await import("~/routes/staff.jobs");
    const page = await loader({ request: new Request("http://localhost/staff/jobs", { headers: { Cookie: cookie } }), params: {}, context: { clientAddress: "127.0.0.1" } });
    expect(page.jobs.map((j) => [j.name, j.runs, j.lastStartedAt])).toEqual([
      ["session-expiry", 0, null],
      ["rate-limit-expiry", 0, null],
      ["retention", 0, null],
      ["overdue-action-notices", 0, null],
      ["outbox-delivery", 0, null],
      ["action-reminders", 0, null],
    ]);
  });

  it("run now runs the job, records who asked in the audit log, and the page shows the run", async () => {
    const { action, loader } = await import("~/routes/staff.jobs");
    const response = (await action({ request: post({ intent: "run", name: "session-expiry" }), params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/staff/jobs?job=session-expiry&outcome=ran");
    const audit = await t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "job").execute();
    expect(audit).toMatchObject([{ entity_id: "session-expiry", action: "run_requested", actor_kind: "user", after_json: JSON.stringify({ status: "ran" }) }]);
    const page = await loader({ request: new Request("http://localhost/staff/jobs", { headers: { Cookie: cookie } }), params: {}, context: { clientAddress: "127.0.0.1" } });
    const row = page.jobs.find((j) => j.name === "session-expiry")!;
    expect(row).toMatchObject({ runs: 1, failures: 0, lastError: null, running: false });
    expect(row.lastStartedAt).not.toBeNull();
    expect(row.lastHeldBy).toMatch(/:\d+:/);
  });

  it("an unknown job or a malformed form is a 400, running nothing", async () => {
    const { action } = await import("~/routes/staff.jobs");
    for (const body of [{ intent: "run", name: "no-such-job" }, {}] as Record<string, string>[]) {
      const reply = (await action({ request: post(body), params: {}, context: { clientAddress: "127.0.0.1" } })) as { type?: string; init?: ResponseInit | null };
      expect(reply.init?.status).toBe(400);
    }
    expect(await t.db.selectFrom("audit_log").select("id").where("entity_type", "=", "job").execute()).toHaveLength(1);
  });
});
