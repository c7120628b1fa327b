import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Role } from "~/domain/accounts/roles";
import {
  AUDITOR_COMPETENCE,
  competenceStatus,
  handlerCompetenceGaps,
  isValid,
  parseRequirement,
  type CompetenceInput,
  type CompetenceStatus,
  type HeldRecord,
  type TrainingRecordInput,
} from "~/domain/competence/competence";
import { competenceReviewInputs } from "~/domain/management-review/iso-inputs";
import type { MessageKey } from "~/i18n";
import { recordAudit, type Actor } from "./audit-log.server";
import { getWorkAreas } from "./work-areas.server";

export type CompetenceFieldError = { field: string; key: MessageKey };
export type CompetenceResult = { ok: true; id: number } | { ok: false; errors: CompetenceFieldError[] };

export async function listCompetences(db: Kysely<Database>, unitId: number) {
  const rows = await db.selectFrom("competence").selectAll().where("unit_id", "=", unitId).orderBy("code").execute();
  const reqs = rows.length
    ? await db.selectFrom("competence_requirement").selectAll().where("competence_id", "in", rows.map((r) => r.id)).execute()
    : [];
  return rows.map((r) => ({
    ...r,
    requiredFor: reqs.filter((q) => q.competence_id === r.id).map((q) => ({ kind: q.area_kind, code: q.area_code })),
  }));
}

/** Creates a competence or, when its code exists, replaces its title and requirements; audit row in the same transaction. */
export async function saveCompetence(db: Kysely<Database>, actor: Actor, unitId: number, input: CompetenceInput, now = new Date()): Promise<CompetenceResult> {
  const stamp = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("competence").selectAll().where("unit_id", "=", unitId).where("code", "=", input.code).executeTakeFirst();
    const values = { title: input.title, description: input.description ?? null, validity_months: input.validityMonths ?? null, updated_at: stamp };
    let id: number;
    if (existing) {
      await trx.updateTable("competence").set(values).where("id", "=", existing.id).execute();
      id = existing.id;
    } else {
      id = (await trx.insertInto("competence").values({ unit_id: unitId, code: input.code, ...values, created_at: stamp }).returning("id").executeTakeFirstOrThrow()).id;
    }
    await trx.deleteFrom("competence_requirement").where("competence_id", "=", id).execute();
    const reqs = [...new Set(input.requiredFor)].map(parseRequirement);
    if (reqs.length) await trx.insertInto("competence_requirement").values(reqs.map((r) => ({ competence_id: id, area_kind: r.kind, area_code: r.code }))).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "competence",
      entityId: id,
      action: existing ? "update" : "create",
      before: existing ? { title: existing.title, validity_months: existing.validity_months } : undefined,
      after: { code: input.code, ...values, requiredFor: input.requiredFor },
      at: now,
    });
    return id;
  });
  return { ok: true, id };
}

export interface TrainingEvidenceFile {
  storedName: string;
  originalName: string;
  mime: string;
  sha256: string;
}

/** A training attended; its evidence a controlled document's code or an uploaded file already stored. */
export async function recordTraining(
  db: Kysely<Database>,
  actor: Actor & { kind: "user" },
  unitId: number,
  input: TrainingRecordInput,
  file: TrainingEvidenceFile | null,
  now = new Date(),
): Promise<CompetenceResult> {
  const errors: CompetenceFieldError[] = [];
  const user = await db.selectFrom("user").select("id").where("id", "=", input.userId).where("unit_id", "=", unitId).executeTakeFirst();
  if (!user) errors.push({ field: "userId", key: "competence.error.unknownUser" });
  if (input.competenceId !== undefined) {
    const c = await db.selectFrom("competence").select("id").where("id", "=", input.competenceId).where("unit_id", "=", unitId).executeTakeFirst();
    if (!c) errors.push({ field: "competenceId", key: "competence.error.unknownCompetence" });
  }
  if (input.evidenceDocumentCode) {
    const d = await db.selectFrom("document").select("id").where("code", "=", input.evidenceDocumentCode).where("unit_id", "=", unitId).executeTakeFirst();
    if (!d) errors.push({ field: "evidenceDocumentCode", key: "competence.error.unknownDocument" });
  }
  if (input.expiresOn && input.expiresOn < input.endDate) errors.push({ field: "expiresOn", key: "competence.error.expiryBeforeTraining" });
  if (errors.length) return { ok: false, errors };
  const values = {
    unit_id: unitId,
    user_id: input.userId,
    competence_id: input.competenceId ?? null,
    plan_item_id: null,
    course: input.course,
    provider: input.provider,
    start_date: input.startDate,
    end_date: input.endDate,
    hours: input.hours ?? null,
    expires_on: input.expiresOn ?? null,
    evidence_document_code: input.evidenceDocumentCode ?? null,
    evidence_stored_name: file?.storedName ?? null,
    evidence_original_name: file?.originalName ?? null,
    evidence_mime: file?.mime ?? null,
    evidence_sha256: file?.sha256 ?? null,
    created_by_user_id: actor.userId,
    created_at: now.toISOString(),
  };
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto("training_record").values(values).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: "training_record", entityId: id, action: "record", after: values, at: now });
    return id;
  });
  return { ok: true, id };
}

