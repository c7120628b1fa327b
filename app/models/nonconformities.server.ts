import { sql, type Kysely, type Selectable } from "kysely";
import { businessDateOf } from "~/utils/clock";
import type { Database, NonconformityTable } from "#db/schema";
import type { CauseMethod, NcGrade, NcSource, NcState } from "~/domain/nonconformities/nonconformity";
import { checkNcAction, formatNcCode, isRepeat, type NcAction } from "~/domain/nonconformities/workflow";
import { personalDataMask, UNMASKED, type KnownPersonalData, type TextMask } from "~/domain/shared/personal-data";
import type { MessageKey } from "~/i18n";
import { recordAudit, type Actor } from "./audit-log.server";
import { inTransaction } from "./transaction.server";
import { may } from "~/domain/accounts/permissions";
import type { Role } from "~/domain/accounts/roles";
import { lockForNumbering } from "#db/sql";

export type LinkType = "dossier" | "feedback" | "audit_finding" | "document";

export interface NewNonconformity {
  source: NcSource;
  process: string;
  isoClause: string;
  grade: NcGrade;
  title: string;
  description: string;
  evidence?: string | null | undefined;
  foundAt: Date;
  foundByUserId: number | null;
  links?: ReadonlyArray<{ entityType: LinkType; entityId: number; reason?: string | null }>;
}

function snapshot(nc: Partial<Selectable<NonconformityTable>>) {
  return {
    code: nc.code,
    state: nc.state,
    source: nc.source,
    process: nc.process,
    isoClause: nc.iso_clause,
    grade: nc.grade,
    reopenCount: nc.reopen_count ?? 0,
    mergedIntoId: nc.merged_into_id ?? null,
  };
}

async function nextCode(trx: Kysely<Database>, year: number): Promise<string> {
  // Numbers compare as numbers: NC-2030-1000 comes after NC-2030-999.
  await lockForNumbering(trx, `nc-code:${year}`);
  const last = await trx
    .selectFrom("nonconformity")
    .select(sql<number | null>`max(cast(substr(code, 9) as integer))`.as("n"))
    .where("code", "like", `NC-${year}-%`)
    .executeTakeFirst();
  return formatNcCode(year, (last?.n ?? 0) + 1);
}

/** Records a nonconformity with its links to the records it came from. Call inside a transaction. */
export async function insertNonconformity(
  trx: Kysely<Database>,
  actor: Actor,
  unitId: number,
  input: NewNonconformity,
  now = new Date(),
): Promise<{ id: number; code: string }> {
  const stamp = now.toISOString();
  const code = await nextCode(trx, Number(businessDateOf(input.foundAt).slice(0, 4)));
  const row = {
    unit_id: unitId,
    code,
    source: input.source,
    process: input.process,
    iso_clause: input.isoClause,
    grade: input.grade,
    state: "open" as const,
    title: input.title,
    description: input.description,
    evidence: input.evidence ?? null,
    found_by_user_id: input.foundByUserId,
    found_at: input.foundAt.toISOString(),
    correction: null,
    cause_method: null,
    cause_analysis_json: null,
    root_cause: null,
    verification_note: null,
    verified_by_user_id: null,
    verified_at: null,
    merged_into_id: null,
    closed_at: null,
    created_at: stamp,
    updated_at: stamp,
  };
  const { id } = await trx.insertInto("nonconformity").values(row).returning("id").executeTakeFirstOrThrow();
  for (const link of input.links ?? []) {
    await trx
      .insertInto("nonconformity_link")
      .values({ nonconformity_id: id, entity_type: link.entityType, entity_id: link.entityId, reason: link.reason ?? null, created_at: stamp })
      .execute();
  }
  await recordAudit(trx, { actor, unitId, entityType: "nonconformity", entityId: id, action: "raised", after: { ...snapshot(row), links: input.links ?? [] }, at: now });
  return { id, code };
}

export async function raiseNonconformity(db: Kysely<Database>, actor: Actor, unitId: number, input: NewNonconformity, now = new Date()) {
  return inTransaction(db, (trx) => insertNonconformity(trx, actor, unitId, input, now));
}

/**
 * A dossier that became late, or got a second supplement request: joins the open "late dossier"
 * nonconformity of the same procedure, or raises one. Call inside the dossier change's transaction.
 */
