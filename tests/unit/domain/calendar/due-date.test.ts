import { afterEach, describe, expect, test, vi } from "vitest";
import {
  classifyOutcome,
  computeDueAfterSupplement,
  computeDueAt,
  DEFAULT_DUE_DATE_SETTINGS,
  dueSoon,
  isOverdue,
  lateness,
  officeCloseAt,
  receptionDate,
  SUPPLEMENT_CLOCKS,
  SupplementClockSchema,
  supplementWaitingWorkingDays,
  type DueDateSettings,
} from "~/domain/calendar/due-date";
import { createWorkingCalendar } from "~/domain/calendar/working-calendar";
import { VIETNAM_CALENDAR_2021_2027 } from "#db/seed/vietnam-holidays";

const calendar = createWorkingCalendar(VIETNAM_CALENDAR_2021_2027);
const settings = DEFAULT_DUE_DATE_SETTINGS;
const RESTART: DueDateSettings = { ...settings, supplementClock: "restart" };
const RESUME: DueDateSettings = { ...settings, supplementClock: "resume" };
const at = (iso: string) => new Date(iso);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("settings", () => {
  test("default to 17:00 close, 15:00 same-day cut-off and the restart rule", () => {
    expect(DEFAULT_DUE_DATE_SETTINGS).toEqual({ officeClose: "17:00", sameDayCutoff: "15:00", supplementClock: "restart" });
    expect(SUPPLEMENT_CLOCKS).toEqual(["restart", "resume"]);
    expect(SupplementClockSchema.safeParse("pause").success).toBe(false);
  });

  test("office close is 17:00 in Vietnam, 10:00 UTC", () => {
    expect(officeCloseAt("2021-02-19", settings).toISOString()).toBe("2021-02-19T10:00:00.000Z");
  });
});

