import { afterEach, describe, expect, test, vi } from "vitest";
import {
  addDays,
  BusinessDateSchema,
  businessMomentOf,
  fromDayNumber,
  instantAt,
  isAfterTimeOfDay,
  isBusinessDate,
  isWeekend,
  parseTimeOfDay,
  toDayNumber,
  weekdayNameOf,
  weekdayOf,
} from "~/domain/calendar/business-date";

const HOUR = 60 * 60 * 1000;
const SERVER_ZONES = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("isBusinessDate", () => {
  test.each(["2021-01-01", "2024-02-29", "2027-12-31", "1970-01-01"])("%s is a date", (value) => {
    expect(isBusinessDate(value)).toBe(true);
    expect(BusinessDateSchema.safeParse(value).success).toBe(true);
  });

  test.each(["2023-02-29", "2021-02-30", "2021-13-01", "2021-00-10", "2021-04-31", "2021-2-3", "20210203", "", "2021-02-03T00:00", " 2021-02-03"])(
    "%j is not",
    (value) => {
      expect(isBusinessDate(value)).toBe(false);
      expect(BusinessDateSchema.safeParse(value).success).toBe(false);
      expect(() => toDayNumber(value)).toThrow(RangeError);
    },
  );
});

describe("day numbers", () => {
  test.each([
    { date: "1970-01-01", day: 0 },
    { date: "1970-01-02", day: 1 },
    { date: "1969-12-31", day: -1 },
    { date: "2021-01-01", day: 18628 },
  ])("$date is day $day", ({ date, day }) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  test("a fractional day number is refused", () => {
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe("addDays", () => {
  test.each([
    { date: "2024-02-28", days: 1, result: "2024-02-29" },
    { date: "2024-02-29", days: 1, result: "2024-03-01" },
    { date: "2023-02-28", days: 1, result: "2023-03-01" },
    { date: "2021-12-31", days: 1, result: "2022-01-01" },
    { date: "2022-01-01", days: -1, result: "2021-12-31" },
    { date: "2024-03-01", days: -1, result: "2024-02-29" },
    { date: "2021-01-01", days: 365, result: "2022-01-01" },
    { date: "2024-01-01", days: 366, result: "2025-01-01" },
    { date: "2021-02-09", days: 0, result: "2021-02-09" },
  ])("$date + $days = $result", ({ date, days, result }) => {
    expect(addDays(date, days)).toBe(result);
  });

  test("refuses a fractional number of days", () => {
    expect(() => addDays("2021-01-01", 0.5)).toThrow(RangeError);
  });
});

describe("weekdays", () => {
  test.each([
    { date: "1970-01-01", weekday: 4, name: "thursday", weekend: false },
    { date: "1969-12-31", weekday: 3, name: "wednesday", weekend: false },
    { date: "1969-12-27", weekday: 6, name: "saturday", weekend: true },
    { date: "2021-02-12", weekday: 5, name: "friday", weekend: false },
    { date: "2023-01-22", weekday: 0, name: "sunday", weekend: true },
    { date: "2024-02-10", weekday: 6, name: "saturday", weekend: true },
    { date: "2025-04-07", weekday: 1, name: "monday", weekend: false },
    { date: "2026-02-17", weekday: 2, name: "tuesday", weekend: false },
  ])("$date is a $name", ({ date, weekday, name, weekend }) => {
    expect(weekdayOf(date)).toBe(weekday);
    expect(weekdayNameOf(date)).toBe(name);
    expect(isWeekend(date)).toBe(weekend);
  });

  test.each(SERVER_ZONES)("do not depend on the server's zone (%s)", (zone) => {
    vi.stubEnv("TZ", zone);
    expect(weekdayOf("2021-02-12")).toBe(5);
    expect(addDays("2021-03-31", 1)).toBe("2021-04-01");
  });
});

describe("times of day", () => {
  test.each([
    { time: "00:00", minutes: 0 },
    { time: "15:00", minutes: 900 },
    { time: "17:00", minutes: 1020 },
    { time: "23:59", minutes: 1439 },
  ])("$time is $minutes minutes", ({ time, minutes }) => {
    expect(parseTimeOfDay(time)).toBe(minutes);
  });

  test.each(["24:00", "7:00", "17:60", "17h", "", "17:00:00"])("%j is refused", (time) => {
    expect(() => parseTimeOfDay(time)).toThrow(RangeError);
  });
});

describe.each(SERVER_ZONES)("instants on a server in %s", (zone) => {
  test.each([
    { date: "2021-02-19", time: "17:00", instant: "2021-02-19T10:00:00.000Z" },
    { date: "2024-01-01", time: "00:00", instant: "2023-12-31T17:00:00.000Z" },
    { date: "2024-02-29", time: "23:59", instant: "2024-02-29T16:59:00.000Z" },
  ])("$time on $date is $instant", ({ date, time, instant }) => {
    vi.stubEnv("TZ", zone);
    expect(instantAt(date, time).toISOString()).toBe(instant);
  });

  test.each([
    { instant: "2021-02-09T03:00:00.000Z", date: "2021-02-09", hours: 10 },
    { instant: "2021-12-31T17:00:00.000Z", date: "2022-01-01", hours: 0 },
    { instant: "2021-12-31T16:59:00.000Z", date: "2021-12-31", hours: 23 + 59 / 60 },
    { instant: "2026-03-06T17:30:00.000Z", date: "2026-03-07", hours: 0.5 },
  ])("$instant is $hours h into $date", ({ instant, date, hours }) => {
    vi.stubEnv("TZ", zone);
    expect(businessMomentOf(new Date(instant))).toEqual({ date, msIntoDay: hours * HOUR });
  });
});

describe("isAfterTimeOfDay", () => {
  test.each([
    { instant: "2026-03-02T14:59:59+07:00", after: false },
    { instant: "2026-03-02T15:00:00+07:00", after: false },
    { instant: "2026-03-02T15:00:00.001+07:00", after: true },
    { instant: "2026-03-02T08:00:00Z", after: false },
    { instant: "2026-03-02T08:30:00Z", after: true },
    { instant: "2026-03-01T20:00:00Z", after: false },
  ])("$instant is after 15:00: $after", ({ instant, after }) => {
    expect(isAfterTimeOfDay(new Date(instant), "15:00")).toBe(after);
  });

  test("an invalid instant is refused", () => {
    expect(() => businessMomentOf(new Date("nonsense"))).toThrow(RangeError);
  });
});
