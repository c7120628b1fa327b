import { NC_GRADES, NC_SOURCES, NC_STATES, type ActionStatus, type NcGrade, type NcSource, type NcState } from "./nonconformity";

/*
 * Nonconformity statistics for a year (ISO 9001 §9.1.3, §10.2), as the inspectors' portal shows
 * them: counts only, never a record's text, so no citizen's data can be in them.
 */

/** A nonconformity as the statistics see it; dates are business dates `YYYY-MM-DD`. */
export interface NcStatRow {
  source: NcSource;
  grade: NcGrade;
  state: NcState;
  foundDate: string;
  /** Set once closed. */
  closedDate: string | null;
  /** Same process and clause had one in the 12 months before. */
  repeat: boolean;
}

export interface ActionStatRow {
  status: ActionStatus;
  /** Business date `YYYY-MM-DD`. */
  dueDate: string;
}

export interface CountRow<K extends string> {
  key: K;
  count: number;
}

export interface NcStatistics {
  total: number;
  open: number;
  closed: number;
  bySource: CountRow<NcSource>[];
  byGrade: CountRow<NcGrade>[];
  byState: CountRow<NcState>[];
  /** Calendar days from the day found to the day closed, over the closed ones. */
  daysToClose: { closed: number; median: number | null; average: number | null };
  /** Corrective actions still planned after their due date. */
  overdueActions: number;
  repeats: number;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

const DAY_MS = 86_400_000;

/** Calendar days from one business date to another (0 on the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Counts per key, every key of the catalogue listed in its order, zeros included, so tables keep their shape. */
export function countBy<K extends string, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): CountRow<K>[] {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** An action is overdue when still planned after its due date. */
export function isActionOverdue(action: ActionStatRow, today: string): boolean {
  return action.status === "planned" && action.dueDate < today;
}

/** The year's figures from its nonconformities (merged duplicates left out by the caller) and their corrective actions. */
export function summariseNonconformities(rows: readonly NcStatRow[], actions: readonly ActionStatRow[], today: string): NcStatistics {
  const closed = rows.filter((r) => r.state === "closed");
  const days = closed.flatMap((r) => (r.closedDate ? [Math.max(0, daysBetween(r.foundDate, r.closedDate))] : []));
  return {
    total: rows.length,
    open: rows.length - closed.length,
    closed: closed.length,
    bySource: countBy(NC_SOURCES, rows, (r) => r.source),
    byGrade: countBy(NC_GRADES, rows, (r) => r.grade),
    byState: countBy(NC_STATES, rows, (r) => r.state),
    daysToClose: { closed: days.length, median: median(days), average: average(days) },
    overdueActions: actions.filter((a) => isActionOverdue(a, today)).length,
    repeats: rows.filter((r) => r.repeat).length,
  };
}