// March 2026 has no holiday: Mon 2, …, Fri 6, Sat 7, Sun 8, Mon 9, …, Mon 16, …, Mon 30.
describe("computeDueAt: N working days", () => {
  test.each([
    {
      why: "the brief's Tết example: Tue 9 Feb 2021, 3 days, counts from Wed 17 Feb",
      receivedAt: "2021-02-09T10:00:00+07:00", days: 3, countedFrom: "2021-02-17", dueAt: "2021-02-19T17:00:00+07:00",
    },
    {
      why: "a plain Monday, 1 day: due Tuesday",
      receivedAt: "2026-03-02T09:00:00+07:00", days: 1, countedFrom: "2026-03-03", dueAt: "2026-03-03T17:00:00+07:00",
    },
    {
      why: "Friday 16:59, 1 day: due Monday",
      receivedAt: "2026-03-06T16:59:00+07:00", days: 1, countedFrom: "2026-03-09", dueAt: "2026-03-09T17:00:00+07:00",
    },
    {
      why: "after office close on a working day still counts as that day (no cut-off for N ≥ 1)",
      receivedAt: "2026-03-02T21:00:00+07:00", days: 1, countedFrom: "2026-03-03", dueAt: "2026-03-03T17:00:00+07:00",
    },
    {
      why: "online on a Sunday: received Monday, counted from Tuesday",
      receivedAt: "2026-03-08T20:00:00+07:00", days: 1, countedFrom: "2026-03-10", dueAt: "2026-03-10T17:00:00+07:00",
    },
    {
      why: "online on a Saturday, 5 days: 10–13, 16 Mar",
      receivedAt: "2026-03-07T10:00:00+07:00", days: 5, countedFrom: "2026-03-10", dueAt: "2026-03-16T17:00:00+07:00",
    },
    {
      why: "online on a holiday (1 May 2025): received Mon 5 May, due Tue 6 May",
      receivedAt: "2025-05-01T10:00:00+07:00", days: 1, countedFrom: "2025-05-06", dueAt: "2025-05-06T17:00:00+07:00",
    },
    {
      why: "online inside the Tết break (Sat 13 Feb 2021): received Wed 17 Feb, 2 days → 18, 19 Feb",
      receivedAt: "2021-02-13T08:00:00+07:00", days: 2, countedFrom: "2021-02-18", dueAt: "2021-02-19T17:00:00+07:00",
    },
    {
      why: "2024: Fri 26 Apr, 3 days: 2 May, 3 May, make-up Sat 4 May",
      receivedAt: "2024-04-26T09:00:00+07:00", days: 3, countedFrom: "2024-05-02", dueAt: "2024-05-04T17:00:00+07:00",
    },
    {
      why: "2024: Thu 25 Apr, 5 days: 26 Apr, 2, 3, 4 (Sat), 6 May",
      receivedAt: "2024-04-25T09:00:00+07:00", days: 5, countedFrom: "2024-04-26", dueAt: "2024-05-06T17:00:00+07:00",
    },
    {
      why: "2025: Thu 24 Apr, 2 days: 25 Apr, make-up Sat 26 Apr",
      receivedAt: "2025-04-24T09:00:00+07:00", days: 2, countedFrom: "2025-04-25", dueAt: "2025-04-26T17:00:00+07:00",
    },
    {
      why: "2025: Fri 25 Apr, 3 days: Sat 26, Mon 28, Tue 29 Apr",
      receivedAt: "2025-04-25T14:00:00+07:00", days: 3, countedFrom: "2025-04-26", dueAt: "2025-04-29T17:00:00+07:00",
    },
    {
      why: "2025: Tue 29 Apr, 1 day: 30 Apr – 4 May off, due Mon 5 May",
      receivedAt: "2025-04-29T09:00:00+07:00", days: 1, countedFrom: "2025-05-05", dueAt: "2025-05-05T17:00:00+07:00",
    },
    {
      why: "2 Sep 2025: Fri 29 Aug, 2 days: Wed 3, Thu 4 Sep",
      receivedAt: "2025-08-29T10:00:00+07:00", days: 2, countedFrom: "2025-09-03", dueAt: "2025-09-04T17:00:00+07:00",
    },
    {
      why: "2 Sep 2024: Fri 30 Aug, 1 day: 31 Aug – 3 Sep off, due Wed 4 Sep",
      receivedAt: "2024-08-30T08:00:00+07:00", days: 1, countedFrom: "2024-09-04", dueAt: "2024-09-04T17:00:00+07:00",
    },
    {
      why: "2 Sep 2023: Thu 31 Aug, 1 day: 1–4 Sep off, due Tue 5 Sep",
      receivedAt: "2023-08-31T10:00:00+07:00", days: 1, countedFrom: "2023-09-05", dueAt: "2023-09-05T17:00:00+07:00",
    },
    {
      why: "New Year 2022: Fri 31 Dec 2021, 10 days: 4–7, 10–14, 17 Jan",
      receivedAt: "2021-12-31T10:00:00+07:00", days: 10, countedFrom: "2022-01-04", dueAt: "2022-01-17T17:00:00+07:00",
    },
    {
      why: "an instant given in UTC: Mon 23:30Z is Tue 06:30 in Vietnam, due Wed",
      receivedAt: "2026-03-02T23:30:00Z", days: 1, countedFrom: "2026-03-04", dueAt: "2026-03-04T17:00:00+07:00",
    },
    {
      why: "an instant given in UTC: Fri 17:30Z is Sat 00:30 in Vietnam, received Mon, due Tue",
      receivedAt: "2026-03-06T17:30:00Z", days: 1, countedFrom: "2026-03-10", dueAt: "2026-03-10T17:00:00+07:00",
    },
  ])("$why", ({ receivedAt, days, countedFrom, dueAt }) => {
    const result = computeDueAt({ receivedAt: at(receivedAt), processingDays: days, calendar, settings });
    expect(result).toEqual({ dueAt: at(dueAt), dueDate: dueAt.slice(0, 10), countedFrom, rule: "working_days" });
  });

  test("the office close setting sets the due time", () => {
    const result = computeDueAt({
      receivedAt: at("2026-03-02T09:00:00+07:00"),
      processingDays: 2,
      calendar,
      settings: { ...settings, officeClose: "16:30" },
    });
    expect(result.dueAt).toEqual(at("2026-03-04T16:30:00+07:00"));
  });
});

