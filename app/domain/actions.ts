/*
 * One list of the actions people owe (issue 18): corrective actions, review decisions, risk
 * treatments and reviews, training to attend, documents to read. Pure ordering and counting.
 */
export const ACTION_KINDS = ["corrective_action", "review_decision", "risk_treatment", "risk_review", "training", "document_read"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface OwnedAction {
  kind: ActionKind;
  /** Unique within the list: `<kind>:<id>`. */
  key: string;
  ownerUserId: number;
  ownerName: string;
  title: string;
  /** The record it belongs to (`NC-2026-001`, `RR-2026-03`, a document code…). */
  ref: string;
  link: string;
  due: string | null;
  overdue: boolean;
}

/** Overdue first (oldest due first), then by due date, undated last. */
export function orderActions<T extends { due: string | null; overdue: boolean; key: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due.localeCompare(b.due);
    return a.key.localeCompare(b.key);
  });
}

export const isOverdue = (due: string | null, today: string) => due !== null && due < today;
