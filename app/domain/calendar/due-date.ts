import { z } from "zod";
import { businessDateOf } from "~/utils/clock";
import { instantAt, isAfterTimeOfDay, parseTimeOfDay, toDayNumber } from "./business-date";
import type { WorkingCalendar } from "./working-calendar";

/*
 * The due-date rule (DOMAIN.md "Due-date rule"; Decree 61/2018/ND-CP as amended by Decree
 * 107/2021/ND-CP, and Decree 118/2025/ND-CP from 1 Jul 2025 (check the texts)):
 * - processing times are working days of the unit's calendar;
 * - the count starts on the working day after the day the complete, valid dossier is received,
 *   and the result is due at office close of the N-th counted working day;
 * - a dossier received on a non-working day (online, post) counts as received on the next working day;
 * - a same-day procedure (N = 0) received after the cut-off is due at close of the next working day.
 */

export const SUPPLEMENT_CLOCKS = ["restart", "resume"] as const;
export type SupplementClock = (typeof SUPPLEMENT_CLOCKS)[number];
export const SupplementClockSchema = z.enum(SUPPLEMENT_CLOCKS);

export interface DueDateSettings {
  /** `HH:MM`, Asia/Ho_Chi_Minh: a due date ends at this time. */
  officeClose: string;
  /** `HH:MM`: a same-day dossier received after this time is due the next working day. */
  sameDayCutoff: string;
  /** "restart" (Decree 61 default): the full time counts again after a supplement; "resume": days used are kept. */
  supplementClock: SupplementClock;
}

export const DEFAULT_DUE_DATE_SETTINGS: DueDateSettings = {
  officeClose: "17:00",
  sameDayCutoff: "15:00",
  supplementClock: "restart",
};

export const DUE_DATE_RULES = ["same_day", "working_days"] as const;
export type DueDateRule = (typeof DUE_DATE_RULES)[number];