describe("computeDueAt: same day (N = 0)", () => {
  test.each([
    { why: "Monday 10:00", receivedAt: "2026-03-02T10:00:00+07:00", due: "2026-03-02" },
    { why: "Monday 14:59", receivedAt: "2026-03-02T14:59:00+07:00", due: "2026-03-02" },
    { why: "Monday at 15:00:00 exactly (not after 15:00)", receivedAt: "2026-03-02T15:00:00+07:00", due: "2026-03-02" },
    { why: "Monday 15:00:01", receivedAt: "2026-03-02T15:00:01+07:00", due: "2026-03-03" },
    { why: "Monday 16:30", receivedAt: "2026-03-02T16:30:00+07:00", due: "2026-03-03" },
    { why: "Friday 15:30 → Monday", receivedAt: "2026-03-06T15:30:00+07:00", due: "2026-03-09" },
    { why: "Saturday 09:00 → Monday, not Tuesday", receivedAt: "2026-03-07T09:00:00+07:00", due: "2026-03-09" },
    { why: "Sunday 16:00 → Monday (no cut-off on a non-working day)", receivedAt: "2026-03-08T16:00:00+07:00", due: "2026-03-09" },
    { why: "eve of Hùng Kings 2021, 10:00", receivedAt: "2021-04-20T10:00:00+07:00", due: "2021-04-20" },
    { why: "eve of Hùng Kings 2021, 15:30 → Thu 22 Apr", receivedAt: "2021-04-20T15:30:00+07:00", due: "2021-04-22" },
    { why: "on Hùng Kings 2021 → Thu 22 Apr", receivedAt: "2021-04-21T09:00:00+07:00", due: "2021-04-22" },
    { why: "eve of Tết 2021, 14:00", receivedAt: "2021-02-09T14:00:00+07:00", due: "2021-02-09" },
    { why: "eve of Tết 2021, 15:30 → Wed 17 Feb", receivedAt: "2021-02-09T15:30:00+07:00", due: "2021-02-17" },
    { why: "make-up Saturday 4 May 2024, 10:00 (a working day)", receivedAt: "2024-05-04T10:00:00+07:00", due: "2024-05-04" },
    { why: "make-up Saturday 4 May 2024, 16:00 → Mon 6 May", receivedAt: "2024-05-04T16:00:00+07:00", due: "2024-05-06" },
    { why: "Tue 29 Apr 2025, 15:01 → Mon 5 May", receivedAt: "2025-04-29T15:01:00+07:00", due: "2025-05-05" },
    { why: "08:30Z is 15:30 in Vietnam: after the cut-off", receivedAt: "2026-03-02T08:30:00Z", due: "2026-03-03" },
  ])("$why → due $due 17:00", ({ receivedAt, due }) => {
    const result = computeDueAt({ receivedAt: at(receivedAt), processingDays: 0, calendar, settings });
    expect(result).toEqual({ dueAt: at(`${due}T17:00:00+07:00`), dueDate: due, countedFrom: due, rule: "same_day" });
  });

  test("the cut-off is a setting", () => {
    const custom = { ...settings, sameDayCutoff: "11:00", officeClose: "16:30" };
    expect(computeDueAt({ receivedAt: at("2026-03-02T10:59:00+07:00"), processingDays: 0, calendar, settings: custom }).dueAt).toEqual(
      at("2026-03-02T16:30:00+07:00"),
    );
    expect(computeDueAt({ receivedAt: at("2026-03-02T11:30:00+07:00"), processingDays: 0, calendar, settings: custom }).dueAt).toEqual(
      at("2026-03-03T16:30:00+07:00"),
    );
  });
});

