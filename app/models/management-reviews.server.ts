import { sql, type Kysely, type Selectable } from "kysely";
import { rolesTo } from "~/domain/accounts/permissions";
import type { Database, ManagementReviewTable } from "#db/schema";
import {
  buildReviewInputReport,
  buildReviewRecord,
  inputReportTitle,
  recordTitle,
  type PerformanceRow,
  type ReviewFacts,
  type ReviewInputsData,
} from "#reports/management-review";
import { toBuffer } from "#reports/toolkit";
import type { Role } from "~/domain/accounts/roles";
import { CHECKLIST_ANSWERS, type AuditState, type ChecklistAnswer, type CriteriaMet } from "~/domain/audits/audit";
import { CHANNELS, type Channel } from "~/domain/dossiers/channels";
import {
  attendeeLines,
  checkRecordReview,
  checkReviewEditable,
  formatReviewCode,
  inputWindow,
  previousActionStatus,
  reviewYear,
  yearSlices,
  type DecisionCategory,
  type PreviousActionStatus,
} from "~/domain/management-review/review";
import { improvementInputs, type CompetenceInputs, type ImprovementInputs, type RiskInputs } from "~/domain/management-review/iso-inputs";
import type { NewDecision, NewReview, ReviewNotes } from "~/domain/management-review/schema";
import { feedbackRows, feedbackStatesPresent, type FeedbackRow } from "~/domain/metrics/dashboard";
import { RATE_METRICS } from "~/domain/metrics/objectives";
import { rates, type OnTimeFigures, type Rates } from "~/domain/metrics/on-time";
import { makePeriod, measurePeriod } from "~/domain/metrics/period";
import { NC_GRADES, NC_SOURCES, NC_STATES, type NcGrade, type NcSource, type NcState } from "~/domain/nonconformities/nonconformity";
import { PROCEDURE_FIELDS, type ProcedureField } from "~/domain/procedures/procedure";
import { verificationUrl } from "~/domain/reports/issued-document";
import type { FeedbackState } from "~/domain/feedback/feedback";
import { translator, type MessageKey } from "~/i18n";
import { businessDateOf, businessDayStart } from "~/utils/clock";
import { recordAudit } from "./audit-log.server";
import { countAnswerTimeliness, countFeedbackByKindAndState, countNonconformities } from "./dashboard.server";
import { getStoredRecord, insertRecord, issueDocument, newVerificationCode, recordInspectorDownload, type IssuedPdf, type StoredRecord } from "./issued-documents.server";
import { analyseNonconformities } from "./nonconformities.server";
import { listObjectivesWithActuals, type ObjectiveRow } from "./objectives.server";
import { getOnTimeReportFigures } from "./on-time-report.server";
import { getCompetenceReviewInputs } from "./competence.server";
import { getRiskReviewInputs } from "./risks.server";
import { countWhere, lockForNumbering } from "#db/sql";

export type ReviewActor = { kind: "user"; userId: number };
export type ReviewResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: MessageKey; field?: string };

type ReviewRow = Selectable<ManagementReviewTable>;

const ENTITY = "management_review";
/** Staff who may own a decision's action. */

function snapshot(r: Pick<ReviewRow, "code" | "state" | "period_from" | "period_to" | "meeting_date" | "location" | "chair_user_id" | "attendees">) {
  return {
    code: r.code,
    state: r.state,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    meetingDate: r.meeting_date,
    location: r.location,
    chairUserId: r.chair_user_id,
    attendees: r.attendees,
  };
}

function notesSnapshot(r: Pick<ReviewRow, "attendees" | "changes_note" | "resources_note" | "conclusions">) {
  return { attendees: r.attendees, changesNote: r.changes_note, resourcesNote: r.resources_note, conclusions: r.conclusions };
}

// ------------------------------------------------------------------------------ reading

export async function listManagementReviews(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("management_review as r")
    .innerJoin("user as chair", "chair.id", "r.chair_user_id")
    .select(["r.id", "r.code", "r.period_from", "r.period_to", "r.meeting_date", "r.location", "r.state", "r.recorded_at", "chair.display_name as chair_name"])
    .where("r.unit_id", "=", unitId)
    .orderBy("r.meeting_date", "desc")
    .orderBy("r.code", "desc")
    .execute();
}

async function activeUsersWithRoles(db: Kysely<Database>, unitId: number, roles: readonly Role[]) {
  return db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user.display_name"])
    .distinct()
    .where("user.unit_id", "=", unitId)
    .where("user.is_disabled", "=", 0)
    .where("user_role.role", "in", [...roles])
    .orderBy("user.display_name")
    .execute();
}

