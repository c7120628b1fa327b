import { z } from "zod";
import { ProcedureFieldSchema } from "~/domain/procedures/procedure";
import { BusinessDateSchema, m } from "~/domain/shared/fields";
import type { DossierState } from "./lifecycle";

type DossierOutcome = "early" | "on_time" | "late";

/**
 * The tracking book's columns that come from a dossier's steps (Mẫu 06 of Circular 01/2018, Mẫu 07 of
 * Circular 03/2025): where the dossier went to be handled and when the result came back.
 *
 * The desk and the officer who handles the dossier are both inside the lead agency (the commune), so
 * "sent to the handling agency" is the hand-over to that officer, unless the dossier was transferred
 * (liên thông) to another agency: then it names that agency and the time it was sent, and "result
 * back" is the time that agency's result came back. Otherwise "result back" is the time the result
 * was ready at the desk.
 */
export interface TrackingSteps {
  assignedAt: string | null;
  transferAgency: string | null;
  transferAt: string | null;
  transferBackAt: string | null;
  finishedAt: string | null;
}

export interface SentAndBack {
  sentTo: { agency: string | null; at: string } | null;
  resultBackAt: string | null;
}

export function sentAndBack(steps: TrackingSteps): SentAndBack {
  if (steps.transferAt) {
    return { sentTo: { agency: steps.transferAgency, at: steps.transferAt }, resultBackAt: steps.transferBackAt };
  }
  return { sentTo: steps.assignedAt ? { agency: null, at: steps.assignedAt } : null, resultBackAt: steps.finishedAt };
}

export interface NoteFacts {
  state: DossierState;
  outcome: DossierOutcome | null;
  closedReason: string | null;
  /** Set when an apology slip gave a new appointment: the original due time, ISO. */
  apologyDueAt: string | null;
}

const OUTCOME_WORDS: Record<DossierOutcome, string> = { early: "Trước hạn", on_time: "Đúng hạn", late: "Quá hạn" };

/**
 * The "Ghi chú" column, in Vietnamese as the book is printed: a refusal or withdrawal with its
 * reason, a dossier waiting for papers, the result's timeliness, a rescheduled appointment.
 * `formatTime` writes an instant as the book does (dd/mm/yyyy hh:mm).
 */
export function trackingBookNotes(facts: NoteFacts, formatTime: (iso: string) => string): string {
  const notes: string[] = [];
  const reason = facts.closedReason?.trim();
  if (facts.state === "refused") notes.push(reason ? `Từ chối: ${reason}` : "Từ chối");
  if (facts.state === "withdrawn") notes.push(reason ? `Rút hồ sơ: ${reason}` : "Rút hồ sơ");
  if (facts.state === "supplement_requested") notes.push("Đang chờ bổ sung");
  if (facts.outcome) notes.push(OUTCOME_WORDS[facts.outcome]);
  if (facts.apologyDueAt) notes.push(`Đã xin lỗi, hẹn lại (hẹn ban đầu ${formatTime(facts.apologyDueAt)})`);
  return notes.join("; ");
}

/**
 * `/staff/dossiers/tracking-book.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD[&field=…]`: both dates required,
 * `from` not after `to`, the period at most `TRACKING_BOOK_MAX_DAYS` long (a longer one is a request for
 * several books: one per year is how the desk keeps them).
 */
export const TRACKING_BOOK_MAX_DAYS = 366;

export const TrackingBookQuerySchema = z
  .object({
    from: BusinessDateSchema,
    to: BusinessDateSchema,
    field: ProcedureFieldSchema.optional(),
  })
  .refine((v) => v.from <= v.to, { message: m("error.dateRange"), path: ["to"] })
  .refine((v) => daysBetween(v.from, v.to) < TRACKING_BOOK_MAX_DAYS, { message: m("trackingBook.error.tooLong"), path: ["to"] });

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