describe("receptionDate", () => {
  test.each([
    { receivedAt: "2026-03-02T16:00:00+07:00", days: 3, date: "2026-03-02", why: "a working day, N ≥ 1, any hour" },
    { receivedAt: "2026-03-02T16:00:00+07:00", days: 0, date: "2026-03-03", why: "a working day after the cut-off, N = 0" },
    { receivedAt: "2026-03-07T10:00:00+07:00", days: 3, date: "2026-03-09", why: "Saturday → Monday" },
    { receivedAt: "2021-02-14T10:00:00+07:00", days: 3, date: "2021-02-17", why: "inside Tết 2021 → Wed 17 Feb" },
    { receivedAt: "2025-04-26T10:00:00+07:00", days: 3, date: "2025-04-26", why: "a make-up Saturday is a working day" },
  ])("$receivedAt, N = $days → $date ($why)", ({ receivedAt, days, date }) => {
    expect(receptionDate(at(receivedAt), calendar, settings, days)).toBe(date);
  });

  test.each([-1, 1.5, Number.NaN])("refuses processingDays = %s", (days) => {
    expect(() => computeDueAt({ receivedAt: at("2026-03-02T09:00:00+07:00"), processingDays: days, calendar, settings })).toThrow(RangeError);
  });

  test("refuses an invalid instant or a malformed setting", () => {
    expect(() => computeDueAt({ receivedAt: at("nonsense"), processingDays: 1, calendar, settings })).toThrow(RangeError);
    expect(() =>
      computeDueAt({ receivedAt: at("2026-03-02T09:00:00+07:00"), processingDays: 0, calendar, settings: { ...settings, sameDayCutoff: "3pm" } }),
    ).toThrow(RangeError);
    expect(() =>
      computeDueAt({ receivedAt: at("2026-03-02T09:00:00+07:00"), processingDays: 1, calendar, settings: { ...settings, officeClose: "25:00" } }),
    ).toThrow(RangeError);
  });
});

