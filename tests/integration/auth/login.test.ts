import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "#db/seed/demo";
import { createSession } from "~/models/sessions.server";
import { createUser, updateUser } from "~/models/users.server";
import { hashPassword } from "~/utils/password.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Type only: the module itself is loaded in beforeAll, once the environment is set.
import type * as AuthModule from "~/utils/auth.server";

// auth.server.ts works on the app's own database, `getDb()`, opened from DATABASE_URL on first
// use; so the environment is set before the module is loaded (vitest isolates modules per file).
let auth: typeof AuthModule;
let t: TestDb;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, undefined, { requirePasswordChange: false });
  for (const row of await t.db.selectFrom("user").select(["id", "username"]).execute()) ids[row.username] = row.id;
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("LOGIN_LIMIT_PER_MINUTE", "5");
  auth = await import("~/utils/auth.server");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const idOf = (username: string) => {
  const id = ids[username];
  if (id === undefined) throw new Error(`no user ${username}`);
  return id;
};

/** Each test signs in from its own address, so the per-address limit of one never touches another. */
let nextHost = 1;
const freshIp = () => `198.51.100.${nextHost++}`;

const request = (path = "/login", cookie?: string) =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookieOf = (setCookie: string) => setCookie.split(";")[0] ?? "";

async function signIn(username: string, password = DEMO_PASSWORD, previousCookie?: string) {
  const result = await auth.logIn(request("/login", previousCookie), { username, password }, freshIp());
  if (!result.ok) throw new Error(`login of ${username} failed: ${result.reason}`);
  return cookieOf(result.setCookie);
}

/** What a guard threw: a Response, or the test fails. */
async function thrown(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error("expected the guard to throw");
  if (!(outcome.error instanceof Response)) throw outcome.error;
  return outcome.error;
}

