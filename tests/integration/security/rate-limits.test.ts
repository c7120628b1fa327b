import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "#db/client";
import type { DossierAction } from "~/domain/dossiers/lifecycle";
import { applyDossierAction, getDueContext, receiveDossier } from "~/models/dossiers.server";
import { getProcedureByCode } from "~/models/procedures.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { DEMO_UNIT } from "#db/seed/demo";
import { seedReferenceData } from "../models/dossier-fixtures";
// Types only: the modules are loaded once the environment is set.
import type * as RateRoute from "~/routes/feedback.rate";
import type * as LookupRoute from "~/routes/lookup";
import type * as Open311Route from "~/routes/open311.v2.$resource";
import type * as ReportRoute from "~/routes/reports.on-time[.pdf]";
import type * as VerifyRoute from "~/routes/verify.$code";
import type * as RateLimits from "~/utils/rate-limit.server";

let t: TestDb;
let rate: typeof RateRoute;
let lookup: typeof LookupRoute;
let open311: typeof Open311Route;
let report: typeof ReportRoute;
let verify: typeof VerifyRoute;
let limits: typeof RateLimits;
let returned: { id: number; code: string };
let rated: { id: number; code: string };

async function returnedDossier(db: TestDb["db"], hour: number) {
  const seeded = await db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow();
  const officerId = (await db.selectFrom("user").select("id").executeTakeFirstOrThrow()).id;
  const officer = { kind: "user" as const, userId: officerId };
  const context = await getDueContext(db, seeded.id);
  const procedure = (await getProcedureByCode(db, seeded.id, "1.001193"))!;
  const receivedAt = new Date(`2026-03-03T${String(hour).padStart(2, "0")}:00:00+07:00`);
  const { id, code } = await receiveDossier(
    db,
    officer,
    context,
    {
      procedure,
      applicantName: "Cầm Thị Xuân",
      applicantPhone: "0912345678",
      applicantIdNumber: "014195004321",
      applicantAddress: "Bản Hặp",
      channel: "direct",
      receivedAt,
      documents: [{ name: "Tờ khai" }],
    },
    receivedAt,
  );
  const steps: DossierAction[] = [{ type: "assign", handlerUserId: officerId }, { type: "mark_result_ready" }, { type: "return_result" }];
  for (const step of steps) await applyDossierAction(db, officer, context, id, step, new Date(receivedAt.getTime() + 600_000));
  return { id, code };
}

beforeAll(async () => {
  t = createTestDb();
  await seedReferenceData(t.db);
  returned = await returnedDossier(t.db, 8);
  rated = await returnedDossier(t.db, 9);
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("LOOKUP_LIMIT_PER_MINUTE", "3");
  vi.stubEnv("RATING_LIMIT_PER_HOUR", "50");
  vi.stubEnv("RATING_FAILURES_PER_DOSSIER_PER_DAY", "5");
  vi.stubEnv("OPEN311_LIMIT_PER_MINUTE", "2");
  vi.stubEnv("VERIFY_LIMIT_PER_MINUTE", "2");
  vi.stubEnv("REPORTS_LIMIT_PER_MINUTE", "2");
  rate = await import("~/routes/feedback.rate");
  lookup = await import("~/routes/lookup");
  open311 = await import("~/routes/open311.v2.$resource");
  report = await import("~/routes/reports.on-time[.pdf]");
  verify = await import("~/routes/verify.$code");
  limits = await import("~/utils/rate-limit.server");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

let nextHost = 1;
const freshIp = () => `203.0.113.${nextHost++}`;

/** What a loader or action gave: a thrown or returned Response, or Remix's `data()`. */
async function call(fn: () => Promise<unknown>): Promise<{ status: number; headers: Headers; body: unknown }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, headers: result.headers, body: await result.text() };
    const reply = result as { data?: unknown; init?: ResponseInit | null; type?: string };
    if (reply && reply.type === "DataWithResponseInit") {
      return { status: reply.init?.status ?? 200, headers: new Headers(reply.init?.headers), body: reply.data };
    }
    return { status: 200, headers: new Headers(), body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, body: await thrown.text() };
    throw thrown;
  }
}