describe("supplement requests", () => {
  // Every case is received Mon 2 Mar 2026 08:30.
  // N = 10 → counted 3–6, 9–13, 16 Mar: due Mon 16 Mar.
  // Requested Fri 6 Mar: used 3, 4, 5, 6 Mar = 4; left 9–13, 16 = 6.
  test.each([
    {
      why: "restart: the full 10 days again from Thu 12 Mar: 12, 13, 16–20, 23, 24, 25",
      processingDays: 10, requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-11T14:00:00+07:00", s: RESTART,
      expected: { dueDate: "2026-03-25", countedFrom: "2026-03-12", rule: "restart", workingDaysUsed: 4 },
    },
    {
      why: "resume: the 6 days left from Thu 12 Mar: 12, 13, 16, 17, 18, 19",
      processingDays: 10, requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-11T14:00:00+07:00", s: RESUME,
      expected: { dueDate: "2026-03-19", countedFrom: "2026-03-12", rule: "resume", workingDaysUsed: 4 },
    },
    {
      why: "restart, supplement arrives on a Saturday: received Mon 16, counted 17–20, 23–27, 30 Mar",
      processingDays: 10, requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-14T10:00:00+07:00", s: RESTART,
      expected: { dueDate: "2026-03-30", countedFrom: "2026-03-17", rule: "restart", workingDaysUsed: 4 },
    },
    {
      why: "resume, supplement arrives on a Saturday: 6 days from Tue 17: 17–20, 23, 24 Mar",
      processingDays: 10, requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-14T10:00:00+07:00", s: RESUME,
      expected: { dueDate: "2026-03-24", countedFrom: "2026-03-17", rule: "resume", workingDaysUsed: 4 },
    },
    {
      why: "requested on the reception day, before counting starts: nothing used, both rules agree (resume)",
      processingDays: 3, requestedAt: "2026-03-02T10:00:00+07:00", completedAt: "2026-03-03T09:00:00+07:00", s: RESUME,
      expected: { dueDate: "2026-03-06", countedFrom: "2026-03-04", rule: "resume", workingDaysUsed: 0 },
    },
    {
      why: "requested on the reception day, before counting starts: nothing used, both rules agree (restart)",
      processingDays: 3, requestedAt: "2026-03-02T10:00:00+07:00", completedAt: "2026-03-03T09:00:00+07:00", s: RESTART,
      expected: { dueDate: "2026-03-06", countedFrom: "2026-03-04", rule: "restart", workingDaysUsed: 0 },
    },
    {
      why: "resume, requested on the due day (Wed 4 Mar, N = 2): nothing left, due the next working day after the supplement (Fri 6)",
      processingDays: 2, requestedAt: "2026-03-04T16:00:00+07:00", completedAt: "2026-03-05T10:00:00+07:00", s: RESUME,
      expected: { dueDate: "2026-03-06", countedFrom: "2026-03-06", rule: "resume", workingDaysUsed: 2 },
    },
    {
      why: "resume, requested after the due day: never less than nothing left",
      processingDays: 2, requestedAt: "2026-03-05T09:00:00+07:00", completedAt: "2026-03-06T10:00:00+07:00", s: RESUME,
      expected: { dueDate: "2026-03-09", countedFrom: "2026-03-09", rule: "resume", workingDaysUsed: 2 },
    },
    {
      why: "restart, requested on the due day: 2 full days from Fri 6 → Mon 9",
      processingDays: 2, requestedAt: "2026-03-04T16:00:00+07:00", completedAt: "2026-03-05T10:00:00+07:00", s: RESTART,
      expected: { dueDate: "2026-03-09", countedFrom: "2026-03-06", rule: "restart", workingDaysUsed: 2 },
    },
    {
      why: "restart, N ≥ 1 supplement after 15:00: no cut-off, counted from the next working day",
      processingDays: 1, requestedAt: "2026-03-03T09:00:00+07:00", completedAt: "2026-03-04T16:00:00+07:00", s: RESTART,
      expected: { dueDate: "2026-03-05", countedFrom: "2026-03-05", rule: "restart", workingDaysUsed: 1 },
    },
    {
      why: "same-day procedure, supplement before the cut-off: due that day (restart)",
      processingDays: 0, requestedAt: "2026-03-02T11:00:00+07:00", completedAt: "2026-03-03T14:00:00+07:00", s: RESTART,
      expected: { dueDate: "2026-03-03", countedFrom: "2026-03-03", rule: "restart", workingDaysUsed: 0 },
    },
    {
      why: "same-day procedure, supplement after the cut-off: due the next working day (resume too)",
      processingDays: 0, requestedAt: "2026-03-02T11:00:00+07:00", completedAt: "2026-03-03T15:30:00+07:00", s: RESUME,
      expected: { dueDate: "2026-03-04", countedFrom: "2026-03-04", rule: "resume", workingDaysUsed: 0 },
    },
  ])("$why", ({ processingDays, requestedAt, completedAt, s, expected }) => {
    const result = computeDueAfterSupplement({
      receivedAt: at("2026-03-02T08:30:00+07:00"),
      processingDays,
      requestedAt: at(requestedAt),
      completedAt: at(completedAt),
      calendar,
      settings: s,
    });
    expect(result).toEqual({ ...expected, dueAt: at(`${expected.dueDate}T17:00:00+07:00`) });
  });

  // N = 5 received Mon 1 Feb 2021 → counted 2–5, 8 Feb: due Mon 8 Feb. Requested Thu 4 Feb:
  // used 2, 3, 4 Feb = 3; left 5, 8 Feb = 2. Supplement Tue 9 Feb, then the Tết break 10–16 Feb.
  test.each([
    { s: RESTART, dueDate: "2021-02-23", why: "restart: 17, 18, 19, 22, 23 Feb" },
    { s: RESUME, dueDate: "2021-02-18", why: "resume: 2 days left: 17, 18 Feb" },
  ])("across Tết 2021, $why", ({ s, dueDate }) => {
    const result = computeDueAfterSupplement({
      receivedAt: at("2021-02-01T09:00:00+07:00"),
      processingDays: 5,
      requestedAt: at("2021-02-04T10:00:00+07:00"),
      completedAt: at("2021-02-09T16:00:00+07:00"),
      calendar,
      settings: s,
    });
    expect(result).toMatchObject({ dueDate, dueAt: at(`${dueDate}T17:00:00+07:00`), countedFrom: "2021-02-17", workingDaysUsed: 3 });
  });

  test("resume counts a second supplement against the due date then in force", () => {
    // After the first supplement (resume) the dossier was due Thu 19 Mar. A second request on Tue
    // 17 Mar leaves 18, 19 Mar = 2 days; the supplement arrives Fri 20 Mar → 23, 24 Mar.
    const second = {
      receivedAt: at("2026-03-02T10:00:00+07:00"),
      processingDays: 10,
      requestedAt: at("2026-03-17T10:00:00+07:00"),
      completedAt: at("2026-03-20T09:00:00+07:00"),
      calendar,
      settings: RESUME,
    };
    expect(computeDueAfterSupplement({ ...second, originalDueDate: "2026-03-19" })).toMatchObject({
      dueDate: "2026-03-24",
      workingDaysUsed: 8,
    });
    // Without it the original due date (Mon 16 Mar) has passed: nothing left, due Mon 23 Mar.
    expect(computeDueAfterSupplement(second)).toMatchObject({ dueDate: "2026-03-23", workingDaysUsed: 10 });
  });

  test.each([
    { why: "completed before requested", requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-05T10:00:00+07:00" },
    { why: "requested before received", requestedAt: "2026-03-01T10:00:00+07:00", completedAt: "2026-03-05T10:00:00+07:00" },
  ])("refuses a supplement $why", ({ requestedAt, completedAt }) => {
    expect(() =>
      computeDueAfterSupplement({
        receivedAt: at("2026-03-02T10:00:00+07:00"),
        processingDays: 5,
        requestedAt: at(requestedAt),
        completedAt: at(completedAt),
        calendar,
        settings,
      }),
    ).toThrow(RangeError);
  });

  test("refuses a malformed originalDueDate", () => {
    expect(() =>
      computeDueAfterSupplement({
        receivedAt: at("2026-03-02T10:00:00+07:00"),
        processingDays: 5,
        originalDueDate: "16/03/2026",
        requestedAt: at("2026-03-06T10:00:00+07:00"),
        completedAt: at("2026-03-09T10:00:00+07:00"),
        calendar,
        settings: RESUME,
      }),
    ).toThrow(RangeError);
  });

  test.each([
    { requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-11T14:00:00+07:00", days: 3, why: "9, 10, 11 Mar" },
    { requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-14T10:00:00+07:00", days: 6, why: "9–13 and Mon 16 (Saturday moves on)" },
    { requestedAt: "2026-03-06T10:00:00+07:00", completedAt: "2026-03-06T16:00:00+07:00", days: 0, why: "the same day" },
    { requestedAt: "2021-02-04T10:00:00+07:00", completedAt: "2021-02-09T16:00:00+07:00", days: 3, why: "5, 8, 9 Feb 2021" },
    { requestedAt: "2021-02-09T10:00:00+07:00", completedAt: "2021-02-18T10:00:00+07:00", days: 2, why: "Tết is not waiting time: 17, 18 Feb" },
  ])("the citizen waited $days working days ($why)", ({ requestedAt, completedAt, days }) => {
    expect(supplementWaitingWorkingDays(at(requestedAt), at(completedAt), calendar)).toBe(days);
  });

  test("under resume, days used + waiting + days left cover the whole span", () => {
    // Used 3–6 Mar (4); waiting 9–13, 16 Mar (6: the Saturday supplement counts from Monday);
    // left 17–20, 23, 24 Mar (6). 4 + 6 + 6 = the 16 working days from Tue 3 to Tue 24 Mar.
    const requestedAt = at("2026-03-06T10:00:00+07:00");
    const completedAt = at("2026-03-14T10:00:00+07:00");
    const result = computeDueAfterSupplement({
      receivedAt: at("2026-03-02T10:00:00+07:00"),
      processingDays: 10,
      requestedAt,
      completedAt,
      calendar,
      settings: RESUME,
    });
    const waiting = supplementWaitingWorkingDays(requestedAt, completedAt, calendar);
    const left = calendar.workingDaysBetween("2026-03-16", result.dueDate);
    expect([result.workingDaysUsed, waiting, left]).toEqual([4, 6, 6]);
    expect(result.workingDaysUsed + waiting + left).toBe(calendar.workingDaysBetween("2026-03-02", result.dueDate));
  });

  test("refuses waiting time that ends before it starts", () => {
    expect(() =>
      supplementWaitingWorkingDays(at("2026-03-06T10:00:00+07:00"), at("2026-03-05T10:00:00+07:00"), calendar),
    ).toThrow(RangeError);
  });
});

describe("classifyOutcome, by business date in Vietnam", () => {
  const dueAt = at("2026-03-16T17:00:00+07:00"); // Monday
  test.each([
    { finishedAt: "2026-03-13T16:00:00+07:00", outcome: "early", why: "the previous working day" },
    { finishedAt: "2026-03-15T10:00:00+07:00", outcome: "early", why: "the previous day (Sunday)" },
    { finishedAt: "2026-03-15T23:59:59+07:00", outcome: "early", why: "the last second before the due day" },
    { finishedAt: "2026-03-16T00:00:00+07:00", outcome: "on_time", why: "the due day's first second" },
    { finishedAt: "2026-03-16T16:59:00+07:00", outcome: "on_time", why: "due day 16:59" },
    { finishedAt: "2026-03-16T17:00:00+07:00", outcome: "on_time", why: "due day 17:00" },
    { finishedAt: "2026-03-16T17:30:00+07:00", outcome: "on_time", why: "due day 17:30: still the due day" },
    { finishedAt: "2026-03-16T23:59:59.999+07:00", outcome: "on_time", why: "due day's last millisecond" },
    { finishedAt: "2026-03-17T00:00:00+07:00", outcome: "late", why: "the next day's first second" },
    { finishedAt: "2026-03-17T08:00:00+07:00", outcome: "late", why: "next day 08:00" },
    { finishedAt: "2026-03-16T17:30:00Z", outcome: "late", why: "17:30Z is 00:30 the next day in Vietnam" },
    { finishedAt: "2026-03-15T17:00:00Z", outcome: "on_time", why: "17:00Z the day before is 00:00 on the due day" },
  ])("$finishedAt is $outcome ($why)", ({ finishedAt, outcome }) => {
    expect(classifyOutcome({ dueAt, finishedAt: at(finishedAt) })).toBe(outcome);
  });
});

describe("isOverdue", () => {
  const dueAt = at("2026-03-06T17:00:00+07:00"); // Friday
  test.each([
    { now: "2026-03-06T10:00:00+07:00", overdue: false },
    { now: "2026-03-06T17:01:00+07:00", overdue: false },
    { now: "2026-03-06T16:59:00Z", overdue: false },
    { now: "2026-03-06T17:00:00Z", overdue: true },
    { now: "2026-03-07T00:00:00+07:00", overdue: true },
    { now: "2026-03-09T08:00:00+07:00", overdue: true },
  ])("at $now: $overdue", ({ now, overdue }) => {
    expect(isOverdue({ dueAt, now: at(now) })).toBe(overdue);
  });
});

describe("lateness counts working days, not calendar days", () => {
  test.each([
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-05T10:00:00+07:00", days: 0, why: "early" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-06T18:00:00+07:00", days: 0, why: "the due day itself" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-07T10:00:00+07:00", days: 1, why: "the Saturday after: late, at least 1" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-08T10:00:00+07:00", days: 1, why: "the Sunday after" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-09T10:00:00+07:00", days: 1, why: "Monday" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-10T10:00:00+07:00", days: 2, why: "Tuesday" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-13T10:00:00+07:00", days: 5, why: "a week later" },
    { dueAt: "2026-03-06T17:00:00+07:00", at: "2026-03-16T10:00:00+07:00", days: 6, why: "10 calendar days later" },
    { dueAt: "2021-02-09T17:00:00+07:00", at: "2021-02-17T10:00:00+07:00", days: 1, why: "across Tết 2021: 8 calendar days, 1 working day" },
    { dueAt: "2021-02-09T17:00:00+07:00", at: "2021-02-19T10:00:00+07:00", days: 3, why: "17, 18, 19 Feb 2021" },
    { dueAt: "2024-04-26T17:00:00+07:00", at: "2024-05-06T10:00:00+07:00", days: 4, why: "2, 3, 4 (make-up Sat), 6 May 2024" },
  ])("$why: $days", ({ dueAt, at: when, days }) => {
    expect(lateness({ dueAt: at(dueAt), at: at(when), calendar })).toBe(days);
  });
});

describe("dueSoon", () => {
  const dueAt = at("2026-03-09T17:00:00+07:00"); // Monday
  test.each([
    { now: "2026-03-09T10:00:00+07:00", within: 0, soon: true, why: "due today" },
    { now: "2026-03-06T10:00:00+07:00", within: 0, soon: false, why: "Friday, due Monday, 0 days warning" },
    { now: "2026-03-06T10:00:00+07:00", within: 1, soon: true, why: "Friday, due Monday, 1 working day away" },
    { now: "2026-03-05T10:00:00+07:00", within: 1, soon: false, why: "Thursday is 2 working days away" },
    { now: "2026-03-05T10:00:00+07:00", within: 2, soon: true, why: "Thursday within 2" },
    { now: "2026-03-07T10:00:00+07:00", within: 1, soon: true, why: "Saturday is 1 working day away" },
    { now: "2026-03-10T10:00:00+07:00", within: 5, soon: false, why: "already overdue" },
  ])("$why", ({ now, within, soon }) => {
    expect(dueSoon({ dueAt, now: at(now), calendar, withinWorkingDays: within })).toBe(soon);
  });

  test("across Tết: 8 calendar days, 1 working day", () => {
    const dueAt = at("2021-02-17T17:00:00+07:00");
    expect(dueSoon({ dueAt, now: at("2021-02-09T10:00:00+07:00"), calendar, withinWorkingDays: 1 })).toBe(true);
    expect(dueSoon({ dueAt, now: at("2021-02-08T10:00:00+07:00"), calendar, withinWorkingDays: 1 })).toBe(false);
  });

  test("refuses a negative window", () => {
    expect(() => dueSoon({ dueAt, now: at("2026-03-06T10:00:00+07:00"), calendar, withinWorkingDays: -1 })).toThrow(RangeError);
  });
});

describe.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"])(
  "the server's own zone (%s) changes nothing",
  (zone) => {
    test.each([
      { receivedAt: "2021-02-09T03:00:00Z", days: 3, dueAt: "2021-02-19T10:00:00.000Z" },
      { receivedAt: "2026-03-06T17:30:00Z", days: 1, dueAt: "2026-03-10T10:00:00.000Z" },
      { receivedAt: "2026-03-02T07:59:00Z", days: 0, dueAt: "2026-03-02T10:00:00.000Z" },
      { receivedAt: "2026-03-02T08:01:00Z", days: 0, dueAt: "2026-03-03T10:00:00.000Z" },
      { receivedAt: "2024-04-25T23:00:00Z", days: 3, dueAt: "2024-05-04T10:00:00.000Z" },
    ])("received $receivedAt, N = $days → $dueAt", ({ receivedAt, days, dueAt }) => {
      vi.stubEnv("TZ", zone);
      expect(computeDueAt({ receivedAt: at(receivedAt), processingDays: days, calendar, settings }).dueAt.toISOString()).toBe(dueAt);
    });

    test("outcomes and lateness", () => {
      vi.stubEnv("TZ", zone);
      const dueAt = at("2026-03-16T10:00:00Z");
      expect(classifyOutcome({ dueAt, finishedAt: at("2026-03-16T16:59:00Z") })).toBe("on_time");
      expect(classifyOutcome({ dueAt, finishedAt: at("2026-03-16T17:00:00Z") })).toBe("late");
      expect(lateness({ dueAt, at: at("2026-03-17T17:00:00Z"), calendar })).toBe(2);
    });
  },
);
