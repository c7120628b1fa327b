/**
 * Sign-in protection that cannot be turned against the account's owner (issue 13): no lockout.
 * Failures are counted per username *and* address, since that pair's last success; after
 * FREE_FAILURES the pair waits before its next try, twice as long each time, at most MAX_DELAY_MS.
 * The owner signing in from their own machine is never held up by someone guessing elsewhere, nor
 * by colleagues behind the same commune address. The owner is told of failures on their account
 * (ownerNoticeDue), wherever they came from.
 */
export const PAIR_WINDOW_MS = 24 * 60 * 60 * 1000;
export const FREE_FAILURES = 3;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** The owner is told at the 5th failure since their last success, then at every 20 more. */
export const OWNER_NOTICE_FIRST = 5;
export const OWNER_NOTICE_EVERY = 20;

export interface RecentAttempt {
  attemptedAt: string;
  succeeded: boolean;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The times of the failures since the last success, in the window, oldest first. */
export function failuresSinceSuccess(attempts: readonly RecentAttempt[], now: Date, windowMs = PAIR_WINDOW_MS): number[] {
  const windowStart = now.getTime() - windowMs;
  const sorted = attempts
    .map((a) => ({ at: Date.parse(a.attemptedAt), succeeded: a.succeeded }))
    .filter((a) => a.at > windowStart && a.at <= now.getTime())
    .sort((a, b) => a.at - b.at);
  const lastSuccess = sorted.findLastIndex((a) => a.succeeded);
  return sorted.slice(lastSuccess + 1).map((a) => a.at);
}

/** The wait after `failures` consecutive failures: none for the first few, then 1 s, 2 s, 4 s … 15 min. */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Whether this username and address may try now, from that pair's own attempts. */
export function decideLoginThrottle(input: { pairAttempts: readonly RecentAttempt[]; now: Date }): ThrottleDecision {
  const failures = failuresSinceSuccess(input.pairAttempts, input.now);
  const last = failures.at(-1);
  if (last === undefined) return { allowed: true };
  const wait = last + loginDelayMs(failures.length) - input.now.getTime();
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

/** Whether the failure just counted (the `failures`-th since the owner's last success) calls for a notice. */
export function ownerNoticeDue(failures: number): boolean {
  return failures === OWNER_NOTICE_FIRST || (failures > OWNER_NOTICE_FIRST && (failures - OWNER_NOTICE_FIRST) % OWNER_NOTICE_EVERY === 0);
}
