import { randomBytes } from "node:crypto";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { auditReportTitle, buildAuditReport, type AuditReportData } from "#reports/internal-audit-report";
import { toBuffer } from "#reports/toolkit";
import type { Role } from "~/domain/accounts/roles";
import {
  allowedAuditActions,
  checkAuditAction,
  CHECKLIST_ANSWERS,
  formatAuditCode,
  isFinding,
  tallyAnswers,
  teamConflicts,
  type AuditAction,
  type AuditFacts,
  type ChecklistAnswer,
} from "~/domain/audits/audit";
import { describeDraw, drawSample, type SampleCandidate, type SampleMethod } from "~/domain/audits/sampling";
import { evidenceRequired, type AuditPlan, type AuditStep } from "~/domain/audits/schema";
import { verificationUrl } from "~/domain/reports/issued-document";
import { personalDataMask, UNMASKED, type TextMask } from "~/domain/shared/personal-data";
import { translator, type MessageKey, type Translate, type TranslateParams } from "~/i18n";
import { recordAudit, type Actor } from "./audit-log.server";
import { getChecklistItems, listChecklistTemplates, type ChecklistItemForAudit } from "./checklists.server";
import { getStoredRecord, insertRecord, newVerificationCode, type StoredRecord } from "./issued-documents.server";
import { insertNonconformity } from "./nonconformities.server";
import { listRuleSetVersions } from "./rule-sets.server";
import { versionInForce } from "~/domain/dossiers/rule-sets";
import { listProcessDocuments } from "./documents.server";
import { getWorkAreas } from "./work-areas.server";
import { membersWithoutAuditorCompetence } from "./competence.server";
import { lockForNumbering } from "#db/sql";


const vi = translator("vi");

export interface AuditActorUser {
  userId: number;
  name: string;
  roles: readonly Role[];
}

export type PlanError = { field: "memberUserIds" | "leadUserId" | "templateIds" | "startDate" | "form"; key: MessageKey; params?: TranslateParams };
export type PlanResult = { ok: true; code: string } | { ok: false; errors: PlanError[] };
export type AuditResult = { ok: true } | { ok: false; error: MessageKey };

const asActor = (user: AuditActorUser): Actor => ({ kind: "user", userId: user.userId });

async function nextAuditCode(trx: Kysely<Database>, year: number): Promise<string> {
  await lockForNumbering(trx, `audit-code:${year}`);
  const last = await trx
    .selectFrom("internal_audit")
    .select(sql<number | null>`max(cast(substr(code, 11) as integer))`.as("n"))
    .where("code", "like", `DGNB-${year}-%`)
    .executeTakeFirst();
  return formatAuditCode(year, (last?.n ?? 0) + 1);
}

async function teamCandidates(db: Kysely<Database>, unitId: number, userIds: readonly number[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user.display_name", "user_role.role"])
    .where("user.unit_id", "=", unitId)
    .where("user.is_disabled", "=", 0)
    .where("user.id", "in", [...userIds])
    .execute();
  const byId = new Map<number, { id: number; name: string; roles: Role[] }>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, name: r.display_name, roles: [] };
    entry.roles.push(r.role);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

/** Users who may be put on an audit team, with their work areas (shown on the plan form). */
export async function listAuditorCandidates(db: Kysely<Database>, unitId: number) {
  const rows = await db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user.display_name"])
    .distinct()
    .where("user.unit_id", "=", unitId)
    .where("user.is_disabled", "=", 0)
    .where("user_role.role", "in", [...rolesTo("joinAuditTeams")])
    .orderBy("user.display_name")
    .execute();
  const areas = await getWorkAreas(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, name: r.display_name, areas: areas.get(r.id) ?? { fields: [], processes: [] } }));
}

type PlanCheck = { ok: true; memberIds: number[]; items: ChecklistItemForAudit[] } | { ok: false; errors: PlanError[] };

/** Refuses a member who is not an auditor, a lead outside the team, or a member's own work in the scope (QT-02 §5.1). */
async function checkPlan(db: Kysely<Database>, unitId: number, plan: AuditPlan): Promise<PlanCheck> {
  const memberIds = [...new Set([plan.leadUserId, ...plan.memberUserIds])];
  const candidates = await teamCandidates(db, unitId, memberIds);
  const errors: PlanError[] = [];
  const fieldOf = (userId: number) => (userId === plan.leadUserId ? "leadUserId" : "memberUserIds");
  for (const id of memberIds) {
    const candidate = candidates.find((c) => c.id === id);
    if (!candidate || !may(candidate.roles, "joinAuditTeams")) errors.push({ field: fieldOf(id), key: "audits.error.notAuditor" });
  }
  const areas = await getWorkAreas(db, memberIds);
  const conflicts = teamConflicts(
    memberIds.map((userId) => ({ userId, areas: areas.get(userId) ?? { fields: [], processes: [] } })),
    { fields: plan.fields, processes: plan.processes },
  );
  for (const conflict of conflicts) {
    const name = candidates.find((c) => c.id === conflict.userId)?.name ?? String(conflict.userId);
    const area = conflict.kind === "field" ? vi(`procedureField.${conflict.code}` as MessageKey) : conflict.code;
    errors.push({ field: fieldOf(conflict.userId), key: "audits.error.ownArea", params: { name, area } });
  }
  // Issue 18: an auditor must hold a valid auditor competence (ISO 19011 §7), refused by name like the own-work rule.
  // Only members who passed the role rule: a non-auditor is refused once, as not an auditor.
  const auditorIds = memberIds.filter((id) => may(candidates.find((c) => c.id === id)?.roles ?? [], "joinAuditTeams"));
  for (const userId of await membersWithoutAuditorCompetence(db, unitId, auditorIds, plan.startDate)) {
    const name = candidates.find((c) => c.id === userId)?.name ?? String(userId);
    errors.push({ field: fieldOf(userId), key: "audits.error.noAuditorCompetence", params: { name } });
  }
  const items = await getChecklistItems(db, unitId, plan.templateIds);
  const foundTemplates = new Set(items.map((i) => i.templateId));
  if (plan.templateIds.some((id) => !foundTemplates.has(id))) errors.push({ field: "templateIds", key: "audits.error.noTemplates" });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, memberIds, items };
}

