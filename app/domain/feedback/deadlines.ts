import { addDays } from "~/domain/calendar/business-date";
import { officeCloseAt, type DueDateSettings } from "~/domain/calendar/due-date";
import type { WorkingCalendar } from "~/domain/calendar/working-calendar";
import { businessDateOf } from "~/utils/clock";
import type { FeedbackKind } from "./feedback";

/**
 * Legal clocks for citizens' feedback (DOMAIN.md):
 * - Complaints (Law on Complaints 2011, Decree 124/2020): accept or refuse within 10 days of receipt;
 *   resolve within 30 days of acceptance (45 if complex); in remote, difficult areas 45 (60 if complex).
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

export const COMPLAINT_ACCEPTANCE_DAYS = 10;
export const FEEDBACK_REFUSE_WORKING_DAYS = 2;
export const FEEDBACK_ANSWER_WORKING_DAYS = 15;

export function complaintResolutionDays(settings: FeedbackDeadlineSettings, isComplex: boolean): number {
  if (settings.isRemoteArea) return isComplex ? 60 : 45;
  return isComplex ? 45 : 30;
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

export function feedbackDeadlines(input: {
  kind: FeedbackKind;
  receivedAt: Date;
  acceptedAt: Date | null;
  isComplex: boolean;
  settings: FeedbackDeadlineSettings;
  calendar: WorkingCalendar;
  dueSettings: DueDateSettings;
}): FeedbackDeadlines {
  const { kind, receivedAt, acceptedAt, isComplex, settings, calendar, dueSettings } = input;
  switch (kind) {
    case "complaint":
      return {
        acceptanceDueAt: endOfDayAfter(receivedAt, COMPLAINT_ACCEPTANCE_DAYS, settings.complaintDays, calendar, dueSettings),
        resolutionDueAt: acceptedAt
          ? endOfDayAfter(acceptedAt, complaintResolutionDays(settings, isComplex), settings.complaintDays, calendar, dueSettings)
          : null,
      };
    case "feedback":
    case "recommendation":
      return {
        acceptanceDueAt: endOfDayAfter(receivedAt, FEEDBACK_REFUSE_WORKING_DAYS, "working", calendar, dueSettings),
        resolutionDueAt: endOfDayAfter(receivedAt, FEEDBACK_ANSWER_WORKING_DAYS, "working", calendar, dueSettings),
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
