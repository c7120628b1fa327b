import { describe, expect, test } from "vitest";
import { addDays } from "~/domain/calendar/business-date";
import {
  CALENDAR_EXCEPTION_KINDS,
  CalendarExceptionKindSchema,
  createWorkingCalendar,
  MAX_CONSECUTIVE_NON_WORKING_DAYS,
  type CalendarException,
} from "~/domain/calendar/working-calendar";
import { VIETNAM_CALENDAR_2021_2027 } from "#db/seed/vietnam-holidays";

const plain = createWorkingCalendar([]);
const vietnam = createWorkingCalendar(VIETNAM_CALENDAR_2021_2027);

describe("exception kinds", () => {
  test("are holiday, day_off and working_day, in one list the zod enum shares", () => {
    expect(CALENDAR_EXCEPTION_KINDS).toEqual(["holiday", "day_off", "working_day"]);
    expect(CalendarExceptionKindSchema.options).toEqual([...CALENDAR_EXCEPTION_KINDS]);
    expect(CalendarExceptionKindSchema.safeParse("weekend").success).toBe(false);
  });
});

describe("a calendar without exceptions", () => {
  // 2–8 March 2026 is a Monday-to-Sunday week with no holiday.
  test.each([
    { date: "2026-03-02", working: true },
    { date: "2026-03-03", working: true },
    { date: "2026-03-04", working: true },
    { date: "2026-03-05", working: true },
    { date: "2026-03-06", working: true },
    { date: "2026-03-07", working: false },
    { date: "2026-03-08", working: false },
  ])("$date working: $working", ({ date, working }) => {
    expect(plain.isWorkingDay(date)).toBe(working);
  });
});

describe("exceptions", () => {
  const calendar = createWorkingCalendar([
    { date: "2030-01-02", kind: "holiday", name: "Ngày lễ thử" }, // Wednesday
    { date: "2030-01-03", kind: "day_off", name: "Nghỉ bù thử" }, // Thursday
    { date: "2030-01-05", kind: "working_day", name: "Làm bù (thứ Bảy)" }, // Saturday
    { date: "2030-01-12", kind: "holiday", name: "Lễ rơi vào thứ Bảy" }, // Saturday
    { date: "2030-01-13", kind: "day_off", name: "Chủ nhật trong kỳ nghỉ" }, // Sunday
    { date: "2030-01-14", kind: "working_day", name: "Làm việc (thứ Hai)" }, // Monday: no effect
  ]);

  test.each([
    { date: "2030-01-01", working: true, reason: "weekday", name: null },
    { date: "2030-01-02", working: false, reason: "holiday", name: "Ngày lễ thử" },
    { date: "2030-01-03", working: false, reason: "day_off", name: "Nghỉ bù thử" },
    { date: "2030-01-04", working: true, reason: "weekday", name: null },
    { date: "2030-01-05", working: true, reason: "working_day", name: "Làm bù (thứ Bảy)" },
    { date: "2030-01-06", working: false, reason: "weekend", name: null },
    { date: "2030-01-12", working: false, reason: "holiday", name: "Lễ rơi vào thứ Bảy" },
    { date: "2030-01-13", working: false, reason: "day_off", name: "Chủ nhật trong kỳ nghỉ" },
    { date: "2030-01-14", working: true, reason: "working_day", name: "Làm việc (thứ Hai)" },
  ])("$date: working $working ($reason)", ({ date, working, reason, name }) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.explain(date)).toEqual({ date, working, reason, name });
  });

  test.each([
    { name: "a duplicate date", exceptions: [
      { date: "2030-01-02", kind: "holiday", name: "A" },
      { date: "2030-01-02", kind: "day_off", name: "B" },
    ] },
    { name: "an impossible date", exceptions: [{ date: "2030-02-30", kind: "holiday", name: "A" }] },
    { name: "a date in dd/MM/yyyy", exceptions: [{ date: "02/01/2030", kind: "holiday", name: "A" }] },
  ])("refuses $name", ({ exceptions }) => {
    expect(() => createWorkingCalendar(exceptions as CalendarException[])).toThrow(RangeError);
  });

  test("refuses an unknown kind", () => {
    const exceptions = [{ date: "2030-01-02", kind: "weekend", name: "A" }] as unknown as CalendarException[];
    expect(() => createWorkingCalendar(exceptions)).toThrow();
  });

  test("refuses a malformed date in a query", () => {
    expect(() => calendar.isWorkingDay("2030-1-2")).toThrow(RangeError);
    expect(() => calendar.nextWorkingDay("2030-02-30")).toThrow(RangeError);
    expect(() => calendar.explain("")).toThrow(RangeError);
  });
});