function planColumns(plan: AuditPlan) {
  return {
    title: plan.title,
    objectives: plan.objectives,
    scope_processes_json: JSON.stringify(plan.processes),
    scope_fields_json: JSON.stringify(plan.fields),
    iso_clauses_json: JSON.stringify(plan.isoClauses),
    criteria: plan.criteria,
    location: plan.location,
    planned_start_date: plan.startDate,
    planned_end_date: plan.endDate,
    sample_from_date: plan.sampleFrom,
    sample_to_date: plan.sampleTo,
    sample_size_per_field: plan.sampleSize,
  };
}

/** The team and the checklist copied from the templates (an audit keeps its questions when a template changes later). */
async function writeTeamAndQuestions(trx: Kysely<Database>, auditId: number, leadUserId: number, memberIds: readonly number[], items: readonly ChecklistItemForAudit[]) {
  await trx.deleteFrom("internal_audit_member").where("audit_id", "=", auditId).execute();
  await trx.deleteFrom("internal_audit_question").where("audit_id", "=", auditId).execute();
  await trx
    .insertInto("internal_audit_member")
    .values(memberIds.map((userId) => ({ audit_id: auditId, user_id: userId, role: userId === leadUserId ? ("lead" as const) : ("auditor" as const) })))
    .execute();
  await trx
    .insertInto("internal_audit_question")
    .values(
      items.map((item, index) => ({
        audit_id: auditId,
        template_code: item.templateCode,
        template_title: item.templateTitle,
        process: item.process,
        position: index + 1,
        iso_clause: item.isoClause,
        question: item.question,
        guidance: item.guidance,
      })),
    )
    .execute();
}

/** Puts an audit in the year's programme with its team and checklist; refused as `checkPlan` says. */
export async function planAudit(db: Kysely<Database>, user: AuditActorUser, unitId: number, plan: AuditPlan, now = new Date()): Promise<PlanResult> {
  const checked = await checkPlan(db, unitId, plan);
  if (!checked.ok) return checked;
  const stamp = now.toISOString();
  const code = await db.transaction().execute(async (trx) => {
    const year = Number(plan.startDate.slice(0, 4));
    const code = await nextAuditCode(trx, year);
    const { id } = await trx
      .insertInto("internal_audit")
      .values({ unit_id: unitId, code, year, ...planColumns(plan), state: "planned", created_by_user_id: user.userId, created_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeTeamAndQuestions(trx, id, plan.leadUserId, checked.memberIds, checked.items);
    await recordAudit(trx, {
      actor: asActor(user),
      unitId,
      entityType: "internal_audit",
      entityId: code,
      action: "planned",
      after: { ...plan, code, team: checked.memberIds, questions: checked.items.length },
      at: now,
    });
    return code;
  });
  return { ok: true, code };
}

/** The plan as the form shows it, to change it. */
export function planOf(detail: AuditDetail, templateIds: readonly number[]): Omit<AuditPlan, "isoClauses"> & { isoClauses: string } {
  const lead = detail.team.find((m) => m.role === "lead");
  return {
    title: detail.audit.title,
    objectives: detail.audit.objectives,
    processes: detail.audit.processes,
    fields: detail.audit.fields as AuditPlan["fields"],
    isoClauses: detail.audit.isoClauses.join(", "),
    criteria: detail.audit.criteria,
    location: detail.audit.location,
    startDate: detail.audit.startDate,
    endDate: detail.audit.endDate,
    sampleFrom: detail.audit.sampleFrom,
    sampleTo: detail.audit.sampleTo,
    sampleSize: detail.audit.sampleSize,
    leadUserId: lead?.userId ?? 0,
    memberUserIds: detail.team.filter((m) => m.role !== "lead").map((m) => m.userId),
    templateIds: [...templateIds],
  };
}

/**
 * Changes a planned audit before its sample is drawn: the same checks as planning; the team and the
 * checklist are replaced (nothing is answered yet). The year stays the one of its code.
 */
export async function replanAudit(
  db: Kysely<Database>,
  user: AuditActorUser,
  unitId: number,
  code: string,
  plan: AuditPlan,
  now = new Date(),
): Promise<PlanResult> {
  const detail = await getAudit(db, unitId, code);
  if (!detail) return { ok: false, errors: [{ field: "form", key: "audits.error.notFound" }] };
  if (detail.audit.state !== "planned" || detail.audit.sampleSeed !== null) return { ok: false, errors: [{ field: "form", key: "audits.error.planLocked" }] };
  if (Number(plan.startDate.slice(0, 4)) !== detail.audit.year) return { ok: false, errors: [{ field: "startDate", key: "audits.error.sameYear" }] };
  const checked = await checkPlan(db, unitId, plan);
  if (!checked.ok) return checked;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("internal_audit")
      .set({ ...planColumns(plan), updated_at: now.toISOString() })
      .where("id", "=", detail.audit.id)
      .where("state", "=", "planned")
      .where("sample_seed", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error("Audit changed concurrently");
    await writeTeamAndQuestions(trx, detail.audit.id, plan.leadUserId, checked.memberIds, checked.items);
    await recordAudit(trx, {
      actor: asActor(user),
      unitId,
      entityType: "internal_audit",
      entityId: code,
      action: "replanned",
      before: { ...planOf(detail, []), templates: [...new Set(detail.questions.map((q) => q.templateCode))], team: detail.team.map((m) => m.userId) },
      after: { ...plan, team: checked.memberIds, questions: checked.items.length },
      at: now,
    });
  });
  return { ok: true, code };
}

/** Form errors: catalogue keys beside the fields; messages naming a person and an area, translated, above the form. */
export function planErrorMessages(errors: readonly PlanError[], t: Translate): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors = [t("audits.error.planRefused")];
  for (const e of errors) {
    if (e.field === "form") {
      formErrors.push(t(e.key));
      continue;
    }
    const key = e.params ? "audits.error.ownAreaShort" : e.key;
    const list = (fieldErrors[e.field] ??= []);
    if (!list.includes(key)) list.push(key);
    if (e.params) formErrors.push(t(e.key, e.params));
  }
  return { fieldErrors, formErrors };
}

