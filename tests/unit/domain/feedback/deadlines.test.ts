import { describe, expect, it } from "vitest";
import { DEFAULT_DUE_DATE_SETTINGS } from "~/domain/calendar/due-date";
import { createWorkingCalendar } from "~/domain/calendar/working-calendar";
import { DEFAULT_LEGAL_CLOCKS, type LegalClocks } from "~/domain/dossiers/rule-sets";
import type { ComplaintInstance, FeedbackKind } from "~/domain/feedback/feedback";
import {
  complaintResolutionDays,
  deadlineUrgency,
  feedbackDeadlines,
  type DeadlineUrgency,
  type FeedbackDeadlineSettings,
} from "~/domain/feedback/deadlines";

/** Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);

/*
 * March–April 2026 (1 Mar is a Sunday). Two days off on weekdays, so working-day counts differ from
 * calendar counts in a way we can follow by hand:
 *   Wed 4 Mar: a holiday; Tue 10 Mar: a compensatory day off.
 */
const calendar = createWorkingCalendar([
  { date: "2026-03-04", kind: "holiday", name: "Ngày lễ thử nghiệm" },
  { date: "2026-03-10", kind: "day_off", name: "Nghỉ bù thử nghiệm" },
]);

const CALENDAR_DAYS: FeedbackDeadlineSettings = { isRemoteArea: false, complaintDays: "calendar" };
const WORKING_DAYS: FeedbackDeadlineSettings = { isRemoteArea: false, complaintDays: "working" };
const REMOTE: FeedbackDeadlineSettings = { isRemoteArea: true, complaintDays: "calendar" };

function deadlines(
  kind: FeedbackKind,
  receivedAt: Date,
  options: {
    acceptedAt?: Date;
    isComplex?: boolean;
    instance?: ComplaintInstance;
    settings?: FeedbackDeadlineSettings;
    clocks?: LegalClocks;
    officeClose?: string;
  } = {},
) {
  const result = feedbackDeadlines({
    kind,
    instance: options.instance ?? "first",
    ...(options.clocks ? { clocks: options.clocks } : {}),
    receivedAt,
    acceptedAt: options.acceptedAt ?? null,
    isComplex: options.isComplex ?? false,
    settings: options.settings ?? CALENDAR_DAYS,
    calendar,
    dueSettings: { ...DEFAULT_DUE_DATE_SETTINGS, officeClose: options.officeClose ?? "17:00" },
  });
  return {
    acceptanceDueAt: result.acceptanceDueAt?.toISOString() ?? null,
    resolutionDueAt: result.resolutionDueAt?.toISOString() ?? null,
  };
}

const iso = (local: string) => vn(local).toISOString();

describe("complaint acceptance: 10 days from receipt, ending at office close", () => {
  it.each([
    // [received, settings, acceptance due]
    ["2026-03-02T09:00:00", CALENDAR_DAYS, "2026-03-12T17:00:00"], // Mon → Thu, holidays ignored
    ["2026-03-02T06:30:00", CALENDAR_DAYS, "2026-03-12T17:00:00"], // still 1 Mar in UTC: the Vietnam date counts
    ["2026-03-01T23:30:00", CALENDAR_DAYS, "2026-03-11T17:00:00"], // a Sunday, late evening
    ["2026-03-02T16:59:00", CALENDAR_DAYS, "2026-03-12T17:00:00"],
    ["2026-03-02T22:00:00", CALENDAR_DAYS, "2026-03-12T17:00:00"], // after office close: same business date
    // Working days: Tue 3 (1), [Wed 4 holiday], Thu 5 (2), Fri 6 (3), Mon 9 (4), [Tue 10 off],
    // Wed 11 (5), Thu 12 (6), Fri 13 (7), Mon 16 (8), Tue 17 (9), Wed 18 (10).
    ["2026-03-02T09:00:00", WORKING_DAYS, "2026-03-18T17:00:00"],
    // From Fri 6: Mon 9 (1), [Tue 10 off], Wed 11 (2), Thu 12 (3), Fri 13 (4), Mon 16 (5), Tue 17 (6),
    // Wed 18 (7), Thu 19 (8), Fri 20 (9), Mon 23 (10).
    ["2026-03-06T15:00:00", WORKING_DAYS, "2026-03-23T17:00:00"],
    ["2026-03-02T09:00:00", REMOTE, "2026-03-12T17:00:00"], // remote areas change resolution only
  ] as const)("received %s (%o) → due %s", (received, settings, due) => {
    const result = deadlines("complaint", vn(received), { settings });
    expect(result).toEqual({ acceptanceDueAt: iso(due), resolutionDueAt: null });
  });

  it.each([
    // [received, acceptance due] — the tenth day falls on a day off: it ends with the next working day
    ["2026-03-07T09:00:00", "2026-03-17T17:00:00"], // +10 = Tue 17 (a working day): unchanged
    ["2026-02-26T09:00:00", "2026-03-09T17:00:00"], // +10 = Sun 8 Mar → Mon 9
    ["2026-02-21T09:00:00", "2026-03-03T17:00:00"], // received on a Saturday: +10 = Tue 3 Mar, unchanged
    ["2026-02-22T09:00:00", "2026-03-05T17:00:00"], // +10 = Wed 4 Mar, a holiday → Thu 5
    ["2025-12-28T09:00:00", "2026-01-07T17:00:00"], // +10 = Wed 7 Jan: unchanged
    ["2026-02-28T09:00:00", "2026-03-11T17:00:00"], // +10 = Tue 10 Mar, a day off → Wed 11
  ] as const)("calendar days ending on a day off move to the next working day (Civil Code art. 148(5)): %s → %s", (received, due) => {
    expect(deadlines("complaint", vn(received)).acceptanceDueAt).toBe(iso(due));
  });

  it("ends at the unit's office close time, not a fixed 17:00", () => {
    expect(deadlines("complaint", vn("2026-03-02T09:00:00"), { officeClose: "16:30" }).acceptanceDueAt).toBe(
      iso("2026-03-12T16:30:00"),
    );
  });
});