/** Who may chair: the unit's leaders (QT-05 §5.1: the chair of the People's Committee, or a vice-chair). */
export function listChairCandidates(db: Kysely<Database>, unitId: number) {
  return activeUsersWithRoles(db, unitId, ["leader"]);
}

export function listDecisionOwners(db: Kysely<Database>, unitId: number) {
  return activeUsersWithRoles(db, unitId, rolesTo("ownReviewDecisions"));
}

async function isActiveUserWithRoles(db: Kysely<Database>, unitId: number, userId: number, roles: readonly Role[]) {
  const rows = await activeUsersWithRoles(db, unitId, roles);
  return rows.some((r) => r.id === userId);
}

export async function getManagementReview(db: Kysely<Database>, unitId: number, code: string) {
  const review = await db.selectFrom("management_review").selectAll().where("unit_id", "=", unitId).where("code", "=", code).executeTakeFirst();
  if (!review) return null;
  const [decisions, people] = await Promise.all([
    db.selectFrom("management_review_decision").selectAll().where("review_id", "=", review.id).orderBy("id").execute(),
    db.selectFrom("user").select(["id", "display_name"]).where("unit_id", "=", unitId).execute(),
  ]);
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    review: {
      ...review,
      chairName: nameOf(review.chair_user_id) ?? "",
      recordedByName: nameOf(review.recorded_by_user_id),
      createdByName: nameOf(review.created_by_user_id),
    },
    decisions: decisions.map((d) => ({ ...d, ownerName: nameOf(d.owner_user_id) })),
  };
}

export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof getManagementReview>>>;

// ------------------------------------------------------------------------------ changes

/** Plans a review (QT-05 step 1), numbered within the year of its meeting. */
export async function createManagementReview(
  db: Kysely<Database>,
  actor: ReviewActor,
  unitId: number,
  input: NewReview,
  now = new Date(),
): Promise<ReviewResult<{ id: number; code: string }>> {
  if (input.periodFrom > businessDateOf(now)) return { ok: false, error: "review.error.futurePeriod", field: "periodFrom" };
  if (!(await isActiveUserWithRoles(db, unitId, input.chairUserId, ["leader"]))) {
    return { ok: false, error: "review.error.chairNotLeader", field: "chairUserId" };
  }
  return db.transaction().execute(async (trx) => {
    const year = reviewYear(input.meetingDate);
    // Codes are unique across units (the column is); numbers compare as numbers (XXLD-2030-100 after -99).
    await lockForNumbering(trx, `review-code:${year}`);
    const last = await trx
      .selectFrom("management_review")
      .select(sql<number | null>`max(cast(substr(code, 11) as integer))`.as("n"))
      .where("code", "like", `XXLD-${year}-%`)
      .executeTakeFirst();
    const code = formatReviewCode(year, (last?.n ?? 0) + 1);
    const stamp = now.toISOString();
    const row = {
      unit_id: unitId,
      code,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      meeting_date: input.meetingDate,
      location: input.location,
      chair_user_id: input.chairUserId,
      attendees: input.attendees,
      state: "draft" as const,
      changes_note: null,
      resources_note: null,
      conclusions: null,
      recorded_at: null,
      recorded_by_user_id: null,
      record_document_id: null,
      created_by_user_id: actor.userId,
      created_at: stamp,
      updated_at: stamp,
    };
    const { id } = await trx.insertInto("management_review").values(row).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: ENTITY, entityId: id, action: "created", after: snapshot(row), at: now });
    return { ok: true, id, code };
  });
}

async function loadForChange(trx: Kysely<Database>, unitId: number, reviewId: number) {
  return trx.selectFrom("management_review").selectAll().where("id", "=", reviewId).where("unit_id", "=", unitId).executeTakeFirstOrThrow();
}

/** The meeting's notes: attendees, changes (§9.3.2 b), resources (§9.3.2 e) and the conclusions. */
export async function updateReviewNotes(
  db: Kysely<Database>,
  actor: ReviewActor,
  unitId: number,
  reviewId: number,
  notes: ReviewNotes,
  now = new Date(),
): Promise<ReviewResult> {
  return db.transaction().execute(async (trx): Promise<ReviewResult> => {
    const before = await loadForChange(trx, unitId, reviewId);
    const editable = checkReviewEditable(before.state);
    if (!editable.ok) return editable;
    const changes = {
      attendees: notes.attendees,
      changes_note: notes.changesNote || null,
      resources_note: notes.resourcesNote || null,
      conclusions: notes.conclusions || null,
    };
    await trx.updateTable("management_review").set({ ...changes, updated_at: now.toISOString() }).where("id", "=", reviewId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: ENTITY,
      entityId: reviewId,
      action: "notes_updated",
      before: notesSnapshot(before),
      after: notesSnapshot(changes),
      at: now,
    });
    return { ok: true };
  });
}

