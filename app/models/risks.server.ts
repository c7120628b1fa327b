import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { lockForNumbering } from "#db/sql";
import {
  formatRiskCode,
  heatMap,
  reviewEffective,
  riskLevel,
  treatmentDueError,
  type NewRiskInput,
  type RiskBand,
  type RiskScale,
  type RiskStep,
} from "~/domain/risks/risk";
import { riskReviewInputs, type RegisterRow } from "~/domain/management-review/iso-inputs";
import type { MessageKey } from "~/i18n";
import { recordAudit, type Actor } from "./audit-log.server";

export type RiskFieldError = { field: string; key: MessageKey };
export type RiskResult<T = object> = ({ ok: true } & T) | { ok: false; errors: RiskFieldError[] };

/** The scale and bands as stored (migration 0018 ships 1–5 and four bands). */
export async function getRiskScale(db: Kysely<Database>): Promise<RiskScale> {
  const steps = await db.selectFrom("risk_scale_step").select(["axis", "score"]).orderBy("score").execute();
  const bands = await db.selectFrom("risk_level_band").selectAll().orderBy("min_level").execute();
  return {
    likelihood: steps.filter((s) => s.axis === "likelihood").map((s) => s.score),
    impact: steps.filter((s) => s.axis === "impact").map((s) => s.score),
    bands: bands.map((b) => ({ band: b.band, minLevel: b.min_level, maxLevel: b.max_level })),
  };
}

async function unitUser(db: Kysely<Database>, unitId: number, userId: number | undefined) {
  if (userId === undefined) return false;
  const row = await db.selectFrom("user").select("id").where("id", "=", userId).where("unit_id", "=", unitId).where("is_disabled", "=", 0).executeTakeFirst();
  return row !== undefined;
}

async function nextRiskCode(trx: Kysely<Database>, year: number): Promise<string> {
  await lockForNumbering(trx, `risk-code:${year}`);
  const last = await trx
    .selectFrom("risk")
    .select(sql<number | null>`max(cast(substr(code, 9) as integer))`.as("n"))
    .where("code", "like", `RR-${year}-%`)
    .executeTakeFirst();
  return formatRiskCode(year, (last?.n ?? 0) + 1);
}

/** Records a risk (and its first treatment when given) with its audit rows, in one transaction. */
export async function recordRisk(
  db: Kysely<Database>,
  actor: Actor & { kind: "user" },
  unitId: number,
  input: NewRiskInput,
  now = new Date(),
): Promise<RiskResult<{ code: string }>> {
  const errors: RiskFieldError[] = [];
  const level = riskLevel(await getRiskScale(db), input.likelihood, input.impact);
  if (!level.ok) errors.push({ field: level.field, key: level.error });
  if (!(await unitUser(db, unitId, input.ownerUserId))) errors.push({ field: "ownerUserId", key: "risks.error.unknownOwner" });
  if (input.treatment && !(await unitUser(db, unitId, input.treatmentOwnerUserId ?? input.ownerUserId)))
    errors.push({ field: "treatmentOwnerUserId", key: "risks.error.unknownOwner" });
  if (input.treatmentDue && treatmentDueError(input.recordedOn, input.treatmentDue)) errors.push({ field: "treatmentDue", key: "risks.error.dueBeforeRecorded" });
  let nonconformityId: number | null = null;
  if (input.nonconformityCode) {
    const nc = await db.selectFrom("nonconformity").select("id").where("code", "=", input.nonconformityCode).where("unit_id", "=", unitId).executeTakeFirst();
    if (!nc) errors.push({ field: "nonconformityCode", key: "risks.error.unknownNonconformity" });
    else nonconformityId = nc.id;
  }
  let feedbackId: number | null = null;
  if (input.feedbackCode) {
    const fb = await db.selectFrom("feedback_item").select("id").where("code", "=", input.feedbackCode).where("unit_id", "=", unitId).executeTakeFirst();
    if (!fb) errors.push({ field: "feedbackCode", key: "risks.error.unknownFeedback" });
    else feedbackId = fb.id;
  }
  if (errors.length > 0) return { ok: false, errors };
  const stamp = now.toISOString();
  const code = await db.transaction().execute(async (trx) => {
    const code = await nextRiskCode(trx, Number(input.recordedOn.slice(0, 4)));
    const values = {
      unit_id: unitId,
      code,
      kind: input.kind,
      process: input.process || null,
      field: input.field || null,
      title: input.title,
      description: input.description,
      cause: input.cause,
      consequence: input.consequence,
      likelihood: input.likelihood,
      impact: input.impact,
      owner_user_id: input.ownerUserId,
      review_date: input.reviewDate,
      nonconformity_id: nonconformityId,
      audit_question_id: null,
      feedback_id: feedbackId,
      recorded_on: input.recordedOn,
      created_by_user_id: actor.userId,
      created_at: stamp,
      updated_at: stamp,
    };
    const { id } = await trx.insertInto("risk").values(values).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: "risk", entityId: id, action: "record", after: values, at: now });
    if (input.treatment && input.treatmentDue) {
      const t = {
        risk_id: id,
        description: input.treatment,
        owner_user_id: input.treatmentOwnerUserId ?? input.ownerUserId,
        due_date: input.treatmentDue,
        created_at: stamp,
        updated_at: stamp,
      };
      const row = await trx.insertInto("risk_treatment").values(t).returning("id").executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, unitId, entityType: "risk_treatment", entityId: row.id, action: "add", after: t, at: now });
    }
    return code;
  });
  return { ok: true, code };
}