describe("logIn", () => {
  test("the right password opens a session with an HttpOnly, SameSite=Lax cookie", async () => {
    const result = await auth.logIn(request(), { username: "motcua", password: DEMO_PASSWORD }, freshIp());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toMatch(/^__session=[^;]+;/);
    const attributes = result.setCookie.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).toContain("max-age=43200");

    const user = await auth.getSessionUser(request("/staff", cookieOf(result.setCookie)));
    expect(user).toMatchObject({ id: idOf("motcua"), username: "motcua", roles: ["officer"] });
  });

  test.each([
    { name: "a wrong password", username: "motcua", password: "not-the-password" },
    { name: "an unknown user", username: "khong-co-ai", password: DEMO_PASSWORD },
    { name: "the right password with different case", username: "motcua", password: DEMO_PASSWORD.toUpperCase() },
  ])("$name is invalid and opens no session", async ({ username, password }) => {
    const sessionsBefore = await t.db.selectFrom("session").select("id").execute();
    expect(await auth.logIn(request(), { username, password }, freshIp())).toEqual({ ok: false, reason: "invalid" });
    expect(await t.db.selectFrom("session").select("id").execute()).toEqual(sessionsBefore);
  });

  test("every attempt is recorded, success or not", async () => {
    const ip = freshIp();
    await auth.logIn(request(), { username: "danhgia", password: "wrong-wrong" }, ip);
    await auth.logIn(request(), { username: "danhgia", password: DEMO_PASSWORD }, ip);
    const rows = await t.db.selectFrom("login_attempt").select(["username", "succeeded"]).where("ip", "=", ip).orderBy("id").execute();
    expect(rows).toEqual([
      { username: "danhgia", succeeded: 0 },
      { username: "danhgia", succeeded: 1 },
    ]);
  });

  test("failures slow down that username from that address only: the owner elsewhere signs in at once", async () => {
    const id = await createUser(t.db, { kind: "system" }, {
      unitId: (await t.db.selectFrom("unit").select("id").executeTakeFirstOrThrow()).id,
      username: "bi-doan",
      displayName: "Bị đoán",
      roles: ["officer"],
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
    });
    ids["bi-doan"] = id;
    const attacker = freshIp();
    const start = Date.now();
    const at = (s: number) => new Date(start + s * 1000);
    for (let i = 0; i < 3; i++) {
      expect(await auth.logIn(request(), { username: "bi-doan", password: `wrong-${i}` }, attacker, at(i * 10))).toEqual({ ok: false, reason: "invalid" });
    }
    // The 4th try from the same address, even with the right password, waits a second.
    const held = await auth.logIn(request(), { username: "bi-doan", password: DEMO_PASSWORD }, attacker, at(20.5));
    if (held.ok || held.reason !== "throttled") throw new Error(`expected throttled, got ${JSON.stringify(held)}`);
    expect(held.retryAfterMs).toBe(500);
    expect(await t.db.selectFrom("session").select("id").where("user_id", "=", id).execute()).toEqual([]);
    // The owner, from their own machine, is not held up at all.
    expect((await auth.logIn(request(), { username: "bi-doan", password: DEMO_PASSWORD }, freshIp(), at(20.6))).ok).toBe(true);
    // And the attacker, after the wait, still only learns "invalid".
    expect(await auth.logIn(request(), { username: "bi-doan", password: "wrong-3" }, attacker, at(22))).toEqual({ ok: false, reason: "invalid" });
  });

  test("the owner is told of the 5th failure since their last success, from whatever addresses", async () => {
    const id = await createUser(t.db, { kind: "system" }, {
      unitId: (await t.db.selectFrom("unit").select("id").executeTakeFirstOrThrow()).id,
      username: "duoc-bao",
      displayName: "Được báo",
      roles: ["officer"],
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
    });
    ids["duoc-bao"] = id;
    const notices = () => t.db.selectFrom("notification").select(["kind", "text", "link"]).where("user_id", "=", id).execute();
    for (let i = 0; i < 4; i++) await auth.logIn(request(), { username: "duoc-bao", password: `wrong-${i}` }, freshIp());
    expect(await notices()).toEqual([]);
    await auth.logIn(request(), { username: "duoc-bao", password: "wrong-4" }, freshIp());
    expect(await notices()).toEqual([{ kind: "login_failures", text: expect.stringContaining("5 lần đăng nhập sai"), link: "/staff/account" }]);
    // A name that belongs to nobody leaves no notice anywhere.
    const before = await t.db.selectFrom("notification").select("id").execute();
    for (let i = 0; i < 5; i++) await auth.logIn(request(), { username: "khong-co-ai", password: `wrong-${i}` }, freshIp());
    expect(await t.db.selectFrom("notification").select("id").execute()).toHaveLength(before.length);
  });

  test("an address sending too many sign-ins a minute is refused, whatever the username", async () => {
    const crowd = freshIp();
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await auth.logIn(request(), { username: `ai-do-${i}`, password: "wrong-wrong" }, crowd));
    expect(outcomes.map((o) => (o.ok ? "ok" : o.reason))).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "throttled"]);
  });

  test("a disabled user is invalid even with the right password", async () => {
    const id = idOf("thanhtra");
    await updateUser(t.db, { kind: "system" }, id, { displayName: "Lường Văn Sơn", roles: ["inspector"], disabled: true });
    expect(await auth.logIn(request(), { username: "thanhtra", password: DEMO_PASSWORD }, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await t.db.selectFrom("session").select("id").where("user_id", "=", id).execute()).toEqual([]);
  });

  test("signing in again replaces the session the browser already had", async () => {
    const id = idOf("quantri");
    const oldCookie = await signIn("quantri");
    const oldSessions = await t.db.selectFrom("session").select("id").where("user_id", "=", id).execute();
    expect(oldSessions).toHaveLength(1);

    const newCookie = await signIn("quantri", DEMO_PASSWORD, oldCookie);

    const sessions = await t.db.selectFrom("session").select("id").where("user_id", "=", id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.id).not.toBe(oldSessions[0]?.id);
    expect(await auth.getSessionUser(request("/staff", oldCookie))).toBeNull();
    expect(await auth.getSessionUser(request("/staff", newCookie))).toMatchObject({ id });
  });
});