export async function raiseOrJoinForDossier(
  trx: Kysely<Database>,
  actor: Actor,
  dossier: { id: number; unitId: number; code: string; procedureCode: string; procedureName: string },
  reason: "late" | "second_supplement",
  now = new Date(),
): Promise<{ id: number; code: string; joined: boolean }> {
  const linked = await trx
    .selectFrom("nonconformity_link")
    .innerJoin("nonconformity", "nonconformity.id", "nonconformity_link.nonconformity_id")
    .select(["nonconformity.id", "nonconformity.code"])
    .where("nonconformity_link.entity_type", "=", "dossier")
    .where("nonconformity_link.entity_id", "=", dossier.id)
    .where("nonconformity.state", "!=", "closed")
    .executeTakeFirst();
  if (linked) return { ...linked, joined: true };
  const open = await trx
    .selectFrom("nonconformity")
    .select(["id", "code"])
    .where("unit_id", "=", dossier.unitId)
    .where("source", "=", "late_dossier")
    .where("process", "=", dossier.procedureCode)
    .where("state", "not in", ["verified", "closed"])
    .where("merged_into_id", "is", null)
    .orderBy("id", "desc")
    .executeTakeFirst();
  const why = reason === "late" ? "Hồ sơ trễ hạn" : "Hồ sơ bị yêu cầu bổ sung lần thứ hai";
  if (open) {
    await trx
      .insertInto("nonconformity_link")
      .values({ nonconformity_id: open.id, entity_type: "dossier", entity_id: dossier.id, reason: why, created_at: now.toISOString() })
      .execute();
    await recordAudit(trx, { actor, unitId: dossier.unitId, entityType: "nonconformity", entityId: open.id, action: "linked", after: { dossier: dossier.code, reason: why }, at: now });
    return { ...open, joined: true };
  }
  const raised = await insertNonconformity(
    trx,
    actor,
    dossier.unitId,
    {
      source: "late_dossier",
      process: dossier.procedureCode,
      isoClause: "8.5.1",
      grade: "minor",
      title: `${why}: ${dossier.procedureName}`,
      description: `${why} (${dossier.code}). Thủ tục: ${dossier.procedureName}.`,
      evidence: `Hồ sơ ${dossier.code}; phiếu kiểm soát quá trình, phiếu xin lỗi và hẹn lại (nếu có).`,
      foundAt: now,
      foundByUserId: null,
      links: [{ entityType: "dossier", entityId: dossier.id, reason: why }],
    },
    now,
  );
  return { ...raised, joined: false };
}

export interface NcFilter {
  state?: NcState | undefined;
  source?: NcSource | undefined;
  openOnly?: boolean | undefined;
}

/** Who reads: an inspector gets citizens' personal data masked in every text (app/domain/shared/personal-data.ts). */
export interface NcReader {
  maskPersonalData: boolean;
}

const FULL_READER: NcReader = { maskPersonalData: false };