/** What the plan form offers: auditors with their work areas, the register's processes, active checklists. */
export async function planFormOptions(db: Kysely<Database>, unitId: number) {
  const [candidates, processes, templates] = await Promise.all([
    listAuditorCandidates(db, unitId),
    listProcessDocuments(db, unitId),
    listChecklistTemplates(db, unitId, { activeOnly: true }),
  ]);
  return { candidates, processes, templates };
}

export async function listAudits(db: Kysely<Database>, unitId: number, year: number) {
  const audits = await db
    .selectFrom("internal_audit")
    .select([
      "id",
      "code",
      "title",
      "state",
      "planned_start_date",
      "planned_end_date",
      "scope_processes_json",
      "scope_fields_json",
      "iso_clauses_json",
      "criteria_met",
      "approved_at",
    ])
    .where("unit_id", "=", unitId)
    .where("year", "=", year)
    .orderBy("planned_start_date")
    .orderBy("code")
    .execute();
  const team = audits.length
    ? await db
        .selectFrom("internal_audit_member")
        .innerJoin("user", "user.id", "internal_audit_member.user_id")
        .select(["internal_audit_member.audit_id", "internal_audit_member.role", "user.display_name"])
        .where("internal_audit_member.audit_id", "in", audits.map((a) => a.id))
        .orderBy("internal_audit_member.role", "desc")
        .orderBy("user.display_name")
        .execute()
    : [];
  const years = await db
    .selectFrom("internal_audit")
    .select("year")
    .distinct()
    .where("unit_id", "=", unitId)
    .orderBy("year", "desc")
    .execute();
  return {
    years: years.map((y) => y.year),
    audits: audits.map((a) => ({
      code: a.code,
      title: a.title,
      state: a.state,
      startDate: a.planned_start_date,
      endDate: a.planned_end_date,
      processes: JSON.parse(a.scope_processes_json) as string[],
      fields: JSON.parse(a.scope_fields_json) as string[],
      isoClauses: JSON.parse(a.iso_clauses_json) as string[],
      criteriaMet: a.criteria_met,
      approvedAt: a.approved_at,
      team: team.filter((m) => m.audit_id === a.id).map((m) => ({ name: m.display_name, role: m.role })),
    })),
  };
}

/**
 * Audits waiting for this user: those on whose team they sit that are not yet drafted, and for a
 * leader, drafts waiting for approval (not of their own team).
 */
export async function listMyAuditTasks(db: Kysely<Database>, unitId: number, userId: number, isLeader: boolean) {
  const onTeam = db
    .selectFrom("internal_audit_member")
    .select("internal_audit_member.audit_id")
    .where("internal_audit_member.user_id", "=", userId);
  return db
    .selectFrom("internal_audit")
    .select(["code", "title", "state", "planned_start_date as startDate"])
    .where("unit_id", "=", unitId)
    .where((eb) =>
      eb.or([
        eb.and([eb("id", "in", onTeam), eb("state", "in", ["planned", "in_progress"])]),
        ...(isLeader ? [eb.and([eb("state", "=", "report_drafted"), eb("id", "not in", onTeam)])] : []),
      ]),
    )
    .orderBy("planned_start_date")
    .execute();
}

