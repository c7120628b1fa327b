import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { PAIR_WINDOW_MS, type RecentAttempt } from "~/domain/accounts/login-throttle";

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session unused for this long ends (SESSION_IDLE_MINUTES). */
export const DEFAULT_IDLE_MS = 30 * 60 * 1000;

export async function createSession(db: Kysely<Database>, userId: number, now = new Date()) {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto("session")
    .values({ id, user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), last_seen_at: now.toISOString() })
    .execute();
  return { id, expiresAt };
}

/** Activity is written at most once a minute per session: not a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * The live session's user, or null when the session is unknown, expired, idle for longer than
 * `idleMs` (it is then removed) or the user disabled. A live session's activity is recorded.
 */
export async function getSessionUserId(
  db: Kysely<Database>,
  sessionId: string,
  now = new Date(),
  idleMs = DEFAULT_IDLE_MS,
): Promise<number | null> {
  const row = await db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .select(["session.user_id", "session.last_seen_at", "session.created_at"])
    .where("session.id", "=", sessionId)
    .where("session.expires_at", ">", now.toISOString())
    .where("user.is_disabled", "=", 0)
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = Date.parse(row.last_seen_at ?? row.created_at);
  if (now.getTime() - lastSeen > idleMs) {
    await deleteSession(db, sessionId);
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable("session").set({ last_seen_at: now.toISOString() }).where("id", "=", sessionId).execute();
  }
  return row.user_id;
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom("session").where("expires_at", "<=", now.toISOString()).execute();
}

export async function recordLoginAttempt(
  db: Kysely<Database>,
  attempt: { username: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values({
      username: attempt.username,
      ip: attempt.ip,
      succeeded: attempt.succeeded ? 1 : 0,
      attempted_at: attempt.at.toISOString(),
    })
    .execute();
}

/** This username's attempts from this address in the last day (the progressive delay's input). */
export async function listPairLoginAttempts(
  db: Kysely<Database>,
  by: { username: string; ip: string },
  now = new Date(),
): Promise<RecentAttempt[]> {
  const since = new Date(now.getTime() - PAIR_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom("login_attempt")
    .select(["attempted_at", "succeeded"])
    .where("username", "=", by.username)
    .where("ip", "=", by.ip)
    .where("attempted_at", ">", since)
    .execute();
  return rows.map(toAttempt);
}

/** This username's attempts from anywhere in the last day (for the notice to its owner). */
export async function listUsernameLoginAttempts(db: Kysely<Database>, username: string, now = new Date()): Promise<RecentAttempt[]> {
  const since = new Date(now.getTime() - PAIR_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom("login_attempt")
    .select(["attempted_at", "succeeded"])
    .where("username", "=", username)
    .where("attempted_at", ">", since)
    .execute();
  return rows.map(toAttempt);
}

const toAttempt = (r: { attempted_at: string; succeeded: 0 | 1 }): RecentAttempt => ({
  attemptedAt: r.attempted_at,
  succeeded: r.succeeded === 1,
});

/** Tells the account's owner (a notice on their work page) of failed sign-ins on their account. */
export async function notifyLoginFailures(
  db: Kysely<Database>,
  user: { id: number; unitId: number },
  failures: number,
  text: string,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("notification")
    .values({
      unit_id: user.unitId,
      user_id: user.id,
      kind: "login_failures",
      entity_type: "user",
      entity_id: `${user.id}:${failures}:${now.toISOString()}`,
      text,
      link: "/staff/account",
      created_at: now.toISOString(),
      read_at: null,
    })
    .execute();
}
