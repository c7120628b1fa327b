import type { Role } from "~/domain/accounts/roles";
import { may } from "~/domain/accounts/permissions";
import type { MessageKey } from "~/i18n";

/**
 * Management reviews (ISO 9001 §9.3, QT-05): the leader reviews the quality system on a report of
 * its inputs for a period and records the decisions taken; the record is then locked.
 */
export const REVIEW_STATES = ["draft", "recorded"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** §9.3.3: opportunities for improvement, changes to the QMS, resource needs. */
export const DECISION_CATEGORIES = ["improvement", "qms_change", "resources"] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];

/** `XXLD-2026-01` (xem xét của lãnh đạo). */
export function formatReviewCode(year: number, sequence: number): string {
  return `XXLD-${year}-${String(sequence).padStart(2, "0")}`;
}

export const REVIEW_CODE_PATTERN = /^XXLD-\d{4}-\d{2,}$/;

export type ReviewCheck = { ok: true } | { ok: false; error: MessageKey };

/** A recorded review is locked: its record is stored and nothing of it changes afterwards. */
export function checkReviewEditable(state: ReviewState): ReviewCheck {
  return state === "draft" ? { ok: true } : { ok: false, error: "review.error.locked" };
}

export interface RecordFacts {
  state: ReviewState;
  conclusions: string | null;
  decisionCount: number;
  meetingDate: string;
}

/**
 * Recording closes the meeting (QT-05 §5.4): a leader, on or after the meeting day, with the
 * conclusions on the system and at least one decision (each with its owner and due date).
 */
export function checkRecordReview(facts: RecordFacts, actorRoles: readonly Role[], today: string): ReviewCheck {
  const editable = checkReviewEditable(facts.state);
  if (!editable.ok) return editable;
  if (!may(actorRoles, "recordManagementReviews")) return { ok: false, error: "review.error.notLeader" };
  if (today < facts.meetingDate) return { ok: false, error: "review.error.beforeMeeting" };
  if (!facts.conclusions?.trim()) return { ok: false, error: "review.error.noConclusions" };
  if (facts.decisionCount < 1) return { ok: false, error: "review.error.noDecisions" };
  return { ok: true };
}

/**
 * The dates whose figures the inputs report: the review's period, cut at today when it reaches
 * past it (as the on-time report does), so open dossiers are not judged against a future end.
 */
export function inputWindow(periodFrom: string, periodTo: string, today: string): { from: string; to: string; toDate: boolean } {
  if (periodTo < today) return { from: periodFrom, to: periodTo, toDate: false };
  return { from: periodFrom, to: periodFrom > today ? periodFrom : today, toDate: true };
}

/** Each calendar year the window touches, cut to the window: quality objectives are set per year. */
export function yearSlices(from: string, to: string): { year: number; from: string; to: string }[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const slices: { year: number; from: string; to: string }[] = [];
  for (let year = first; year <= last; year += 1) {
    slices.push({ year, from: year === first ? from : `${year}-01-01`, to: year === last ? to : `${year}-12-31` });
  }
  return slices;
}

export const PREVIOUS_ACTION_STATUSES = ["due", "not_due", "no_due_date"] as const;
export type PreviousActionStatus = (typeof PREVIOUS_ACTION_STATUSES)[number];

/**
 * A decision of an earlier review: its due date has come (its owner reports the result at this
 * meeting) or not yet. The record keeps no completion of its own; the meeting states it.
 */
export function previousActionStatus(dueDate: string | null, asOf: string): PreviousActionStatus {
  if (!dueDate) return "no_due_date";
  return dueDate <= asOf ? "due" : "not_due";
}

/** The attendees as typed, one per line (or separated by semicolons), blanks dropped. */
export function attendeeLines(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A review is numbered within the year of its meeting. */
export const reviewYear = (meetingDate: string) => Number(meetingDate.slice(0, 4));

/** `xem-xet-lanh-dao-XXLD-2025-01-dau-vao.pdf`, `xem-xet-lanh-dao-XXLD-2025-01-bien-ban.pdf`. */
export function reviewFileName(code: string, document: "input" | "record"): string {
  return `xem-xet-lanh-dao-${code}-${document === "input" ? "dau-vao" : "bien-ban"}.pdf`;
}