function rateForm(code: string, phoneLast4: string) {
  return new URLSearchParams({ code, phoneLast4, rating: "dissatisfied" });
}
const postRating = (code: string, phoneLast4: string, clientAddress: string) =>
  call(() =>
    rate.action({ request: new Request("http://localhost/feedback/rate", { method: "POST", body: rateForm(code, phoneLast4) }), params: {}, context: { clientAddress } }),
  );

describe("/feedback/rate is no oracle of the phone digits", () => {
  it("after 5 wrong guesses on a dossier, from any addresses, it takes no more, even the right ones", async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await postRating(returned.code, String(1000 + i), freshIp());
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(wrong.body)).toContain("rating.mismatch");
    }
    const right = await postRating(returned.code, "5678", freshIp());
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(3600);
    expect(JSON.stringify(right.body)).toContain("rating.tooManyTries");
    expect(await t.db.selectFrom("dossier_rating").select("id").where("dossier_id", "=", returned.id).execute()).toEqual([]);
  });

  it("answers 'already rated' before looking at the digits, and counts no guess for it", async () => {
    const first = await postRating(rated.code, "5678", freshIp());
    expect(first.status).toBe(302);
    for (let i = 0; i < 8; i++) {
      const again = await postRating(rated.code, String(2000 + i), freshIp());
      expect(again.status).toBe(400);
      expect(JSON.stringify(again.body)).toContain("rating.already");
      expect(JSON.stringify(again.body)).not.toContain("rating.mismatch");
    }
  });
});

describe("public endpoints answer 429 with Retry-After once a client's limit is spent", () => {
  it("/lookup: each code tried counts", async () => {
    const ip = freshIp();
    const get = (code: string) => call(() => lookup.loader({ request: new Request(`http://localhost/lookup?code=${code}`), params: {}, context: { clientAddress: ip } }));
    for (let i = 1; i <= 3; i++) expect((await get(`000.00.17.H53-260303-000${i}`)).status).toBe(200);
    const refused = await get("000.00.17.H53-260303-0009");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(JSON.parse(String(refused.body))).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // Another visitor is not held up.
    expect((await call(() => lookup.loader({ request: new Request("http://localhost/lookup?code=000.00.17.H53-260303-0001"), params: {}, context: { clientAddress: freshIp() } }))).status).toBe(200);
  });

  it("Open311 reads, in the format asked for", async () => {
    const ip = freshIp();
    const get = () => call(() => open311.loader({ request: new Request("http://localhost/open311/v2/requests.json"), params: { resource: "requests.json" }, context: { clientAddress: ip } }));
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(JSON.parse(String(refused.body))).toEqual([{ code: 429, description: expect.stringContaining("thử lại sau") }]);
  });

  it("/verify/<code>", async () => {
    const ip = freshIp();
    const get = () => call(() => verify.loader({ request: new Request("http://localhost/verify/AAAA-BBBB-CCCC"), params: { code: "AAAA-BBBB-CCCC" }, context: { clientAddress: ip } }));
    expect((await get()).status).toBe(404);
    expect((await get()).status).toBe(404);
    expect((await get()).status).toBe(429);
  });

  it("the public on-time PDF: whole months, quarters and years only, and a limit", async () => {
    const ip = freshIp();
    const get = (query: string) => call(() => report.loader({ request: new Request(`http://localhost/reports/on-time.pdf?${query}`), params: {}, context: { clientAddress: ip } }));
    const odd = await get("from=2025-03-02&to=2025-03-17");
    expect(odd.status).toBe(400);
    expect(JSON.parse(String(odd.body))).toMatchObject({ issues: [{ path: "from", code: "reports.error.publicPeriod" }] });
    expect((await get("year=2025")).status).toBe(200);
    expect((await get("year=2025")).status).toBe(429);
  });
});

describe("the counters live in the database", () => {
  it("two connections to the same file (two app processes) share them", async () => {
    const a = openDatabase(t.path);
    const b = openDatabase(t.path);
    try {
      const key = `shared-${randomBytes(4).toString("hex")}`;
      expect(await limits.consumeRateLimit("verify", key, 1, a)).toEqual({ ok: true });
      expect(await limits.consumeRateLimit("verify", key, 1, b)).toEqual({ ok: true });
      expect(await limits.consumeRateLimit("verify", key, 1, a)).toMatchObject({ ok: false });
      const row = await a.selectFrom("rate_limit").select(["key", "points"]).where("key", "=", `verify:${key}`).executeTakeFirst();
      expect(row).toMatchObject({ points: 3 });
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });
});