const DOSSIER_CODE_IN_TEXT = /[0-9A-Za-z.]+-\d{6}-\d{4}/g;
const FEEDBACK_CODE_IN_TEXT = /[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/g;

/**
 * The citizens behind nonconformities: applicants of the dossiers and senders of the feedback linked
 * to them, sampled for them by an audit, or named by code in their text.
 */
export async function findPersonalDataOf(db: Kysely<Database>, unitId: number, ncIds: readonly number[], texts: readonly string[]): Promise<KnownPersonalData> {
  const ids = [...ncIds];
  const [links, sampled] = ids.length
    ? await Promise.all([
        db.selectFrom("nonconformity_link").select(["entity_type", "entity_id"]).where("nonconformity_id", "in", ids).execute(),
        db.selectFrom("internal_audit_sample").select("dossier_id").where("nonconformity_id", "in", ids).execute(),
      ])
    : [[], []];
  const feedbackIds = links.filter((l) => l.entity_type === "feedback").map((l) => l.entity_id);
  const feedbackCodes = [...new Set(texts.flatMap((t) => t.match(FEEDBACK_CODE_IN_TEXT) ?? []))];
  const feedback =
    ids.length || feedbackIds.length || feedbackCodes.length
      ? await db
          .selectFrom("feedback_item")
          .select(["contact_name", "contact_phone", "contact_id_number", "contact_email", "dossier_id"])
          .where("unit_id", "=", unitId)
          .where((eb) =>
            eb.or([
              ...(ids.length ? [eb("nonconformity_id", "in", ids)] : []),
              ...(feedbackIds.length ? [eb("id", "in", feedbackIds)] : []),
              ...(feedbackCodes.length ? [eb("code", "in", feedbackCodes)] : []),
            ]),
          )
          .execute()
      : [];
  const dossierIds = [
    ...new Set([
      ...links.filter((l) => l.entity_type === "dossier").map((l) => l.entity_id),
      ...sampled.map((s) => s.dossier_id),
      ...feedback.flatMap((f) => (f.dossier_id === null ? [] : [f.dossier_id])),
    ]),
  ];
  const dossierCodes = [...new Set(texts.flatMap((t) => t.match(DOSSIER_CODE_IN_TEXT) ?? []))];
  const dossiers =
    dossierIds.length || dossierCodes.length
      ? await db
          .selectFrom("dossier")
          .select(["applicant_name", "applicant_phone", "applicant_id_number"])
          .where("unit_id", "=", unitId)
          .where((eb) =>
            eb.or([...(dossierIds.length ? [eb("id", "in", dossierIds)] : []), ...(dossierCodes.length ? [eb("code", "in", dossierCodes)] : [])]),
          )
          .execute()
      : [];
  return {
    names: [...dossiers.map((d) => d.applicant_name), ...feedback.map((f) => f.contact_name)],
    numbers: [
      ...dossiers.flatMap((d) => [d.applicant_phone, d.applicant_id_number]),
      ...feedback.flatMap((f) => [f.contact_phone, f.contact_id_number]),
    ],
    emails: feedback.map((f) => f.contact_email),
  };
}

const NC_TEXTS = ["title", "description", "evidence", "correction", "root_cause", "verification_note"] as const;

type NcTexts = Pick<Selectable<NonconformityTable>, (typeof NC_TEXTS)[number] | "cause_analysis_json">;

const textsOf = (nc: NcTexts) => [...NC_TEXTS.map((k) => nc[k] ?? ""), nc.cause_analysis_json ?? ""];

function maskNcTexts<T extends NcTexts>(nc: T, mask: TextMask): T {
  const analysis = nc.cause_analysis_json ? (JSON.parse(nc.cause_analysis_json) as string[]).map(mask) : null;
  return {
    ...nc,
    title: mask(nc.title),
    description: mask(nc.description),
    evidence: nc.evidence === null ? null : mask(nc.evidence),
    correction: nc.correction === null ? null : mask(nc.correction),
    root_cause: nc.root_cause === null ? null : mask(nc.root_cause),
    verification_note: nc.verification_note === null ? null : mask(nc.verification_note),
    cause_analysis_json: analysis ? JSON.stringify(analysis) : nc.cause_analysis_json,
  };
}

async function maskFor(db: Kysely<Database>, unitId: number, reader: NcReader, ncIds: readonly number[], texts: readonly string[]): Promise<TextMask> {
  return reader.maskPersonalData ? personalDataMask(await findPersonalDataOf(db, unitId, ncIds, texts)) : UNMASKED;
}

export async function listNonconformities(db: Kysely<Database>, unitId: number, filter: NcFilter, reader: NcReader = FULL_READER) {
  let query = db.selectFrom("nonconformity").selectAll().where("unit_id", "=", unitId).where("merged_into_id", "is", null);
  if (filter.state) query = query.where("state", "=", filter.state);
  if (filter.source) query = query.where("source", "=", filter.source);
  if (filter.openOnly) query = query.where("state", "!=", "closed");
  const rows = await query.orderBy("found_at", "desc").limit(1000).execute();
  const all = await db
    .selectFrom("nonconformity")
    .select(["id", "process", "iso_clause", "found_at"])
    .where("unit_id", "=", unitId)
    .where("merged_into_id", "is", null)
    .execute();
  const history = all.map((o) => ({ id: o.id, process: o.process, isoClause: o.iso_clause, foundAt: o.found_at }));
  const mask = await maskFor(db, unitId, reader, rows.map((r) => r.id), rows.flatMap(textsOf));
  return rows.map((r) => ({
    ...(reader.maskPersonalData ? maskNcTexts(r, mask) : r),
    repeat: isRepeat({ id: r.id, process: r.process, isoClause: r.iso_clause, foundAt: r.found_at }, history),
  }));
}

export async function getNonconformity(db: Kysely<Database>, unitId: number, code: string, reader: NcReader = FULL_READER) {
  const found = await db.selectFrom("nonconformity").selectAll().where("unit_id", "=", unitId).where("code", "=", code).executeTakeFirst();
  if (!found) return null;
  const [foundActions, links, mergedInto, people] = await Promise.all([
    db.selectFrom("corrective_action").selectAll().where("nonconformity_id", "=", found.id).orderBy("round").orderBy("id").execute(),
    db.selectFrom("nonconformity_link").selectAll().where("nonconformity_id", "=", found.id).orderBy("id").execute(),
    found.merged_into_id ? db.selectFrom("nonconformity").select("code").where("id", "=", found.merged_into_id).executeTakeFirst() : undefined,
    db.selectFrom("user").select(["id", "display_name"]).where("unit_id", "=", unitId).execute(),
  ]);
  const mask = await maskFor(db, unitId, reader, [found.id], [
    ...textsOf(found),
    ...foundActions.flatMap((a) => [a.description, a.evidence ?? ""]),
  ]);
  const nc = reader.maskPersonalData ? maskNcTexts(found, mask) : found;
  const actions = foundActions.map((a) => (reader.maskPersonalData ? { ...a, description: mask(a.description), evidence: a.evidence === null ? null : mask(a.evidence) } : a));
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const linkLabels = await Promise.all(
    links.map(async (l) => {
      const reason = l.reason === null ? null : mask(l.reason);
      if (l.entity_type === "dossier") {
        const d = await db.selectFrom("dossier").select("code").where("id", "=", l.entity_id).executeTakeFirst();
        return { ...l, reason, label: d?.code ?? `#${l.entity_id}`, href: d ? `/staff/dossiers/${d.code}` : null };
      }
      if (l.entity_type === "feedback") {
        const f = await db.selectFrom("feedback_item").select("code").where("id", "=", l.entity_id).executeTakeFirst();
        return { ...l, reason, label: f?.code ?? `#${l.entity_id}`, href: f ? `/staff/feedback/${f.code}` : null };
      }
      if (l.entity_type === "audit_finding") {
        const q = await db
          .selectFrom("internal_audit_question")
          .innerJoin("internal_audit", "internal_audit.id", "internal_audit_question.audit_id")
          .select(["internal_audit.code", "internal_audit_question.template_code", "internal_audit_question.position"])
          .where("internal_audit_question.id", "=", l.entity_id)
          .executeTakeFirst();
        return q
          ? { ...l, reason, label: `${q.code} – ${q.template_code}/${q.position}`, href: `/staff/audits/${q.code}#question-${l.entity_id}` }
          : { ...l, reason, label: `#${l.entity_id}`, href: null };
      }
      return { ...l, reason, label: `#${l.entity_id}`, href: null };
    }),
  );
  const others = await db
    .selectFrom("nonconformity")
    .select(["id", "process", "iso_clause", "found_at"])
    .where("unit_id", "=", unitId)
    .where("merged_into_id", "is", null)
    .execute();
  return {
    nc: {
      ...nc,
      analysis: nc.cause_analysis_json ? (JSON.parse(nc.cause_analysis_json) as string[]) : [],
      repeat: isRepeat({ id: nc.id, process: nc.process, isoClause: nc.iso_clause, foundAt: nc.found_at }, others.map((o) => ({ id: o.id, process: o.process, isoClause: o.iso_clause, foundAt: o.found_at }))),
      foundByName: nc.found_by_user_id ? (names.get(nc.found_by_user_id) ?? null) : null,
      verifiedByName: nc.verified_by_user_id ? (names.get(nc.verified_by_user_id) ?? null) : null,
      mergedIntoCode: mergedInto?.code ?? null,
    },
    actions: actions.map((a) => ({
      ...a,
      ownerName: names.get(a.owner_user_id) ?? `#${a.owner_user_id}`,
      doneByName: a.done_by_user_id ? (names.get(a.done_by_user_id) ?? null) : null,
    })),
    links: linkLabels,
  };
}

export type NcDetail = NonNullable<Awaited<ReturnType<typeof getNonconformity>>>;
export type NcResult = { ok: true } | { ok: false; error: MessageKey };

export type NcStep =
  | { action: "record_correction"; correction: string }
  | { action: "analyse_cause"; method: CauseMethod; analysis: string[]; rootCause: string }
  | { action: "plan_actions" }
  | { action: "complete_actions" }
  | { action: "verify"; effective: boolean; note: string }
  | { action: "close" };

/** One step of the handling, refused (nothing changed) when the workflow does not allow it. */
export async function applyNcStep(
  db: Kysely<Database>,
  actor: { kind: "user"; userId: number },
  unitId: number,
  ncId: number,
  step: NcStep,
  now = new Date(),
): Promise<NcResult> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("nonconformity").selectAll().where("id", "=", ncId).where("unit_id", "=", unitId).executeTakeFirstOrThrow();
    const round = await currentRound(trx, ncId);
    const actions = await trx
      .selectFrom("corrective_action")
      .select(["status", "owner_user_id", "done_by_user_id"])
      .where("nonconformity_id", "=", ncId)
      .where("round", "=", round)
      .execute();
    const check = checkNcAction(
      { state: before.state, actions: actions.map((a) => ({ status: a.status, ownerUserId: a.owner_user_id, doneByUserId: a.done_by_user_id })) },
      step.action as NcAction,
      { actorUserId: actor.userId, effective: step.action === "verify" ? step.effective : undefined },
    );
    if (!check.ok) return check;
    const stamp = now.toISOString();
    const changes: Partial<Selectable<NonconformityTable>> = { state: check.to, updated_at: stamp };
    if (step.action === "record_correction") changes.correction = step.correction;
    if (step.action === "analyse_cause") {
      changes.cause_method = step.method;
      changes.cause_analysis_json = JSON.stringify(step.analysis);
      changes.root_cause = step.rootCause;
    }
    if (step.action === "verify") {
      changes.verification_note = step.note;
      changes.verified_by_user_id = actor.userId;
      changes.verified_at = stamp;
      if (!step.effective) changes.reopen_count = before.reopen_count + 1;
    }
    if (step.action === "close") changes.closed_at = stamp;
    await trx.updateTable("nonconformity").set(changes).where("id", "=", ncId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "nonconformity",
      entityId: ncId,
      action: step.action,
      before: snapshot(before),
      after: { ...snapshot({ ...before, ...changes }), ...(step.action === "verify" ? { effective: step.effective } : {}) },
      at: now,
    });
    return { ok: true };
  });
}

