import { z } from "zod";
import { businessDateOf, businessDayStart } from "~/utils/clock";

/*
 * Business dates are `YYYY-MM-DD` strings in Asia/Ho_Chi_Minh. The arithmetic below works on the
 * string through UTC `Date` fields only, so the server's own time zone never leaks in.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;
const MS_PER_MINUTE = 60 * 1000;

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Days since 1970-01-01, or NaN when `value` is not a real `YYYY-MM-DD` date. */
function dayNumberOrNaN(value: string): number {
  const match = DATE_PATTERN.exec(value);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return Number.NaN;
  }
  return ms / MS_PER_DAY;
}

export function isBusinessDate(value: string): boolean {
  return !Number.isNaN(dayNumberOrNaN(value));
}

export const BusinessDateSchema = z.string().refine(isBusinessDate, "Expected a YYYY-MM-DD date");

/** Days since 1970-01-01 (the epoch's own date is 0). Throws a RangeError on a malformed or impossible date. */
export function toDayNumber(date: string): number {
  const day = dayNumberOrNaN(date);
  if (Number.isNaN(day)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return day;
}

export function fromDayNumber(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`Not a whole day number: ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function weekdayNameOf(date: string): Weekday {
  return WEEKDAYS[weekdayOf(date)] as Weekday;
}

export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** Minutes after midnight of an `HH:MM` time of day (00:00–23:59). */
export function parseTimeOfDay(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not an HH:MM time of day: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The instant of `time` (`HH:MM`) on a business date, in Asia/Ho_Chi_Minh. */
export function instantAt(date: string, time: string): Date {
  toDayNumber(date);
  return new Date(businessDayStart(date).getTime() + parseTimeOfDay(time) * MS_PER_MINUTE);
}

/** The business date of an instant, and how far into that day (Asia/Ho_Chi_Minh) it falls. */
export function businessMomentOf(instant: Date): { date: string; msIntoDay: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid instant");
  const date = businessDateOf(instant);
  return { date, msIntoDay: instant.getTime() - businessDayStart(date).getTime() };
}

/** True when the instant falls strictly after `time` (`HH:MM`) on its business date. */
export function isAfterTimeOfDay(instant: Date, time: string): boolean {
  return businessMomentOf(instant).msIntoDay > parseTimeOfDay(time) * MS_PER_MINUTE;
}
