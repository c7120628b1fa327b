import { addDays } from "~/domain/calendar/business-date";
import { officeCloseAt, type DueDateSettings } from "~/domain/calendar/due-date";
import type { WorkingCalendar } from "~/domain/calendar/working-calendar";
import { businessDateOf } from "~/utils/clock";
import { DEFAULT_LEGAL_CLOCKS, type LegalClocks } from "~/domain/dossiers/rule-sets";
import { OPEN_FEEDBACK_STATES, type ComplaintInstance, type FeedbackKind, type FeedbackState } from "./feedback";

/**
 * Legal clocks for citizens' feedback (DOMAIN.md):
 * - Complaints (Law on Complaints 2011, Decree 124/2020): accept or refuse within 10 days of receipt;
 *   first instance: resolve within 30 days of acceptance (45 if complex); in remote, difficult areas 45
 *   (60 if complex). Second instance (Điều 37): 45 (complex 60); remote 60 (complex 70).
 *   Days are calendar days unless the unit counts working days; a period of calendar days whose last
 *   day is a weekend or holiday ends with the next working day (Civil Code 2015 art. 148(5)).
 * - Feedback and recommendations (Decree 20/2008 as amended by Decree 92/2017): refuse within 2 working
 *   days, ask for more information within 5, answer within 15 working days of receipt.
 * - Compliments carry no legal clock.
 */
export interface FeedbackDeadlineSettings {
  isRemoteArea: boolean;
  complaintDays: "calendar" | "working";
}

export interface FeedbackDeadlines {
  /** When it must be accepted (thụ lý) or refused. */
  acceptanceDueAt: Date | null;
  /** When the answer or resolution is due; for complaints it counts from acceptance. */
  resolutionDueAt: Date | null;
}

export const FEEDBACK_ANSWER_WORKING_DAYS = DEFAULT_LEGAL_CLOCKS.feedbackWorkingDays.answer;

/** Days to resolve a complaint from its acceptance: the instance's row of the rule set's clocks. */
export function complaintResolutionDays(
  settings: FeedbackDeadlineSettings,
  isComplex: boolean,
  instance: ComplaintInstance,
  clocks: LegalClocks = DEFAULT_LEGAL_CLOCKS,
): number {
  const row = instance === "second" ? clocks.secondInstance : clocks.firstInstance;
  if (settings.isRemoteArea) return isComplex ? row.remoteComplex : row.remote;
  return isComplex ? row.complex : row.normal;
}

function endOfDayAfter(
  from: Date,
  days: number,
  mode: "calendar" | "working",
  calendar: WorkingCalendar,
  dueSettings: DueDateSettings,
): Date {
  const start = businessDateOf(from);
  if (mode === "working") return officeCloseAt(calendar.addWorkingDays(start, days), dueSettings);
  const last = addDays(start, days);
  return officeCloseAt(calendar.isWorkingDay(last) ? last : calendar.nextWorkingDay(last), dueSettings);
}

/** The two deadlines stored on an item (`acceptance_due_at`, `resolution_due_at`), with the rule set's days. */
export function feedbackDeadlines(input: {
  kind: FeedbackKind;
  /** A complaint's instance; ignored for other kinds. */
  instance: ComplaintInstance;
  receivedAt: Date;
  acceptedAt: Date | null;
  isComplex: boolean;
  settings: FeedbackDeadlineSettings;
  clocks?: LegalClocks;
  calendar: WorkingCalendar;
  dueSettings: DueDateSettings;
}): FeedbackDeadlines {
  const { kind, instance, receivedAt, acceptedAt, isComplex, settings, calendar, dueSettings } = input;
  const clocks = input.clocks ?? DEFAULT_LEGAL_CLOCKS;
  switch (kind) {
    case "complaint":
      return {
        acceptanceDueAt: endOfDayAfter(receivedAt, clocks.complaintAcceptDays, settings.complaintDays, calendar, dueSettings),
        resolutionDueAt: acceptedAt
          ? endOfDayAfter(acceptedAt, complaintResolutionDays(settings, isComplex, instance, clocks), settings.complaintDays, calendar, dueSettings)
          : null,
      };
    case "feedback":
    case "recommendation":
      return {
        acceptanceDueAt: endOfDayAfter(receivedAt, clocks.feedbackWorkingDays.refuse, "working", calendar, dueSettings),
        resolutionDueAt: endOfDayAfter(receivedAt, clocks.feedbackWorkingDays.answer, "working", calendar, dueSettings),
      };
    case "compliment":
      return { acceptanceDueAt: null, resolutionDueAt: null };
  }
}

export type DeadlineUrgency = "none" | "ok" | "soon" | "overdue";

/** "soon" within two days of the deadline, "overdue" past it. */
export function deadlineUrgency(dueAt: Date | null, now: Date, done: boolean): DeadlineUrgency {
  if (!dueAt || done) return "none";
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= 2 * 24 * 60 * 60 * 1000 ? "soon" : "ok";
}

/*
 * Issue 17, round 2: every legal clock of a feedback item, read from the rule set's `LegalClocks`.
 * - Complaint filing window (Luật Khiếu nại 2011, Điều 9): 90 calendar days from the day the
 *   complainant knew of the decision or act (the received date when unknown). A late filing is
 *   flagged, never refused: the law lets the complainant show an objective obstacle.
 * - Second instance (Điều 33, 37): filed within 30 days (45 in remote areas) of the first-instance
 *   decision or deadline; resolved within 45 days of acceptance (complex 60; remote 60, complex 70).
 * - Feedback and recommendations: ask for more information within 5 working days of receipt; publish
 *   the answer within 2 working days after answering.
 * A period of calendar days whose last day is a day off ends with the next working day (Civil Code art. 148).
 */
