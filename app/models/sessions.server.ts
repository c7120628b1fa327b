import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { RecentAttempt } from "~/domain/accounts/login-throttle";
import { THROTTLE_WINDOW_MS } from "~/domain/accounts/login-throttle";

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export async function createSession(db: Kysely<Database>, userId: number, now = new Date()) {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto("session")
    .values({ id, user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { id, expiresAt };
}

/** The live session's user, or null when the session is unknown, expired or the user disabled. */
export async function getSessionUserId(
  db: Kysely<Database>,
  sessionId: string,
  now = new Date(),
): Promise<number | null> {
  const row = await db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .select(["session.user_id"])
    .where("session.id", "=", sessionId)
    .where("session.expires_at", ">", now.toISOString())
    .where("user.is_disabled", "=", 0)
    .executeTakeFirst();
  return row?.user_id ?? null;
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

export async function listRecentLoginAttempts(
  db: Kysely<Database>,
  by: { username: string; ip: string },
  now = new Date(),
): Promise<{ usernameAttempts: RecentAttempt[]; ipAttempts: RecentAttempt[] }> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const select = (column: "username" | "ip", value: string) =>
    db
      .selectFrom("login_attempt")
      .select(["attempted_at", "succeeded"])
      .where(column, "=", value)
      .where("attempted_at", ">", since)
      .execute();
  const [byUsername, byIp] = await Promise.all([select("username", by.username), select("ip", by.ip)]);
  const toAttempt = (r: { attempted_at: string; succeeded: 0 | 1 }) => ({
    attemptedAt: r.attempted_at,
    succeeded: r.succeeded === 1,
  });
  return { usernameAttempts: byUsername.map(toAttempt), ipAttempts: byIp.map(toAttempt) };
}