/** An audit with its team, questions and sample; null when not in the unit. */
export async function getAudit(db: Kysely<Database>, unitId: number, code: string) {
  const audit = await db.selectFrom("internal_audit").selectAll().where("unit_id", "=", unitId).where("code", "=", code).executeTakeFirst();
  if (!audit) return null;
  const [team, questions, sample, names] = await Promise.all([
    db
      .selectFrom("internal_audit_member")
      .innerJoin("user", "user.id", "internal_audit_member.user_id")
      .select(["user.id as userId", "user.display_name as name", "internal_audit_member.role"])
      .where("internal_audit_member.audit_id", "=", audit.id)
      .orderBy("internal_audit_member.role", "desc")
      .orderBy("user.display_name")
      .execute(),
    db
      .selectFrom("internal_audit_question")
      .leftJoin("nonconformity", "nonconformity.id", "internal_audit_question.nonconformity_id")
      .leftJoin("user", "user.id", "internal_audit_question.answered_by_user_id")
      .select([
        "internal_audit_question.id",
        "internal_audit_question.template_code as templateCode",
        "internal_audit_question.template_title as templateTitle",
        "internal_audit_question.process",
        "internal_audit_question.position",
        "internal_audit_question.iso_clause as isoClause",
        "internal_audit_question.question",
        "internal_audit_question.guidance",
        "internal_audit_question.answer",
        "internal_audit_question.evidence",
        "internal_audit_question.answered_at as answeredAt",
        "user.display_name as answeredBy",
        "nonconformity.code as ncCode",
        "nonconformity.state as ncState",
      ])
      .where("internal_audit_question.audit_id", "=", audit.id)
      .orderBy("internal_audit_question.position")
      .execute(),
    db
      .selectFrom("internal_audit_sample")
      .innerJoin("dossier", "dossier.id", "internal_audit_sample.dossier_id")
      .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
      .leftJoin("nonconformity", "nonconformity.id", "internal_audit_sample.nonconformity_id")
      .select([
        "internal_audit_sample.id",
        "internal_audit_sample.field",
        "internal_audit_sample.draw_order as order",
        "internal_audit_sample.is_priority as isPriority",
        "internal_audit_sample.result",
        "internal_audit_sample.note",
        "dossier.code",
        "procedure.code as procedureCode",
        "procedure.name as procedureName",
        "dossier.channel",
        "dossier.state as dossierState",
        "dossier.received_date as receivedDate",
        "dossier.due_date as dueDate",
        "dossier.finished_date as finishedDate",
        "dossier.outcome",
        "dossier.supplement_count as supplementCount",
        "dossier.transfer_count as transferCount",
        "dossier.apology_issued_at as apologyIssuedAt",
        "dossier.returned_at as returnedAt",
        "nonconformity.code as ncCode",
      ])
      .where("internal_audit_sample.audit_id", "=", audit.id)
      .orderBy("internal_audit_sample.field")
      .orderBy("internal_audit_sample.draw_order")
      .execute(),
    db
      .selectFrom("user")
      .select(["id", "display_name"])
      .where("id", "in", [audit.drafted_by_user_id ?? 0, audit.approved_by_user_id ?? 0, audit.sample_drawn_by_user_id ?? 0])
      .execute(),
  ]);
  const nameOf = (id: number | null) => (id === null ? null : (names.find((n) => n.id === id)?.display_name ?? null));
  const ncIds = [
    ...questions.map((q) => q.ncCode),
    ...sample.map((s) => s.ncCode),
  ].filter((c): c is string => c !== null);
  const nonconformities = ncIds.length
    ? await db
        .selectFrom("nonconformity")
        .select(["code", "title", "grade", "state"])
        .where("unit_id", "=", unitId)
        .where("code", "in", ncIds)
        .orderBy("code")
        .execute()
    : [];
  return {
    audit: {
      id: audit.id,
      code: audit.code,
      year: audit.year,
      title: audit.title,
      objectives: audit.objectives,
      processes: JSON.parse(audit.scope_processes_json) as string[],
      fields: JSON.parse(audit.scope_fields_json) as string[],
      isoClauses: JSON.parse(audit.iso_clauses_json) as string[],
      criteria: audit.criteria,
      location: audit.location,
      startDate: audit.planned_start_date,
      endDate: audit.planned_end_date,
      sampleFrom: audit.sample_from_date,
      sampleTo: audit.sample_to_date,
      sampleSize: audit.sample_size_per_field,
      state: audit.state,
      sampleSeed: audit.sample_seed,
      sampleMethod: audit.sample_method_json ? (JSON.parse(audit.sample_method_json) as SampleMethod) : null,
      sampleDrawnAt: audit.sample_drawn_at,
      sampleDrawnBy: nameOf(audit.sample_drawn_by_user_id),
      startedAt: audit.started_at,
      conclusions: audit.conclusions,
      criteriaMet: audit.criteria_met,
      divergingOpinions: audit.diverging_opinions,
      draftedAt: audit.drafted_at,
      draftedBy: nameOf(audit.drafted_by_user_id),
      returnedComment: audit.returned_comment,
      approvedAt: audit.approved_at,
      approvedBy: nameOf(audit.approved_by_user_id),
      approvalComment: audit.approval_comment,
      reportDocumentId: audit.report_document_id,
    },
    team,
    questions,
    sample,
    nonconformities,
  };
}

export type AuditDetail = NonNullable<Awaited<ReturnType<typeof getAudit>>>;

/**
 * Auditors write free text (evidence, notes, conclusions) about dossiers whose applicants are
 * citizens. The report never needs their names or numbers, and inspectors may not see them: this
 * mask hides those of the sampled dossiers' applicants, and anything written like a phone or ID number.
 */