/** A decision of §9.3.3, with its owner and due date (QT-05 §5.4). */
export async function addReviewDecision(
  db: Kysely<Database>,
  actor: ReviewActor,
  unitId: number,
  reviewId: number,
  decision: NewDecision,
  now = new Date(),
): Promise<ReviewResult<{ id: number }>> {
  return db.transaction().execute(async (trx): Promise<ReviewResult<{ id: number }>> => {
    const review = await loadForChange(trx, unitId, reviewId);
    const editable = checkReviewEditable(review.state);
    if (!editable.ok) return editable;
    if (!(await isActiveUserWithRoles(trx, unitId, decision.ownerUserId, rolesTo("ownReviewDecisions")))) {
      return { ok: false, error: "review.error.ownerUnknown", field: "ownerUserId" };
    }
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto("management_review_decision")
      .values({
        review_id: reviewId,
        category: decision.category,
        description: decision.description,
        owner_user_id: decision.ownerUserId,
        due_date: decision.dueDate,
        created_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("management_review").set({ updated_at: stamp }).where("id", "=", reviewId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: ENTITY,
      entityId: reviewId,
      action: "decision_added",
      before: null,
      after: { decisionId: id, category: decision.category, description: decision.description, ownerUserId: decision.ownerUserId, dueDate: decision.dueDate },
      at: now,
    });
    return { ok: true, id };
  });
}

export async function removeReviewDecision(
  db: Kysely<Database>,
  actor: ReviewActor,
  unitId: number,
  reviewId: number,
  decisionId: number,
  now = new Date(),
): Promise<ReviewResult> {
  return db.transaction().execute(async (trx): Promise<ReviewResult> => {
    const review = await loadForChange(trx, unitId, reviewId);
    const editable = checkReviewEditable(review.state);
    if (!editable.ok) return editable;
    const decision = await trx.selectFrom("management_review_decision").selectAll().where("id", "=", decisionId).where("review_id", "=", reviewId).executeTakeFirst();
    if (!decision) return { ok: false, error: "review.error.decisionNotFound" };
    await trx.deleteFrom("management_review_decision").where("id", "=", decisionId).execute();
    await trx.updateTable("management_review").set({ updated_at: now.toISOString() }).where("id", "=", reviewId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: ENTITY,
      entityId: reviewId,
      action: "decision_removed",
      before: {
        decisionId: decision.id,
        category: decision.category,
        description: decision.description,
        ownerUserId: decision.owner_user_id,
        dueDate: decision.due_date,
      },
      after: null,
      at: now,
    });
    return { ok: true };
  });
}

// ------------------------------------------------------------------------------ inputs (§9.3.2)

export interface ReviewRef {
  id: number;
  periodFrom: string;
  periodTo: string;
  meetingDate: string;
  changesNote: string | null;
  resourcesNote: string | null;
}

export const reviewRefOf = (r: Pick<ReviewRow, "id" | "period_from" | "period_to" | "meeting_date" | "changes_note" | "resources_note">): ReviewRef => ({
  id: r.id,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  meetingDate: r.meeting_date,
  changesNote: r.changes_note,
  resourcesNote: r.resources_note,
});

type WithRates = OnTimeFigures & Rates;
const withRates = (f: OnTimeFigures): WithRates => ({ ...f, ...rates(f) });

