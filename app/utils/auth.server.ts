import { createCookie, redirect } from "@remix-run/node";
import { decideLoginThrottle, failuresSinceSuccess, ownerNoticeDue } from "~/domain/accounts/login-throttle";
import { translator } from "~/i18n";
import { hasAnyRole, type Role } from "~/domain/accounts/roles";
import {
  createSession,
  deleteSession,
  getSessionUserId,
  listPairLoginAttempts,
  listUsernameLoginAttempts,
  notifyLoginFailures,
  recordLoginAttempt,
  SESSION_LIFETIME_MS,
} from "~/models/sessions.server";
import { findLoginCredentials, getUser, type UserSummary } from "~/models/users.server";
import { getDb } from "./db.server";
import { getEnv, isCookieSecure } from "./env.server";
import { getDecoyHash, verifyPassword } from "./password.server";
import { consumeRateLimit, clientKey } from "./rate-limit.server";
import { getSessionSecret } from "./session-secret.server";

export type SessionUser = UserSummary & { sessionId: string };

let sessionCookie: ReturnType<typeof createCookie> | undefined;
function getSessionCookie() {
  sessionCookie ??= createCookie("__session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isCookieSecure(),
    secrets: [getSessionSecret()],
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
  return sessionCookie;
}

async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await getSessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const db = getDb();
  const userId = await getSessionUserId(db, sessionId, new Date(), getEnv().SESSION_IDLE_MINUTES * 60_000);
  if (userId === null) return null;
  const user = await getUser(db, userId);
  return user && !user.isDisabled ? { ...user, sessionId } : null;
}

const PASSWORD_CHANGE_PATH = "/staff/account";

/** The signed-in staff user; anyone else is sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  const url = new URL(request.url);
  if (!user) {
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  if (user.mustChangePassword && url.pathname !== PASSWORD_CHANGE_PATH) {
    throw redirect(PASSWORD_CHANGE_PATH);
  }
  return user;
}

/** The signed-in user holding at least one of the roles; others get 403. */
export async function requireRole(request: Request, roles: Role | readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  const wanted = typeof roles === "string" ? [roles] : roles;
  if (!hasAnyRole(user.roles, wanted)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

export type LoginResult =
  | { ok: true; setCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * Checks the address's request limit, the progressive delay of this username from this address,
 * then the credentials; on success opens a fresh session (the old one, if any, is dropped). A failure
 * on a real account may leave its owner a notice (login-throttle.ts).
 */
export async function logIn(
  request: Request,
  credentials: { username: string; password: string },
  ip: string,
  now = new Date(),
): Promise<LoginResult> {
  const db = getDb();
  const perAddress = await consumeRateLimit("login", clientKey({ clientAddress: ip }));
  if (!perAddress.ok) return { ok: false, reason: "throttled", retryAfterMs: perAddress.retryAfterSeconds * 1000 };
  const pairAttempts = await listPairLoginAttempts(db, { username: credentials.username, ip }, now);
  const throttle = decideLoginThrottle({ pairAttempts, now });
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };

  const found = await findLoginCredentials(db, credentials.username);
  const passwordOk = await verifyPassword(credentials.password, found?.password_hash ?? (await getDecoyHash()));
  const succeeded = Boolean(found && passwordOk && found.is_disabled === 0);
  await recordLoginAttempt(db, { username: credentials.username, ip, succeeded, at: now });
  if (found && !succeeded) await noticeFailures(found.id, credentials.username, now);
  if (!found || !succeeded) return { ok: false, reason: "invalid" };

  const previous = await readSessionId(request);
  if (previous) await deleteSession(db, previous);
  const session = await createSession(db, found.id, now);
  return { ok: true, setCookie: await getSessionCookie().serialize(session.id) };
}

async function noticeFailures(userId: number, username: string, now: Date): Promise<void> {
  const db = getDb();
  const failures = failuresSinceSuccess(await listUsernameLoginAttempts(db, username, now), now).length;
  if (!ownerNoticeDue(failures)) return;
  const user = await getUser(db, userId);
  if (!user) return;
  // Notices are kept in the unit's language (Vietnamese), as the others are.
  const text = translator("vi")("login.notice.failures", { count: failures });
  await notifyLoginFailures(db, user, failures, text, now);
}

/** Ends the session server-side and clears the cookie. */
export async function logOut(request: Request): Promise<string> {
  const sessionId = await readSessionId(request);
  if (sessionId) await deleteSession(getDb(), sessionId);
  return getSessionCookie().serialize("", { maxAge: 0 });
}

/**
 * A safe local path to go back to after login: never another origin. Browsers drop tabs and line
 * breaks from a URL and read a backslash as a slash (`/\t/evil.example` is `//evil.example`), so any
 * control character, space or backslash is refused, and the path must resolve to this origin.
 */
export function safeRedirectPath(value: unknown, fallback = "/staff"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\\\s\p{Cc}\p{Cf}]/u.test(value)) return fallback;
  const base = "http://motcua.invalid";
  let resolved: URL;
  try {
    resolved = new URL(value, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base || value.startsWith("//")) return fallback;
  return value;
}
