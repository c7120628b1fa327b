import type { MessageKey } from "~/i18n";

/**
 * Internal audits (ISO 9001 §9.2, QT-02): planned in the year's programme, performed by a team
 * that never audits its own work, drafted by the lead auditor and approved by a leader, after
 * which the report is locked.
 */
export const AUDIT_STATES = ["planned", "in_progress", "report_drafted", "approved"] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

/** Answers to a checklist question (ISO 19011 §6.4.8 findings, and "not applicable"). */
export const CHECKLIST_ANSWERS = ["conform", "nonconformity", "observation", "improvement", "not_applicable"] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

/** What the auditor found on a sampled dossier. */
export const SAMPLE_RESULTS = ["conform", "nonconformity", "observation"] as const;
export type SampleResult = (typeof SAMPLE_RESULTS)[number];

/** The degree to which the audit criteria are fulfilled (ISO 19011 §6.4.9). */
export const CRITERIA_MET = ["fully", "largely", "partly", "not_met"] as const;
export type CriteriaMet = (typeof CRITERIA_MET)[number];

export const TEAM_ROLES = ["lead", "auditor"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** `DGNB-2026-01` (đánh giá nội bộ): year and number within the year. */
export function formatAuditCode(year: number, sequence: number): string {
  return `DGNB-${year}-${String(sequence).padStart(2, "0")}`;
}

export const AUDIT_CODE_PATTERN = /^DGNB-\d{4}-\d{2,}$/;

export type AuditAction = "draw_sample" | "start" | "record" | "draft_report" | "return_draft" | "approve";

export interface AuditFacts {
  state: AuditState;
  /** Team members' user ids, and who leads. */
  team: ReadonlyArray<{ userId: number; role: TeamRole }>;
  sampleDrawn: boolean;
  /** The audit samples dossiers (it has fields in scope). */
  samplesDossiers: boolean;
  unansweredQuestions: number;
  uncheckedSamples: number;
  hasConclusions: boolean;
}

export interface AuditActor {
  userId: number;
  isLeader: boolean;
}

export type AuditCheck = { ok: true; to: AuditState } | { ok: false; error: MessageKey };

const FROM: Record<AuditAction, readonly AuditState[]> = {
  draw_sample: ["planned", "in_progress"],
  start: ["planned"],
  record: ["in_progress"],
  draft_report: ["in_progress"],
  return_draft: ["report_drafted"],
  approve: ["report_drafted"],
};

const TO: Record<AuditAction, (state: AuditState) => AuditState> = {
  draw_sample: (s) => s,
  start: () => "in_progress",
  record: (s) => s,
  draft_report: () => "report_drafted",
  return_draft: () => "in_progress",
  approve: () => "approved",
};

/**
 * Who may do what, when. The team prepares (draws the sample), performs (records answers and
 * sample checks) and the lead drafts once every question is answered and every sampled dossier
 * checked; a leader outside the team approves the draft or sends it back.
 */
export function checkAuditAction(facts: AuditFacts, action: AuditAction, actor: AuditActor): AuditCheck {
  if (!FROM[action].includes(facts.state)) {
    return { ok: false, error: facts.state === "approved" ? "audits.error.locked" : "audits.error.illegalTransition" };
  }
  const member = facts.team.find((m) => m.userId === actor.userId);
  if (action === "return_draft" || action === "approve") {
    if (!actor.isLeader) return { ok: false, error: "audits.error.leaderOnly" };
    if (member) return { ok: false, error: "audits.error.selfApproval" };
    return { ok: true, to: TO[action](facts.state) };
  }
  if (!member) return { ok: false, error: "audits.error.teamOnly" };
  if (action === "draw_sample") {
    if (!facts.samplesDossiers) return { ok: false, error: "audits.error.noFields" };
    if (facts.sampleDrawn) return { ok: false, error: "audits.error.sampleDrawn" };
  }
  if (action === "draft_report") {
    if (member.role !== "lead") return { ok: false, error: "audits.error.leadOnly" };
    if (facts.samplesDossiers && !facts.sampleDrawn) return { ok: false, error: "audits.error.sampleMissing" };
    if (facts.unansweredQuestions > 0) return { ok: false, error: "audits.error.unanswered" };
    if (facts.uncheckedSamples > 0) return { ok: false, error: "audits.error.unchecked" };
    if (!facts.hasConclusions) return { ok: false, error: "audits.error.conclusionsRequired" };
  }
  return { ok: true, to: TO[action](facts.state) };
}

export function allowedAuditActions(facts: AuditFacts, actor: AuditActor): AuditAction[] {
  return (Object.keys(FROM) as AuditAction[]).filter((a) => checkAuditAction(facts, a, actor).ok);
}

export interface WorkAreas {
  fields: readonly string[];
  processes: readonly string[];
}

export interface TeamConflict {
  userId: number;
  kind: "field" | "process";
  code: string;
}

/**
 * Auditors do not audit their own work (ISO 19011 §4 c, QT-02 §5.1): a team member whose work
 * areas meet the audit's scope, by field or by process, is a conflict and the plan is refused.
 */
export function teamConflicts(
  team: ReadonlyArray<{ userId: number; areas: WorkAreas }>,
  scope: WorkAreas,
): TeamConflict[] {
  return team.flatMap(({ userId, areas }) => [
    ...areas.fields.filter((f) => scope.fields.includes(f)).map((code) => ({ userId, kind: "field" as const, code })),
    ...areas.processes.filter((p) => scope.processes.includes(p)).map((code) => ({ userId, kind: "process" as const, code })),
  ]);
}

/** Answers that are findings (printed in the report's findings section). */
export function isFinding(answer: ChecklistAnswer | null): boolean {
  return answer === "nonconformity" || answer === "observation" || answer === "improvement";
}

export interface AnswerTally {
  total: number;
  answered: number;
  byAnswer: Record<ChecklistAnswer, number>;
}

export function tallyAnswers(answers: ReadonlyArray<ChecklistAnswer | null>): AnswerTally {
  const byAnswer = Object.fromEntries(CHECKLIST_ANSWERS.map((a) => [a, 0])) as Record<ChecklistAnswer, number>;
  for (const a of answers) if (a) byAnswer[a] += 1;
  return { total: answers.length, answered: answers.filter((a) => a !== null).length, byAnswer };
}

/** The system's processes no audit of the year covers (QT-02: the whole system at least once a year). */
export function uncoveredProcesses(processes: readonly string[], audits: ReadonlyArray<{ processes: readonly string[] }>): string[] {
  const covered = new Set(audits.flatMap((a) => a.processes));
  return processes.filter((p) => !covered.has(p));
}