export interface ReviewInputs {
  window: { from: string; to: string; toDate: boolean };
  previousActions: Array<{
    id: number;
    reviewCode: string;
    meetingDate: string;
    category: DecisionCategory;
    description: string;
    ownerName: string | null;
    dueDate: string | null;
    status: PreviousActionStatus;
  }>;
  changes: { note: string | null; revisions: Array<{ code: string; title: string; revision: number; effectiveDate: string; reason: string | null }> };
  objectives: Array<{ year: number; from: string; to: string; rows: ObjectiveRow[] }>;
  performance: {
    totals: WithRates & { overdueNow: number };
    byField: Array<WithRates & { field: ProcedureField }>;
    byChannel: Array<WithRates & { channel: Channel }>;
    months: Array<{ label: string; received: number; resolved: number; late: number; onTimeRate: number | null }>;
  };
  satisfaction: { rated: number; satisfied: number; rate: number | null };
  complaints: { received: number; answered: number; answeredOnTime: number };
  feedback: { rows: FeedbackRow[]; states: FeedbackState[]; answers: { answered: number; onTime: number; openLate: number; judged: number } };
  nonconformities: {
    total: number;
    repeats: number;
    bySource: Array<{ key: NcSource; count: number }>;
    byGrade: Array<{ key: NcGrade; count: number }>;
    byState: Array<{ key: NcState; count: number }>;
    actions: { planned: number; done: number; cancelled: number; overdue: number };
    openNow: { open: number; overdue: number; openActions: number; overdueActions: number };
  };
  audits: Array<{
    code: string;
    title: string;
    state: AuditState;
    plannedEnd: string;
    criteriaMet: CriteriaMet | null;
    answers: Record<ChecklistAnswer, number>;
    unanswered: number;
    ncRaised: number;
  }>;
  resourcesNote: string | null;
  /** §9.3.2 e: risks and opportunities (issue 18), from the register. */
  risks: RiskInputs;
  /** §7.2 competence and training, an input on the adequacy of resources. */
  competence: CompetenceInputs;
  /** §9.3.2 f: opportunities for improvement. */
  improvement: ImprovementInputs;
}

/** Counts in the catalogue's order, those with none left out. */
function inOrder<K extends string>(keys: readonly K[], counts: ReadonlyArray<{ key: string; count: number }>): Array<{ key: K; count: number }> {
  return keys.flatMap((key) => {
    const count = counts.filter((c) => c.key === key).reduce((sum, c) => sum + c.count, 0);
    return count > 0 ? [{ key, count }] : [];
  });
}

async function listPreviousActions(db: Kysely<Database>, unitId: number, review: ReviewRef, today: string) {
  const rows = await db
    .selectFrom("management_review_decision as d")
    .innerJoin("management_review as r", "r.id", "d.review_id")
    .leftJoin("user as u", "u.id", "d.owner_user_id")
    .select(["d.id", "r.code", "r.meeting_date", "d.category", "d.description", "d.due_date", "u.display_name as owner_name"])
    .where("r.unit_id", "=", unitId)
    .where("r.state", "=", "recorded")
    .where("r.id", "!=", review.id)
    .where((eb) => eb.or([eb("r.meeting_date", "<", review.meetingDate), eb.and([eb("r.meeting_date", "=", review.meetingDate), eb("r.id", "<", review.id)])]))
    .orderBy("r.meeting_date")
    .orderBy("d.id")
    .execute();
  return rows.map((d) => ({
    id: d.id,
    reviewCode: d.code,
    meetingDate: d.meeting_date,
    category: d.category,
    description: d.description,
    ownerName: d.owner_name,
    dueDate: d.due_date,
    status: previousActionStatus(d.due_date, today),
  }));
}

/** Controlled documents whose revision took effect in the period (§7.5 changes feed §9.3.2 b). */
async function listEffectiveRevisions(db: Kysely<Database>, unitId: number, from: string, to: string) {
  const rows = await db
    .selectFrom("document_revision as rev")
    .innerJoin("document as doc", "doc.id", "rev.document_id")
    .select(["doc.code", "rev.title", "rev.revision", "rev.effective_date", "rev.change_reason"])
    .where("doc.unit_id", "=", unitId)
    .where("rev.state", "in", ["effective", "obsolete"])
    .where("rev.effective_date", ">=", from)
    .where("rev.effective_date", "<=", to)
    .orderBy("rev.effective_date")
    .orderBy("doc.code")
    .execute();
  return rows.map((r) => ({ code: r.code, title: r.title, revision: r.revision, effectiveDate: r.effective_date ?? from, reason: r.change_reason }));
}

