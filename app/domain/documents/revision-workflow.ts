import type { Role } from "~/domain/accounts/roles";
import type { MessageKey } from "~/i18n";

/**
 * A revision of a controlled document (ISO 9001 §7.5.2–7.5.3):
 * draft (with its reason for change) → in_review → approved by a leader → effective; on effect the
 * previous effective revision becomes obsolete. A revision in review can be returned to draft with a
 * comment. Only drafts can be edited.
 */
export const REVISION_STATES = ["draft", "in_review", "approved", "effective", "obsolete"] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

export type RevisionAction = "edit" | "submit" | "return" | "approve" | "make_effective";

export interface RevisionFacts {
  state: RevisionState;
  changeReason: string | null;
  /** The business date the revision is to take effect, once set at approval. */
  effectiveDate: string | null;
}

export type RevisionCheck = { ok: true; to: RevisionState } | { ok: false; error: MessageKey };

const RULES: Record<RevisionAction, { from: readonly RevisionState[]; to: RevisionState; roles: readonly Role[] }> = {
  edit: { from: ["draft"], to: "draft", roles: ["quality_lead"] },
  submit: { from: ["draft"], to: "in_review", roles: ["quality_lead"] },
  return: { from: ["in_review"], to: "draft", roles: ["leader", "quality_lead"] },
  approve: { from: ["in_review"], to: "approved", roles: ["leader"] },
  make_effective: { from: ["approved"], to: "effective", roles: ["quality_lead", "leader"] },
};

export function checkRevisionAction(
  facts: RevisionFacts,
  action: RevisionAction,
  actorRoles: readonly Role[],
  today: string,
): RevisionCheck {
  const rule = RULES[action];
  if (!rule.from.includes(facts.state)) {
    return { ok: false, error: facts.state === "draft" || action !== "edit" ? "document.error.illegalTransition" : "document.error.notEditable" };
  }
  if (!rule.roles.some((r) => actorRoles.includes(r))) {
    return { ok: false, error: action === "approve" ? "document.error.approveNeedsLeader" : "document.error.notAllowed" };
  }
  if (action === "submit" && !facts.changeReason?.trim()) return { ok: false, error: "document.error.reasonRequired" };
  if (action === "make_effective" && (!facts.effectiveDate || facts.effectiveDate > today)) {
    return { ok: false, error: "document.error.notYetEffective" };
  }
  return { ok: true, to: rule.to };
}

export function allowedRevisionActions(facts: RevisionFacts, actorRoles: readonly Role[], today: string): RevisionAction[] {
  return (Object.keys(RULES) as RevisionAction[]).filter((a) => checkRevisionAction(facts, a, actorRoles, today).ok);
}
