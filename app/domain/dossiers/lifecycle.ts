import { isOverdue } from "~/domain/calendar/due-date";
import type { MessageKey } from "~/i18n";
import type { ReturnMethod } from "./service-facts";

/**
 * The dossier lifecycle, one state machine for the desk, the API and the seed.
 * received → in_progress (assigned) → [transfers] → [supplement_requested ⇄ in_progress]
 *   → result_ready → returned; or refused, or withdrawn.
 */
export const DOSSIER_STATES = [
  "received",
  "in_progress",
  "supplement_requested",
  "result_ready",
  "returned",
  "refused",
  "withdrawn",
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const OPEN_STATES: readonly DossierState[] = ["received", "in_progress", "supplement_requested", "result_ready"];
export const FINAL_STATES: readonly DossierState[] = ["returned", "refused", "withdrawn"];

/**
 * The national public-service portal's status codes (DOMAIN.md), in one place:
 * 1 newly registered, 2 received, 3 not received (refused), 4 being processed, 5 supplement requested,
 * 6 financial obligation requested, 7 withdrawal requested, 8 handling stopped, 9 result ready, 10 returned.
 * A refusal before any handling is "not received" (3); a refusal after handling began stops handling (8).
 */
export function portalStatusCode(state: DossierState, handlingStarted: boolean): number {
  switch (state) {
    case "received":
      return 2;
    case "in_progress":
      return 4;
    case "supplement_requested":
      return 5;
    case "result_ready":
      return 9;
    case "returned":
      return 10;
    case "refused":
      return handlingStarted ? 8 : 3;
    case "withdrawn":
      return 8;
  }
}

export type DossierAction =
  | { type: "assign"; handlerUserId: number }
  // `counterpartName`: the person at the other agency who took the dossier in or sent the result back (control slip).
  | { type: "transfer"; agency: string; electronic: boolean; counterpartName?: string }
  | { type: "transfer_back"; agency: string; electronic: boolean; counterpartName?: string }
  | { type: "request_supplement"; missingItems: string[]; reason: string }
  | { type: "receive_supplement" }
  | { type: "issue_apology"; reason: string; newAppointmentAt: Date }
  | { type: "mark_result_ready"; resultDigitised?: boolean }
  | { type: "return_result"; returnMethod?: ReturnMethod }
  | { type: "refuse"; reason: string }
  | { type: "withdraw"; reason: string };

export type DossierActionType = DossierAction["type"];
export const DOSSIER_ACTION_TYPES: readonly DossierActionType[] = [
  "assign",
  "transfer",
  "transfer_back",
  "request_supplement",
  "receive_supplement",
  "issue_apology",
  "mark_result_ready",
  "return_result",
  "refuse",
  "withdraw",
];

/** Where each action may start, and where it leads (null: stays where it is). */
const TRANSITIONS: Record<DossierActionType, { from: readonly DossierState[]; to: DossierState | null }> = {
  assign: { from: ["received", "in_progress"], to: "in_progress" },
  transfer: { from: ["in_progress"], to: null },
  transfer_back: { from: ["in_progress"], to: null },
  request_supplement: { from: ["received", "in_progress"], to: "supplement_requested" },
  receive_supplement: { from: ["supplement_requested"], to: "in_progress" },
  issue_apology: { from: ["received", "in_progress", "supplement_requested"], to: null },
  mark_result_ready: { from: ["in_progress"], to: "result_ready" },
  return_result: { from: ["result_ready"], to: "returned" },
  refuse: { from: ["received", "in_progress", "supplement_requested"], to: "refused" },
  withdraw: { from: ["received", "in_progress", "supplement_requested"], to: "withdrawn" },
};

/** The states in which the due date runs: while waiting for a supplement the clock is stopped. */
const CLOCK_RUNNING: readonly DossierState[] = ["received", "in_progress"];

export interface DossierFacts {
  state: DossierState;
  dueAt: Date;
  hasApology: boolean;
  /** Transfers sent and not yet returned. */
  openTransfers: number;
}

export type TransitionResult =
  | { ok: true; to: DossierState }
  | { ok: false; error: MessageKey };

/** Late while its clock runs and no apology slip yet: nothing else may happen before the slip. */
export function needsApology(facts: DossierFacts, now: Date): boolean {
  return !facts.hasApology && CLOCK_RUNNING.includes(facts.state) && isOverdue({ dueAt: facts.dueAt, now });
}

export function allowedActions(facts: DossierFacts, now: Date): DossierActionType[] {
  return DOSSIER_ACTION_TYPES.filter((type) => checkTransition(facts, type, now).ok);
}

/** Whether the action may happen now, and the state it leads to; the reason (a catalogue key) when not. */
export function checkTransition(facts: DossierFacts, type: DossierActionType, now: Date): TransitionResult {
  const rule = TRANSITIONS[type];
  if (!rule.from.includes(facts.state)) return { ok: false, error: "dossier.error.illegalTransition" };

  if (type === "issue_apology") {
    return facts.hasApology ? { ok: false, error: "dossier.error.apologyAlreadyIssued" } : { ok: true, to: facts.state };
  }
  // Decree 61/2018 art. 19, Decree 107/2021: a late dossier needs its apology slip before anything else happens.
  if (needsApology(facts, now)) return { ok: false, error: "dossier.error.needsApology" };
  if (type === "transfer_back" && facts.openTransfers === 0) {
    return { ok: false, error: "dossier.error.noOpenTransfer" };
  }
  if (type === "mark_result_ready" && facts.openTransfers > 0) {
    return { ok: false, error: "dossier.error.transferOpen" };
  }
  return { ok: true, to: rule.to ?? facts.state };
}

/** Checks the action's own data against the dossier (beyond the state rule). */
export function validateActionData(facts: DossierFacts, action: DossierAction, now: Date): MessageKey | null {
  if (action.type === "issue_apology") {
    if (action.newAppointmentAt.getTime() <= Math.max(now.getTime(), facts.dueAt.getTime())) {
      return "dossier.error.appointmentTooEarly";
    }
  }
  return null;
}
