import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { migrations } from "#db/migrations/index";
import { DEMO_UNIT } from "#db/seed/demo";
import { JOBS } from "~/jobs/index.server";
import { createApiClient } from "~/models/api-clients.server";
import { DEMO_PASSWORD } from "./browser";
import { startServer, type RunningServer } from "../setup/e2e-server";
import { adminSql, createDatabaseSql, dropDatabaseSql, pgUrlOf, runPrefix } from "../setup/pg-server";

/*
 * Two app processes behind one (imaginary) load balancer, on ONE PostgreSQL database of this file's
 * own: they start together on the empty database (one migrates and seeds, the other waits), with no
 * SESSION_SECRET and separate data folders (as on two machines), and then behave as one.
 */

const database = `${runPrefix()}_procs`;
let a: RunningServer;
let b: RunningServer;
let db: Db;
let token = "";
let serversStartedAt = 0;

const origin = (s: RunningServer) => `http://127.0.0.1:${s.port}`;

beforeAll(async () => {
  adminSql(createDatabaseSql(database));
  const env = { DATABASE_URL: pgUrlOf(database), SEED_DEMO: "true", SESSION_SECRET: undefined };
  serversStartedAt = Date.now();
  const started = await Promise.allSettled([startServer(env), startServer(env)]);
  for (const s of started) if (s.status === "rejected") {
    for (const o of started) if (o.status === "fulfilled") await o.value.stop();
    throw s.reason;
  }
  [a, b] = started.map((s) => (s as PromiseFulfilledResult<RunningServer>).value) as [RunningServer, RunningServer];
  db = openDatabase(pgUrlOf(database), { poolSize: 2 });
  await db.updateTable("user").set({ must_change_password: 0 }).execute();
  const unit = await db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow();
  token = (await createApiClient(db, { kind: "system" }, unit.id, "Cổng dịch vụ công tỉnh", ["dossiers"])).token;
}, 420_000);

afterAll(async () => {
  await db?.destroy();
  await a?.stop();
  await b?.stop();
  adminSql(dropDatabaseSql(database));
});

function logIn(server: RunningServer, username: string, password: string) {
  return fetch(`${origin(server)}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin(server) },
    body: new URLSearchParams({ username, password, redirectTo: "/staff" }),
  });
}

const postDossier = (server: RunningServer, key: string, payload: string) =>
  fetch(`${origin(server)}/api/v1/dossiers`, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, "Idempotency-Key": key },
  });

const dossierBody = () =>
  JSON.stringify({
    procedureCode: "1.001193",
    channel: "online_full",
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    applicant: { name: "Lò Văn Minh", phone: "0987654322", address: "Bản Co Sâu, xã Mường Sai" },
    documents: [{ name: "Tờ khai đăng ký khai sinh" }],
  });

describe("two app processes on one PostgreSQL database", () => {
  it("started together: migrated and seeded once, and both are ready", async () => {
    const applied = await db.selectFrom("kysely_migration" as never).select("name" as never).execute();
    expect(applied).toHaveLength(Object.keys(migrations).length);
    expect(await db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).execute()).toHaveLength(1);
    const usernames = (await db.selectFrom("user").select("username").execute()).map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const s of [a, b]) {
      const ready = await fetch(`${origin(s)}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });
    }
    // No SESSION_SECRET and separate data folders: the generated secret is the database's, one row.
    expect(await db.selectFrom("app_secret").select("name").execute()).toEqual([{ name: "session" }]);
  });

  it("a session cookie made on A works on B, and signing out on B ends it on A", async () => {
    const login = await logIn(a, "motcua", DEMO_PASSWORD);
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const onB = await fetch(`${origin(b)}/staff`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    const onBAnon = await fetch(`${origin(b)}/staff`, { redirect: "manual" });
    expect(onBAnon.status).toBe(302);
    const logout = await fetch(`${origin(b)}/logout`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: origin(b) } });
    expect(logout.status).toBe(302);
    expect((await fetch(`${origin(a)}/staff`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(302);
  });

  it("a login throttle built on A applies on B", async () => {
    // Three free failures, then waits of 1 s and 2 s (login-throttle.ts): the next try must wait 4 s.
    for (const wait of [0, 0, 0, 1100, 2100]) {
      await new Promise((r) => setTimeout(r, wait));
      expect((await logIn(a, "lanhdao", "wrong-password")).status).toBe(400);
    }
    const onB = await logIn(b, "lanhdao", DEMO_PASSWORD);
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("an idempotent API retry sent to B after A returns the same dossier, not a second one", async () => {
    const payload = dossierBody();
    const first = await postDossier(a, "portal-proc-0001", payload);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { code: string };
    const retry = await postDossier(b, "portal-proc-0001", payload);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(created);

    // Sent to both at once: one dossier, the same answer from each.
    const other = dossierBody();
    const both = await Promise.all([postDossier(a, "portal-proc-0002", other), postDossier(b, "portal-proc-0002", other)]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    const bodies = await Promise.all(both.map((r) => r.json()));
    expect(bodies[0]).toEqual(bodies[1]);

    const rows = await db.selectFrom("dossier").select("code").where("api_client_id", "is not", null).execute();
    expect(rows).toHaveLength(2);
  });

  it("the housekeeping jobs ran once, not once per process", async () => {
    // Each process's runner makes its first pass a second after it starts listening.
    await expect
      .poll(async () => (await db.selectFrom("job_lease").select("name").where("last_finished_at", "is not", null).execute()).length, { timeout: 20_000 })
      .toBe(JOBS.length);
    await new Promise((r) => setTimeout(r, 3000));
    const leases = await db.selectFrom("job_lease").select(["name", "runs", "last_error", "held_by"]).orderBy("name").execute();
    // Once per interval across both processes: a job with a short interval (outbox delivery, every
    // minute) may have had a second interval since the servers started, never one run per process.
    const elapsed = Date.now() - serversStartedAt;
    expect(leases.map(({ name, last_error, held_by }) => ({ name, last_error, held_by }))).toEqual(
      JOBS.map((j) => j.name)
        .sort()
        .map((name) => ({ name, last_error: null, held_by: null })),
    );
    for (const job of JOBS) {
      const runs = leases.find((l) => l.name === job.name)!.runs;
      expect(runs, job.name).toBeGreaterThanOrEqual(1);
      expect(runs, job.name).toBeLessThanOrEqual(Math.floor(elapsed / job.intervalMs) + 1);
    }
  });
});