describe("getSessionUser", () => {
  test("returns the user and the session id for a valid cookie", async () => {
    const cookie = await signIn("chatluong");
    const user = await auth.getSessionUser(request("/staff", cookie));
    const sessions = await t.db.selectFrom("session").select("id").where("user_id", "=", idOf("chatluong")).execute();
    expect(sessions.map((s) => s.id)).toContain(user?.sessionId);
    expect(user).toEqual({
      id: idOf("chatluong"),
      unitId: expect.any(Number),
      username: "chatluong",
      displayName: "Lò Thị Hoa",
      email: null,
      roles: ["quality_lead"],
      isDisabled: false,
      mustChangePassword: false,
      sessionId: expect.any(String),
    });
  });

  test.each([
    { name: "no cookie", cookie: undefined },
    { name: "an unsigned cookie", cookie: "__session=forged-session-id" },
    { name: "another cookie", cookie: "lang=en" },
  ])("is null with $name", async ({ cookie }) => {
    expect(await auth.getSessionUser(request("/staff", cookie))).toBeNull();
  });

  test("is null for an unsigned cookie carrying a real session id", async () => {
    const session = await createSession(t.db, idOf("motcua"));
    // How the cookie would look if it were not signed: base64 of the JSON value.
    const unsigned = `__session=${encodeURIComponent(btoa(JSON.stringify(session.id)))}`;
    expect(await auth.getSessionUser(request("/staff", unsigned))).toBeNull();
  });

  test("is null once the session has expired", async () => {
    const cookie = await signIn("danhgia");
    await t.db
      .updateTable("session")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("user_id", "=", idOf("danhgia"))
      .execute();
    expect(await auth.getSessionUser(request("/staff", cookie))).toBeNull();
  });
});

describe("guards", () => {
  test("requireUser returns the signed-in user", async () => {
    const cookie = await signIn("lanhdao");
    expect(await auth.requireUser(request("/staff", cookie))).toMatchObject({ id: idOf("lanhdao") });
  });

  test("requireUser without a session redirects to login, remembering where the user was going", async () => {
    const response = await thrown(auth.requireUser(request("/staff/users?x=1&page=2")));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location") ?? "", "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/staff/users?x=1&page=2");
  });

  test("requireRole lets a holder of any listed role through", async () => {
    const cookie = await signIn("chatluong");
    await expect(auth.requireRole(request("/staff/audit-log", cookie), ["quality_lead", "admin"])).resolves.toMatchObject({
      id: idOf("chatluong"),
    });
  });

  test("requireRole answers 403 to a user without the role", async () => {
    const cookie = await signIn("motcua");
    const response = await thrown(auth.requireRole(request("/staff/users", cookie), "admin"));
    expect(response.status).toBe(403);
  });

  test("requireRole without a session redirects to login rather than answering 403", async () => {
    const response = await thrown(auth.requireRole(request("/staff/users"), "admin"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  test("a user who must change their password is sent to /staff/account, except there", async () => {
    const unitId = (await t.db.selectFrom("unit").select("id").executeTakeFirstOrThrow()).id;
    const id = await createUser(t.db, { kind: "system" }, {
      unitId,
      username: "moi-vao",
      displayName: "Mới vào",
      roles: ["admin"],
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: true,
    });
    const cookie = await signIn("moi-vao");

    for (const path of ["/staff", "/staff/users", "/staff/account/other"]) {
      const response = await thrown(auth.requireUser(request(path, cookie)));
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/staff/account");
    }
    const response = await thrown(auth.requireRole(request("/staff/users", cookie), "admin"));
    expect(response.headers.get("Location")).toBe("/staff/account");
    expect(await auth.requireUser(request("/staff/account", cookie))).toMatchObject({ id, mustChangePassword: true });
  });

  test("a session is refused once its user is disabled", async () => {
    const unitId = (await t.db.selectFrom("unit").select("id").executeTakeFirstOrThrow()).id;
    const id = await createUser(t.db, { kind: "system" }, {
      unitId,
      username: "sap-khoa",
      displayName: "Sắp khoá",
      roles: ["officer"],
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
    });
    const cookie = await signIn("sap-khoa");
    // Disable directly, without updateUser's session clean-up: the read path must refuse on its own.
    await t.db.updateTable("user").set({ is_disabled: 1 }).where("id", "=", id).execute();
    const response = await thrown(auth.requireUser(request("/staff", cookie)));
    expect(response.headers.get("Location")).toMatch(/^\/login\?/);
  });
});

describe("logOut", () => {
  test("deletes the session and clears the cookie", async () => {
    const cookie = await signIn("motcua");
    const before = await auth.getSessionUser(request("/staff", cookie));
    expect(before).not.toBeNull();
    const setCookie = await auth.logOut(request("/logout", cookie));
    expect(setCookie.toLowerCase()).toMatch(/^__session=[^;]*;.*max-age=0/);
    const gone = await t.db.selectFrom("session").select("id").where("id", "=", before?.sessionId ?? "").execute();
    expect(gone).toEqual([]);
  });
});

test("with SESSION_SECRET set, no secret file is written beside the database", () => {
  expect(existsSync(join(t.dataDir, "session-secret"))).toBe(false);
});
