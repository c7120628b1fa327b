/** Attempts before a message is given up (the staff outbox page can send it again). */
export const MAX_DELIVERY_ATTEMPTS = 6;
/** First retry after one minute, doubling up to six hours. */
export const BASE_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;

export type DeliveryOutcome =
  | { state: "sent" }
  | { state: "failed"; nextAttemptAt: Date }
  | { state: "given_up" };

/** What happens after attempt number `attempts` (1-based) ended with `ok`. Pure: `now` is passed in. */
export function afterAttempt(attempts: number, ok: boolean, now: Date, maxAttempts = MAX_DELIVERY_ATTEMPTS): DeliveryOutcome {
  if (ok) return { state: "sent" };
  if (attempts >= maxAttempts) return { state: "given_up" };
  const delay = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
  return { state: "failed", nextAttemptAt: new Date(now.getTime() + delay) };
}
