import { describe, expect, it } from "vitest";
import { afterAttempt, MAX_DELIVERY_ATTEMPTS } from "~/domain/outbox/delivery";

const now = new Date("2026-12-02T08:00:00.000Z");

describe("afterAttempt", () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [5, 960_000],
  ])("failed attempt %i retries after %i ms", (attempts, delay) => {
    expect(afterAttempt(attempts, false, now)).toEqual({ state: "failed", nextAttemptAt: new Date(now.getTime() + delay) });
  });
  it("caps the delay at six hours", () => {
    expect(afterAttempt(20, false, now, 100)).toEqual({ state: "failed", nextAttemptAt: new Date(now.getTime() + 6 * 3600_000) });
  });
  it("gives up after the last attempt", () => {
    expect(afterAttempt(MAX_DELIVERY_ATTEMPTS, false, now)).toEqual({ state: "given_up" });
  });
  it("a success is sent whatever the count", () => {
    expect(afterAttempt(MAX_DELIVERY_ATTEMPTS, true, now)).toEqual({ state: "sent" });
  });
});
