/*
 * Retention of citizens' personal data (Decree 13/2023/ND-CP art. 16; Personal Data Protection Law
 * 2025): once a record has been closed for its kind's retention period, the personal data in it is
 * erased — contact fields emptied, free text redacted — while everything the figures count (dates,
 * states, outcomes, kinds, ratings) stays, so statistics are the same before and after.
 * The periods are settings (RETENTION_*_DAYS); the defaults are the commune's choice *(check)*.
 */

export const RETENTION_KINDS = ["dossier", "feedback", "attachment"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionSettings = Record<RetentionKind, number>;

/** What an erased name reads as. */
export const ERASED = "***";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records closed before this instant (ISO) are past their retention period. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** The cut-off of each kind. */
export function retentionCutoffs(now: Date, settings: RetentionSettings): Record<RetentionKind, string> {
  return {
    dossier: retentionCutoff(now, settings.dossier),
    feedback: retentionCutoff(now, settings.feedback),
    attachment: retentionCutoff(now, settings.attachment),
  };
}