export interface RiskListItem {
  id: number;
  code: string;
  kind: "risk" | "opportunity";
  process: string | null;
  field: string | null;
  title: string;
  likelihood: number;
  impact: number;
  level: number;
  band: RiskBand;
  ownerName: string;
  reviewDate: string;
  state: "open" | "closed";
  openTreatments: number;
}

/** The register, highest level first; owner names are staff, never citizens. */
export async function listRisks(db: Kysely<Database>, unitId: number): Promise<RiskListItem[]> {
  const scale = await getRiskScale(db);
  const rows = await db
    .selectFrom("risk")
    .innerJoin("user", "user.id", "risk.owner_user_id")
    .select((eb) => [
      "risk.id",
      "risk.code",
      "risk.kind",
      "risk.process",
      "risk.field",
      "risk.title",
      "risk.likelihood",
      "risk.impact",
      "risk.review_date",
      "risk.state",
      "user.display_name",
      eb
        .selectFrom("risk_treatment")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("risk_treatment.risk_id", "=", "risk.id")
        .where("risk_treatment.done_on", "is", null)
        .as("open_treatments"),
    ])
    .where("risk.unit_id", "=", unitId)
    .orderBy("risk.code")
    .execute();
  return rows
    .map((r) => {
      const lv = riskLevel(scale, r.likelihood, r.impact);
      return {
        id: r.id,
        code: r.code,
        kind: r.kind,
        process: r.process,
        field: r.field,
        title: r.title,
        likelihood: r.likelihood,
        impact: r.impact,
        level: lv.ok ? lv.level : 0,
        band: lv.ok ? lv.band : ("low" as RiskBand),
        ownerName: r.display_name,
        reviewDate: r.review_date,
        state: r.state,
        openTreatments: Number(r.open_treatments ?? 0),
      };
    })
    .sort((a, b) => b.level - a.level || a.code.localeCompare(b.code));
}

export async function getRiskHeatMap(db: Kysely<Database>, unitId: number) {
  const scale = await getRiskScale(db);
  const risks = (await listRisks(db, unitId)).filter((r) => r.state === "open" && r.kind === "risk");
  return heatMap(scale, risks);
}

