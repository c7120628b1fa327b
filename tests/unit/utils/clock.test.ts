import { afterEach, describe, expect, test, vi } from "vitest";
import { BUSINESS_TIME_ZONE, businessDateOf, businessDayEnd, businessDayStart } from "~/utils/clock";

const SERVER_ZONES = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"];

afterEach(() => {
  vi.unstubAllEnvs();
});

test("business time is Vietnam's", () => {
  expect(BUSINESS_TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
});

describe.each(SERVER_ZONES)("on a server in %s", (zone) => {
  test.each([
    { instant: "2021-12-31T16:59:59.999Z", date: "2021-12-31" },
    { instant: "2021-12-31T17:00:00.000Z", date: "2022-01-01" },
    { instant: "2022-01-01T16:59:59.999Z", date: "2022-01-01" },
    { instant: "2024-02-28T20:00:00.000Z", date: "2024-02-29" },
    { instant: "2026-03-01T00:00:00.000Z", date: "2026-03-01" },
  ])("businessDateOf($instant) is $date", ({ instant, date }) => {
    vi.stubEnv("TZ", zone);
    expect(businessDateOf(new Date(instant))).toBe(date);
  });

  test.each([
    { date: "2022-01-01", start: "2021-12-31T17:00:00.000Z", end: "2022-01-01T17:00:00.000Z" },
    { date: "2024-02-29", start: "2024-02-28T17:00:00.000Z", end: "2024-02-29T17:00:00.000Z" },
    { date: "2024-12-31", start: "2024-12-30T17:00:00.000Z", end: "2024-12-31T17:00:00.000Z" },
  ])("$date runs from $start to $end", ({ date, start, end }) => {
    vi.stubEnv("TZ", zone);
    expect(businessDayStart(date).toISOString()).toBe(start);
    expect(businessDayEnd(date).toISOString()).toBe(end);
  });
});

test("a day's start and end both fall on that business date's boundaries", () => {
  const date = "2026-03-02";
  expect(businessDateOf(businessDayStart(date))).toBe(date);
  expect(businessDateOf(new Date(businessDayEnd(date).getTime() - 1))).toBe(date);
  expect(businessDateOf(businessDayEnd(date))).toBe("2026-03-03");
});