async function currentRound(trx: Kysely<Database>, ncId: number): Promise<number> {
  const nc = await trx.selectFrom("nonconformity").select("reopen_count").where("id", "=", ncId).executeTakeFirstOrThrow();
  return nc.reopen_count + 1;
}

/** Adds a corrective action (owner and due date required) while the plan is open. */
export async function addCorrectiveAction(
  db: Kysely<Database>,
  actor: { kind: "user"; userId: number },
  unitId: number,
  ncId: number,
  input: { description: string; ownerUserId: number; dueDate: string },
  now = new Date(),
): Promise<NcResult> {
  return inTransaction(db, async (trx) => {
    const nc = await trx.selectFrom("nonconformity").select(["state"]).where("id", "=", ncId).where("unit_id", "=", unitId).executeTakeFirstOrThrow();
    if (nc.state !== "cause_analysed" && nc.state !== "actions_planned") return { ok: false, error: "nc.error.actionNotEditable" };
    const stamp = now.toISOString();
    const row = {
      nonconformity_id: ncId,
      round: await currentRound(trx, ncId),
      description: input.description,
      owner_user_id: input.ownerUserId,
      due_date: input.dueDate,
      status: "planned" as const,
      evidence: null,
      done_by_user_id: null,
      done_at: null,
      created_at: stamp,
      updated_at: stamp,
    };
    const { id } = await trx.insertInto("corrective_action").values(row).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: "corrective_action", entityId: id, action: "created", after: { ncId, ...input, round: row.round }, at: now });
    return { ok: true };
  });
}

