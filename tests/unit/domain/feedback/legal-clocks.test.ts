import { describe, expect, it } from "vitest";
import { DEFAULT_DUE_DATE_SETTINGS } from "~/domain/calendar/due-date";
import { createWorkingCalendar } from "~/domain/calendar/working-calendar";
import { DEFAULT_LEGAL_CLOCKS } from "~/domain/dossiers/rule-sets";
import {
  complaintFilingWindow,
  legalClocks,
  complaintResolutionDays,
  nextLegalClock,
  type ComplaintInstance,
  type FeedbackDeadlineSettings,
  type LegalClockInput,
} from "~/domain/feedback/deadlines";

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();

/* Wed 4 Mar 2026 a holiday, Tue 10 Mar a compensatory day off (as in deadlines.test.ts). */
const calendar = createWorkingCalendar([
  { date: "2026-03-04", kind: "holiday", name: "Ngày lễ thử nghiệm" },
  { date: "2026-03-10", kind: "day_off", name: "Nghỉ bù thử nghiệm" },
]);
const NORMAL: FeedbackDeadlineSettings = { isRemoteArea: false, complaintDays: "calendar" };
const REMOTE: FeedbackDeadlineSettings = { isRemoteArea: true, complaintDays: "calendar" };

function input(over: Partial<LegalClockInput>): LegalClockInput {
  return {
    kind: "complaint",
    state: "received",
    instance: "first",
    knewOn: null,
    receivedAt: vn("2026-03-02T09:00:00"),
    acceptedAt: null,
    answeredAt: null,
    published: false,
    isComplex: false,
    settings: NORMAL,
    calendar,
    dueSettings: DEFAULT_DUE_DATE_SETTINGS,
    ...over,
  };
}

describe("complaint filing window: 90 days from when the complainant knew (Luật Khiếu nại 2011, Điều 9)", () => {
  it.each([
    // [instance, settings, knew on, received, last day, late]
    ["first", NORMAL, "2026-01-01", "2026-03-20T09:00:00", "2026-04-01", false],
    ["first", NORMAL, "2025-12-04", "2026-03-05T10:00:00", "2026-03-05", false], // day 90 is the holiday Wed 4 → Thu 5
    ["first", NORMAL, "2025-12-04", "2026-03-06T08:00:00", "2026-03-05", true],
    ["first", REMOTE, "2025-12-04", "2026-03-06T08:00:00", "2026-03-05", true], // remote areas get no longer window at first instance
    ["first", NORMAL, null, "2026-03-02T09:00:00", "2026-06-01", false], // unknown: from the received date; Sun 31 May → Mon
    ["second", NORMAL, "2026-02-02", "2026-03-05T09:00:00", "2026-03-05", false], // 30 days = holiday → Thu 5
    ["second", NORMAL, "2026-02-02", "2026-03-06T09:00:00", "2026-03-05", true],
    ["second", REMOTE, "2026-02-02", "2026-03-06T09:00:00", "2026-03-19", false], // 45 days in remote areas
  ] as const)("%s instance, %o, knew %s, received %s → last day %s, late %s", (instance, settings, knewOn, received, lastDay, late) => {
    const window = complaintFilingWindow({
      instance: instance as ComplaintInstance,
      settings,
      knewOn,
      receivedAt: vn(received),
      calendar,
      dueSettings: DEFAULT_DUE_DATE_SETTINGS,
    });
    expect(window.lastDay).toBe(lastDay);
    expect(window.late).toBe(late);
    expect(window.dueAt.toISOString()).toBe(iso(`${lastDay}T17:00:00`));
  });

  it("a late filing is a flagged clock, not a refusal: the acceptance clock still runs", () => {
    const clocks = legalClocks(input({ knewOn: "2025-10-01" }));
    expect(clocks.find((c) => c.key === "complaintFiling")?.late).toBe(true);
    expect(clocks.find((c) => c.key === "complaintAcceptance")?.done).toBe(false);
  });
});

describe("second-instance resolution: 45 days (complex 60); remote 60 (complex 70)", () => {
  it.each([
    [NORMAL, false, 45, "2026-04-16"],
    [NORMAL, true, 60, "2026-05-01"],
    [REMOTE, false, 60, "2026-05-01"],
    [REMOTE, true, 70, "2026-05-11"],
  ] as const)("%o complex=%s → %i days, due %s", (settings, isComplex, days, due) => {
    expect(complaintResolutionDays(settings, isComplex, "second")).toBe(days);
    const clocks = legalClocks(input({ instance: "second", settings, isComplex, state: "accepted", acceptedAt: vn("2026-03-02T10:00:00") }));
    expect(clocks.find((c) => c.key === "complaintResolution")?.dueAt.toISOString()).toBe(iso(`${due}T17:00:00`));
  });

  it("reads the days from the rule set's clocks", () => {
    const clocks = { ...DEFAULT_LEGAL_CLOCKS, secondInstance: { normal: 40, complex: 60, remote: 60, remoteComplex: 70 } };
    expect(complaintResolutionDays(NORMAL, false, "second", clocks)).toBe(40);
  });
});

describe("feedback: ask for more information within 5, publish the answer 2 working days after answering", () => {
  it.each([
    // [received, ask-for-information due] Tue 3, [Wed 4 holiday], Thu 5, Fri 6, Mon 9, [Tue 10 off], Wed 11
    ["2026-03-02T09:00:00", "2026-03-11T17:00:00"],
    ["2026-03-02T22:00:00", "2026-03-11T17:00:00"], // after close: the same business date
    ["2026-03-07T09:00:00", "2026-03-16T17:00:00"], // Saturday: Mon 9, Wed 11, Thu 12, Fri 13, Mon 16
  ] as const)("received %s → ask by %s", (received, due) => {
    const clocks = legalClocks(input({ kind: "feedback", receivedAt: vn(received) }));
    expect(clocks.find((c) => c.key === "feedbackAskMoreInfo")?.dueAt.toISOString()).toBe(iso(due));
  });

  it.each([
    // [answered, publish due]
    ["2026-03-03T15:00:00", "2026-03-06T17:00:00"], // Thu 5, Fri 6 (the holiday skipped)
    ["2026-03-06T15:00:00", "2026-03-11T17:00:00"], // Mon 9, [Tue 10 off], Wed 11
  ] as const)("answered %s → publish by %s", (answered, due) => {
    const clocks = legalClocks(input({ kind: "recommendation", state: "answered", answeredAt: vn(answered) }));
    const publish = clocks.find((c) => c.key === "feedbackPublish");
    expect(publish?.dueAt.toISOString()).toBe(iso(due));
    expect(publish?.done).toBe(false);
  });

  it("no publish clock before the answer; done once published", () => {
    expect(legalClocks(input({ kind: "feedback" })).map((c) => c.key)).toEqual(["feedbackRefuse", "feedbackAskMoreInfo", "feedbackAnswer"]);
    const published = legalClocks(input({ kind: "feedback", state: "answered", answeredAt: vn("2026-03-03T15:00:00"), published: true }));
    expect(published.find((c) => c.key === "feedbackPublish")?.done).toBe(true);
  });

  it("the next clock is the earliest one still running", () => {
    const clocks = legalClocks(input({ kind: "feedback", state: "accepted" }));
    expect(nextLegalClock(clocks)?.key).toBe("feedbackAskMoreInfo");
    expect(legalClocks(input({ kind: "compliment" }))).toEqual([]);
  });
});