export async function auditTextMask(db: Kysely<Database>, detail: AuditDetail): Promise<TextMask> {
  const applicants = await db
    .selectFrom("internal_audit_sample")
    .innerJoin("dossier", "dossier.id", "internal_audit_sample.dossier_id")
    .select(["dossier.applicant_name", "dossier.applicant_phone", "dossier.applicant_id_number"])
    .where("internal_audit_sample.audit_id", "=", detail.audit.id)
    .execute();
  return personalDataMask({
    names: applicants.map((a) => a.applicant_name),
    numbers: applicants.flatMap((a) => [a.applicant_phone, a.applicant_id_number]),
  });
}

/** The audit as an inspector reads it: every free text through the mask. */
export function maskAuditDetail(detail: AuditDetail, mask: TextMask): AuditDetail {
  if (mask === UNMASKED) return detail;
  const orNull = (text: string | null) => (text === null ? null : mask(text));
  return {
    ...detail,
    audit: {
      ...detail.audit,
      conclusions: orNull(detail.audit.conclusions),
      divergingOpinions: orNull(detail.audit.divergingOpinions),
      returnedComment: orNull(detail.audit.returnedComment),
      approvalComment: orNull(detail.audit.approvalComment),
    },
    questions: detail.questions.map((q) => ({ ...q, evidence: orNull(q.evidence) })),
    sample: detail.sample.map((s) => ({ ...s, note: orNull(s.note) })),
    nonconformities: detail.nonconformities.map((nc) => ({ ...nc, title: mask(nc.title) })),
  };
}

export function auditFacts(detail: AuditDetail): AuditFacts {
  return {
    state: detail.audit.state,
    team: detail.team.map((m) => ({ userId: m.userId, role: m.role })),
    sampleDrawn: detail.audit.sampleSeed !== null,
    samplesDossiers: detail.audit.fields.length > 0,
    unansweredQuestions: detail.questions.filter((q) => q.answer === null).length,
    uncheckedSamples: detail.sample.filter((s) => s.result === null).length,
    hasConclusions: Boolean(detail.audit.conclusions && detail.audit.criteriaMet),
  };
}

/**
 * What the signed-in user may do on the audit now: the steps shown as buttons, and whether they may
 * record answers, sample checks and conclusions. Every step is checked again when submitted.
 */
export function auditPermissions(detail: AuditDetail, user: AuditActorUser) {
  const allowed = allowedAuditActions(auditFacts(detail), { userId: user.userId, isLeader: user.roles.includes("leader") });
  return { allowed: allowed.filter((a) => a !== "record"), canRecord: allowed.includes("record") };
}

function priorityOf(d: { outcome: string | null; supplement_count: number; transfer_count: number; apology_issued_at: string | null }): boolean {
  return d.outcome === "late" || d.supplement_count > 0 || d.transfer_count > 0 || d.apology_issued_at !== null;
}

/** The sampling population of one field: dossiers received in the sample period, by code. */
async function samplePopulation(db: Kysely<Database>, unitId: number, field: string, from: string, to: string): Promise<SampleCandidate[]> {
  const rows = await db
    .selectFrom("dossier")
    .select(["id", "code", "outcome", "supplement_count", "transfer_count", "apology_issued_at"])
    .where("unit_id", "=", unitId)
    .where("field", "=", field as never)
    .where("received_date", ">=", from)
    .where("received_date", "<=", to)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, priority: priorityOf(r) }));
}

/** Draws again from the recorded seed: the same dossiers while the register is unchanged. */
export async function redrawSample(db: Kysely<Database>, unitId: number, detail: AuditDetail) {
  if (!detail.audit.sampleSeed) return null;
  const populations = await Promise.all(
    detail.audit.fields.map(async (field) => ({ field, candidates: await samplePopulation(db, unitId, field, detail.audit.sampleFrom, detail.audit.sampleTo) })),
  );
  return drawSample(detail.audit.sampleSeed, populations, detail.audit.sampleSize);
}

function check(detail: AuditDetail, action: AuditAction, user: AuditActorUser) {
  return checkAuditAction(auditFacts(detail), action, { userId: user.userId, isLeader: user.roles.includes("leader") });
}