async function summariseNonconformities(db: Kysely<Database>, unitId: number, from: string, to: string, today: string) {
  const start = businessDayStart(from).toISOString();
  const end = makePeriod(from, to).endInstant;
  const [analysis, states, actions, openNow] = await Promise.all([
    analyseNonconformities(db, unitId, from, to),
    db
      .selectFrom("nonconformity")
      .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
      .where("unit_id", "=", unitId)
      .where("merged_into_id", "is", null)
      .where("found_at", ">=", start)
      .where("found_at", "<", end)
      .groupBy("state")
      .execute(),
    db
      .selectFrom("corrective_action as a")
      .innerJoin("nonconformity as n", "n.id", "a.nonconformity_id")
      .select([
        countWhere(sql`a.status = 'planned'`).as("planned"),
        countWhere(sql`a.status = 'done'`).as("done"),
        countWhere(sql`a.status = 'cancelled'`).as("cancelled"),
        countWhere(sql`a.status = 'planned' and a.due_date < ${today}`).as("overdue"),
      ])
      .where("n.unit_id", "=", unitId)
      .where("n.merged_into_id", "is", null)
      .where("n.found_at", ">=", start)
      .where("n.found_at", "<", end)
      .executeTakeFirstOrThrow(),
    countNonconformities(db, unitId, today),
  ]);
  return {
    total: analysis.total,
    repeats: analysis.repeats,
    bySource: inOrder(NC_SOURCES, analysis.bySource),
    byGrade: inOrder(NC_GRADES, analysis.byGrade),
    byState: inOrder(
      NC_STATES,
      states.map((s) => ({ key: s.state, count: Number(s.n) })),
    ),
    actions: { planned: Number(actions.planned), done: Number(actions.done), cancelled: Number(actions.cancelled), overdue: Number(actions.overdue) },
    openNow,
  };
}

/** Internal audits planned to end in the period, with their answers by kind and the nonconformities they raised. */
async function summariseAudits(db: Kysely<Database>, unitId: number, from: string, to: string) {
  const audits = await db
    .selectFrom("internal_audit")
    .select(["id", "code", "title", "state", "planned_end_date", "criteria_met"])
    .where("unit_id", "=", unitId)
    .where("planned_end_date", ">=", from)
    .where("planned_end_date", "<=", to)
    .orderBy("planned_end_date")
    .orderBy("code")
    .execute();
  if (audits.length === 0) return [];
  const ids = audits.map((a) => a.id);
  const [answers, questionNcs, sampleNcs] = await Promise.all([
    db
      .selectFrom("internal_audit_question")
      .select(["audit_id", "answer", (eb) => eb.fn.countAll<number>().as("n")])
      .where("audit_id", "in", ids)
      .groupBy(["audit_id", "answer"])
      .execute(),
    db.selectFrom("internal_audit_question").select(["audit_id", "nonconformity_id"]).where("audit_id", "in", ids).where("nonconformity_id", "is not", null).execute(),
    db.selectFrom("internal_audit_sample").select(["audit_id", "nonconformity_id"]).where("audit_id", "in", ids).where("nonconformity_id", "is not", null).execute(),
  ]);
  return audits.map((a) => {
    const counts = Object.fromEntries(CHECKLIST_ANSWERS.map((k) => [k, 0])) as Record<ChecklistAnswer, number>;
    let unanswered = 0;
    for (const row of answers) {
      if (row.audit_id !== a.id) continue;
      if (row.answer === null) unanswered += Number(row.n);
      else counts[row.answer] += Number(row.n);
    }
    const raised = new Set([...questionNcs, ...sampleNcs].filter((r) => r.audit_id === a.id).map((r) => r.nonconformity_id));
    return {
      code: a.code,
      title: a.title,
      state: a.state,
      plannedEnd: a.planned_end_date,
      criteriaMet: a.criteria_met,
      answers: counts,
      unanswered,
      ncRaised: raised.size,
    };
  });
}

/**
 * The inputs of §9.3.2 for the review's period, read live from the data with the same definitions
 * as the dashboard, the on-time report and the objectives page (the functions are theirs). Figures
 * that are measured run to today when the period reaches past it; planned things (audits, earlier
 * decisions) are taken over the whole period.
 */