export async function getRisk(db: Kysely<Database>, unitId: number, code: string) {
  const risk = await db
    .selectFrom("risk")
    .innerJoin("user", "user.id", "risk.owner_user_id")
    .leftJoin("nonconformity", "nonconformity.id", "risk.nonconformity_id")
    .leftJoin("feedback_item", "feedback_item.id", "risk.feedback_id")
    .selectAll("risk")
    .select(["user.display_name as owner_name", "nonconformity.code as nonconformity_code", "feedback_item.code as feedback_code"])
    .where("risk.unit_id", "=", unitId)
    .where("risk.code", "=", code)
    .executeTakeFirst();
  if (!risk) return null;
  const scale = await getRiskScale(db);
  const treatments = await db
    .selectFrom("risk_treatment")
    .innerJoin("user", "user.id", "risk_treatment.owner_user_id")
    .selectAll("risk_treatment")
    .select("user.display_name as owner_name")
    .where("risk_id", "=", risk.id)
    .orderBy("risk_treatment.due_date")
    .orderBy("risk_treatment.id")
    .execute();
  const reviews = await db
    .selectFrom("risk_review")
    .innerJoin("user", "user.id", "risk_review.reviewed_by_user_id")
    .selectAll("risk_review")
    .select("user.display_name as reviewer_name")
    .where("risk_id", "=", risk.id)
    .orderBy("risk_review.id", "desc")
    .execute();
  const lv = riskLevel(scale, risk.likelihood, risk.impact);
  return {
    ...risk,
    level: lv.ok ? lv.level : 0,
    band: lv.ok ? lv.band : ("low" as RiskBand),
    treatments,
    reviews: reviews.map((r) => ({ ...r, levelBefore: r.likelihood_before * r.impact_before, levelAfter: r.likelihood_after * r.impact_after })),
  };
}

/** A treatment added or done, or a review; each with its audit row, in one transaction. */
export async function applyRiskStep(
  db: Kysely<Database>,
  actor: Actor & { kind: "user" },
  unitId: number,
  code: string,
  step: RiskStep,
  now = new Date(),
): Promise<RiskResult> {
  const risk = await db.selectFrom("risk").selectAll().where("unit_id", "=", unitId).where("code", "=", code).executeTakeFirst();
  if (!risk) return { ok: false, errors: [{ field: "form", key: "risks.error.notFound" }] };
  const stamp = now.toISOString();
  if (step.op === "add_treatment") {
    const errors: RiskFieldError[] = [];
    if (treatmentDueError(risk.recorded_on, step.dueDate)) errors.push({ field: "dueDate", key: "risks.error.dueBeforeRecorded" });
    if (!(await unitUser(db, unitId, step.ownerUserId))) errors.push({ field: "ownerUserId", key: "risks.error.unknownOwner" });
    if (errors.length > 0) return { ok: false, errors };
    await db.transaction().execute(async (trx) => {
      const t = { risk_id: risk.id, description: step.description, owner_user_id: step.ownerUserId, due_date: step.dueDate, created_at: stamp, updated_at: stamp };
      const row = await trx.insertInto("risk_treatment").values(t).returning("id").executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, unitId, entityType: "risk_treatment", entityId: row.id, action: "add", after: t, at: now });
    });
    return { ok: true };
  }
  if (step.op === "treatment_done") {
    const t = await db.selectFrom("risk_treatment").selectAll().where("id", "=", step.treatmentId).where("risk_id", "=", risk.id).executeTakeFirst();
    if (!t) return { ok: false, errors: [{ field: "form", key: "risks.error.notFound" }] };
    if (t.done_on) return { ok: false, errors: [{ field: "form", key: "risks.error.alreadyDone" }] };
    await db.transaction().execute(async (trx) => {
      const n = await trx
        .updateTable("risk_treatment")
        .set({ done_on: step.doneOn, evidence: step.evidence, updated_at: stamp })
        .where("id", "=", t.id)
        .where("done_on", "is", null)
        .executeTakeFirst();
      if (Number(n.numUpdatedRows) !== 1) throw new Error("treatment changed meanwhile");
      await recordAudit(trx, { actor, unitId, entityType: "risk_treatment", entityId: t.id, action: "done", before: { done_on: null }, after: { done_on: step.doneOn, evidence: step.evidence }, at: now });
    });
    return { ok: true };
  }
  const level = riskLevel(await getRiskScale(db), step.likelihood, step.impact);
  if (!level.ok) return { ok: false, errors: [{ field: level.field, key: level.error }] };
  const effective = reviewEffective(risk.kind, risk.likelihood * risk.impact, level.level) ? 1 : 0;
  await db.transaction().execute(async (trx) => {
    const review = {
      risk_id: risk.id,
      reviewed_on: step.reviewedOn,
      likelihood_before: risk.likelihood,
      impact_before: risk.impact,
      likelihood_after: step.likelihood,
      impact_after: step.impact,
      effective: effective as 0 | 1,
      note: step.note,
      next_review_date: step.nextReviewDate,
      reviewed_by_user_id: actor.userId,
      created_at: stamp,
    };
    const row = await trx.insertInto("risk_review").values(review).returning("id").executeTakeFirstOrThrow();
    await trx
      .updateTable("risk")
      .set({ likelihood: step.likelihood, impact: step.impact, review_date: step.nextReviewDate, updated_at: stamp })
      .where("id", "=", risk.id)
      .execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "risk",
      entityId: risk.id,
      action: "review",
      before: { likelihood: risk.likelihood, impact: risk.impact, review_date: risk.review_date },
      after: { likelihood: step.likelihood, impact: step.impact, review_date: step.nextReviewDate, effective, review_id: row.id },
      at: now,
    });
  });
  return { ok: true };
}