describe("nextWorkingDay (strictly after)", () => {
  test.each([
    { date: "2026-03-02", next: "2026-03-03", why: "Monday → Tuesday" },
    { date: "2026-03-06", next: "2026-03-09", why: "Friday → Monday" },
    { date: "2026-03-07", next: "2026-03-09", why: "Saturday → Monday" },
    { date: "2026-03-08", next: "2026-03-09", why: "Sunday → Monday" },
    { date: "2021-02-09", next: "2021-02-17", why: "eve of the 2021 Tết break (10–16 Feb)" },
    { date: "2021-02-12", next: "2021-02-17", why: "inside the Tết break" },
    { date: "2021-04-20", next: "2021-04-22", why: "eve of Hùng Kings 2021 (Wed 21 Apr)" },
    { date: "2021-04-29", next: "2021-05-04", why: "30/4 Fri, 1/5 Sat, compensatory Mon 3 May 2021" },
    { date: "2021-12-31", next: "2022-01-04", why: "New Year 2022 on a Saturday, compensatory Mon 3 Jan" },
    { date: "2022-12-30", next: "2023-01-03", why: "New Year 2023 on a Sunday, compensatory Mon 2 Jan" },
    { date: "2022-04-08", next: "2022-04-12", why: "Hùng Kings 2022 on a Sunday, compensatory Mon 11 Apr" },
    { date: "2022-04-29", next: "2022-05-04", why: "30 Apr – 3 May 2022" },
    { date: "2023-04-28", next: "2023-05-04", why: "29 Apr – 3 May 2023" },
    { date: "2023-08-31", next: "2023-09-05", why: "1–4 Sep 2023" },
    { date: "2024-04-26", next: "2024-05-02", why: "27 Apr – 1 May 2024" },
    { date: "2024-05-03", next: "2024-05-04", why: "make-up Saturday 4 May 2024" },
    { date: "2024-08-30", next: "2024-09-04", why: "31 Aug – 3 Sep 2024" },
    { date: "2025-04-25", next: "2025-04-26", why: "make-up Saturday 26 Apr 2025" },
    { date: "2025-04-26", next: "2025-04-28", why: "after the make-up Saturday comes Monday" },
    { date: "2025-04-29", next: "2025-05-05", why: "30 Apr – 4 May 2025" },
    { date: "2025-08-29", next: "2025-09-03", why: "30 Aug – 2 Sep 2025" },
    { date: "2026-02-13", next: "2026-02-23", why: "14–22 Feb 2026 Tết break" },
    { date: "2026-04-24", next: "2026-04-28", why: "Hùng Kings 2026 on a Sunday, compensatory Mon 27 Apr" },
    { date: "2026-04-29", next: "2026-05-04", why: "30 Apr – 1 May 2026" },
  ])("$date → $next ($why)", ({ date, next }) => {
    expect(vietnam.nextWorkingDay(date)).toBe(next);
  });

  test.each([
    { date: "2021-02-09", result: "2021-02-09", why: "a working day is itself" },
    { date: "2021-02-13", result: "2021-02-17", why: "a day of the Tết break moves on" },
    { date: "2024-05-04", result: "2024-05-04", why: "a make-up Saturday is itself" },
  ])("workingDayOnOrAfter($date) is $result ($why)", ({ date, result }) => {
    expect(vietnam.workingDayOnOrAfter(date)).toBe(result);
  });
});

