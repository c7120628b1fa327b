import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";
import type * as AccountRoute from "~/routes/staff.account";
import type * as AuthModule from "~/utils/auth.server";

let t: TestDb;
let account: typeof AccountRoute;
let auth: typeof AuthModule;

beforeAll(async () => {
  t = createTestDb();
  await seedReferenceData(t.db);
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("PASSWORD_CHECK_LIMIT_PER_HOUR", "3");
  account = await import("~/routes/staff.account");
  auth = await import("~/utils/auth.server");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

describe("the current-password check on /staff/account", () => {
  it("takes a few guesses an hour per account, then answers 429, even with the right password", async () => {
    const login = await auth.logIn(new Request("http://localhost/login"), { username: "motcua", password: DEMO_PASSWORD }, "198.51.100.40");
    if (!login.ok) throw new Error("login failed");
    const cookie = login.setCookie.split(";")[0]!;
    const post = async (currentPassword: string) => {
      const body = new URLSearchParams({ currentPassword, newPassword: "mat-khau-moi-rat-dai-2026", confirmPassword: "mat-khau-moi-rat-dai-2026" });
      const result = (await account.action({ request: new Request("http://localhost/staff/account", { method: "POST", headers: { Cookie: cookie }, body }), params: {}, context: { clientAddress: "127.0.0.1" } })) as {
        init?: ResponseInit | null;
        data?: unknown;
      };
      return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), body: JSON.stringify(result.data) };
    };
    for (let i = 0; i < 3; i++) expect((await post(`doan-sai-${i}`)).status).toBe(400);
    const held = await post(DEMO_PASSWORD);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(held.body).toContain("error.tooManyPasswordChecks");
  });
});