/** The owner (or the quality lead) records an action as done, with its evidence. */
export async function completeCorrectiveAction(
  db: Kysely<Database>,
  actor: { kind: "user"; userId: number; roles: readonly Role[] },
  unitId: number,
  actionId: number,
  evidence: string,
  now = new Date(),
  ncId?: number,
): Promise<NcResult> {
  return inTransaction(db, async (trx) => {
    const action = await trx
      .selectFrom("corrective_action")
      .innerJoin("nonconformity", "nonconformity.id", "corrective_action.nonconformity_id")
      .select(["corrective_action.id", "corrective_action.nonconformity_id", "corrective_action.status", "corrective_action.owner_user_id", "nonconformity.state", "nonconformity.unit_id"])
      .where("corrective_action.id", "=", actionId)
      .executeTakeFirst();
    // An id from the form that names no action (or another unit's) is the client's mistake, not a 500.
    if (!action) return { ok: false, error: "nc.error.actionNotEditable" };
    if (action.unit_id !== unitId || (ncId !== undefined && action.nonconformity_id !== ncId) || action.status !== "planned" || action.state !== "actions_planned") {
      return { ok: false, error: "nc.error.actionNotEditable" };
    }
    if (action.owner_user_id !== actor.userId && !may(actor.roles, "keepQualitySystem")) return { ok: false, error: "document.error.notAllowed" };
    const stamp = now.toISOString();
    await trx
      .updateTable("corrective_action")
      .set({ status: "done", evidence, done_by_user_id: actor.userId, done_at: stamp, updated_at: stamp })
      .where("id", "=", actionId)
      .execute();
    await recordAudit(trx, { actor: { kind: "user", userId: actor.userId }, unitId, entityType: "corrective_action", entityId: actionId, action: "done", before: { status: "planned" }, after: { status: "done", evidence }, at: now });
    return { ok: true };
  });
}

