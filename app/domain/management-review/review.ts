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
