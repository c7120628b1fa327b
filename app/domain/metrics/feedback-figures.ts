import type { FeedbackKind } from "~/domain/feedback/feedback";
import { businessDayStart } from "~/utils/clock";
import type { MeasuredPeriod } from "./period";

/*
 * The figures of citizens' feedback every surface shares (dashboard, objectives, management review,
 * the Decision 766 scorecard), as pure functions over the items a window can touch. Instants are UTC
 * ISO text; a window is [start, end) with `end` the judgement instant.
 */

export interface FeedbackForFigures {
  kind: FeedbackKind;
  receivedAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  resolutionDueAt: string | null;
  /** Refused or forwarded: no answer of ours is due. */
  answerDue: boolean;
  dossierId: number | null;
  hasPublicAnswer: boolean;
}

export interface Window {
  start: string;
  end: string;
}

/** The instants a measured period covers, [start of its first day, judgement instant); null for a future period. */
export function windowOf(measured: MeasuredPeriod): Window | null {
  if (measured.status === "future") return null;
  return { start: businessDayStart(measured.period.from).toISOString(), end: measured.period.endInstant };
}

const ANSWERED_KINDS: readonly FeedbackKind[] = ["feedback", "recommendation", "complaint"];
const inWindow = (at: string | null, w: Window): boolean => at !== null && at >= w.start && at < w.end;

/**
 * Answers to feedback, recommendations and complaints, judged like dossiers: answered in the window
 * (on time when by the resolution deadline), or still unanswered at its end and past that deadline.
 * Items refused or forwarded get no answer of ours and are left out; so are compliments.
 */
export function answerTimeliness(items: readonly FeedbackForFigures[], w: Window) {
  let answered = 0;
  let onTime = 0;
  let openLate = 0;
  for (const item of items) {
    if (!ANSWERED_KINDS.includes(item.kind) || !item.answerDue) continue;
    if (inWindow(item.answeredAt, w)) {
      answered += 1;
      if (item.resolutionDueAt === null || item.answeredAt! <= item.resolutionDueAt) onTime += 1;
      continue;
    }
    const openAtEnd = item.receivedAt < w.end && (item.answeredAt === null || item.answeredAt >= w.end) && (item.closedAt === null || item.closedAt >= w.end);
    if (openAtEnd && item.resolutionDueAt !== null && item.resolutionDueAt < w.end) openLate += 1;
  }
  return { answered, onTime, openLate, judged: answered + openLate };
}

/** Answered in the window with the answer published for the citizen (it is published when given). */
export function answersPublished(items: readonly FeedbackForFigures[], w: Window) {
  let answered = 0;
  let published = 0;
  for (const item of items) {
    if (!ANSWERED_KINDS.includes(item.kind) || !item.answerDue || !inWindow(item.answeredAt, w)) continue;
    answered += 1;
    if (item.hasPublicAnswer) published += 1;
  }
  return { answered, published };
}

/** Dossiers that drew a complaint or feedback received in the window (each dossier once). */
export function dossiersComplainedOf(items: readonly FeedbackForFigures[], w: Window): number {
  const dossiers = new Set<number>();
  for (const item of items) {
    if ((item.kind === "complaint" || item.kind === "feedback") && item.dossierId !== null && inWindow(item.receivedAt, w)) dossiers.add(item.dossierId);
  }
  return dossiers.size;
}