/** One step on an audit; `origin` is the site address printed in the approved report's QR code. */
export async function applyAuditStep(
  db: Kysely<Database>,
  user: AuditActorUser,
  unitId: number,
  code: string,
  step: AuditStep,
  options: { origin: string; now?: Date; seed?: string },
): Promise<AuditResult> {
  const now = options.now ?? new Date();
  const detail = await getAudit(db, unitId, code);
  if (!detail) return { ok: false, error: "audits.error.notFound" };
  const stamp = now.toISOString();
  const entity = { actor: asActor(user), unitId, entityType: "internal_audit", entityId: code, at: now } as const;

  switch (step.intent) {
    case "draw_sample": {
      const checked = check(detail, "draw_sample", user);
      if (!checked.ok) return checked;
      const seed = options.seed ?? randomBytes(8).toString("hex");
      const period = { from: detail.audit.sampleFrom, to: detail.audit.sampleTo };
      const populations = await Promise.all(
        detail.audit.fields.map(async (field) => ({ field, candidates: await samplePopulation(db, unitId, field, period.from, period.to) })),
      );
      const draws = drawSample(seed, populations, detail.audit.sampleSize);
      const method = describeDraw(seed, detail.audit.sampleSize, period, draws);
      await db.transaction().execute(async (trx) => {
        const rows = draws.flatMap((d) =>
          d.drawn.map((x) => ({ audit_id: detail.audit.id, dossier_id: x.id, field: d.field, draw_order: x.order, is_priority: x.priority ? (1 as const) : (0 as const) })),
        );
        if (rows.length > 0) await trx.insertInto("internal_audit_sample").values(rows).execute();
        const updated = await trx
          .updateTable("internal_audit")
          .set({ sample_seed: seed, sample_method_json: JSON.stringify(method), sample_drawn_at: stamp, sample_drawn_by_user_id: user.userId, updated_at: stamp })
          .where("id", "=", detail.audit.id)
          .where("sample_seed", "is", null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new Error("Sample drawn concurrently");
        await recordAudit(trx, { ...entity, action: "sample_drawn", after: { ...method, codes: draws.flatMap((d) => d.drawn.map((x) => x.code)) } });
      });
      return { ok: true };
    }
    case "start":
      return transition(db, unitId, detail, user, "start", now, { started_at: stamp });
    case "draft_report":
      return transition(db, unitId, detail, user, "draft_report", now, { drafted_at: stamp, drafted_by_user_id: user.userId, returned_comment: null });
    case "return_draft":
      return transition(db, unitId, detail, user, "return_draft", now, { returned_comment: step.comment, drafted_at: null, drafted_by_user_id: null });
    case "approve":
      return approveAudit(db, detail, user, unitId, step.comment ?? null, options.origin, now);
    case "save_conclusions": {
      const checked = check(detail, "record", user);
      if (!checked.ok) return checked;
      const before = { conclusions: detail.audit.conclusions, criteriaMet: detail.audit.criteriaMet, divergingOpinions: detail.audit.divergingOpinions };
      const after = { conclusions: step.conclusions, criteriaMet: step.criteriaMet, divergingOpinions: step.divergingOpinions ?? null };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("internal_audit")
          .set({ conclusions: after.conclusions, criteria_met: after.criteriaMet, diverging_opinions: after.divergingOpinions, updated_at: stamp })
          .where("id", "=", detail.audit.id)
          .execute();
        await recordAudit(trx, { ...entity, action: "conclusions_saved", before, after });
      });
      return { ok: true };
    }
    case "answer":
      return answerQuestion(db, detail, user, unitId, step, now);
    case "check_sample":
      return checkSampledDossier(db, detail, user, unitId, step, now);
  }
}

async function transition(
  db: Kysely<Database>,
  unitId: number,
  detail: AuditDetail,
  user: AuditActorUser,
  action: Exclude<AuditAction, "draw_sample" | "record" | "approve">,
  now: Date,
  changes: Partial<{ started_at: string; drafted_at: string | null; drafted_by_user_id: number | null; returned_comment: string | null }>,
): Promise<AuditResult> {
  const checked = check(detail, action, user);
  if (!checked.ok) return checked;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("internal_audit")
      .set({ ...changes, state: checked.to, updated_at: now.toISOString() })
      .where("id", "=", detail.audit.id)
      .where("state", "=", detail.audit.state)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error("Audit changed concurrently");
    await recordAudit(trx, {
      actor: asActor(user),
      unitId,
      entityType: "internal_audit",
      entityId: detail.audit.code,
      action,
      before: { state: detail.audit.state },
      after: { state: checked.to, ...changes },
      at: now,
    });
  });
  return { ok: true };
}

async function answerQuestion(
  db: Kysely<Database>,
  detail: AuditDetail,
  user: AuditActorUser,
  unitId: number,
  step: Extract<AuditStep, { intent: "answer" }>,
  now: Date,
): Promise<AuditResult> {
  const checked = check(detail, "record", user);
  if (!checked.ok) return checked;
  const question = detail.questions.find((q) => q.id === step.questionId);
  if (!question) return { ok: false, error: "audits.error.notFound" };
  if (question.ncCode) return { ok: false, error: "audits.error.ncLocked" };
  if (evidenceRequired(step.answer) && !step.evidence) return { ok: false, error: "audits.error.evidenceRequired" };
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    let ncId: number | null = null;
    if (step.answer === "nonconformity") {
      const nc = await insertNonconformity(
        trx,
        asActor(user),
        unitId,
        {
          source: "internal_audit",
          process: question.process ?? detail.audit.processes[0] ?? "QT-02",
          isoClause: question.isoClause,
          grade: step.grade,
          // The nonconformity is what was found; the question it answers is the requirement, kept as evidence.
          title: truncate(`${detail.audit.code}: ${step.evidence?.trim() || question.question}`, 300),
          description: step.evidence ?? "",
          evidence: `Đánh giá nội bộ ${detail.audit.code}, danh mục ${question.templateCode}, câu ${question.position}: ${question.question}`,
          foundAt: now,
          foundByUserId: user.userId,
          links: [{ entityType: "audit_finding", entityId: question.id, reason: `${detail.audit.code} – ${question.templateCode}/${question.position}` }],
        },
        now,
      );
      ncId = nc.id;
    }
    await trx
      .updateTable("internal_audit_question")
      .set({ answer: step.answer, evidence: step.evidence ?? null, nonconformity_id: ncId, answered_by_user_id: user.userId, answered_at: stamp })
      .where("id", "=", question.id)
      .execute();
    await recordAudit(trx, {
      actor: asActor(user),
      unitId,
      entityType: "internal_audit",
      entityId: detail.audit.code,
      action: "question_answered",
      before: { question: question.position, answer: question.answer, evidence: question.evidence },
      after: { question: question.position, answer: step.answer, evidence: step.evidence ?? null, nonconformityId: ncId },
      at: now,
    });
  });
  return { ok: true };
}