/** §9.3.2 e inputs: the register on the day read, the window's reviews and treatments (app/domain/management-review). */
export async function getRiskReviewInputs(db: Kysely<Database>, unitId: number, window: { from: string; to: string }, today: string) {
  const [scale, register, reviews, treatments] = await Promise.all([
    getRiskScale(db),
    db.selectFrom("risk").select(["code", "title", "kind", "state", "likelihood", "impact", "recorded_on"]).where("unit_id", "=", unitId).execute(),
    db
      .selectFrom("risk_review")
      .innerJoin("risk", "risk.id", "risk_review.risk_id")
      .select([
        "risk.code",
        "risk.title",
        "risk.kind",
        "risk_review.reviewed_on",
        "risk_review.likelihood_before",
        "risk_review.impact_before",
        "risk_review.likelihood_after",
        "risk_review.impact_after",
      ])
      .where("risk.unit_id", "=", unitId)
      .where("risk_review.reviewed_on", ">=", window.from)
      .where("risk_review.reviewed_on", "<=", window.to)
      .execute(),
    db
      .selectFrom("risk_treatment")
      .innerJoin("risk", "risk.id", "risk_treatment.risk_id")
      .select(["risk.code", "risk.kind", "risk_treatment.due_date", "risk_treatment.done_on"])
      .where("risk.unit_id", "=", unitId)
      .where("risk_treatment.due_date", ">=", window.from)
      .where("risk_treatment.due_date", "<=", window.to)
      .execute(),
  ]);
  const registerRows: RegisterRow[] = register.map((r) => ({
    code: r.code,
    title: r.title,
    kind: r.kind,
    state: r.state,
    likelihood: r.likelihood,
    impact: r.impact,
    recordedOn: r.recorded_on,
  }));
  return {
    scale,
    register: registerRows,
    inputs: riskReviewInputs({
      scale,
      register: registerRows,
      reviews: reviews.map((r) => ({
        code: r.code,
        title: r.title,
        kind: r.kind,
        reviewedOn: r.reviewed_on,
        likelihoodBefore: r.likelihood_before,
        impactBefore: r.impact_before,
        likelihoodAfter: r.likelihood_after,
        impactAfter: r.impact_after,
      })),
      treatments: treatments.map((t) => ({ riskCode: t.code, kind: t.kind, dueDate: t.due_date, doneOn: t.done_on })),
      window,
      today,
    }),
  };
}
