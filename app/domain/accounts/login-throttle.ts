/**
 * Login throttling. A username is locked after MAX_FAILURES_PER_USERNAME failed attempts
 * in the window without a success since; an address after MAX_FAILURES_PER_IP failures
 * in the window, whatever usernames it tried. The lock lasts until the oldest counted
 * failure leaves the window.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface RecentAttempt {
  attemptedAt: string;
  succeeded: boolean;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Failures since the last success, in the window. `attempts` may be in any order. */
export function countingFailures(attempts: readonly RecentAttempt[], now: Date): number[] {
  const windowStart = now.getTime() - THROTTLE_WINDOW_MS;
  const sorted = attempts
    .map((a) => ({ at: Date.parse(a.attemptedAt), succeeded: a.succeeded }))
    .filter((a) => a.at > windowStart && a.at <= now.getTime())
    .sort((a, b) => a.at - b.at);
  const lastSuccess = sorted.findLastIndex((a) => a.succeeded);
  return sorted.slice(lastSuccess + 1).map((a) => a.at);
}

function decide(failureTimes: number[], limit: number, now: Date): ThrottleDecision {
  if (failureTimes.length < limit) return { allowed: true };
  // Locked until enough failures have aged out of the window to go under the limit.
  const unlockingFailure = failureTimes[failureTimes.length - limit]!;
  return { allowed: false, retryAfterMs: unlockingFailure + THROTTLE_WINDOW_MS - now.getTime() };
}

export function decideLoginThrottle(input: {
  usernameAttempts: readonly RecentAttempt[];
  ipAttempts: readonly RecentAttempt[];
  now: Date;
}): ThrottleDecision {
  const byUsername = decide(
    countingFailures(input.usernameAttempts, input.now),
    MAX_FAILURES_PER_USERNAME,
    input.now,
  );
  const windowStart = input.now.getTime() - THROTTLE_WINDOW_MS;
  const ipFailures = input.ipAttempts
    .filter((a) => !a.succeeded)
    .map((a) => Date.parse(a.attemptedAt))
    .filter((at) => at > windowStart && at <= input.now.getTime())
    .sort((a, b) => a - b);
  const byIp = decide(ipFailures, MAX_FAILURES_PER_IP, input.now);
  if (byUsername.allowed && byIp.allowed) return { allowed: true };
  const waits = [byUsername, byIp].flatMap((d) => (d.allowed ? [] : [d.retryAfterMs]));
  return { allowed: false, retryAfterMs: Math.max(...waits) };
}
