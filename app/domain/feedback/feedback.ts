import { z } from "zod";

/** What a citizen files. Denunciations (tố cáo) are out of scope: the form points to their legal channel. */
export const FEEDBACK_KINDS = ["feedback", "recommendation", "complaint", "compliment"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS);

/** First- or second-instance complaint (Luật Khiếu nại 2011): their legal clocks differ. */
export const COMPLAINT_INSTANCES = ["first", "second"] as const;
export type ComplaintInstance = (typeof COMPLAINT_INSTANCES)[number];

/**
 * The handling workflow:
 * received → accepted | not_accepted (reason) | forwarded (to the competent agency)
 * accepted → assigned → investigating → answered → closed; a citizen's reply re-opens an answered
 * or closed item (back to investigating).
 */
export const FEEDBACK_STATES = [
  "received",
  "accepted",
  "not_accepted",
  "forwarded",
  "assigned",
  "investigating",
  "answered",
  "closed",
] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export type FeedbackAction =
  | "accept"
  | "not_accept"
  | "forward"
  | "assign"
  | "investigate"
  | "answer"
  | "close"
  | "citizen_reply";

const TRANSITIONS: Record<FeedbackAction, { from: readonly FeedbackState[]; to: FeedbackState }> = {
  accept: { from: ["received"], to: "accepted" },
  not_accept: { from: ["received"], to: "not_accepted" },
  forward: { from: ["received", "accepted"], to: "forwarded" },
  assign: { from: ["accepted", "assigned", "investigating"], to: "assigned" },
  investigate: { from: ["assigned"], to: "investigating" },
  answer: { from: ["investigating"], to: "answered" },
  close: { from: ["answered", "not_accepted", "forwarded"], to: "closed" },
  citizen_reply: { from: ["answered", "closed"], to: "investigating" },
};

export const STAFF_FEEDBACK_ACTIONS: readonly Exclude<FeedbackAction, "citizen_reply">[] = [
  "accept",
  "not_accept",
  "forward",
  "assign",
  "investigate",
  "answer",
  "close",
];

export type FeedbackTransition = { ok: true; to: FeedbackState } | { ok: false; error: "feedback.error.illegalTransition" };

export function checkFeedbackTransition(state: FeedbackState, action: FeedbackAction): FeedbackTransition {
  const rule = TRANSITIONS[action];
  return rule.from.includes(state) ? { ok: true, to: rule.to } : { ok: false, error: "feedback.error.illegalTransition" };
}

export function allowedFeedbackActions(state: FeedbackState): Exclude<FeedbackAction, "citizen_reply">[] {
  return STAFF_FEEDBACK_ACTIONS.filter((a) => checkFeedbackTransition(state, a).ok);
}

export const OPEN_FEEDBACK_STATES: readonly FeedbackState[] = ["received", "accepted", "assigned", "investigating"];

/** Open311 knows two statuses only. */
export function open311Status(state: FeedbackState): "open" | "closed" {
  return OPEN_FEEDBACK_STATES.includes(state) ? "open" : "closed";
}

const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L
export const TRACKING_CODE_LENGTH = 12;

/** `XXXX-XXXX-XXXX` from 12 random picks of a 31-letter alphabet without look-alikes (~59 bits). */
export function formatTrackingCode(randomIndexes: readonly number[]): string {
  if (randomIndexes.length !== TRACKING_CODE_LENGTH) throw new RangeError("12 random indexes expected");
  const letters = randomIndexes.map((i) => TRACKING_ALPHABET[i % TRACKING_ALPHABET.length]).join("");
  return `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8)}`;
}

export const TRACKING_ALPHABET_SIZE = TRACKING_ALPHABET.length;

export const TrackingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`)))
  .transform((v) => `${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8)}`);

export const RATINGS = ["very_satisfied", "satisfied", "dissatisfied"] as const;
export type Rating = (typeof RATINGS)[number];