export const OUTCOMES = ["early", "on_time", "late"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface DueDate {
  dueAt: Date;
  /** Business date of `dueAt`. */
  dueDate: string;
  /** The first working day counted (for N = 0, the day the dossier is handled). */
  countedFrom: string;
  rule: DueDateRule;
}

export interface DueDateAfterSupplement {
  dueAt: Date;
  dueDate: string;
  /** The first working day of the new count. */
  countedFrom: string;
  rule: SupplementClock;
  /**
   * Working days of the count already used when the supplement was requested (the request day
   * included). "resume" keeps them; "restart" reports them but counts the full time again.
   */
  workingDaysUsed: number;
}

function assertProcessingDays(processingDays: number): void {
  if (!Number.isInteger(processingDays) || processingDays < 0) {
    throw new RangeError(`Processing time must be a whole number of working days ≥ 0: ${processingDays}`);
  }
}

function assertInstant(name: string, instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${name} is not a valid instant`);
}

/** Office close (Asia/Ho_Chi_Minh) of a business date: the instant a due date ends. */
export function officeCloseAt(date: string, settings: DueDateSettings): Date {
  return instantAt(date, settings.officeClose);
}

/**
 * The business date the clock counts from.
 *
 * - Received on a non-working day (online, post) → the next working day (DOMAIN.md; for online
 *   dossiers Decree 45/2020/ND-CP on online administrative procedures (check)). The same-day cut-off
 *   then does not apply: the first working day is the reception day, whatever the hour.
 * - Same-day procedure (N = 0) received on a working day after the cut-off → the next working day.
 *   "After" is strict: at 15:00:00 exactly it is still the same day, as the texts say "sau 15 giờ"
 *   ("after 15:00"), e.g. Decree 23/2015/ND-CP art. 7 on certification (check).
 * - Otherwise the business date (Asia/Ho_Chi_Minh) of `receivedAt`. For N ≥ 1 the hour does not
 *   matter: a dossier received at 16:55 or after office close on a working day is received that day
 *   (DOMAIN.md sets no cut-off for N ≥ 1).
 */
export function receptionDate(
  receivedAt: Date,
  calendar: WorkingCalendar,
  settings: DueDateSettings,
  processingDays: number,
): string {
  assertInstant("receivedAt", receivedAt);
  assertProcessingDays(processingDays);
  parseTimeOfDay(settings.sameDayCutoff);
  const date = businessDateOf(receivedAt);
  if (!calendar.isWorkingDay(date)) return calendar.nextWorkingDay(date);
  if (processingDays === 0 && isAfterTimeOfDay(receivedAt, settings.sameDayCutoff)) {
    return calendar.nextWorkingDay(date);
  }
  return date;
}

/**
 * N ≥ 1: counting starts on the working day after the reception date; due at office close of the
 * N-th working day counted.
 * N = 0 (same day): due at office close of the reception date, i.e.
 * - received on a working day at or before the cut-off → that day;
 * - received on a working day after the cut-off → the next working day;
 * - received on a non-working day → the first working day after it (not the working day after
 *   that): DOMAIN.md treats a non-working-day receipt as received on the next working day, and the
 *   cut-off rule ("after 15:00 → the next working day") only moves a receipt made on a working day.
 *   Hence Saturday → Monday close, and the eve of a holiday after 15:00 → close of the first working
 *   day after the holiday.
 */
export function computeDueAt(input: {
  receivedAt: Date;
  processingDays: number;
  calendar: WorkingCalendar;
  settings: DueDateSettings;
}): DueDate {
  const { receivedAt, processingDays, calendar, settings } = input;
  const reception = receptionDate(receivedAt, calendar, settings, processingDays);
  if (processingDays === 0) {
    return { dueAt: officeCloseAt(reception, settings), dueDate: reception, countedFrom: reception, rule: "same_day" };
  }
  const dueDate = calendar.addWorkingDays(reception, processingDays);
  return {
    dueAt: officeCloseAt(dueDate, settings),
    dueDate,
    countedFrom: calendar.nextWorkingDay(reception),
    rule: "working_days",
  };
}

/**
 * The due date after a supplement request (yêu cầu bổ sung) is answered with a complete supplement.
 * The supplement's arrival (`completedAt`) is treated as a reception: non-working day → next working
 * day; same-day procedures: after the cut-off → next working day.
 *
 * - "restart" (Decree 61/2018/ND-CP default, DOMAIN.md): the full processing time counts again from
 *   the working day after the complete supplement arrives.
 * - "resume" (unit setting): the working days already used (from the first counted day up to and
 *   including the request day) are kept and only the rest counts from the working day after the
 *   supplement arrives. When nothing is left (the request came on or after the due date), the
 *   remainder is 0 and the dossier is due at close of the next working day after the supplement
 *   arrives: the office gets at least one working day, as for a one-day procedure. A same-day
 *   procedure (N = 0) is handled as a new same-day reception under either rule.
 *
 * `originalDueDate`, when given, is the due date in force when the supplement was requested (the
 * original one, or the one set after an earlier supplement); "resume" then counts the days left
 * against it, so an earlier pause is not counted as used. Without it the due date is recomputed
 * from `receivedAt`.
 */
export function computeDueAfterSupplement(input: {
  receivedAt: Date;
  processingDays: number;
  originalDueDate?: string;
  requestedAt: Date;
  completedAt: Date;
  calendar: WorkingCalendar;
  settings: DueDateSettings;
}): DueDateAfterSupplement {
  const { receivedAt, processingDays, requestedAt, completedAt, calendar, settings } = input;
  assertInstant("requestedAt", requestedAt);
  assertInstant("completedAt", completedAt);
  if (requestedAt.getTime() < receivedAt.getTime()) {
    throw new RangeError("A supplement cannot be requested before the dossier is received");
  }
  if (completedAt.getTime() < requestedAt.getTime()) {
    throw new RangeError("A supplement cannot be completed before it is requested");
  }
  const dueDateInForce =
    input.originalDueDate ?? computeDueAt({ receivedAt, processingDays, calendar, settings }).dueDate;
  toDayNumber(dueDateInForce);

  const left = Math.min(
    processingDays,
    Math.max(0, calendar.workingDaysBetween(businessDateOf(requestedAt), dueDateInForce)),
  );
  const workingDaysUsed = processingDays - left;
  const rule = settings.supplementClock;

  if (rule === "restart" || processingDays === 0) {
    const { dueAt, dueDate, countedFrom } = computeDueAt({ receivedAt: completedAt, processingDays, calendar, settings });
    return { dueAt, dueDate, countedFrom, rule, workingDaysUsed };
  }
  const reception = receptionDate(completedAt, calendar, settings, processingDays);
  const dueDate = calendar.addWorkingDays(reception, Math.max(1, left));
  return {
    dueAt: officeCloseAt(dueDate, settings),
    dueDate,
    countedFrom: calendar.nextWorkingDay(reception),
    rule,
    workingDaysUsed,
  };
}

/**
 * Working days the citizen took to supplement: from the day after the request up to the day the
 * supplement counts as received (a non-working day moves to the next working day). These are the
 * days the national index leaves out of the processing time (DOMAIN.md "Figures").
 */
export function supplementWaitingWorkingDays(
  requestedAt: Date,
  completedAt: Date,
  calendar: WorkingCalendar,
): number {
  assertInstant("requestedAt", requestedAt);
  assertInstant("completedAt", completedAt);
  if (completedAt.getTime() < requestedAt.getTime()) {
    throw new RangeError("A supplement cannot be completed before it is requested");
  }
  const completion = calendar.workingDayOnOrAfter(businessDateOf(completedAt));
  return Math.max(0, calendar.workingDaysBetween(businessDateOf(requestedAt), completion));
}

/**
 * Outcome by business date in Asia/Ho_Chi_Minh (DOMAIN.md "Figures": early = result ready before the
 * due day, on time = on the due day, late = after): a result ready at 17:30 on the due day is on
 * time; at 00:00 the next day it is late.
 */
export function classifyOutcome(input: { dueAt: Date; finishedAt: Date }): Outcome {
  assertInstant("dueAt", input.dueAt);
  assertInstant("finishedAt", input.finishedAt);
  const due = businessDateOf(input.dueAt);
  const finished = businessDateOf(input.finishedAt);
  if (finished < due) return "early";
  if (finished === due) return "on_time";
  return "late";
}

/**
 * True once finishing now would be late: from the start of the day after the due date (consistent
 * with `classifyOutcome`).
 */
export function isOverdue(input: { dueAt: Date; now: Date }): boolean {
  return classifyOutcome({ dueAt: input.dueAt, finishedAt: input.now }) === "late";
}

/**
 * Whether a dossier was already late when its clock stopped for a supplement: the request came after
 * its due day was over. Such a dossier stays late; the supplement gives it no new time (decision 0010).
 */
export function wasLateWhenStopped(dueDate: string, stoppedAt: string | Date): boolean {
  return dueDate < businessDateOf(typeof stoppedAt === "string" ? new Date(stoppedAt) : stoppedAt);
}

/**
 * Working days late at `at`: 0 unless late by `classifyOutcome`; otherwise the working days after
 * the due date up to and including the business date of `at`, and at least 1 (a result ready on the
 * Saturday after a Friday due date is one day late, not zero).
 */
export function lateness(input: { dueAt: Date; at: Date; calendar: WorkingCalendar }): number {
  if (classifyOutcome({ dueAt: input.dueAt, finishedAt: input.at }) !== "late") return 0;
  return Math.max(1, input.calendar.workingDaysBetween(businessDateOf(input.dueAt), businessDateOf(input.at)));
}

/**
 * "Will miss" warning: not overdue yet, and the due date is at most `withinWorkingDays` working days
 * after today (0 = due today).
 */
export function dueSoon(input: {
  dueAt: Date;
  now: Date;
  calendar: WorkingCalendar;
  withinWorkingDays: number;
}): boolean {
  const { dueAt, now, calendar, withinWorkingDays } = input;
  if (!Number.isInteger(withinWorkingDays) || withinWorkingDays < 0) {
    throw new RangeError(`Not a whole number of working days ≥ 0: ${withinWorkingDays}`);
  }
  if (isOverdue({ dueAt, now })) return false;
  return calendar.workingDaysBetween(businessDateOf(now), businessDateOf(dueAt)) <= withinWorkingDays;
}
