import { describe, expect, test } from "vitest";
import {
  decideLoginThrottle,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_USERNAME,
  THROTTLE_WINDOW_MS,
  type RecentAttempt,
} from "~/domain/accounts/login-throttle";

const NOW = new Date("2026-03-02T03:00:00.000Z");
const MINUTE = 60 * 1000;

/** An attempt `minutesAgo` before NOW. */
const failure = (minutesAgo: number): RecentAttempt => ({
  attemptedAt: new Date(NOW.getTime() - minutesAgo * MINUTE).toISOString(),
  succeeded: false,
});
const success = (minutesAgo: number): RecentAttempt => ({ ...failure(minutesAgo), succeeded: true });

const byUsername = (usernameAttempts: RecentAttempt[]) =>
  decideLoginThrottle({ usernameAttempts, ipAttempts: usernameAttempts, now: NOW });

describe("the rules' constants", () => {
  test("match the documented policy: 5 per username, 20 per address, 15 minutes", () => {
    expect(MAX_FAILURES_PER_USERNAME).toBe(5);
    expect(MAX_FAILURES_PER_IP).toBe(20);
    expect(THROTTLE_WINDOW_MS).toBe(15 * MINUTE);
  });
});

describe("per username", () => {
  test.each([
    { name: "no attempts", attempts: [], allowed: true },
    { name: "4 failures", attempts: [failure(4), failure(3), failure(2), failure(1)], allowed: true },
    {
      name: "the 5th failure locks",
      attempts: [failure(5), failure(4), failure(3), failure(2), failure(1)],
      allowed: false,
    },
    {
      name: "a success resets the count",
      attempts: [failure(9), failure(8), failure(7), failure(6), failure(5), success(4), failure(3)],
      allowed: true,
    },
    {
      name: "failures since the success still count",
      attempts: [success(10), failure(5), failure(4), failure(3), failure(2), failure(1)],
      allowed: false,
    },
    {
      name: "failures older than the window are ignored",
      attempts: [failure(20), failure(16), failure(4), failure(3), failure(2), failure(1)],
      allowed: true,
    },
    {
      name: "a failure exactly 15 minutes old has left the window",
      attempts: [failure(15), failure(4), failure(3), failure(2), failure(1)],
      allowed: true,
    },
    {
      name: "failures dated after now are ignored",
      attempts: [failure(-1), failure(4), failure(3), failure(2), failure(1)],
      allowed: true,
    },
  ])("$name → allowed: $allowed", ({ attempts, allowed }) => {
    expect(byUsername(attempts).allowed).toBe(allowed);
  });

  test.each([
    // Locked until the failure that would bring the count under the limit leaves the window.
    { attempts: [failure(10), failure(8), failure(6), failure(4), failure(2)], waitMinutes: 5 },
    { attempts: [failure(12), failure(10), failure(8), failure(6), failure(4), failure(2)], waitMinutes: 5 },
    { attempts: [failure(1), failure(1), failure(1), failure(1), failure(1)], waitMinutes: 14 },
    { attempts: [failure(14.5), failure(3), failure(2), failure(1), failure(0)], waitMinutes: 0.5 },
  ])("retryAfterMs is when the unlocking failure ages out ($waitMinutes min)", ({ attempts, waitMinutes }) => {
    expect(byUsername(attempts)).toEqual({ allowed: false, retryAfterMs: waitMinutes * MINUTE });
  });

  test("once the wait is over the username is allowed again", () => {
    const attempts = [failure(10), failure(8), failure(6), failure(4), failure(2)];
    const locked = byUsername(attempts);
    if (locked.allowed) throw new Error("expected a lock");
    const later = new Date(NOW.getTime() + locked.retryAfterMs);
    expect(decideLoginThrottle({ usernameAttempts: attempts, ipAttempts: attempts, now: later })).toEqual({
      allowed: true,
    });
  });

  test("only the username's own attempts count towards its limit", () => {
    const decision = decideLoginThrottle({
      usernameAttempts: [failure(2), failure(1)],
      ipAttempts: [failure(2), failure(1)],
      now: NOW,
    });
    expect(decision).toEqual({ allowed: true });
  });
});

describe("per address", () => {
  // Each failure was on a different username, so no username is near its own limit.
  const spread = (count: number) => Array.from({ length: count }, (_, i) => failure(14 - i * 0.5));

  test("19 failures across usernames are allowed", () => {
    expect(decideLoginThrottle({ usernameAttempts: [], ipAttempts: spread(19), now: NOW })).toEqual({
      allowed: true,
    });
  });

  test("the 20th failure locks the address, whatever username is tried next", () => {
    const decision = decideLoginThrottle({ usernameAttempts: [], ipAttempts: spread(20), now: NOW });
    // The oldest failure (14 minutes ago) must leave the window: 1 minute.
    expect(decision).toEqual({ allowed: false, retryAfterMs: 1 * MINUTE });
  });

  test("a success from the address does not reset its count", () => {
    const attempts = [...spread(10), success(8), ...spread(20).slice(10)];
    expect(decideLoginThrottle({ usernameAttempts: [], ipAttempts: attempts, now: NOW }).allowed).toBe(false);
  });

  test("successes from the address are not counted as failures", () => {
    const attempts = [...spread(19), success(1), success(0)];
    expect(decideLoginThrottle({ usernameAttempts: [], ipAttempts: attempts, now: NOW })).toEqual({ allowed: true });
  });

  test("failures older than the window do not count", () => {
    const old = Array.from({ length: 10 }, (_, i) => failure(16 + i));
    const recent = spread(10);
    expect(decideLoginThrottle({ usernameAttempts: [], ipAttempts: [...old, ...recent], now: NOW })).toEqual({
      allowed: true,
    });
  });

  test("when both limits apply, the longer wait wins", () => {
    const decision = decideLoginThrottle({
      usernameAttempts: [failure(5), failure(4), failure(3), failure(2), failure(1)],
      ipAttempts: spread(20),
      now: NOW,
    });
    // Username: the failure 5 minutes ago leaves in 10 minutes; address: 1 minute.
    expect(decision).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE });
  });
});

describe("order independence", () => {
  const reversed = <T>(list: T[]) => [...list].reverse();
  const shuffled = <T>(list: T[]) => [...list.filter((_, i) => i % 2 === 1), ...list.filter((_, i) => i % 2 === 0)];

  test.each([
    {
      name: "five failures then a success",
      attempts: [failure(10), failure(9), failure(8), failure(7), failure(6), success(5)],
    },
    {
      name: "a success then five failures",
      attempts: [success(10), failure(9), failure(8), failure(7), failure(6), failure(5)],
    },
    {
      name: "failures around a success",
      attempts: [failure(12), failure(11), success(10), failure(9), failure(8), failure(7), failure(6)],
    },
  ])("$name gives the same decision in any order", ({ attempts }) => {
    const expected = byUsername(attempts);
    expect(byUsername(reversed(attempts))).toEqual(expected);
    expect(byUsername(shuffled(attempts))).toEqual(expected);
  });

  test("a success given first in the list but latest in time still resets", () => {
    const attempts = [success(1), failure(6), failure(5), failure(4), failure(3), failure(2)];
    expect(byUsername(attempts)).toEqual({ allowed: true });
  });
});