export async function computeReviewInputs(db: Kysely<Database>, unitId: number, review: ReviewRef, now: Date): Promise<ReviewInputs> {
  const today = businessDateOf(now);
  const window = inputWindow(review.periodFrom, review.periodTo, today);
  const period = makePeriod(window.from, window.to);
  const [previousActions, revisions, objectives, figures, feedbackCounts, answers, nonconformities, audits, risks, competence] = await Promise.all([
    listPreviousActions(db, unitId, review, today),
    listEffectiveRevisions(db, unitId, review.periodFrom, review.periodTo),
    Promise.all(
      yearSlices(window.from, window.to).map(async (slice) => ({
        ...slice,
        rows: await listObjectivesWithActuals(db, unitId, slice.year, makePeriod(slice.from, slice.to), now),
      })),
    ),
    getOnTimeReportFigures(db, unitId, period, now, { lateList: false }),
    countFeedbackByKindAndState(db, unitId, measurePeriod(period, now)),
    countAnswerTimeliness(db, unitId, measurePeriod(period, now)),
    summariseNonconformities(db, unitId, window.from, window.to, today),
    summariseAudits(db, unitId, review.periodFrom, review.periodTo),
    getRiskReviewInputs(db, unitId, window, today),
    getCompetenceReviewInputs(db, unitId, window, today),
  ]);
  const feedback = feedbackRows(feedbackCounts);
  const improvement = improvementInputs(
    risks.scale,
    risks.register,
    audits.reduce((sum, a) => sum + a.answers.improvement, 0),
    feedback.find((r) => r.kind === "recommendation")?.total ?? 0,
  );
  return {
    window,
    previousActions,
    changes: { note: review.changesNote, revisions },
    objectives,
    performance: {
      totals: { ...withRates(figures.totals), overdueNow: figures.overdueNow },
      byField: PROCEDURE_FIELDS.flatMap((field) => {
        const f = figures.byField.get(field);
        return f ? [{ field, ...withRates(f) }] : [];
      }),
      byChannel: CHANNELS.flatMap((channel) => {
        const f = figures.byChannel.get(channel);
        return f ? [{ channel, ...withRates(f) }] : [];
      }),
      months: figures.chart.buckets.map((b) => ({ label: b.label, received: b.received, resolved: b.resolved, late: b.late, onTimeRate: b.onTimeRate })),
    },
    satisfaction: figures.satisfaction,
    complaints: figures.complaints,
    feedback: { rows: feedback, states: feedbackStatesPresent(feedback), answers },
    nonconformities,
    audits,
    resourcesNote: review.resourcesNote,
    risks: risks.inputs,
    competence,
    improvement,
  };
}

/**
 * The inputs a review shows: once recorded, those frozen with it (the figures never change
 * afterwards); a draft, or a review recorded before they were kept (migration 0026), computes them.
 */
export async function reviewInputsOf(
  db: Kysely<Database>,
  unitId: number,
  review: Pick<ReviewRow, "id" | "state" | "inputs_json" | "period_from" | "period_to" | "meeting_date" | "changes_note" | "resources_note">,
  now: Date,
): Promise<ReviewInputs & { frozen: boolean }> {
  if (review.state === "recorded" && review.inputs_json) return { ...(JSON.parse(review.inputs_json) as ReviewInputs), frozen: true };
  return { ...(await computeReviewInputs(db, unitId, reviewRefOf(review), now)), frozen: false };
}

// ------------------------------------------------------------------------------ printing

function performanceRow(label: string, f: WithRates): PerformanceRow {
  return {
    label,
    received: f.received,
    receivedOnline: f.receivedOnline,
    resolved: f.resolved,
    early: f.early,
    onTime: f.onTime,
    late: f.late,
    onTimeRate: f.onTimeRate,
    onlineRate: f.onlineRate,
  };
}

