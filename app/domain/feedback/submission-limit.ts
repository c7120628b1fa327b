/**
 * Which counters a public feedback submission is counted against (decision 0019). Every submission
 * counts against its address: the ordinary allowance, or the higher one of the commune's own kiosks.
 * When the browser sent a form token (made in the browser, never in the publicly cached page), it
 * also counts against that address and token, so one form left open cannot use up a kiosk's hour.
 */

/** A form token as the page makes it: 32 hexadecimal digits. Anything else counts as no token. */
const FORM_TOKEN = /^[0-9a-f]{32}$/;

export type AddressAllowance = "ordinary" | "kiosk";

export interface SubmissionLimitPlan {
  allowance: AddressAllowance;
  formToken: string | null;
}

/** `::ffff:10.0.0.5` (IPv4 seen through an IPv6 socket) is `10.0.0.5`; IPv6 compares in lower case. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** The `KIOSK_ADDRESSES` setting: addresses separated by commas, spaces or new lines. */
export function parseAddressList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(normaliseAddress);
}

export function submissionLimitPlan(input: { address: string; formToken: unknown; kioskAddresses: readonly string[] }): SubmissionLimitPlan {
  const address = normaliseAddress(input.address);
  const kiosk = input.kioskAddresses.some((k) => normaliseAddress(k) === address);
  const token = typeof input.formToken === "string" && FORM_TOKEN.test(input.formToken) ? input.formToken : null;
  return { allowance: kiosk ? "kiosk" : "ordinary", formToken: token };
}

/** Minutes to tell the citizen, from the counter's Retry-After (at least one). */
export function retryAfterMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
