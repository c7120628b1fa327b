import { createCookie, redirect } from "@remix-run/node";
import { decideLoginThrottle } from "~/domain/accounts/login-throttle";
import { hasAnyRole, type Role } from "~/domain/accounts/roles";
import {
  createSession,
  deleteSession,
  getSessionUserId,
  listRecentLoginAttempts,
  recordLoginAttempt,
  SESSION_LIFETIME_MS,
} from "~/models/sessions.server";
import { findLoginCredentials, getUser, type UserSummary } from "~/models/users.server";
import { getDb } from "./db.server";
import { isCookieSecure } from "./env.server";
import { getDecoyHash, verifyPassword } from "./password.server";
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
  const userId = await getSessionUserId(db, sessionId);
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

/** Checks throttling and credentials; on success opens a fresh session (the old one, if any, is dropped). */
export async function logIn(
  request: Request,
  credentials: { username: string; password: string },
  ip: string,
  now = new Date(),
): Promise<LoginResult> {
  const db = getDb();
  const attempts = await listRecentLoginAttempts(db, { username: credentials.username, ip }, now);
  const throttle = decideLoginThrottle({ ...attempts, now });
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };

  const found = await findLoginCredentials(db, credentials.username);
  const passwordOk = await verifyPassword(credentials.password, found?.password_hash ?? (await getDecoyHash()));
  const succeeded = Boolean(found && passwordOk && found.is_disabled === 0);
  await recordLoginAttempt(db, { username: credentials.username, ip, succeeded, at: now });
  if (!found || !succeeded) return { ok: false, reason: "invalid" };

  const previous = await readSessionId(request);
  if (previous) await deleteSession(db, previous);
  const session = await createSession(db, found.id, now);
  return { ok: true, setCookie: await getSessionCookie().serialize(session.id) };
}

/** Ends the session server-side and clears the cookie. */
export async function logOut(request: Request): Promise<string> {
  const sessionId = await readSessionId(request);
  if (sessionId) await deleteSession(getDb(), sessionId);
  return getSessionCookie().serialize("", { maxAge: 0 });
}

/** A safe local path to go back to after login: never another origin. */
export function safeRedirectPath(value: unknown, fallback = "/staff"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
