import type { MessageKey } from "~/i18n";
import { hasAnyRole, ROLES, type Role } from "~/domain/accounts/roles";

export interface StaffNavItem {
  to: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** The staff side's areas and who may open them; the layout shows each user only theirs. */
export const STAFF_NAV: readonly StaffNavItem[] = [
  { to: "/staff", label: "nav.staffHome", roles: ROLES },
  { to: "/staff/dashboard", label: "nav.dashboard", roles: ["quality_lead", "leader", "officer", "auditor", "inspector", "province_officer"] },
  // Issue 14: every commune side by side, for the province's quality office.
  { to: "/staff/province", label: "nav.province", roles: ["province_officer"] },
  { to: "/staff/dossiers/new", label: "nav.intake", roles: ["officer"] },
  { to: "/staff/dossiers", label: "nav.dossiers", roles: ["officer", "leader", "quality_lead", "auditor"] },
  { to: "/staff/feedback", label: "nav.staffFeedback", roles: ["quality_lead", "officer", "leader"] },
  { to: "/staff/nonconformities", label: "nav.nonconformities", roles: ["quality_lead", "leader", "auditor", "officer", "inspector"] },
  { to: "/staff/documents", label: "nav.documents", roles: ["quality_lead", "officer", "leader", "auditor", "inspector"] },
  { to: "/staff/external-documents", label: "nav.externalDocuments", roles: ["quality_lead", "leader", "auditor"] },
  { to: "/staff/audits", label: "nav.audits", roles: ["quality_lead", "auditor", "leader", "inspector"] },
  { to: "/staff/checklists", label: "nav.checklists", roles: ["quality_lead", "auditor"] },
  { to: "/staff/management-reviews", label: "nav.managementReviews", roles: ["leader", "quality_lead", "auditor", "inspector"] },
  { to: "/staff/inspection", label: "nav.inspection", roles: ["inspector", "leader", "quality_lead", "auditor"] },
  { to: "/staff/objectives", label: "nav.objectives", roles: ["quality_lead", "leader", "auditor", "inspector"] },
  { to: "/staff/actions", label: "nav.actions", roles: ["quality_lead", "officer", "leader", "auditor"] },
  { to: "/staff/risks", label: "nav.risks", roles: ["quality_lead", "leader", "auditor", "officer", "inspector"] },
  { to: "/staff/competence", label: "nav.competence", roles: ["quality_lead", "leader", "auditor", "inspector"] },
  { to: "/staff/procedures", label: "nav.procedures", roles: ["quality_lead", "officer", "leader"] },
  { to: "/staff/calendar", label: "nav.calendar", roles: ["quality_lead", "officer", "leader"] },
  { to: "/staff/rule-sets", label: "nav.ruleSets", roles: ["quality_lead", "leader", "auditor"] },
  { to: "/staff/audit-log", label: "nav.auditLog", roles: ["quality_lead", "admin"] },
  { to: "/staff/personal-data", label: "nav.personalData", roles: ["quality_lead"] },
  { to: "/staff/users", label: "nav.users", roles: ["admin"] },
  { to: "/staff/units", label: "nav.units", roles: ["admin"] },
  { to: "/staff/api-clients", label: "nav.apiClients", roles: ["admin"] },
  { to: "/staff/jobs", label: "nav.jobs", roles: ["admin"] },
  { to: "/staff/outbox", label: "nav.outbox", roles: ["quality_lead", "admin"] },
  { to: "/staff/account", label: "nav.account", roles: ROLES },
];

export function staffNavFor(roles: readonly Role[]): StaffNavItem[] {
  return STAFF_NAV.filter((item) => hasAnyRole(roles, item.roles));
}

/** Roles allowed on a staff path, by its nav entry; guards use the same list. */
export function rolesFor(to: string): readonly Role[] {
  const item = STAFF_NAV.find((i) => i.to === to);
  if (!item) throw new Error(`No staff nav entry for ${to}`);
  return item.roles;
}

/**
 * The one nav target to highlight for a path: the longest target that is the path or one of its
 * parents ("/staff/dossiers/new" beats "/staff/dossiers"; "/staff" only on its own page).
 */
export function activeNavTo(pathname: string, targets: readonly string[]): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  let best: string | null = null;
  for (const to of targets) {
    const matches = to === "/staff" ? path === to : path === to || path.startsWith(`${to}/`);
    if (matches && (best === null || to.length > best.length)) best = to;
  }
  return best;
}
