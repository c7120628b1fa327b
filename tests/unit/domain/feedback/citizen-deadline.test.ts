import { describe, expect, it } from "vitest";
import { DEFAULT_DUE_DATE_SETTINGS } from "~/domain/calendar/due-date";
import { createWorkingCalendar } from "~/domain/calendar/working-calendar";
import { citizenDeadline, legalClocks, type LegalClockInput } from "~/domain/feedback/deadlines";
import type { FeedbackKind, FeedbackState } from "~/domain/feedback/feedback";
import { businessDateOf } from "~/utils/clock";

const vn = (local: string) => new Date(`${local}+07:00`);

/* Wed 4 Mar 2026 a holiday, Tue 10 Mar a compensatory day off (as in legal-clocks.test.ts). */
const calendar = createWorkingCalendar([
  { date: "2026-03-04", kind: "holiday", name: "Ngày lễ thử nghiệm" },
  { date: "2026-03-10", kind: "day_off", name: "Nghỉ bù thử nghiệm" },
]);

function clocksOf(kind: FeedbackKind, state: FeedbackState, acceptedAt: string | null, answeredAt: string | null) {
  const input: LegalClockInput = {
    kind,
    state,
    instance: "first",
    knewOn: null,
    receivedAt: vn("2026-03-02T09:00:00"),
    acceptedAt: acceptedAt ? vn(acceptedAt) : null,
    answeredAt: answeredAt ? vn(answeredAt) : null,
    published: false,
    isComplex: false,
    settings: { isRemoteArea: false, complaintDays: "calendar" },
    calendar,
    dueSettings: DEFAULT_DUE_DATE_SETTINGS,
  };
  return legalClocks(input);
}

describe("citizenDeadline: the date the citizen's tracking page puts first", () => {
  it.each([
    // [kind, state, accepted at, answered at, expected kind, expected business date]
    // 15 working days from Mon 2 Mar, skipping the holiday (4 Mar) and the day off (10 Mar).
    ["feedback", "received", null, null, "answer", "2026-03-25"],
    ["recommendation", "investigating", null, null, "answer", "2026-03-25"],
    ["feedback", "answered", null, "2026-03-20T10:00:00", null, null],
    ["feedback", "not_accepted", null, null, null, null],
    // A complaint not yet accepted: accept or refuse within 10 calendar days (Thu 12 Mar).
    ["complaint", "received", null, null, "acceptance", "2026-03-12"],
    // Accepted Thu 5 Mar: resolve within 30 days; Sat 4 Apr moves to Mon 6 Apr.
    ["complaint", "accepted", "2026-03-05T08:00:00", null, "answer", "2026-04-06"],
    ["complaint", "answered", "2026-03-05T08:00:00", "2026-03-30T10:00:00", null, null],
    ["complaint", "not_accepted", null, null, null, null],
    ["compliment", "received", null, null, null, null],
  ] as const)("%s %s (accepted %s, answered %s) → %s %s", (kind, state, acceptedAt, answeredAt, expectedKind, expectedDate) => {
    const deadline = citizenDeadline(clocksOf(kind, state, acceptedAt, answeredAt));
    expect(deadline && { kind: deadline.kind, date: businessDateOf(deadline.dueAt) }).toEqual(
      expectedKind === null ? null : { kind: expectedKind, date: expectedDate },
    );
  });

  it("keeps the type of the dates it is given (ISO text on the page)", () => {
    expect(citizenDeadline([{ key: "feedbackAnswer", dueAt: "2026-03-25T09:30:00.000Z", done: false }])).toEqual({ kind: "answer", dueAt: "2026-03-25T09:30:00.000Z" });
  });
});
