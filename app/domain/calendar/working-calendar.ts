import { z } from "zod";
import { addDays, isWeekend, toDayNumber } from "./business-date";

/**
 * - `holiday`: a public holiday (Labour Code 2019 art. 112).
 * - `day_off`: a day off that is not itself a holiday: a compensatory day, an extra day of the
 *   Tết break, a day swapped for a make-up Saturday, a weekend day inside an official break.
 * - `working_day`: a weekend day worked (make-up Saturday).
 */
export const CALENDAR_EXCEPTION_KINDS = ["holiday", "day_off", "working_day"] as const;
export type CalendarExceptionKind = (typeof CALENDAR_EXCEPTION_KINDS)[number];
export const CalendarExceptionKindSchema = z.enum(CALENDAR_EXCEPTION_KINDS);

export interface CalendarException {
  /** Business date, `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
  date: string;
  kind: CalendarExceptionKind;
  name: string;
}

/** Why a date is, or is not, a working day; the UI words `reason` from the message catalogue. */
export interface DayExplanation {
  date: string;
  working: boolean;
  reason: "weekday" | "weekend" | CalendarExceptionKind;
  /** The exception's name (e.g. "Giỗ Tổ Hùng Vương"), or null for a plain weekday or weekend. */
  name: string | null;
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** `date` itself when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: string): string;
  /** The n-th working day strictly after `date`; `date` itself when n = 0. */
  addWorkingDays(date: string, n: number): string;
  /** The number of working days d with from < d ≤ to; negated (to < d ≤ from) when to is before from. */
  workingDaysBetween(from: string, to: string): number;
  explain(date: string): DayExplanation;
}

/** No official break comes close; more than this many days off in a row means the calendar data is wrong. */
export const MAX_CONSECUTIVE_NON_WORKING_DAYS = 400;

/** Monday–Friday work; Saturday and Sunday off unless a `working_day`; `holiday` and `day_off` never work. */
export function createWorkingCalendar(exceptions: readonly CalendarException[]): WorkingCalendar {
  const byDate = new Map<string, CalendarException>();
  for (const exception of exceptions) {
    toDayNumber(exception.date);
    CalendarExceptionKindSchema.parse(exception.kind);
    if (byDate.has(exception.date)) {
      throw new RangeError(`Two calendar exceptions on ${exception.date}`);
    }
    byDate.set(exception.date, exception);
  }

  function isWorkingDay(date: string): boolean {
    const exception = byDate.get(date);
    if (exception) {
      return exception.kind === "working_day";
    }
    return !isWeekend(date);
  }

  function nextWorkingDay(date: string): string {
    toDayNumber(date);
    let day = date;
    for (let step = 0; step <= MAX_CONSECUTIVE_NON_WORKING_DAYS; step++) {
      day = addDays(day, 1);
      if (isWorkingDay(day)) return day;
    }
    throw new Error(
      `No working day within ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days after ${date}: check the calendar`,
    );
  }

  function addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number of working days ≥ 0: ${n}`);
    toDayNumber(date);
    let day = date;
    for (let i = 0; i < n; i++) day = nextWorkingDay(day);
    return day;
  }

  function workingDaysBetween(from: string, to: string): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    if (end < start) return -workingDaysBetween(to, from);
    let count = 0;
    for (let offset = 1; offset <= end - start; offset++) {
      if (isWorkingDay(addDays(from, offset))) count++;
    }
    return count;
  }

  return {
    isWorkingDay(date) {
      toDayNumber(date);
      return isWorkingDay(date);
    },
    nextWorkingDay,
    workingDayOnOrAfter(date) {
      toDayNumber(date);
      return isWorkingDay(date) ? date : nextWorkingDay(date);
    },
    addWorkingDays,
    workingDaysBetween,
    explain(date) {
      toDayNumber(date);
      const exception = byDate.get(date);
      if (exception) {
        return { date, working: exception.kind === "working_day", reason: exception.kind, name: exception.name };
      }
      const weekend = isWeekend(date);
      return { date, working: !weekend, reason: weekend ? "weekend" : "weekday", name: null };
    },
  };
}