async function checkSampledDossier(
  db: Kysely<Database>,
  detail: AuditDetail,
  user: AuditActorUser,
  unitId: number,
  step: Extract<AuditStep, { intent: "check_sample" }>,
  now: Date,
): Promise<AuditResult> {
  const checked = check(detail, "record", user);
  if (!checked.ok) return checked;
  const item = detail.sample.find((s) => s.id === step.sampleId);
  if (!item) return { ok: false, error: "audits.error.notFound" };
  if (item.ncCode) return { ok: false, error: "audits.error.ncLocked" };
  if (evidenceRequired(step.result) && !step.note) return { ok: false, error: "audits.error.evidenceRequired" };
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    let ncId: number | null = null;
    if (step.result === "nonconformity") {
      const dossier = await trx.selectFrom("dossier").select("id").where("code", "=", item.code).where("unit_id", "=", unitId).executeTakeFirstOrThrow();
      const nc = await insertNonconformity(
        trx,
        asActor(user),
        unitId,
        {
          source: "internal_audit",
          process: item.procedureCode,
          isoClause: "8.5.1",
          grade: "minor",
          title: truncate(`${detail.audit.code}: hồ sơ ${item.code} – ${step.note ?? ""}`, 300),
          description: step.note ?? "",
          evidence: `Đánh giá nội bộ ${detail.audit.code}: hồ sơ ${item.code} trong mẫu (lĩnh vực ${vi(`procedureField.${item.field}` as MessageKey)}, thứ tự ${item.order}).`,
          foundAt: now,
          foundByUserId: user.userId,
          links: [{ entityType: "dossier", entityId: dossier.id, reason: `${detail.audit.code} – mẫu hồ sơ` }],
        },
        now,
      );
      ncId = nc.id;
    }
    await trx
      .updateTable("internal_audit_sample")
      .set({ result: step.result, note: step.note ?? null, nonconformity_id: ncId, checked_by_user_id: user.userId, checked_at: stamp })
      .where("id", "=", item.id)
      .execute();
    await recordAudit(trx, {
      actor: asActor(user),
      unitId,
      entityType: "internal_audit",
      entityId: detail.audit.code,
      action: "sample_checked",
      before: { dossier: item.code, result: item.result, note: item.note },
      after: { dossier: item.code, result: step.result, note: step.note ?? null, nonconformityId: ncId },
      at: now,
    });
  });
  return { ok: true };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function labelOfField(field: string): string {
  return vi(`procedureField.${field}` as MessageKey);
}