/** The quality lead merges a duplicate into another nonconformity; links move to it. */
export async function mergeNonconformity(
  db: Kysely<Database>,
  actor: { kind: "user"; userId: number },
  unitId: number,
  fromId: number,
  intoCode: string,
  now = new Date(),
): Promise<NcResult> {
  return inTransaction(db, async (trx) => {
    const into = await trx.selectFrom("nonconformity").select(["id", "code"]).where("unit_id", "=", unitId).where("code", "=", intoCode).executeTakeFirst();
    if (!into) return { ok: false, error: "nc.error.notFound" };
    if (into.id === fromId) return { ok: false, error: "nc.error.mergeSelf" };
    const links = await trx.selectFrom("nonconformity_link").selectAll().where("nonconformity_id", "=", fromId).execute();
    for (const l of links) {
      await trx
        .insertInto("nonconformity_link")
        .values({ nonconformity_id: into.id, entity_type: l.entity_type, entity_id: l.entity_id, reason: l.reason, created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx.updateTable("nonconformity").set({ merged_into_id: into.id, state: "closed", closed_at: now.toISOString(), updated_at: now.toISOString() }).where("id", "=", fromId).where("unit_id", "=", unitId).execute();
    // The duplicate's open actions end with it; the surviving nonconformity carries the plan.
    await trx.updateTable("corrective_action").set({ status: "cancelled", updated_at: now.toISOString() }).where("nonconformity_id", "=", fromId).where("status", "=", "planned").execute();
    await recordAudit(trx, { actor, unitId, entityType: "nonconformity", entityId: fromId, action: "merged", after: { into: into.code, links: links.length }, at: now });
    return { ok: true };
  });
}

/** Counts by source, process, clause and grade for nonconformities found in a period, and repeats. */
export async function analyseNonconformities(db: Kysely<Database>, unitId: number, from: string, to: string) {
  const rows = await listNonconformities(db, unitId, {});
  const inPeriod = rows.filter((r) => {
    const day = businessDateOf(new Date(r.found_at));
    return day >= from && day <= to;
  });
  const count = (key: (r: (typeof rows)[number]) => string) => {
    const m = new Map<string, number>();
    for (const r of inPeriod) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => ({ key: k, count: n }));
  };
  return {
    total: inPeriod.length,
    bySource: count((r) => r.source),
    byProcess: count((r) => r.process),
    byClause: count((r) => r.iso_clause),
    byGrade: count((r) => r.grade),
    repeats: inPeriod.filter((r) => r.repeat).length,
  };
}

/** Open actions of a user, overdue first. */
export async function listMyOpenActions(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom("corrective_action")
    .innerJoin("nonconformity", "nonconformity.id", "corrective_action.nonconformity_id")
    .select(["corrective_action.id", "corrective_action.description", "corrective_action.due_date", "nonconformity.code"])
    .where("corrective_action.owner_user_id", "=", userId)
    .where("corrective_action.status", "=", "planned")
    .where("nonconformity.state", "!=", "closed")
    .orderBy("corrective_action.due_date")
    .execute();
}

/** Notifies each owner once of each overdue action. Returns how many notices were created. */
export async function notifyOverdueActions(db: Kysely<Database>, unitId: number, today: string, now = new Date()): Promise<number> {
  const overdue = await db
    .selectFrom("corrective_action")
    .innerJoin("nonconformity", "nonconformity.id", "corrective_action.nonconformity_id")
    .select(["corrective_action.id", "corrective_action.owner_user_id", "corrective_action.description", "corrective_action.due_date", "nonconformity.code"])
    .where("nonconformity.unit_id", "=", unitId)
    .where("nonconformity.state", "!=", "closed")
    .where("corrective_action.status", "=", "planned")
    .where("corrective_action.due_date", "<", today)
    .execute();
  let created = 0;
  for (const a of overdue) {
    const exists = await db
      .selectFrom("notification")
      .select("id")
      .where("kind", "=", "action_overdue")
      .where("entity_type", "=", "corrective_action")
      .where("entity_id", "=", String(a.id))
      .executeTakeFirst();
    if (exists) continue;
    await db
      .insertInto("notification")
      .values({
        unit_id: unitId,
        user_id: a.owner_user_id,
        kind: "action_overdue",
        entity_type: "corrective_action",
        entity_id: String(a.id),
        text: `Hành động khắc phục quá hạn (${a.due_date}) của ${a.code}: ${a.description}`,
        link: `/staff/nonconformities/${a.code}`,
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
    created += 1;
  }
  return created;
}

export async function listUnreadNotifications(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom("notification")
    .select(["id", "text", "link", "created_at"])
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(50)
    .execute();
}

export async function markNotificationRead(db: Kysely<Database>, userId: number, id: number, now = new Date()) {
  await db.updateTable("notification").set({ read_at: now.toISOString() }).where("id", "=", id).where("user_id", "=", userId).execute();
}

/**
 * Raises a nonconformity from a feedback item (one click, or an upheld complaint), linked both ways.
 * Returns the existing one when the item already has it. Call inside a transaction.
 */
export async function insertNcFromFeedback(
  trx: Kysely<Database>,
  actor: { kind: "user"; userId: number },
  unitId: number,
  itemId: number,
  reason: "manual" | "upheld_complaint",
  now = new Date(),
): Promise<{ id: number; code: string }> {
  const item = await trx
    .selectFrom("feedback_item")
    .leftJoin("procedure", "procedure.id", "feedback_item.procedure_id")
    .select(["feedback_item.id", "feedback_item.code", "feedback_item.kind", "feedback_item.subject", "feedback_item.description", "feedback_item.nonconformity_id", "procedure.code as procedure_code"])
    .where("feedback_item.id", "=", itemId)
    .where("feedback_item.unit_id", "=", unitId)
    .executeTakeFirstOrThrow();
  if (item.nonconformity_id) {
    const existing = await trx.selectFrom("nonconformity").select(["id", "code"]).where("id", "=", item.nonconformity_id).executeTakeFirst();
    if (existing) return existing;
  }
  const why = reason === "upheld_complaint" ? "Khiếu nại được giải quyết là đúng" : "Phản ánh của công dân";
  const raised = await insertNonconformity(
    trx,
    actor,
    unitId,
    {
      source: "feedback",
      process: item.procedure_code ?? "QT-07",
      isoClause: item.kind === "complaint" ? "9.1.2" : "8.2.1",
      grade: reason === "upheld_complaint" ? "major" : "minor",
      title: `${why}: ${item.subject}`.slice(0, 300),
      description: item.description,
      evidence: `Mục ${item.code}`,
      foundAt: now,
      foundByUserId: actor.userId,
      links: [{ entityType: "feedback", entityId: item.id, reason: why }],
    },
    now,
  );
  await trx.updateTable("feedback_item").set({ nonconformity_id: raised.id, updated_at: now.toISOString() }).where("id", "=", item.id).execute();
  return raised;
}
