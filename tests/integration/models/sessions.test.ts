import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedDemo } from "#db/seed/demo";
import { PAIR_WINDOW_MS } from "~/domain/accounts/login-throttle";
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  DEFAULT_IDLE_MS,
  getSessionUserId,
  listPairLoginAttempts,
  listUsernameLoginAttempts,
  recordLoginAttempt,
  SESSION_LIFETIME_MS,
} from "~/models/sessions.server";
import { createTestDb, type TestDb } from "../../setup/test-db";

const NOW = new Date("2026-03-02T02:00:00.000Z");
const at = (msFromNow: number) => new Date(NOW.getTime() + msFromNow);

let t: TestDb;
const userIds: Record<string, number> = {};

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  for (const row of await t.db.selectFrom("user").select(["id", "username"]).execute()) userIds[row.username] = row.id;
});

afterAll(async () => {
  await t.cleanup();
});

const userId = (username: string) => {
  const id = userIds[username];
  if (id === undefined) throw new Error(`no demo user ${username}`);
  return id;
};

describe("sessions", () => {
  test("a new session is a long random id that resolves to its user until it expires", async () => {
    const session = await createSession(t.db, userId("motcua"), NOW);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt.toISOString()).toBe(at(SESSION_LIFETIME_MS).toISOString());
    expect(await getSessionUserId(t.db, session.id, NOW)).toBe(userId("motcua"));
    // Used every 20 minutes, it lasts its whole lifetime.
    for (let ms = 20 * 60_000; ms < SESSION_LIFETIME_MS; ms += 20 * 60_000) {
      expect(await getSessionUserId(t.db, session.id, at(ms))).toBe(userId("motcua"));
    }
    expect(await getSessionUserId(t.db, session.id, at(SESSION_LIFETIME_MS - 1))).toBe(userId("motcua"));
  });

  test("a session left unused for longer than the idle timeout ends, and is removed", async () => {
    const session = await createSession(t.db, userId("motcua"), NOW);
    expect(await getSessionUserId(t.db, session.id, at(DEFAULT_IDLE_MS - 1000))).toBe(userId("motcua"));
    // Activity moved the idle clock: 29 minutes after the last use, still there.
    expect(await getSessionUserId(t.db, session.id, at(DEFAULT_IDLE_MS - 1000 + 29 * 60_000))).toBe(userId("motcua"));
    expect(await getSessionUserId(t.db, session.id, at(DEFAULT_IDLE_MS - 1000 + 29 * 60_000 + DEFAULT_IDLE_MS + 1))).toBeNull();
    expect(await t.db.selectFrom("session").select("id").where("id", "=", session.id).execute()).toEqual([]);
    expect(DEFAULT_IDLE_MS).toBe(30 * 60_000);
  });

  test("sessions last 12 hours", () => {
    expect(SESSION_LIFETIME_MS).toBe(12 * 60 * 60 * 1000);
  });

  test("two sessions get different ids", async () => {
    const [a, b] = await Promise.all([
      createSession(t.db, userId("motcua"), NOW),
      createSession(t.db, userId("motcua"), NOW),
    ]);
    expect(a.id).not.toBe(b.id);
  });

  test("an expired session resolves to nobody", async () => {
    const session = await createSession(t.db, userId("lanhdao"), NOW);
    expect(await getSessionUserId(t.db, session.id, at(SESSION_LIFETIME_MS), Infinity)).toBeNull();
    expect(await getSessionUserId(t.db, session.id, at(SESSION_LIFETIME_MS + 1), Infinity)).toBeNull();
  });

  test("an unknown session id resolves to nobody", async () => {
    expect(await getSessionUserId(t.db, "no-such-session", NOW)).toBeNull();
  });

  test("a disabled user's session resolves to nobody", async () => {
    const id = userId("thanhtra");
    const session = await createSession(t.db, id, NOW);
    await t.db.updateTable("user").set({ is_disabled: 1 }).where("id", "=", id).execute();
    try {
      expect(await getSessionUserId(t.db, session.id, NOW)).toBeNull();
    } finally {
      await t.db.updateTable("user").set({ is_disabled: 0 }).where("id", "=", id).execute();
    }
    expect(await getSessionUserId(t.db, session.id, NOW)).toBe(id);
  });

  test("deleteSession ends one session", async () => {
    const keep = await createSession(t.db, userId("danhgia"), NOW);
    const end = await createSession(t.db, userId("danhgia"), NOW);
    await deleteSession(t.db, end.id);
    expect(await getSessionUserId(t.db, end.id, NOW)).toBeNull();
    expect(await getSessionUserId(t.db, keep.id, NOW)).toBe(userId("danhgia"));
  });

  test("deleteExpiredSessions removes expired rows and keeps live ones", async () => {
    const id = userId("quantri");
    const old = await createSession(t.db, id, at(-SESSION_LIFETIME_MS - 1));
    const justExpired = await createSession(t.db, id, at(-SESSION_LIFETIME_MS));
    const live = await createSession(t.db, id, at(-SESSION_LIFETIME_MS + 1));

    await deleteExpiredSessions(t.db, NOW);

    const left = (await t.db.selectFrom("session").select("id").where("user_id", "=", id).execute()).map((r) => r.id);
    expect(left).toContain(live.id);
    expect(left).not.toContain(old.id);
    expect(left).not.toContain(justExpired.id);
  });
});

describe("login attempts", () => {
  test("the pair's and the username's attempts of the last day", async () => {
    const record = (username: string, ip: string, succeeded: boolean, msFromNow: number) =>
      recordLoginAttempt(t.db, { username, ip, succeeded, at: at(msFromNow) });
    await record("khach", "10.0.0.1", false, -PAIR_WINDOW_MS - 1);
    await record("khach", "10.0.0.1", false, -PAIR_WINDOW_MS);
    await record("khach", "10.0.0.1", false, -PAIR_WINDOW_MS + 1);
    await record("khach", "10.0.0.2", true, -60_000);
    await record("nguoi-khac", "10.0.0.1", false, -30_000);
    await record("nguoi-khac", "10.0.0.3", false, -20_000);

    const sortByTime = (list: { attemptedAt: string; succeeded: boolean }[]) =>
      [...list].sort((a, b) => a.attemptedAt.localeCompare(b.attemptedAt));
    expect(await listPairLoginAttempts(t.db, { username: "khach", ip: "10.0.0.1" }, NOW)).toEqual([
      { attemptedAt: at(-PAIR_WINDOW_MS + 1).toISOString(), succeeded: false },
    ]);
    expect(sortByTime(await listUsernameLoginAttempts(t.db, "khach", NOW))).toEqual([
      { attemptedAt: at(-PAIR_WINDOW_MS + 1).toISOString(), succeeded: false },
      { attemptedAt: at(-60_000).toISOString(), succeeded: true },
    ]);
  });

  test("attempts for other names and addresses are not mixed in", async () => {
    expect(await listPairLoginAttempts(t.db, { username: "nobody-here", ip: "192.0.2.1" }, NOW)).toEqual([]);
    expect(await listUsernameLoginAttempts(t.db, "nobody-here", NOW)).toEqual([]);
  });
});