export async function listTrainingRecords(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("training_record")
    .innerJoin("user", "user.id", "training_record.user_id")
    .leftJoin("competence", "competence.id", "training_record.competence_id")
    .select([
      "training_record.id",
      "training_record.user_id",
      "user.display_name as user_name",
      "competence.code as competence_code",
      "training_record.course",
      "training_record.provider",
      "training_record.start_date",
      "training_record.end_date",
      "training_record.hours",
      "training_record.expires_on",
      "training_record.evidence_document_code",
      "training_record.evidence_original_name",
    ])
    .where("training_record.unit_id", "=", unitId)
    .orderBy("training_record.end_date", "desc")
    .execute();
}

async function heldRecords(db: Kysely<Database>, userIds: readonly number[]): Promise<Map<number, HeldRecord[]>> {
  const out = new Map<number, HeldRecord[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom("training_record")
    .select(["user_id", "competence_id", "end_date", "expires_on"])
    .where("user_id", "in", [...userIds])
    .execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), { competenceId: r.competence_id, endDate: r.end_date, expiresOn: r.expires_on }]);
  return out;
}

/** The unit's staff (not inspectors or administrators), each with the competences required of them and the records held. */
async function peopleWithRequirements(db: Kysely<Database>, unitId: number) {
  const competences = await listCompetences(db, unitId);
  const users = await db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user.display_name", "user_role.role"])
    .where("user.unit_id", "=", unitId)
    .where("user.is_disabled", "=", 0)
    .where("user_role.role", "not in", ["inspector", "admin"])
    .orderBy("user.display_name")
    .execute();
  const people = new Map<number, { id: number; name: string; roles: Role[] }>();
  for (const u of users) {
    const p = people.get(u.id) ?? { id: u.id, name: u.display_name, roles: [] };
    p.roles.push(u.role);
    people.set(u.id, p);
  }
  const ids = [...people.keys()];
  const [areas, held] = await Promise.all([getWorkAreas(db, ids), heldRecords(db, ids)]);
  const rows = [...people.values()].map((p) => {
    const a = areas.get(p.id) ?? { fields: [], processes: [] };
    const requiredIds = competences
      .filter((c) =>
        c.requiredFor.some(
          (r) => (r.kind === "role" && p.roles.includes(r.code as Role)) || (r.kind === "field" && a.fields.includes(r.code)) || (r.kind === "process" && a.processes.includes(r.code)),
        ),
      )
      .map((c) => c.id);
    return { userId: p.id, name: p.name, requiredIds, held: held.get(p.id) ?? [] };
  });
  return { competences, rows };
}

export type MatrixCell = { competenceId: number; required: boolean; status: CompetenceStatus };

/** People × competences: held / lapsing / missing, and whether the person's role or work areas require it. */
export async function getCompetenceMatrix(db: Kysely<Database>, unitId: number, today: string) {
  const { competences, rows: people } = await peopleWithRequirements(db, unitId);
  const rows = people.map((p) => {
    const cells: MatrixCell[] = competences.map((c) => ({
      competenceId: c.id,
      required: p.requiredIds.includes(c.id),
      status: competenceStatus(p.held, c.id, today),
    }));
    return { userId: p.userId, name: p.name, cells };
  });
  const gaps = rows.reduce((n, r) => n + r.cells.filter((c) => c.required && c.status === "missing").length, 0);
  const lapsing = rows.reduce((n, r) => n + r.cells.filter((c) => c.required && c.status === "lapsing").length, 0);
  return { competences: competences.map((c) => ({ id: c.id, code: c.code, title: c.title })), rows, gaps, lapsing };
}

