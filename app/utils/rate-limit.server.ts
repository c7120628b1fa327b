import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sqliteHandleOf, type Db } from "#db/client";
import { pgPoolOf } from "#db/sql";
import { hashClientAddress } from "./client-address.server";
import { getDb } from "./db.server";
import { getEnv, type Env } from "./env.server";
import { normaliseAddress, parseAddressList, submissionLimitPlan } from "~/domain/feedback/submission-limit";

/*
 * Rate limits of the public endpoints, counted by rate-limiter-flexible in the database
 * (`rate_limit`, migration 0014) so that every app process shares them. Each limit is a setting
 * (env.server.ts). Keys are hashed client addresses or record codes, never raw addresses.
 * The store is chosen here only: rate-limiter-flexible's SQLite store on the app's better-sqlite3
 * handle, its PostgreSQL store on the app's pg pool, both over the same `rate_limit` table.
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RATE_LIMITS = {
  lookup: { setting: "LOOKUP_LIMIT_PER_MINUTE", duration: MINUTE },
  rating: { setting: "RATING_LIMIT_PER_HOUR", duration: HOUR },
  ratingFailure: { setting: "RATING_FAILURES_PER_DOSSIER_PER_DAY", duration: DAY },
  feedback: { setting: "FEEDBACK_LIMIT_PER_HOUR", duration: HOUR },
  feedbackKiosk: { setting: "KIOSK_FEEDBACK_LIMIT_PER_HOUR", duration: HOUR },
  /** Per address and form token: one form's share (decision 0019). */
  feedbackForm: { setting: "FEEDBACK_LIMIT_PER_HOUR", duration: HOUR },
  open311: { setting: "OPEN311_LIMIT_PER_MINUTE", duration: MINUTE },
  verify: { setting: "VERIFY_LIMIT_PER_MINUTE", duration: MINUTE },
  reports: { setting: "REPORTS_LIMIT_PER_MINUTE", duration: MINUTE },
  login: { setting: "LOGIN_LIMIT_PER_MINUTE", duration: MINUTE },
  passwordCheck: { setting: "PASSWORD_CHECK_LIMIT_PER_HOUR", duration: HOUR },
} as const satisfies Record<string, { setting: keyof Env; duration: number }>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

const limiters = new WeakMap<Db, Map<RateLimitName, RateLimiterAbstract>>();

function newLimiter(db: Db, options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  const table = { tableName: "rate_limit", tableCreated: true };
  const pool = pgPoolOf(db);
  if (pool) return new RateLimiterPostgres({ ...options, ...table, storeClient: pool, storeType: "pool" });
  const sqlite = sqliteHandleOf(db);
  if (!sqlite) throw new Error("Rate limits need the database opened by db/client.ts");
  return new RateLimiterSQLite({ ...options, ...table, storeClient: sqlite, storeType: "better-sqlite3" });
}

function limiterFor(name: RateLimitName, db: Db): RateLimiterAbstract {
  let ofDb = limiters.get(db);
  if (!ofDb) limiters.set(db, (ofDb = new Map()));
  let limiter = ofDb.get(name);
  if (!limiter) {
    const { setting, duration } = RATE_LIMITS[name];
    limiter = newLimiter(db, { keyPrefix: name, points: Number(getEnv()[setting]), duration });
    ofDb.set(name, limiter);
  }
  return limiter;
}

const refused = (res: RateLimiterRes): RateLimitOutcome => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });

/** Counts one request (or `points`) against the limit; refused once the limit is spent. */
export async function consumeRateLimit(name: RateLimitName, key: string, points = 1, db: Db = getDb()): Promise<RateLimitOutcome> {
  try {
    await limiterFor(name, db).consume(key, points);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return refused(error);
    throw error;
  }
}

/** Whether the limit is already spent, without counting anything. */
export async function checkRateLimit(name: RateLimitName, key: string, db: Db = getDb()): Promise<RateLimitOutcome> {
  const limiter = limiterFor(name, db);
  const res = await limiter.get(key);
  return res && res.consumedPoints >= limiter.points ? refused(res) : { ok: true };
}

/** The rate-limit key of a client: its address hashed with the session secret. */
export function clientKey(context: { clientAddress: string }): string {
  return hashClientAddress(context.clientAddress);
}

/**
 * 429 with Retry-After. Resource routes return it as it is; a page's loader or action throws it,
 * the error page says when to come back and entry.server copies Retry-After onto the document.
 */
export function tooManyRequests(retryAfterSeconds: number, body?: BodyInit, contentType = "application/json; charset=utf-8"): Response {
  return new Response(body ?? JSON.stringify({ error: "too_many_requests", retryAfterSeconds }), {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": contentType, "Cache-Control": "no-store" },
  });
}

/** Counts the request of a client; throws the 429 when the client's limit is spent. */
export async function requireWithinRateLimit(name: RateLimitName, context: { clientAddress: string }): Promise<void> {
  const outcome = await consumeRateLimit(name, clientKey(context));
  if (!outcome.ok) throw tooManyRequests(outcome.retryAfterSeconds);
}

/**
 * Counts one public feedback submission: against its address (the kiosk allowance for the commune's
 * own kiosks) and, when the browser sent a form token, against that address and token. Both are
 * checked before either is counted, so a refusal costs nothing; the longer wait is the one told.
 */
export async function consumeFeedbackLimit(context: { clientAddress: string }, formToken: unknown): Promise<RateLimitOutcome> {
  const plan = submissionLimitPlan({
    address: context.clientAddress,
    formToken,
    kioskAddresses: parseAddressList(getEnv().KIOSK_ADDRESSES),
  });
  const address = normaliseAddress(context.clientAddress);
  const counters: Array<[RateLimitName, string]> = [[plan.allowance === "kiosk" ? "feedbackKiosk" : "feedback", hashClientAddress(address)]];
  if (plan.formToken) counters.push(["feedbackForm", hashClientAddress(`${address}\n${plan.formToken}`)]);
  const checks = await Promise.all(counters.map(([name, key]) => checkRateLimit(name, key)));
  const waits = checks.flatMap((c) => (c.ok ? [] : [c.retryAfterSeconds]));
  if (waits.length) return { ok: false, retryAfterSeconds: Math.max(...waits) };
  const consumed = await Promise.all(counters.map(([name, key]) => consumeRateLimit(name, key)));
  const late = consumed.flatMap((c) => (c.ok ? [] : [c.retryAfterSeconds]));
  return late.length ? { ok: false, retryAfterSeconds: Math.max(...late) } : { ok: true };
}
