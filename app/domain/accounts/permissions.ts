import { hasAnyRole, type Role } from "./roles";

/**
 * Who may act, beside who may look (`STAFF_NAV` in app/utils/navigation.ts says who opens each area).
 * One named list per kind of change, used alike by route guards, by pages to show their buttons and by
 * models, so a change of who may do what is made here once.
 */
export const ACTING_ROLES = {
  /**
   * Keep the system's own data: controlled documents, checklists, the procedures catalogue, the working
   * calendar, external documents; merge nonconformities and close others' actions (QT-01, QT-03).
   */
  keepQualitySystem: ["quality_lead"],
  /** Assign, transfer, request supplements, record results and returns (QT-07). */
  handleDossiers: ["officer", "leader", "quality_lead"],
  /** Raise nonconformities by hand and take them through handling (QT-03). */
  recordNonconformities: ["quality_lead", "auditor", "leader"],
  /** Turn a feedback item into a nonconformity (QT-04). */
  raiseNonconformityFromFeedback: ["quality_lead", "leader"],
  /** Confirm having read an effective revision (QT-01). */
  acknowledgeDocuments: ["quality_lead", "officer", "leader", "auditor"],
  /** Put audits in the programme and change their plans (QT-02 step 1). */
  planAudits: ["quality_lead", "auditor"],
  /** Sit on an audit team: trained internal auditors and the ISO secretary (QT-02 §5.4). */
  joinAuditTeams: ["auditor", "quality_lead"],
  /** Plan a management review and prepare its inputs and decisions (QT-05 steps 1–3). */
  editManagementReviews: ["quality_lead", "leader"],
  /** Record a management review: the leader who chairs it (QT-05 step 4). */
  recordManagementReviews: ["leader"],
  /** Answer a citizen's request for the data held about them (export by phone or ID number). */
  answerDataSubjectRequests: ["quality_lead"],
  /** Own a decision of a management review. */
  ownReviewDecisions: ["quality_lead", "officer", "leader", "auditor"],
  /** Record risks and opportunities, their treatments and reviews (§6.1; issue 18). */
  recordRisks: ["quality_lead", "leader"],
  /** Keep required competences, training records and the training plan (§7.2; issue 18). */
  keepCompetence: ["quality_lead"],
  /** See the whole unit's action list, not only one's own (issue 18). */
  seeUnitActions: ["quality_lead", "leader"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ACTING_ROLES;

export function rolesTo(permission: Permission): readonly Role[] {
  return ACTING_ROLES[permission];
}

export function may(roles: readonly Role[], permission: Permission): boolean {
  return hasAnyRole(roles, ACTING_ROLES[permission]);
}