/**
 * The audit team's competence rule, beside the own-work rule (ISO 19011 §7.2): every member must hold
 * a valid auditor competence on the day. Returns the members who do not.
 */
export async function membersWithoutAuditorCompetence(db: Kysely<Database>, unitId: number, userIds: readonly number[], today: string): Promise<number[]> {
  const c = await db.selectFrom("competence").select("id").where("unit_id", "=", unitId).where("code", "=", AUDITOR_COMPETENCE).executeTakeFirst();
  // A unit that has not defined the auditor competence yet keeps the role rule alone.
  if (!c) return [];
  const held = await heldRecords(db, userIds);
  return userIds.filter((id) => !isValid(competenceStatus(held.get(id) ?? [], c.id, today)));
}

/** Fields a handler works in whose required competence he or she lacks (a warning, not a refusal). */
export async function fieldCompetenceGaps(db: Kysely<Database>, unitId: number, userId: number, today: string): Promise<string[]> {
  const areas = (await getWorkAreas(db, [userId])).get(userId) ?? { fields: [], processes: [] };
  if (areas.fields.length === 0) return [];
  const reqs = await db
    .selectFrom("competence_requirement")
    .innerJoin("competence", "competence.id", "competence_requirement.competence_id")
    .select(["competence_requirement.area_code", "competence.id"])
    .where("competence.unit_id", "=", unitId)
    .where("competence_requirement.area_kind", "=", "field")
    .where("competence_requirement.area_code", "in", areas.fields)
    .execute();
  const held = (await heldRecords(db, [userId])).get(userId) ?? [];
  return [...new Set(reqs.filter((r) => !isValid(competenceStatus(held, r.id, today))).map((r) => r.area_code))];
}

export type HandlerCompetenceGap = { userId: number; missing: { code: string; title: string }[] };

/**
 * For each of the given staff who would lack, as handler of a dossier of `field`, a competence the field
 * or their role requires (`handlerCompetenceGaps`): what is missing. The desk warns, it does not refuse.
 */
export async function listHandlerCompetenceGaps(
  db: Kysely<Database>,
  unitId: number,
  field: string,
  userIds: readonly number[],
  today: string,
): Promise<HandlerCompetenceGap[]> {
  if (userIds.length === 0) return [];
  const requirements = await db
    .selectFrom("competence_requirement")
    .innerJoin("competence", "competence.id", "competence_requirement.competence_id")
    .select(["competence.id", "competence.code", "competence.title", "competence_requirement.area_kind", "competence_requirement.area_code"])
    .where("competence.unit_id", "=", unitId)
    .where((eb) => eb.or([eb("competence_requirement.area_kind", "=", "role"), eb.and([eb("competence_requirement.area_kind", "=", "field"), eb("competence_requirement.area_code", "=", field)])]))
    .orderBy("competence.code")
    .execute();
  if (requirements.length === 0) return [];
  const [roles, held] = await Promise.all([
    db.selectFrom("user_role").select(["user_id", "role"]).where("user_id", "in", [...userIds]).execute(),
    heldRecords(db, userIds),
  ]);
  const rules = requirements.map((r) => ({ competenceId: r.id, kind: r.area_kind, code: r.area_code }));
  const byId = new Map(requirements.map((r) => [r.id, { code: r.code, title: r.title }] as const));
  return userIds.flatMap((userId) => {
    const person = { roles: roles.filter((r) => r.user_id === userId).map((r) => r.role), held: held.get(userId) ?? [] };
    const missing = handlerCompetenceGaps(rules, person, field, today).map((id) => byId.get(id)!);
    return missing.length ? [{ userId, missing }] : [];
  });
}

export async function listTrainingPlan(db: Kysely<Database>, unitId: number, year: number) {
  const items = await db
    .selectFrom("training_plan_item")
    .leftJoin("competence", "competence.id", "training_plan_item.competence_id")
    .selectAll("training_plan_item")
    .select("competence.code as competence_code")
    .where("training_plan_item.unit_id", "=", unitId)
    .where("training_plan_item.year", "=", year)
    .orderBy("training_plan_item.planned_date")
    .execute();
  const attendance = items.length
    ? await db
        .selectFrom("training_attendance")
        .innerJoin("user", "user.id", "training_attendance.user_id")
        .select(["training_attendance.plan_item_id", "training_attendance.user_id", "training_attendance.attended", "user.display_name"])
        .where("plan_item_id", "in", items.map((i) => i.id))
        .execute()
    : [];
  return items.map((i) => ({ ...i, attendees: attendance.filter((a) => a.plan_item_id === i.id).map((a) => ({ userId: a.user_id, name: a.display_name, attended: a.attended })) }));
}