describe("addWorkingDays", () => {
  test.each([
    { date: "2026-03-02", n: 0, result: "2026-03-02", why: "0 is the date itself" },
    { date: "2021-02-13", n: 0, result: "2021-02-13", why: "0 is the date itself, even a day off" },
    { date: "2026-03-02", n: 1, result: "2026-03-03", why: "one working day" },
    { date: "2026-03-02", n: 5, result: "2026-03-09", why: "a week skips the weekend" },
    { date: "2026-03-06", n: 1, result: "2026-03-09", why: "Friday + 1 is Monday" },
    { date: "2026-03-07", n: 1, result: "2026-03-09", why: "Saturday + 1 is Monday" },
    { date: "2021-02-09", n: 3, result: "2021-02-19", why: "across Tết 2021: 17, 18, 19 Feb" },
    { date: "2024-04-26", n: 2, result: "2024-05-03", why: "across 30/4 2024: 2, 3 May" },
    { date: "2024-04-26", n: 3, result: "2024-05-04", why: "the make-up Saturday counts" },
    { date: "2024-04-26", n: 4, result: "2024-05-06", why: "then Monday 6 May" },
    { date: "2025-04-24", n: 2, result: "2025-04-26", why: "25 Apr, make-up Sat 26 Apr 2025" },
    { date: "2025-04-29", n: 1, result: "2025-05-05", why: "30 Apr – 4 May 2025 off" },
    { date: "2021-12-31", n: 10, result: "2022-01-17", why: "4–7, 10–14, 17 Jan 2022" },
  ])("$date + $n = $result ($why)", ({ date, n, result }) => {
    expect(vietnam.addWorkingDays(date, n)).toBe(result);
  });

  test.each([-1, 1.5, Number.NaN])("refuses n = %s", (n) => {
    expect(() => vietnam.addWorkingDays("2026-03-02", n)).toThrow(RangeError);
  });
});

describe("workingDaysBetween (from < d ≤ to)", () => {
  test.each([
    { from: "2026-03-02", to: "2026-03-02", count: 0 },
    { from: "2026-03-02", to: "2026-03-03", count: 1 },
    { from: "2026-03-06", to: "2026-03-09", count: 1 },
    { from: "2026-03-09", to: "2026-03-06", count: -1 },
    { from: "2026-03-06", to: "2026-03-08", count: 0 },
    { from: "2026-03-02", to: "2026-03-31", count: 21 },
    { from: "2021-02-09", to: "2021-02-19", count: 3 },
    { from: "2021-02-19", to: "2021-02-09", count: -3 },
    { from: "2024-04-26", to: "2024-05-06", count: 4 },
    { from: "2025-04-25", to: "2025-05-05", count: 4 },
    // Whole years: weekdays, minus weekday holidays and days off, plus make-up Saturdays.
    { from: "2020-12-31", to: "2021-12-31", count: 250 },
    { from: "2022-12-31", to: "2023-12-31", count: 249 },
    { from: "2023-12-31", to: "2024-12-31", count: 251 },
    { from: "2024-12-31", to: "2025-12-31", count: 250 },
  ])("$from → $to: $count", ({ from, to, count }) => {
    expect(vietnam.workingDaysBetween(from, to)).toBe(count);
  });

  test("agrees with addWorkingDays", () => {
    for (const start of ["2021-02-05", "2024-04-25", "2025-04-24", "2025-08-28", "2023-01-18"]) {
      for (let n = 0; n <= 15; n++) {
        expect(vietnam.workingDaysBetween(start, vietnam.addWorkingDays(start, n))).toBe(n);
      }
    }
  });
});

describe("a runaway calendar", () => {
  const daysOff = (count: number): CalendarException[] =>
    Array.from({ length: count }, (_, i) => ({
      date: addDays("2030-01-01", i),
      kind: "day_off" as const,
      name: "Nghỉ",
    }));

  test(`stops after ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days off in a row instead of looping`, () => {
    const calendar = createWorkingCalendar(daysOff(MAX_CONSECUTIVE_NON_WORKING_DAYS + 1));
    expect(() => calendar.nextWorkingDay("2029-12-31")).toThrow(/check the calendar/);
    expect(() => calendar.addWorkingDays("2029-12-31", 1)).toThrow(/check the calendar/);
  });

  test("a break of exactly the limit still ends", () => {
    // 400 days off from Tue 1 Jan 2030: the next day, Wed 5 Feb 2031, is a working day.
    const calendar = createWorkingCalendar(daysOff(MAX_CONSECUTIVE_NON_WORKING_DAYS));
    expect(calendar.nextWorkingDay("2029-12-31")).toBe("2031-02-05");
  });

  test("the guard is 400 days", () => {
    expect(MAX_CONSECUTIVE_NON_WORKING_DAYS).toBe(400);
  });
});
