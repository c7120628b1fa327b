import type { Channel } from "~/domain/dossiers/channels";
import { isOnlineChannel } from "~/domain/dossiers/channels";
import type { DossierState } from "~/domain/dossiers/lifecycle";
import type { ProcedureField } from "~/domain/procedures/procedure";

/**
 * The on-time engine's definitions, as the national index (Decision 766/QĐ-TTg) computes them:
 * - a dossier is judged when its processing ends in the period (result ready), or when it is still
 *   open at the period's end, with the period's end as its end time;
 * - on time when the end is at or before the due date in force (supplement waiting time is already
 *   excluded from it: see due-date.ts), early when on an earlier day;
 * - a dossier with more than one supplement request counts as late;
 * - open dossiers not yet due at the period's end are not judged yet.
 * The SQL in app/models/metrics.server.ts computes exactly this; an integration test checks both agree.
 */
export type Judgement = "early" | "on_time" | "late" | "open_not_due";

export interface DossierForMetrics {
  channel: Channel;
  field: ProcedureField;
  state: DossierState;
  receivedDate: string;
  dueAt: string;
  /** End of processing (result ready), or of handling for a refusal or withdrawal. */
  finishedAt: string | null;
  finishedDate: string | null;
  outcome: "early" | "on_time" | "late" | null;
  supplementCount: number;
  transferCount: number;
  eTransferCount: number;
}

export interface Period {
  /** Inclusive business dates. */
  from: string;
  to: string;
  /** The instant the period ends (the start of the day after `to` in Vietnam). */
  endInstant: string;
}

export const MAX_SUPPLEMENTS_ON_TIME = 1;

export function judge(d: DossierForMetrics, period: Period): Judgement | null {
  if (d.receivedDate > period.to) return null;
  const finishedInPeriod = d.finishedDate !== null && d.finishedDate >= period.from && d.finishedDate <= period.to;
  const openAtEnd = d.finishedDate === null || d.finishedDate > period.to;
  if (finishedInPeriod) {
    if (d.outcome === null) return null; // refused or withdrawn: not judged for timeliness
    return d.supplementCount > MAX_SUPPLEMENTS_ON_TIME ? "late" : d.outcome;
  }
  if (!openAtEnd) return null;
  if (d.supplementCount > MAX_SUPPLEMENTS_ON_TIME) return "late";
  return d.dueAt < period.endInstant ? "late" : "open_not_due";
}

export interface OnTimeFigures {
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  /** Open at the period's end and already past due (counted in `late`). */
  openLateAtEnd: number;
  openNotDue: number;
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