export async function addPlanItem(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  input: { year: number; competenceId?: number; course: string; provider: string; plannedDate: string; hours?: number },
  attendeeIds: readonly number[],
  now = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = {
      unit_id: unitId,
      year: input.year,
      competence_id: input.competenceId ?? null,
      course: input.course,
      provider: input.provider,
      planned_date: input.plannedDate,
      hours: input.hours ?? null,
      created_at: now.toISOString(),
    };
    const { id } = await trx.insertInto("training_plan_item").values(values).returning("id").executeTakeFirstOrThrow();
    const valid = attendeeIds.length
      ? (await trx.selectFrom("user").select("id").where("unit_id", "=", unitId).where("id", "in", [...attendeeIds]).execute()).map((u) => u.id)
      : [];
    if (valid.length) await trx.insertInto("training_attendance").values(valid.map((user_id) => ({ plan_item_id: id, user_id, attended: null, marked_at: null }))).execute();
    await recordAudit(trx, { actor, unitId, entityType: "training_plan_item", entityId: id, action: "plan", after: { ...values, attendees: valid }, at: now });
    return id;
  });
}

/** Marks attendance; who attended gets a training record (competence held from the planned date). */
export async function markAttendance(db: Kysely<Database>, actor: Actor, unitId: number, planItemId: number, attendedIds: readonly number[], now = new Date()): Promise<boolean> {
  const item = await db.selectFrom("training_plan_item").selectAll().where("id", "=", planItemId).where("unit_id", "=", unitId).executeTakeFirst();
  if (!item) return false;
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom("training_attendance").selectAll().where("plan_item_id", "=", planItemId).execute();
    for (const r of rows) {
      const attended = attendedIds.includes(r.user_id) ? 1 : 0;
      await trx.updateTable("training_attendance").set({ attended, marked_at: stamp }).where("plan_item_id", "=", planItemId).where("user_id", "=", r.user_id).execute();
      if (attended && r.attended !== 1) {
        let expires: string | null = null;
        if (item.competence_id) {
          const c = await trx.selectFrom("competence").select("validity_months").where("id", "=", item.competence_id).executeTakeFirst();
          if (c?.validity_months) {
            const d = new Date(`${item.planned_date}T00:00:00Z`);
            d.setUTCMonth(d.getUTCMonth() + c.validity_months);
            expires = d.toISOString().slice(0, 10);
          }
        }
        await trx
          .insertInto("training_record")
          .values({
            unit_id: unitId,
            user_id: r.user_id,
            competence_id: item.competence_id,
            plan_item_id: item.id,
            course: item.course,
            provider: item.provider,
            start_date: item.planned_date,
            end_date: item.planned_date,
            hours: item.hours,
            expires_on: expires,
            evidence_document_code: null,
            evidence_stored_name: null,
            evidence_original_name: null,
            evidence_mime: null,
            evidence_sha256: null,
            created_by_user_id: actor.kind === "user" ? actor.userId : null,
            created_at: stamp,
          })
          .execute();
      }
    }
    await recordAudit(trx, { actor, unitId, entityType: "training_plan_item", entityId: planItemId, action: "attendance", after: { attended: attendedIds }, at: now });
  });
  return true;
}

/** §9.3.2 inputs of competence (§7.2): gaps and lapsing on the day read, training completed in the window. */
export async function getCompetenceReviewInputs(db: Kysely<Database>, unitId: number, window: { from: string; to: string }, today: string) {
  const [{ competences, rows }, trainings] = await Promise.all([
    peopleWithRequirements(db, unitId),
    db
      .selectFrom("training_record")
      .select(["user_id", "course", "provider", "end_date", "hours"])
      .where("unit_id", "=", unitId)
      .where("end_date", ">=", window.from)
      .where("end_date", "<=", window.to)
      .execute(),
  ]);
  return competenceReviewInputs({
    competences: competences.map((c) => ({ id: c.id, code: c.code, title: c.title })),
    people: rows,
    trainings: trainings.map((t) => ({ userId: t.user_id, course: t.course, provider: t.provider, endDate: t.end_date, hours: t.hours === null ? null : Number(t.hours) })),
    window,
    today,
  });
}
