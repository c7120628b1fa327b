import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { addDays, isBusinessDate, isWeekend, weekdayNameOf } from "~/domain/calendar/business-date";
import { CALENDAR_EXCEPTION_KINDS, createWorkingCalendar } from "~/domain/calendar/working-calendar";
import { VIETNAM_CALENDAR_2021_2027 } from "#db/seed/vietnam-holidays";

const SEED = VIETNAM_CALENDAR_2021_2027;
const calendar = createWorkingCalendar(SEED);
const byDate = new Map(SEED.map((row) => [row.date, row]));

function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe("the seed rows", () => {
  test("have no duplicate dates and are in date order", () => {
    const dates = SEED.map((row) => row.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  test.each(SEED)("$date ($name) is a valid 2021–2027 row", (row) => {
    expect(isBusinessDate(row.date)).toBe(true);
    expect(row.date >= "2021-01-01" && row.date <= "2027-12-31").toBe(true);
    expect(CALENDAR_EXCEPTION_KINDS).toContain(row.kind);
    expect(row.name.trim()).not.toBe("");
    expect(row.name).toBe(row.name.trim());
    // Every row changes something or shows a weekend inside a break: no plain working weekday
    // is marked as a working day.
    if (row.kind === "working_day") expect(isWeekend(row.date)).toBe(true);
  });

  test("the only make-up working days are Sat 4 May 2024 and Sat 26 Apr 2025", () => {
    expect(SEED.filter((row) => row.kind === "working_day").map((row) => row.date)).toEqual([
      "2024-05-04",
      "2025-04-26",
    ]);
    expect(weekdayNameOf("2024-05-04")).toBe("saturday");
    expect(weekdayNameOf("2025-04-26")).toBe("saturday");
    expect(calendar.isWorkingDay("2024-05-04")).toBe(true);
    expect(calendar.isWorkingDay("2025-04-26")).toBe(true);
  });

  test("the weekday comments in the seed file match the dates", () => {
    const path = fileURLToPath(new URL("../../../../db/seed/vietnam-holidays.ts", import.meta.url));
    const lines = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.includes('date: "'));
    expect(lines).toHaveLength(SEED.length);
    const short = { sunday: "Sun", monday: "Mon", tuesday: "Tue", wednesday: "Wed", thursday: "Thu", friday: "Fri", saturday: "Sat" };
    for (const line of lines) {
      const match = /date: "(\d{4}-\d{2}-\d{2})".*\/\/ (\w{3})$/.exec(line.trim());
      expect(match, line).not.toBeNull();
      const [, date, weekday] = match as RegExpExecArray;
      expect(short[weekdayNameOf(date as string)], line).toBe(weekday);
    }
  });
});

describe("DOMAIN.md's table: every day off is seeded and is not a working day", () => {
  test.each([
    { year: 2021, what: "Tết Dương lịch", from: "2021-01-01", to: "2021-01-01" },
    { year: 2021, what: "Tết break", from: "2021-02-10", to: "2021-02-16" },
    { year: 2021, what: "Hùng Kings", from: "2021-04-21", to: "2021-04-21" },
    { year: 2021, what: "30/4, 1/5 (Sat) and Mon 3 May", from: "2021-04-30", to: "2021-05-03" },
    { year: 2021, what: "National Day", from: "2021-09-02", to: "2021-09-03" },
    { year: 2022, what: "New Year on Sat, Mon 3 Jan off", from: "2022-01-01", to: "2022-01-03" },
    { year: 2022, what: "Tết break", from: "2022-01-29", to: "2022-02-06" },
    { year: 2022, what: "Hùng Kings on Sun, Mon 11 Apr off", from: "2022-04-10", to: "2022-04-11" },
    { year: 2022, what: "30 Apr – 3 May", from: "2022-04-30", to: "2022-05-03" },
    { year: 2022, what: "National Day", from: "2022-09-01", to: "2022-09-02" },
    { year: 2023, what: "New Year on Sun, Mon 2 Jan off", from: "2023-01-01", to: "2023-01-02" },
    { year: 2023, what: "Tết break", from: "2023-01-20", to: "2023-01-26" },
    { year: 2023, what: "Hùng Kings (Sat) and 29 Apr – 3 May", from: "2023-04-29", to: "2023-05-03" },
    { year: 2023, what: "National Day", from: "2023-09-01", to: "2023-09-04" },
    { year: 2024, what: "Tết Dương lịch", from: "2024-01-01", to: "2024-01-01" },
    { year: 2024, what: "Tết break", from: "2024-02-08", to: "2024-02-14" },
    { year: 2024, what: "Hùng Kings", from: "2024-04-18", to: "2024-04-18" },
    { year: 2024, what: "27 Apr – 1 May", from: "2024-04-27", to: "2024-05-01" },
    { year: 2024, what: "National Day", from: "2024-08-31", to: "2024-09-03" },
    { year: 2025, what: "Tết Dương lịch", from: "2025-01-01", to: "2025-01-01" },
    { year: 2025, what: "Tết break", from: "2025-01-25", to: "2025-02-02" },
    { year: 2025, what: "Hùng Kings", from: "2025-04-07", to: "2025-04-07" },
    { year: 2025, what: "30 Apr – 4 May", from: "2025-04-30", to: "2025-05-04" },
    { year: 2025, what: "National Day", from: "2025-08-30", to: "2025-09-02" },
    { year: 2026, what: "Tết Dương lịch", from: "2026-01-01", to: "2026-01-01" },
    { year: 2026, what: "Tết break", from: "2026-02-14", to: "2026-02-22" },
    { year: 2026, what: "Hùng Kings on Sun, Mon 27 Apr off", from: "2026-04-26", to: "2026-04-27" },
    { year: 2026, what: "30 Apr – 1 May", from: "2026-04-30", to: "2026-05-01" },
    { year: 2026, what: "National Day and an adjacent day", from: "2026-09-01", to: "2026-09-02" },
    { year: 2027, what: "Tết Dương lịch", from: "2027-01-01", to: "2027-01-01" },
    { year: 2027, what: "Tết (1st day)", from: "2027-02-06", to: "2027-02-06" },
    { year: 2027, what: "Hùng Kings", from: "2027-04-16", to: "2027-04-16" },
    { year: 2027, what: "30/4, 1/5 (Sat) and Mon 3 May", from: "2027-04-30", to: "2027-05-03" },
    { year: 2027, what: "National Day", from: "2027-09-02", to: "2027-09-03" },
  ])("$year $what: $from – $to", ({ from, to }) => {
    for (const date of datesFrom(from, to)) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
      expect(byDate.get(date)?.kind, date).toMatch(/^(holiday|day_off)$/);
    }
  });

  test.each([
    { date: "2021-02-12", weekday: "friday" },
    { date: "2022-02-01", weekday: "tuesday" },
    { date: "2023-01-22", weekday: "sunday" },
    { date: "2024-02-10", weekday: "saturday" },
    { date: "2025-01-29", weekday: "wednesday" },
    { date: "2026-02-17", weekday: "tuesday" },
    { date: "2027-02-06", weekday: "saturday" },
  ])("Tết's first day $date ($weekday) is inside the seeded break", ({ date, weekday }) => {
    expect(weekdayNameOf(date)).toBe(weekday);
    expect(byDate.get(date)?.name).toMatch(/^Nghỉ Tết Nguyên đán/);
  });

  test.each([
    { date: "2021-04-21", weekday: "wednesday", compensatory: null },
    { date: "2022-04-10", weekday: "sunday", compensatory: "2022-04-11" },
    { date: "2023-04-29", weekday: "saturday", compensatory: "2023-05-02" },
    { date: "2024-04-18", weekday: "thursday", compensatory: null },
    { date: "2025-04-07", weekday: "monday", compensatory: null },
    { date: "2026-04-26", weekday: "sunday", compensatory: "2026-04-27" },
    { date: "2027-04-16", weekday: "friday", compensatory: null },
  ])("Hùng Kings $date ($weekday) is a holiday", ({ date, weekday, compensatory }) => {
    expect(weekdayNameOf(date)).toBe(weekday);
    expect(byDate.get(date)).toEqual({ date, kind: "holiday", name: "Giỗ Tổ Hùng Vương" });
    if (compensatory) {
      expect(byDate.get(compensatory)).toEqual({
        date: compensatory,
        kind: "day_off",
        name: "Nghỉ bù Giỗ Tổ Hùng Vương",
      });
    }
  });

  test.each([
    { date: "2021-05-03", name: "Nghỉ bù Quốc tế Lao động 1/5" },
    { date: "2022-01-03", name: "Nghỉ bù Tết Dương lịch" },
    { date: "2022-05-02", name: "Nghỉ bù Ngày Chiến thắng 30/4" },
    { date: "2022-05-03", name: "Nghỉ bù Quốc tế Lao động 1/5" },
    { date: "2023-01-02", name: "Nghỉ bù Tết Dương lịch" },
    { date: "2023-05-03", name: "Nghỉ bù Ngày Chiến thắng 30/4" },
    { date: "2023-09-04", name: "Nghỉ bù Quốc khánh 2/9" },
    { date: "2027-05-03", name: "Nghỉ bù Quốc tế Lao động 1/5" },
  ])("compensatory day $date: $name", ({ date, name }) => {
    expect(weekdayNameOf(date)).not.toMatch(/saturday|sunday/);
    expect(byDate.get(date)).toEqual({ date, kind: "day_off", name });
  });

  test.each([
    { year: 2021, holidays: ["2021-01-01", "2021-04-30", "2021-05-01", "2021-09-02", "2021-09-03"] },
    { year: 2022, holidays: ["2022-01-01", "2022-04-30", "2022-05-01", "2022-09-01", "2022-09-02"] },
    { year: 2023, holidays: ["2023-01-01", "2023-04-30", "2023-05-01", "2023-09-01", "2023-09-02"] },
    { year: 2024, holidays: ["2024-01-01", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"] },
    { year: 2025, holidays: ["2025-01-01", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"] },
    { year: 2026, holidays: ["2026-01-01", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"] },
    { year: 2027, holidays: ["2027-01-01", "2027-04-30", "2027-05-01", "2027-09-02", "2027-09-03"] },
  ])("$year: New Year, 30/4, 1/5 and the two National Day days are public holidays", ({ holidays }) => {
    for (const date of holidays) expect(byDate.get(date)?.kind, date).toBe("holiday");
  });

  test.each([
    { year: 2021, from: "2021-02-10", to: "2021-02-16" },
    { year: 2022, from: "2022-01-29", to: "2022-02-06" },
    { year: 2023, from: "2023-01-20", to: "2023-01-26" },
    { year: 2024, from: "2024-02-08", to: "2024-02-14" },
    { year: 2025, from: "2025-01-25", to: "2025-02-02" },
    { year: 2026, from: "2026-02-14", to: "2026-02-22" },
    { year: 2027, from: "2027-02-04", to: "2027-02-10" },
  ])("$year Tết break: its weekdays are the Labour Code's 5 holidays, its weekends days off", ({ from, to }) => {
    const rows = datesFrom(from, to).map((date) => byDate.get(date));
    expect(rows.filter((row) => row?.kind === "holiday")).toHaveLength(5);
    for (const row of rows) {
      expect(row).toBeDefined();
      expect(row?.kind).toBe(isWeekend(row?.date ?? "") ? "day_off" : "holiday");
    }
    // The days on either side are not part of the break.
    expect(byDate.has(addDays(from, -1))).toBe(false);
    expect(byDate.has(addDays(to, 1))).toBe(false);
  });

  test("2027 Tết is marked as expected (not yet announced), the unconfirmed National Day days as (check)", () => {
    expect(SEED.filter((row) => row.name.includes("(dự kiến)")).map((row) => row.date)).toEqual(
      datesFrom("2027-02-04", "2027-02-10"),
    );
    expect(SEED.filter((row) => row.name.includes("(check)")).map((row) => row.date)).toEqual([
      "2026-09-01",
      "2027-09-03",
    ]);
  });

  test("the swapped days off for the make-up Saturdays", () => {
    expect(byDate.get("2024-04-29")?.kind).toBe("day_off");
    expect(byDate.get("2025-05-02")?.kind).toBe("day_off");
  });
});

describe("the first working day after each break is not swallowed by it", () => {
  test.each([
    "2021-01-04",
    "2021-02-09",
    "2021-02-17",
    "2021-04-22",
    "2021-05-04",
    "2021-09-06",
    "2022-01-04",
    "2022-02-07",
    "2022-04-12",
    "2022-05-04",
    "2022-09-05",
    "2023-01-03",
    "2023-01-27",
    "2023-05-04",
    "2023-09-05",
    "2024-02-15",
    "2024-05-02",
    "2024-09-04",
    "2025-02-03",
    "2025-05-05",
    "2025-09-03",
    "2026-02-23",
    "2026-04-28",
    "2026-05-04",
    "2026-09-03",
    "2027-02-11",
    "2027-05-04",
    "2027-09-06",
  ])("%s is a working day", (date) => {
    expect(calendar.isWorkingDay(date)).toBe(true);
    expect(byDate.has(date)).toBe(false);
  });
});