/** The inputs as the PDFs print them: every label in Vietnamese. */
export function toPrintableInputs(inputs: ReviewInputs): ReviewInputsData {
  const t = translator("vi");
  const { totals } = inputs.performance;
  return {
    window: inputs.window,
    previousActions: inputs.previousActions.map((a) => ({
      reviewCode: a.reviewCode,
      meetingDate: a.meetingDate,
      category: t(`review.category.${a.category}`),
      description: a.description,
      owner: a.ownerName,
      dueDate: a.dueDate,
      status: t(`review.previousStatus.${a.status}`),
      isDue: a.status === "due",
    })),
    changes: inputs.changes,
    objectives: inputs.objectives.map((y) => ({
      year: y.year,
      from: y.from,
      to: y.to,
      rows: y.rows.map((o) => ({
        title: o.title,
        comparator: o.comparator,
        target: o.target,
        actual: o.actual,
        isRate: RATE_METRICS.includes(o.metric),
        status: o.status,
        statusLabel: t(`objectives.status.${o.status}`),
      })),
    })),
    performance: {
      totals: {
        ...performanceRow("", totals),
        openLateAtEnd: totals.openLateAtEnd,
        openNotDue: totals.openNotDue,
        refused: totals.refused,
        withdrawn: totals.withdrawn,
        transfers: totals.transfers,
        eTransfers: totals.eTransfers,
        eTransferRate: totals.eTransferRate,
        overdueNow: totals.overdueNow,
      },
      byField: inputs.performance.byField.map((f) => performanceRow(t(`procedureField.${f.field}`), f)),
      byChannel: inputs.performance.byChannel.map((c) => performanceRow(t(`channel.${c.channel}`), c)),
      months: inputs.performance.months,
    },
    satisfaction: inputs.satisfaction,
    complaints: inputs.complaints,
    feedback: {
      states: inputs.feedback.states.map((s) => t(`feedbackState.${s}`)),
      rows: inputs.feedback.rows.map((r) => ({ kind: t(`feedbackKind.${r.kind}`), total: r.total, counts: inputs.feedback.states.map((s) => r.byState[s]) })),
      answers: inputs.feedback.answers,
    },
    nonconformities: {
      ...inputs.nonconformities,
      bySource: inputs.nonconformities.bySource.map((c) => ({ label: t(`nc.source.${c.key}`), count: c.count })),
      byGrade: inputs.nonconformities.byGrade.map((c) => ({ label: t(`nc.grade.${c.key}`), count: c.count })),
      byState: inputs.nonconformities.byState.map((c) => ({ label: t(`nc.state.${c.key}`), count: c.count })),
    },
    audits: inputs.audits.map((a) => ({
      code: a.code,
      title: a.title,
      state: t(`audits.state.${a.state}`),
      plannedEnd: a.plannedEnd,
      criteriaMet: a.criteriaMet ? t(`audits.criteriaMet.${a.criteriaMet}`) : null,
      answers: CHECKLIST_ANSWERS.map((k) => ({ label: t(`audits.answer.${k}`), count: a.answers[k] })),
      unanswered: a.unanswered,
      ncRaised: a.ncRaised,
    })),
    resourcesNote: inputs.resourcesNote,
    risks: {
      risks: inputs.risks.risks,
      opportunities: inputs.risks.opportunities,
      top: inputs.risks.top.map((r) => ({ code: r.code, title: r.title, level: r.level, band: t(`risks.band.${r.band}`) })),
      reviews: inputs.risks.reviews.map((r) => ({ ...r, kind: t(`risks.kind.${r.kind}`) })),
    },
    competence: {
      ...inputs.competence,
      gaps: inputs.competence.gaps.map((g) => ({ name: g.name, competence: `${g.code}: ${g.title}`, status: t(`competence.status.${g.status}`) })),
    },
    improvement: inputs.improvement,
  };
}

function reviewFacts(review: Pick<ReviewRow, "code" | "period_from" | "period_to" | "meeting_date" | "location" | "attendees">, chairName: string): ReviewFacts {
  return {
    code: review.code,
    period: { from: review.period_from, to: review.period_to },
    meetingDate: review.meeting_date,
    location: review.location,
    chair: chairName,
    attendees: attendeeLines(review.attendees),
  };
}

const reviewParameters = (review: Pick<ReviewRow, "code" | "period_from" | "period_to">) => ({
  review: review.code,
  from: review.period_from,
  to: review.period_to,
});

export interface InputReportRequest {
  unit: { id: number; name: string };
  review: ReviewDetail["review"];
  /** The signed-in reader: the copy is recorded with its hash (and logged for an inspector). */
  reader: { userId: number; name: string; isInspector: boolean };
  /** Of the request, for the verification link. */
  origin: string;
  now: Date;
}

/** The management review input report (QT-05 step 3), issued with a verification code. */
export async function issueReviewInputReport(db: Kysely<Database>, request: InputReportRequest): Promise<IssuedPdf> {
  const { unit, review, reader, now } = request;
  return issueDocument(
    db,
    {
      unitId: unit.id,
      kind: "management_review_input",
      variant: "full",
      title: inputReportTitle(review.code),
      parameters: reviewParameters(review),
      issuedBy: reader,
      publicLabel: reader.name,
      now,
    },
    async (code) => {
      const inputs = await reviewInputsOf(db, unit.id, review, now);
      const report = buildReviewInputReport({
        unit: { name: unit.name },
        review: reviewFacts(review, review.chairName),
        inputs: toPrintableInputs(inputs),
        issuedAt: now,
        issuedBy: reader.name,
        verification: { code, url: verificationUrl(request.origin, code) },
      });
      return toBuffer(report);
    },
  );
}

export interface RecordRequest {
  /** The leader recording the meeting. */
  actor: { userId: number; name: string; roles: readonly Role[] };
  /** The meeting's secretary, who signs the record with the chair (trimmed, as the form's schema gives it). */
  secretaryName: string;
  origin: string;
  now: Date;
}

