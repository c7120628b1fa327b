import { wasLateWhenStopped } from "~/domain/calendar/due-date";
import type { Channel } from "~/domain/dossiers/channels";
import { isOnlineChannel } from "~/domain/dossiers/channels";
import type { DossierState } from "~/domain/dossiers/lifecycle";
import type { ProcedureField } from "~/domain/procedures/procedure";
import { businessDateOf } from "~/utils/clock";

/**
 * The on-time engine's definitions, as the national index (Decision 766/QĐ-TTg) computes them, and
 * as decision record 0010 reads them:
 * - a period is judged at one instant, `min(end of period, now)` (the period's `endInstant`, see
 *   `measurePeriod`); a dossier is judged when its processing ends in the period (result ready), or
 *   when it is still open at the judgement instant, with that instant as its end time;
 * - on time when the end is on or before the due day (`classifyOutcome`), early when before it;
 *   an open dossier becomes late when its due day is over, so one due today is not late today;
 * - a dossier with more than one supplement request counts as late;
 * - a dossier waiting for the citizen's supplement (clock stopped) is judged by the due date that
 *   will apply after the supplement, which is not yet known and lies after the wait: it is not late
 *   while it waits, unless it was already late when the clock stopped (a supplement request does not
 *   cure lateness);
 * - open dossiers not yet late at the judgement instant are not judged yet.
 * "Overdue" is a separate figure: open, clock running and past its due day at the judgement instant.
 * The SQL in app/models/metrics.server.ts and the per-day summary (migration 0013) compute exactly
 * this; integration tests check all three agree.
 */
export type Judgement = "early" | "on_time" | "late" | "open_not_due";

export interface DossierForMetrics {
  channel: Channel;
  field: ProcedureField;
  state: DossierState;
  receivedDate: string;
  dueAt: string;
  /** The business date of `dueAt`. */
  dueDate: string;
  /** End of processing (result ready), or of handling for a refusal or withdrawal. */
  finishedAt: string | null;
  finishedDate: string | null;
  outcome: "early" | "on_time" | "late" | null;
  supplementCount: number;
  /** When the clock stopped for the supplement the dossier waits for now; null when not waiting. */
  clockStoppedAt: string | null;
  transferCount: number;
  eTransferCount: number;
}

export interface Period {
  /** Inclusive business dates. */
  from: string;
  to: string;
  /**
   * The judgement instant: the start of the day after `to` in Vietnam for a whole period; for a
   * period still running, measured up to now (`measurePeriod`), now.
   */
  endInstant: string;
}

export const MAX_SUPPLEMENTS_ON_TIME = 1;

/** The business date of the judgement instant: an open dossier due before this day is late. */
export function judgementDate(period: Period): string {
  return businessDateOf(new Date(period.endInstant));
}

const isWaiting = (d: Pick<DossierForMetrics, "state" | "clockStoppedAt">) => d.state === "supplement_requested" && d.clockStoppedAt !== null;

/** Whether a dossier open at the judgement instant counts as late then. */
export function isLateWhileOpen(d: DossierForMetrics, period: Period): boolean {
  if (d.supplementCount > MAX_SUPPLEMENTS_ON_TIME) return true;
  // Waiting since before its due day was over: the due date that will apply lies after the wait.
  if (isWaiting(d) && !wasLateWhenStopped(d.dueDate, d.clockStoppedAt!)) return false;
  return d.dueDate < judgementDate(period);
}

/** Open, its clock running, and its due day over at the judgement instant. */
export function isOverdueWhileOpen(d: DossierForMetrics, period: Period): boolean {
  if (d.dueDate >= judgementDate(period)) return false;
  return !(isWaiting(d) && d.clockStoppedAt! < period.endInstant);
}

const openAt = (d: DossierForMetrics, period: Period) =>
  d.receivedDate <= period.to && (d.finishedDate === null || d.finishedDate > period.to);

export function judge(d: DossierForMetrics, period: Period): Judgement | null {
  if (d.receivedDate > period.to) return null;
  const finishedInPeriod = d.finishedDate !== null && d.finishedDate >= period.from && d.finishedDate <= period.to;
  if (finishedInPeriod) {
    if (d.outcome === null) return null; // refused or withdrawn: not judged for timeliness
    return d.supplementCount > MAX_SUPPLEMENTS_ON_TIME ? "late" : d.outcome;
  }
  if (!openAt(d, period)) return null;
  return isLateWhileOpen(d, period) ? "late" : "open_not_due";
}

export interface OnTimeFigures {
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  /** Open at the judgement instant and late then (counted in `late`). */
  openLateAtEnd: number;
  openNotDue: number;
  /** Open at the judgement instant, clock running, due day over ("overdue now"; not a part of `late`'s sum). */
  overdueAtEnd: number;
  refused: number;
  withdrawn: number;
  transfers: number;
  eTransfers: number;
}

export const EMPTY_FIGURES: OnTimeFigures = {
  received: 0,
  receivedOnline: 0,
  resolved: 0,
  early: 0,
  onTime: 0,
  late: 0,
  openLateAtEnd: 0,
  openNotDue: 0,
  overdueAtEnd: 0,
  refused: 0,
  withdrawn: 0,
  transfers: 0,
  eTransfers: 0,
};

/** The reference computation over plain records (tests and small sets); SQL does the same at scale. */
export function computeFigures(dossiers: readonly DossierForMetrics[], period: Period): OnTimeFigures {
  const f = { ...EMPTY_FIGURES };
  for (const d of dossiers) {
    if (d.receivedDate >= period.from && d.receivedDate <= period.to) {
      f.received += 1;
      if (isOnlineChannel(d.channel)) f.receivedOnline += 1;
      f.transfers += d.transferCount;
      f.eTransfers += d.eTransferCount;
    }
    const finishedInPeriod =
      d.finishedDate !== null && d.finishedDate >= period.from && d.finishedDate <= period.to;
    if (finishedInPeriod && d.state === "refused") f.refused += 1;
    if (finishedInPeriod && d.state === "withdrawn") f.withdrawn += 1;
    if (openAt(d, period) && isOverdueWhileOpen(d, period)) f.overdueAtEnd += 1;
    const judgement = judge(d, period);
    if (judgement === null) continue;
    if (judgement === "open_not_due") {
      f.openNotDue += 1;
      continue;
    }
    if (finishedInPeriod) f.resolved += 1;
    else if (judgement === "late") f.openLateAtEnd += 1;
    if (judgement === "early") f.early += 1;
    if (judgement === "on_time") f.onTime += 1;
    if (judgement === "late") f.late += 1;
  }
  return f;
}

export interface Rates {
  /** (early + on time) / judged, 0–1; null when nothing was judged. */
  onTimeRate: number | null;
  onlineRate: number | null;
  eTransferRate: number | null;
}

export function rates(f: OnTimeFigures): Rates {
  const judged = f.early + f.onTime + f.late;
  return {
    onTimeRate: judged === 0 ? null : (f.early + f.onTime) / judged,
    onlineRate: f.received === 0 ? null : f.receivedOnline / f.received,
    eTransferRate: f.transfers === 0 ? null : f.eTransfers / f.transfers,
  };
}

export const judgedCount = (f: Pick<OnTimeFigures, "early" | "onTime" | "late">) => f.early + f.onTime + f.late;