describe("complaint resolution: counted from acceptance", () => {
  const received = vn("2026-03-02T09:00:00");
  const accepted = vn("2026-03-09T10:00:00"); // Mon

  it.each([
    // [settings, complex, resolution due] — calendar days from Mon 9 Mar
    [CALENDAR_DAYS, false, "2026-04-08T17:00:00"], // +30
    [CALENDAR_DAYS, true, "2026-04-23T17:00:00"], // +45
    [REMOTE, false, "2026-04-23T17:00:00"], // +45
    [REMOTE, true, "2026-05-08T17:00:00"], // +60
  ] as const)("%o, complex %s → %s", (settings, isComplex, due) => {
    const result = deadlines("complaint", received, { acceptedAt: accepted, isComplex, settings });
    expect(result).toEqual({ acceptanceDueAt: iso("2026-03-12T17:00:00"), resolutionDueAt: iso(due) });
  });

  it("counts 30 working days from acceptance when the unit counts working days", () => {
    // From Mon 9: [Tue 10 off] Wed 11 (1) … Fri 13 (3), 16–20 (8), 23–27 (13), 30 Mar–3 Apr (18),
    // 6–10 Apr (23), 13–17 Apr (28), Mon 20 (29), Tue 21 (30).
    const result = deadlines("complaint", received, { acceptedAt: accepted, settings: WORKING_DAYS });
    expect(result).toEqual({ acceptanceDueAt: iso("2026-03-18T17:00:00"), resolutionDueAt: iso("2026-04-21T17:00:00") });
  });

  it("has no resolution deadline before acceptance", () => {
    expect(deadlines("complaint", received, { isComplex: true, settings: REMOTE }).resolutionDueAt).toBeNull();
  });
});

describe("complaint resolution by instance × complex × remote (Luật Khiếu nại 2011, Điều 28, 37)", () => {
  const received = vn("2026-03-02T09:00:00");
  const accepted = vn("2026-03-09T10:00:00"); // Mon

  it.each([
    // [instance, remote, complex, days, due] — calendar days from Mon 9 Mar
    ["first", false, false, 30, "2026-04-08"],
    ["first", false, true, 45, "2026-04-23"],
    ["first", true, false, 45, "2026-04-23"],
    ["first", true, true, 60, "2026-05-08"],
    ["second", false, false, 45, "2026-04-23"],
    ["second", false, true, 60, "2026-05-08"],
    ["second", true, false, 60, "2026-05-08"],
    ["second", true, true, 70, "2026-05-18"],
  ] as const)("%s instance, remote %s, complex %s → %i days, due %s", (instance, isRemoteArea, isComplex, days, due) => {
    expect(complaintResolutionDays({ isRemoteArea, complaintDays: "calendar" }, isComplex, instance)).toBe(days);
    expect(complaintResolutionDays({ isRemoteArea, complaintDays: "working" }, isComplex, instance)).toBe(days);
    const settings = { isRemoteArea, complaintDays: "calendar" } as const;
    expect(deadlines("complaint", received, { acceptedAt: accepted, isComplex, instance, settings })).toEqual({
      acceptanceDueAt: iso("2026-03-12T17:00:00"),
      resolutionDueAt: iso(`${due}T17:00:00`),
    });
  });

  it("counts a second instance's 45 days as working days when the unit counts working days", () => {
    // … as the 30 working days above: Tue 21 Apr (30), 22–24 (33), 27 Apr–1 May (38), 4–8 May (43), Mon 11 (44), Tue 12 (45).
    expect(deadlines("complaint", received, { acceptedAt: accepted, instance: "second", settings: WORKING_DAYS }).resolutionDueAt).toBe(
      iso("2026-05-12T17:00:00"),
    );
  });

  it("reads the days from the rule set's clocks, not constants", () => {
    const clocks: LegalClocks = {
      ...DEFAULT_LEGAL_CLOCKS,
      complaintAcceptDays: 5,
      firstInstance: { normal: 20, complex: 25, remote: 26, remoteComplex: 27 },
      secondInstance: { normal: 40, complex: 41, remote: 42, remoteComplex: 43 },
    };
    expect(complaintResolutionDays(CALENDAR_DAYS, false, "first", clocks)).toBe(20);
    expect(complaintResolutionDays(REMOTE, true, "second", clocks)).toBe(43);
    // Mon 9 Mar + 43 = Tue 21 Apr; received Mon 2 Mar + 5 = Sat 7 → Mon 9.
    expect(deadlines("complaint", received, { acceptedAt: accepted, isComplex: true, instance: "second", settings: REMOTE, clocks })).toEqual({
      acceptanceDueAt: iso("2026-03-09T17:00:00"),
      resolutionDueAt: iso("2026-04-21T17:00:00"),
    });
  });

  it("ignores the instance for feedback and recommendations", () => {
    expect(deadlines("feedback", received, { instance: "second" })).toEqual(deadlines("feedback", received));
  });
});