export { COMPLAINT_INSTANCES, type ComplaintInstance } from "./feedback";

export const LEGAL_CLOCK_KEYS = [
  "complaintFiling",
  "complaintAcceptance",
  "complaintResolution",
  "feedbackRefuse",
  "feedbackAskMoreInfo",
  "feedbackAnswer",
  "feedbackPublish",
] as const;
export type LegalClockKey = (typeof LEGAL_CLOCK_KEYS)[number];

export interface LegalClock {
  key: LegalClockKey;
  dueAt: Date;
  /** The step the clock waits for has happened. */
  done: boolean;
  /** Only the filing window: the item was received after it closed. */
  late?: boolean;
}

export interface LegalClockInput {
  kind: FeedbackKind;
  state: FeedbackState;
  instance: ComplaintInstance;
  /** Business date (YYYY-MM-DD) the complainant learnt of the decision or act; null: unknown. */
  knewOn: string | null;
  receivedAt: Date;
  acceptedAt: Date | null;
  answeredAt: Date | null;
  published: boolean;
  isComplex: boolean;
  settings: FeedbackDeadlineSettings;
  clocks?: LegalClocks;
  calendar: WorkingCalendar;
  dueSettings: DueDateSettings;
}

export function complaintFilingDays(settings: FeedbackDeadlineSettings, instance: ComplaintInstance, clocks: LegalClocks = DEFAULT_LEGAL_CLOCKS): number {
  if (instance === "first") return clocks.complaintFilingDays;
  return settings.isRemoteArea ? clocks.secondInstanceFilingDays.remote : clocks.secondInstanceFilingDays.normal;
}

/** The last day to file (calendar days from `knewOn`, moved past a day off) and whether `receivedAt` is after it. */
export function complaintFilingWindow(input: {
  knewOn: string | null;
  receivedAt: Date;
  instance: ComplaintInstance;
  settings: FeedbackDeadlineSettings;
  clocks?: LegalClocks;
  calendar: WorkingCalendar;
  dueSettings: DueDateSettings;
}): { lastDay: string; dueAt: Date; late: boolean } {
  const received = businessDateOf(input.receivedAt);
  const from = input.knewOn ?? received;
  const end = addDays(from, complaintFilingDays(input.settings, input.instance, input.clocks));
  const lastDay = input.calendar.isWorkingDay(end) ? end : input.calendar.nextWorkingDay(end);
  return { lastDay, dueAt: officeCloseAt(lastDay, input.dueSettings), late: received > lastDay };
}

const PAST_INFO_STATES: readonly FeedbackState[] = ["investigating", "answered", "closed", "not_accepted", "forwarded"];

export function legalClocks(input: LegalClockInput): LegalClock[] {
  const clocks = input.clocks ?? DEFAULT_LEGAL_CLOCKS;
  const { calendar, dueSettings, settings } = input;
  const working = (from: Date, days: number) => endOfDayAfter(from, days, "working", calendar, dueSettings);
  const complaintDays = (from: Date, days: number) => endOfDayAfter(from, days, settings.complaintDays, calendar, dueSettings);
  switch (input.kind) {
    case "complaint": {
      const filing = complaintFilingWindow({ ...input, clocks });
      const resolutionDays = complaintResolutionDays(settings, input.isComplex, input.instance, clocks);
      const list: LegalClock[] = [
        { key: "complaintFiling", dueAt: filing.dueAt, done: true, late: filing.late },
        { key: "complaintAcceptance", dueAt: complaintDays(input.receivedAt, clocks.complaintAcceptDays), done: input.state !== "received" },
      ];
      if (input.acceptedAt) {
        list.push({
          key: "complaintResolution",
          dueAt: complaintDays(input.acceptedAt, resolutionDays),
          done: input.answeredAt !== null || !OPEN_FEEDBACK_STATES.includes(input.state),
        });
      }
      return list;
    }
    case "feedback":
    case "recommendation": {
      const f = clocks.feedbackWorkingDays;
      const list: LegalClock[] = [
        { key: "feedbackRefuse", dueAt: working(input.receivedAt, f.refuse), done: input.state !== "received" },
        { key: "feedbackAskMoreInfo", dueAt: working(input.receivedAt, f.askMoreInfo), done: PAST_INFO_STATES.includes(input.state) },
        { key: "feedbackAnswer", dueAt: working(input.receivedAt, f.answer), done: input.answeredAt !== null || !OPEN_FEEDBACK_STATES.includes(input.state) },
      ];
      if (input.answeredAt) {
        list.push({ key: "feedbackPublish", dueAt: working(input.answeredAt, f.publishAfterAnswer), done: input.published });
      }
      return list;
    }
    case "compliment":
      return [];
  }
}

/** The earliest clock still running, for lists. */
export function nextLegalClock(clocks: readonly LegalClock[]): LegalClock | null {
  return clocks.filter((c) => !c.done).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null;
}

export type CitizenDeadlineKind = "acceptance" | "answer";

/**
 * The one date the citizen's tracking page puts first: when the answer is due (a complaint's
 * resolution, a feedback item's answer), or, for a complaint not yet accepted, when it must be
 * accepted or refused. Null once the awaited step is done, or for a compliment (no clock).
 */
export function citizenDeadline<T>(
  clocks: ReadonlyArray<{ key: LegalClockKey; dueAt: T; done: boolean }>,
): { kind: CitizenDeadlineKind; dueAt: T } | null {
  const answer = clocks.find((c) => c.key === "complaintResolution" || c.key === "feedbackAnswer");
  if (answer) return answer.done ? null : { kind: "answer", dueAt: answer.dueAt };
  const acceptance = clocks.find((c) => c.key === "complaintAcceptance");
  return acceptance && !acceptance.done ? { kind: "acceptance", dueAt: acceptance.dueAt } : null;
}
