import type { MessageKey } from "~/i18n";
import type { NcState } from "./nonconformity";

export type NcAction = "record_correction" | "analyse_cause" | "plan_actions" | "complete_actions" | "verify" | "close";

const RULES: Record<NcAction, { from: readonly NcState[]; to: NcState }> = {
  record_correction: { from: ["open"], to: "correction_taken" },
  analyse_cause: { from: ["correction_taken"], to: "cause_analysed" },
  plan_actions: { from: ["cause_analysed"], to: "actions_planned" },
  complete_actions: { from: ["actions_planned"], to: "actions_done" },
  verify: { from: ["actions_done"], to: "verified" },
  close: { from: ["verified"], to: "closed" },
};

export interface NcFacts {
  state: NcState;
  /** Actions of the current round, not cancelled. */
  actions: ReadonlyArray<{ status: "planned" | "done" | "cancelled"; ownerUserId: number; doneByUserId: number | null }>;
}

export type NcCheck = { ok: true; to: NcState } | { ok: false; error: MessageKey };

/**
 * The handling of a nonconformity (ISO 9001 §10.2): correction, cause, actions, completion,
 * verification of effectiveness, closure. A verification that finds the actions ineffective sends it
 * back to planning with a new round of actions; nobody verifies an action they carried out themselves.
 */
export function checkNcAction(
  facts: NcFacts,
  action: NcAction,
  input: { actorUserId: number; effective?: boolean },
): NcCheck {
  const rule = RULES[action];
  if (!rule.from.includes(facts.state)) {
    return { ok: false, error: action === "close" ? "nc.error.closeNeedsVerification" : "nc.error.illegalTransition" };
  }
  const live = facts.actions.filter((a) => a.status !== "cancelled");
  if (action === "plan_actions" && live.length === 0) return { ok: false, error: "nc.error.actionsRequired" };
  if (action === "complete_actions" && live.length === 0) return { ok: false, error: "nc.error.actionsRequired" };
  if (action === "complete_actions" && live.some((a) => a.status !== "done")) return { ok: false, error: "nc.error.actionsOpen" };
  if (action === "verify") {
    if (live.some((a) => a.doneByUserId === input.actorUserId || a.ownerUserId === input.actorUserId)) {
      return { ok: false, error: "nc.error.selfVerification" };
    }
    // An ineffective fix re-opens the nonconformity for a new round of actions.
    if (input.effective === false) return { ok: true, to: "actions_planned" };
  }
  return { ok: true, to: rule.to };
}

export function allowedNcActions(facts: NcFacts, actorUserId: number): NcAction[] {
  return (Object.keys(RULES) as NcAction[]).filter((a) => checkNcAction(facts, a, { actorUserId }).ok);
}

/** A repeat: the same process and ISO clause had a nonconformity in the 12 months before this one. */
export function isRepeat(
  nc: { id: number; process: string; isoClause: string; foundAt: string },
  others: ReadonlyArray<{ id: number; process: string; isoClause: string; foundAt: string }>,
): boolean {
  const found = new Date(nc.foundAt);
  const yearBefore = new Date(found);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  return others.some(
    (o) =>
      o.id !== nc.id &&
      o.process === nc.process &&
      o.isoClause === nc.isoClause &&
      new Date(o.foundAt) >= yearBefore &&
      new Date(o.foundAt) < found,
  );
}

export function formatNcCode(year: number, sequence: number): string {
  return `NC-${year}-${String(sequence).padStart(3, "0")}`;
}