/**
 * Records the meeting (QT-05 step 4): prints the record with the inputs as they stand, its
 * conclusions and decisions and a verification code chosen beforehand, and in one transaction
 * stores it as a locked record, marks the review recorded and writes the audit row. The
 * transaction also holds the reads, so what is printed is exactly what is locked.
 */
export async function recordManagementReview(
  db: Kysely<Database>,
  unitId: number,
  reviewId: number,
  request: RecordRequest,
): Promise<ReviewResult<{ verificationCode: string; sha256: string; documentId: number }>> {
  const { actor, now } = request;
  return db.transaction().execute(async (trx): Promise<ReviewResult<{ verificationCode: string; sha256: string; documentId: number }>> => {
    const review = await loadForChange(trx, unitId, reviewId);
    const decisions = await trx
      .selectFrom("management_review_decision as d")
      .leftJoin("user as u", "u.id", "d.owner_user_id")
      .select(["d.id", "d.category", "d.description", "d.due_date", "d.owner_user_id", "u.display_name as owner_name"])
      .where("d.review_id", "=", reviewId)
      .orderBy("d.id")
      .execute();
    const check = checkRecordReview(
      { state: review.state, conclusions: review.conclusions, decisionCount: decisions.length, meetingDate: review.meeting_date },
      actor.roles,
      businessDateOf(now),
    );
    if (!check.ok) return check;
    const [unit, chair] = await Promise.all([
      trx.selectFrom("unit").select("name").where("id", "=", unitId).executeTakeFirstOrThrow(),
      trx.selectFrom("user").select("display_name").where("id", "=", review.chair_user_id).executeTakeFirstOrThrow(),
    ]);
    const inputs = await computeReviewInputs(trx, unitId, reviewRefOf(review), now);
    const t = translator("vi");
    const code = newVerificationCode();
    const pdf = await toBuffer(
      buildReviewRecord({
        unit: { name: unit.name },
        review: reviewFacts(review, chair.display_name),
        inputs: toPrintableInputs(inputs),
        conclusions: review.conclusions ?? "",
        decisions: decisions.map((d) => ({ category: t(`review.category.${d.category}`), description: d.description, owner: d.owner_name, dueDate: d.due_date })),
        recordedBy: actor.name,
        secretary: request.secretaryName,
        recordedAt: now,
        verification: { code, url: verificationUrl(request.origin, code) },
      }),
    );
    const stored = await insertRecord(
      trx,
      {
        unitId,
        kind: "management_review_record",
        title: recordTitle(review.code),
        parameters: reviewParameters(review),
        issuedBy: { userId: actor.userId, name: actor.name },
        now,
      },
      code,
      pdf,
    );
    const stamp = now.toISOString();
    await trx
      .updateTable("management_review")
      .set({
        state: "recorded",
        record_document_id: stored.id,
        recorded_at: stamp,
        recorded_by_user_id: actor.userId,
        secretary_name: request.secretaryName,
        inputs_json: JSON.stringify(inputs),
        updated_at: stamp,
      })
      .where("id", "=", reviewId)
      .execute();
    await recordAudit(trx, {
      actor: { kind: "user", userId: actor.userId },
      unitId,
      entityType: ENTITY,
      entityId: reviewId,
      action: "recorded",
      before: { ...snapshot(review), ...notesSnapshot(review) },
      after: {
        ...snapshot({ ...review, state: "recorded" }),
        ...notesSnapshot(review),
        secretaryName: request.secretaryName,
        decisions: decisions.map((d) => ({ id: d.id, category: d.category, description: d.description, ownerUserId: d.owner_user_id, dueDate: d.due_date })),
        recordDocumentId: stored.id,
        verificationCode: code,
        sha256: stored.sha256,
      },
      at: now,
    });
    return { ok: true, verificationCode: code, sha256: stored.sha256, documentId: stored.id };
  });
}

/**
 * The stored record's bytes, exactly as recorded; null before recording. An inspector's download
 * is written to the audit log.
 */
export async function downloadReviewRecord(
  db: Kysely<Database>,
  unitId: number,
  review: Pick<ReviewRow, "code" | "record_document_id">,
  reader: { userId: number; isInspector: boolean },
  now = new Date(),
): Promise<StoredRecord | null> {
  if (review.record_document_id === null) return null;
  const record = await getStoredRecord(db, unitId, review.record_document_id);
  if (!record) return null;
  if (reader.isInspector) {
    await recordInspectorDownload(db, {
      userId: reader.userId,
      unitId,
      code: record.code,
      details: { kind: record.kind, variant: "record", parameters: { review: review.code }, sha256: record.sha256 },
      now,
    });
  }
  return record;
}
