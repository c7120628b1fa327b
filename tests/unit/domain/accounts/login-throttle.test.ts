import { describe, expect, test } from "vitest";
import {
  decideLoginThrottle,
  failuresSinceSuccess,
  loginDelayMs,
  MAX_DELAY_MS,
  ownerNoticeDue,
  type RecentAttempt,
} from "~/domain/accounts/login-throttle";

const NOW = new Date("2026-03-02T03:00:00.000Z");
const SECOND = 1000;

/** An attempt `secondsAgo` before NOW. */
const failure = (secondsAgo: number): RecentAttempt => ({
  attemptedAt: new Date(NOW.getTime() - secondsAgo * SECOND).toISOString(),
  succeeded: false,
});
const success = (secondsAgo: number): RecentAttempt => ({ ...failure(secondsAgo), succeeded: true });

describe("the delay after consecutive failures", () => {
  test.each([
    [0, 0],
    [2, 0],
    [3, 1 * SECOND],
    [4, 2 * SECOND],
    [5, 4 * SECOND],
    [10, 128 * SECOND],
    [13, MAX_DELAY_MS],
    [1000, MAX_DELAY_MS],
  ])("%i failures → %i ms", (failures, delay) => {
    expect(loginDelayMs(failures)).toBe(delay);
  });
});

describe("decideLoginThrottle, per username and address", () => {
  test.each<[string, RecentAttempt[], { allowed: true } | { allowed: false; retryAfterMs: number }]>([
    ["no attempts", [], { allowed: true }],
    ["two failures: no wait", [failure(5), failure(1)], { allowed: true }],
    ["three failures, the last 0.5 s ago: wait 0.5 s", [failure(9), failure(5), failure(0.5)], { allowed: false, retryAfterMs: 500 }],
    ["three failures, the last 2 s ago: may try", [failure(9), failure(5), failure(2)], { allowed: true }],
    ["five failures, the last 1 s ago: wait 3 s", [failure(50), failure(40), failure(30), failure(20), failure(1)], { allowed: false, retryAfterMs: 3000 }],
    ["a success resets the count", [failure(50), failure(40), failure(30), failure(20), success(10), failure(1)], { allowed: true }],
    ["failures older than a day do not count", [failure(90_000), failure(89_000), failure(88_000), failure(0.5)], { allowed: true }],
    [
      "twenty failures: at most 15 minutes",
      Array.from({ length: 20 }, (_, i) => failure(20 - i)),
      { allowed: false, retryAfterMs: MAX_DELAY_MS - 1000 },
    ],
  ])("%s", (_name, pairAttempts, expected) => {
    expect(decideLoginThrottle({ pairAttempts, now: NOW })).toEqual(expected);
  });

  test("attempts in any order count the same", () => {
    const attempts = [failure(1), success(60), failure(30), failure(20)];
    expect(failuresSinceSuccess(attempts, NOW)).toHaveLength(3);
  });
});

describe("the notice to the account's owner", () => {
  test.each([
    [1, false],
    [4, false],
    [5, true],
    [6, false],
    [24, false],
    [25, true],
    [45, true],
    [46, false],
  ])("at the failure number %i: %s", (failures, due) => {
    expect(ownerNoticeDue(failures)).toBe(due);
  });
});
