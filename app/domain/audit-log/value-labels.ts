/**
 * Coded values stored in audit-log snapshots (a state, a kind, a role) and the message-key prefix that
 * names them, per kind of record and field. The same labels the record's own page uses.
 */
const VALUE_LABEL_PREFIXES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  document_revision: { state: "revState." },
  dossier: { state: "dossier.state." },
  feedback: { state: "feedbackState.", kind: "feedbackKind." },
  internal_audit: { state: "audits.state." },
  nonconformity: { state: "nc.state." },
  corrective_action: { status: "nc.actions.status." },
  management_review: { state: "review.state.", category: "review.category." },
  quality_objective: { metric: "objectives.metric." },
  risk: { state: "risks.state.", kind: "risks.kind." },
  external_document: { status: "external.status." },
  checklist_template: { status: "checklist.status." },
  calendar_day: { kind: "calendar.kind." },
  unit: { kind: "units.kind." },
  user: { role: "role." },
};

/** The message key naming a coded value, or null when the field holds free text, a number or a date. */
export function valueLabelKey(entityType: string, field: string, value: unknown): string | null {
  const prefix = VALUE_LABEL_PREFIXES[entityType]?.[field];
  return prefix !== undefined && typeof value === "string" && /^[a-z_]+$/.test(value) ? `${prefix}${value}` : null;
}