/** Everything the report prints, in Vietnamese, from the audit as it stands. */
export async function auditReportData(
  db: Kysely<Database>,
  unitId: number,
  unmasked: AuditDetail,
  issue: { issuedAt: Date; verification: { code: string; url: string } | null; approval: { by: string; at: Date; comment: string | null } | null },
): Promise<AuditReportData> {
  const mask = await auditTextMask(db, unmasked);
  const detail = maskAuditDetail(unmasked, mask);
  const unit = await db.selectFrom("unit").select("name").where("id", "=", unitId).executeTakeFirstOrThrow();
  const processes = await listProcessDocuments(db, unitId);
  const processLabel = (code: string) => {
    const title = processes.find((p) => p.code === code)?.title;
    return title ? `${code} – ${title}` : code;
  };
  const a = detail.audit;
  const tally = tallyAnswers(detail.questions.map((q) => q.answer));
  // What was found: the evidence written with the answer (or the sampled dossier's note), not the question.
  const findingOf = (nc: AuditDetail["nonconformities"][number]) =>
    detail.questions.find((q) => q.ncCode === nc.code)?.evidence?.trim() ||
    detail.sample.find((s) => s.ncCode === nc.code)?.note?.trim() ||
    nc.title.replace(`${a.code}: `, "");
  const versions = await listRuleSetVersions(db);
  const legalBasis = [
    ...new Set(
      [...detail.sample]
        .sort((x, y) => x.receivedDate.localeCompare(y.receivedDate))
        .map((s) => versionInForce(versions, s.receivedDate))
        .filter((v): v is NonNullable<typeof v> => v !== null)
        .map((v) => `${v.decree}; ${v.circular}`),
    ),
  ];
  const slipFacts = (s: AuditDetail["sample"][number]) =>
    [
      s.supplementCount > 0 ? `bổ sung ${s.supplementCount} lần` : null,
      s.apologyIssuedAt ? "có phiếu xin lỗi" : null,
      s.transferCount > 0 ? `liên thông ${s.transferCount} lượt` : null,
    ]
      .filter(Boolean)
      .join(", ");
  return {
    unit: { name: unit.name },
    audit: {
      code: a.code,
      title: a.title,
      objectives: a.objectives,
      processes: a.processes.map(processLabel),
      fields: a.fields.map(labelOfField),
      isoClauses: a.isoClauses,
      criteria: a.criteria,
      legalBasis,
      location: a.location,
      startDate: a.startDate,
      endDate: a.endDate,
    },
    team: detail.team.map((m) => ({ name: m.name, roleLabel: vi(`audits.teamRole.${m.role}`), isLead: m.role === "lead" })),
    sample:
      a.fields.length === 0 || !a.sampleMethod
        ? null
        : {
            seed: a.sampleMethod.seed,
            sizePerField: a.sampleMethod.sizePerField,
            from: a.sampleMethod.from,
            to: a.sampleMethod.to,
            fields: a.sampleMethod.fields.map((f) => ({ label: labelOfField(f.field), population: f.population, priorityPopulation: f.priorityPopulation, drawn: f.drawn })),
            rows: detail.sample.map((s) => ({
              fieldLabel: labelOfField(s.field),
              order: s.order,
              code: s.code,
              procedure: s.procedureName,
              receivedDate: s.receivedDate,
              dueDate: s.dueDate,
              finishedDate: s.finishedDate,
              outcomeLabel: s.outcome ? vi(`outcome.${s.outcome}`) : vi(`dossier.state.${s.dossierState}`),
              facts: slipFacts(s),
              priority: s.isPriority === 1,
              resultLabel: s.result ? vi(`audits.answer.${s.result}`) : "Chưa kiểm tra",
              note: s.note,
            })),
          },
    answers: { total: tally.total, byAnswer: CHECKLIST_ANSWERS.map((answer) => ({ label: vi(`audits.answer.${answer}`), count: tally.byAnswer[answer] })) },
    findings: [
      ...detail.questions
        .filter((q) => isFinding(q.answer))
        .map((q) => ({
          reference: `${q.templateCode}/${q.position}`,
          isoClause: q.isoClause,
          answerLabel: vi(`audits.answer.${q.answer as ChecklistAnswer}`),
          question: q.question,
          evidence: q.evidence ?? "",
          ncCode: q.ncCode,
        })),
      ...detail.sample
        .filter((s) => s.result === "nonconformity" || s.result === "observation")
        .map((s) => ({
          reference: "Mẫu HS",
          isoClause: "8.5.1",
          answerLabel: vi(`audits.answer.${s.result as ChecklistAnswer}`),
          question: `Hồ sơ mẫu ${s.code} (${s.procedureName})`,
          evidence: s.note ?? "",
          ncCode: s.ncCode,
        })),
    ],
    nonconformities: detail.nonconformities.map((nc) => ({
      code: nc.code,
      finding: findingOf(nc),
      gradeLabel: vi(`nc.grade.${nc.grade}`),
      stateLabel: vi(`nc.state.${nc.state}`),
    })),
    conclusions: a.conclusions ?? "",
    criteriaMetLabel: a.criteriaMet ? vi(`audits.criteriaMet.${a.criteriaMet}`) : "—",
    divergingOpinions: a.divergingOpinions,
    drafted: a.draftedAt && a.draftedBy ? { by: a.draftedBy, at: new Date(a.draftedAt) } : null,
    approval: issue.approval ? { ...issue.approval, comment: issue.approval.comment === null ? null : mask(issue.approval.comment) } : null,
    issuedAt: issue.issuedAt,
    verification: issue.verification,
  };
}

/** A preview of the report as drafted: marked DỰ THẢO, no verification code, not recorded as issued. */
export async function renderDraftReport(db: Kysely<Database>, unitId: number, detail: AuditDetail, now = new Date()): Promise<Buffer> {
  return toBuffer(buildAuditReport(await auditReportData(db, unitId, detail, { issuedAt: now, verification: null, approval: null })));
}

/**
 * A leader outside the team approves the draft: the report is printed once with its verification
 * code and the approval, stored with its SHA-256, and the audit is locked, in one transaction.
 */
async function approveAudit(
  db: Kysely<Database>,
  detail: AuditDetail,
  user: AuditActorUser,
  unitId: number,
  comment: string | null,
  origin: string,
  now: Date,
): Promise<AuditResult> {
  const checked = check(detail, "approve", user);
  if (!checked.ok) return checked;
  const code = newVerificationCode();
  const approval = { by: user.name, at: now, comment };
  const data = await auditReportData(db, unitId, detail, { issuedAt: now, verification: { code, url: verificationUrl(origin, code) }, approval });
  const pdf = await toBuffer(buildAuditReport(data));
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const stored = await insertRecord(
      trx,
      {
        unitId,
        kind: "audit_report",
        title: auditReportTitle(detail.audit.code, detail.audit.title),
        parameters: { audit: detail.audit.code, from: detail.audit.startDate, to: detail.audit.endDate },
        issuedBy: { userId: user.userId, name: user.name },
        now,
      },
      code,
      pdf,
    );
    const updated = await trx
      .updateTable("internal_audit")
      .set({ state: "approved", approved_at: stamp, approved_by_user_id: user.userId, approval_comment: comment, report_document_id: stored.id, updated_at: stamp })
      .where("id", "=", detail.audit.id)
      .where("state", "=", "report_drafted")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error("Audit changed concurrently");
    await recordAudit(trx, {
      actor: asActor(user),
      unitId,
      entityType: "internal_audit",
      entityId: detail.audit.code,
      action: "approve",
      before: { state: detail.audit.state },
      after: { state: "approved", comment, verificationCode: code, sha256: stored.sha256 },
      at: now,
    });
  });
  return { ok: true };
}

/** The approved report's stored bytes; null until approved. */
export async function getApprovedReport(db: Kysely<Database>, unitId: number, detail: AuditDetail): Promise<StoredRecord | null> {
  if (detail.audit.state !== "approved" || detail.audit.reportDocumentId === null) return null;
  return getStoredRecord(db, unitId, detail.audit.reportDocumentId);
}