describe("feedback and recommendations: refuse within 2, answer within 15 working days of receipt", () => {
  it.each(["feedback", "recommendation"] as const)("%s received on a Monday", (kind) => {
    // Tue 3 (1), [Wed 4 holiday], Thu 5 (2) … Wed 18 (10), Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 (15).
    expect(deadlines(kind, vn("2026-03-02T09:00:00"))).toEqual({
      acceptanceDueAt: iso("2026-03-05T17:00:00"),
      resolutionDueAt: iso("2026-03-25T17:00:00"),
    });
  });

  it.each(["feedback", "recommendation"] as const)("%s received on a Friday, across the weekend and a day off", (kind) => {
    // Mon 9 (1), [Tue 10 off], Wed 11 (2); … Fri 27 (14), Mon 30 (15).
    expect(deadlines(kind, vn("2026-03-06T10:00:00"))).toEqual({
      acceptanceDueAt: iso("2026-03-11T17:00:00"),
      resolutionDueAt: iso("2026-03-30T17:00:00"),
    });
  });

  it("ignores the complaint settings (always working days, no remote extension)", () => {
    const plain = deadlines("feedback", vn("2026-03-02T09:00:00"));
    expect(deadlines("feedback", vn("2026-03-02T09:00:00"), { settings: REMOTE, isComplex: true, acceptedAt: vn("2026-03-03T09:00:00") })).toEqual(plain);
    expect(deadlines("feedback", vn("2026-03-02T09:00:00"), { settings: WORKING_DAYS })).toEqual(plain);
  });
});

describe("compliments", () => {
  it("carry no deadline", () => {
    expect(deadlines("compliment", vn("2026-03-02T09:00:00"), { acceptedAt: vn("2026-03-03T09:00:00"), settings: WORKING_DAYS })).toEqual({
      acceptanceDueAt: null,
      resolutionDueAt: null,
    });
  });
});

describe("deadlineUrgency", () => {
  const due = vn("2026-03-12T17:00:00");
  const HOUR = 60 * 60 * 1000;
  const at = (msBeforeDue: number) => new Date(due.getTime() - msBeforeDue);

  it.each([
    ["done, even when overdue", due, at(-10 * 24 * HOUR), true, "none"],
    ["done, well ahead", due, at(10 * 24 * HOUR), true, "none"],
    ["no deadline", null, at(0), false, "none"],
    ["no deadline, done", null, at(0), true, "none"],
    ["ten days ahead", due, at(10 * 24 * HOUR), false, "ok"],
    ["two days and a minute ahead", due, at(48 * HOUR + 60_000), false, "ok"],
    ["exactly two days ahead", due, at(48 * HOUR), false, "soon"],
    ["one hour ahead", due, at(HOUR), false, "soon"],
    ["at the deadline itself", due, at(0), false, "soon"],
    ["one millisecond late", due, at(-1), false, "overdue"],
    ["a week late", due, at(-7 * 24 * HOUR), false, "overdue"],
  ] as const)("%s → %s", (_name, dueAt, now, done, expected: DeadlineUrgency) => {
    expect(deadlineUrgency(dueAt, now, done)).toBe(expected);
  });
});
