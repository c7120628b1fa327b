import { createHash } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database, DocumentRevisionTable, DocumentTable } from "#db/schema";
import type { Role } from "~/domain/accounts/roles";
import { nextReviewDate, type DocumentFrontMatter, type DocumentRole, type DocumentType } from "~/domain/documents/document";
import { checkRevisionAction, type RevisionAction, type RevisionState } from "~/domain/documents/revision-workflow";
import type { MessageKey } from "~/i18n";
import { queueStaffMail } from "./outbox.server";
import { recordAudit, type Actor } from "./audit-log.server";

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface DocumentFilter {
  type?: DocumentType | undefined;
  state?: "effective" | "pending" | undefined;
  owner?: DocumentRole | undefined;
  review?: "overdue" | "soon" | undefined;
}

/** The register: each document with its effective revision and any revision in the works. */
export async function listDocuments(db: Kysely<Database>, unitId: number, filter: DocumentFilter, today: string) {
  let query = db
    .selectFrom("document")
    .leftJoin("document_revision as eff", (join) =>
      join.onRef("eff.document_id", "=", "document.id").on("eff.state", "=", "effective"),
    )
    .leftJoin("document_revision as pend", (join) =>
      join.onRef("pend.document_id", "=", "document.id").on("pend.state", "in", ["draft", "in_review", "approved"]),
    )
    .select([
      "document.id",
      "document.code",
      "document.title",
      "document.type",
      "document.owner_role",
      "document.next_review_date",
      "eff.revision as effective_revision",
      "eff.effective_date",
      "pend.revision as pending_revision",
      "pend.state as pending_state",
    ])
    .where("document.unit_id", "=", unitId);
  if (filter.type) query = query.where("document.type", "=", filter.type);
  if (filter.owner) query = query.where("document.owner_role", "=", filter.owner);
  if (filter.state === "effective") query = query.where("eff.id", "is not", null);
  if (filter.state === "pending") query = query.where("pend.id", "is not", null);
  if (filter.review === "overdue") query = query.where("document.next_review_date", "<", today);
  if (filter.review === "soon") {
    const soon = new Date(`${today}T00:00:00Z`);
    soon.setUTCDate(soon.getUTCDate() + 30);
    query = query
      .where("document.next_review_date", ">=", today)
      .where("document.next_review_date", "<=", soon.toISOString().slice(0, 10));
  }
  return query.orderBy("document.code").execute();
}

export async function listOverdueReviews(db: Kysely<Database>, unitId: number, today: string) {
  return db
    .selectFrom("document")
    .select(["code", "title", "next_review_date"])
    .where("unit_id", "=", unitId)
    .where("next_review_date", "<", today)
    .orderBy("next_review_date")
    .execute();
}

export type DocumentRow = Selectable<DocumentTable>;
export type RevisionRow = Selectable<DocumentRevisionTable>;

export async function getDocument(db: Kysely<Database>, unitId: number, code: string) {
  const document = await db
    .selectFrom("document")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("code", "=", code)
    .executeTakeFirst();
  if (!document) return null;
  const revisions = await db
    .selectFrom("document_revision")
    .selectAll()
    .where("document_id", "=", document.id)
    .orderBy("revision", "desc")
    .execute();
  return {
    document: {
      ...document,
      isoClauses: JSON.parse(document.iso_clauses_json) as string[],
      related: JSON.parse(document.related_json) as string[],
    },
    revisions,
  };
}

export type DocumentDetail = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

/** What the audit log keeps of a revision (the body is in the revision row itself). */
function revisionSnapshot(r: Pick<RevisionRow, "revision" | "state" | "title" | "content_hash" | "change_reason" | "effective_date" | "approved_by_name">) {
  return {
    revision: r.revision,
    state: r.state,
    title: r.title,
    contentHash: r.content_hash,
    changeReason: r.change_reason,
    effectiveDate: r.effective_date,
    approvedBy: r.approved_by_name,
  };
}

export type ImportOutcome = "created" | "new_revision" | "unchanged" | "pending_exists";

/**
 * Imports one validated file. A new document comes in as its baseline effective revision (the file is
 * the approved controlled source); a changed file for an existing document becomes a new draft that
 * goes through review and approval; an unchanged file changes nothing. Call inside a transaction.
 */
export async function importDocumentFile(
  trx: Kysely<Database>,
  actor: Actor,
  unitId: number,
  file: string,
  source: { frontMatter: DocumentFrontMatter; body: string; text: string },
  now = new Date(),
): Promise<ImportOutcome> {
  const fm = source.frontMatter;
  const hash = contentHash(source.text);
  const stamp = now.toISOString();
  const existing = await trx
    .selectFrom("document")
    .select(["id"])
    .where("unit_id", "=", unitId)
    .where("code", "=", fm.code)
    .executeTakeFirst();

  if (!existing) {
    const { id } = await trx
      .insertInto("document")
      .values({
        unit_id: unitId,
        code: fm.code,
        title: fm.title,
        type: fm.type,
        owner_role: fm.owner_role,
        approver_role: fm.approver_role,
        review_interval_months: fm.review_interval_months,
        iso_clauses_json: JSON.stringify(fm.iso_clauses),
        related_json: JSON.stringify(fm.related),
        source_file: file,
        next_review_date: nextReviewDate(fm.effective_date, fm.review_interval_months),
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const revision = {
      document_id: id,
      revision: fm.revision,
      state: "effective" as const,
      title: fm.title,
      body_md: source.body,
      content_hash: hash,
      change_reason: "Ban hành lần đầu trong hệ thống (nhập từ tệp)",
      effective_date: fm.effective_date,
      created_by_user_id: null,
      created_at: stamp,
      submitted_at: null,
      approved_by_user_id: null,
      approved_by_name: `Theo tệp ${file}`,
      approved_at: `${fm.effective_date}T00:00:00+07:00`,
      approval_comment: null,
      returned_comment: null,
      effective_at: stamp,
      obsoleted_at: null,
      source_file: file,
    };
    const { id: revisionId } = await trx.insertInto("document_revision").values(revision).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: "document", entityId: id, action: "imported", after: { code: fm.code, title: fm.title, file }, at: now });
    await recordAudit(trx, { actor, unitId, entityType: "document_revision", entityId: revisionId, action: "imported", after: revisionSnapshot(revision), at: now });
    return "created";
  }

  const revisions = await trx
    .selectFrom("document_revision")
    .select(["revision", "state", "content_hash"])
    .where("document_id", "=", existing.id)
    .orderBy("revision", "desc")
    .execute();
  if (revisions.some((r) => r.content_hash === hash && r.state !== "obsolete")) return "unchanged";
  if (revisions.some((r) => r.state === "draft" || r.state === "in_review" || r.state === "approved")) return "pending_exists";
  const revision = {
    document_id: existing.id,
    revision: (revisions[0]?.revision ?? 0) + 1,
    state: "draft" as const,
    title: fm.title,
    body_md: source.body,
    content_hash: hash,
    change_reason: `Cập nhật từ tệp ${file}`,
    effective_date: fm.effective_date,
    created_by_user_id: actor.kind === "user" ? actor.userId : null,
    created_at: stamp,
    source_file: file,
  };
  const { id: revisionId } = await trx.insertInto("document_revision").values(revision).returning("id").executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor,
    unitId,
    entityType: "document_revision",
    entityId: revisionId,
    action: "imported",
    after: revisionSnapshot({ ...revision, approved_by_name: null }),
    at: now,
  });
  return "new_revision";
}

export type RevisionResult = { ok: true } | { ok: false; error: MessageKey };

/** Starts a new draft from the editor. Only one revision may be in the works at a time. */
export async function createDraft(
  db: Kysely<Database>,
  actor: Actor & { kind: "user" },
  unitId: number,
  documentId: number,
  input: { title: string; body: string; reason: string },
  now = new Date(),
): Promise<RevisionResult> {
  return db.transaction().execute(async (trx) => {
    const revisions = await trx
      .selectFrom("document_revision")
      .select(["revision", "state", "content_hash"])
      .where("document_id", "=", documentId)
      .orderBy("revision", "desc")
      .execute();
    if (revisions.some((r) => r.state === "draft" || r.state === "in_review" || r.state === "approved")) {
      return { ok: false, error: "document.error.pendingExists" };
    }
    const hash = contentHash(`${input.title}\n${input.body}`);
    const revision = {
      document_id: documentId,
      revision: (revisions[0]?.revision ?? 0) + 1,
      state: "draft" as const,
      title: input.title,
      body_md: input.body,
      content_hash: hash,
      change_reason: input.reason,
      created_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    const { id } = await trx.insertInto("document_revision").values(revision).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "document_revision",
      entityId: id,
      action: "created",
      after: revisionSnapshot({ ...revision, effective_date: null, approved_by_name: null }),
      at: now,
    });
    return { ok: true };
  });
}

export async function editDraft(
  db: Kysely<Database>,
  actor: Actor & { kind: "user" },
  actorRoles: readonly Role[],
  unitId: number,
  revisionId: number,
  input: { title: string; body: string; reason: string },
  today: string,
  now = new Date(),
): Promise<RevisionResult> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("document_revision").selectAll().where("id", "=", revisionId).executeTakeFirstOrThrow();
    const check = checkRevisionAction(
      { state: before.state, changeReason: before.change_reason, effectiveDate: before.effective_date },
      "edit",
      actorRoles,
      today,
    );
    if (!check.ok) return check;
    const changes = {
      title: input.title,
      body_md: input.body,
      change_reason: input.reason,
      content_hash: contentHash(`${input.title}\n${input.body}`),
    };
    await trx.updateTable("document_revision").set(changes).where("id", "=", revisionId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "document_revision",
      entityId: revisionId,
      action: "updated",
      before: revisionSnapshot(before),
      after: revisionSnapshot({ ...before, ...changes }),
      at: now,
    });
    return { ok: true };
  });
}

/**
 * Moves a revision through its workflow. Approval by a leader records who, when and the comment;
 * a revision approved with an effective date already reached takes effect at once. Taking effect
 * makes the previous effective revision obsolete in the same transaction.
 */
export async function applyRevisionAction(
  db: Kysely<Database>,
  actor: { kind: "user"; userId: number; name: string; roles: readonly Role[] },
  unitId: number,
  revisionId: number,
  action: Exclude<RevisionAction, "edit">,
  input: { comment?: string | undefined; effectiveDate?: string | undefined },
  today: string,
  now = new Date(),
): Promise<RevisionResult> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("document_revision").selectAll().where("id", "=", revisionId).executeTakeFirstOrThrow();
    const facts = { state: before.state, changeReason: before.change_reason, effectiveDate: before.effective_date };
    const check = checkRevisionAction(facts, action, actor.roles, today);
    if (!check.ok) return check;
    const stamp = now.toISOString();
    const auditActor: Actor = { kind: "user", userId: actor.userId };
    let changes: Partial<RevisionRow> = { state: check.to };
    if (action === "submit") changes.submitted_at = stamp;
    if (action === "return") changes.returned_comment = input.comment ?? null;
    if (action === "approve") {
      changes = {
        ...changes,
        approved_by_user_id: actor.userId,
        approved_by_name: actor.name,
        approved_at: stamp,
        approval_comment: input.comment ?? null,
        effective_date: input.effectiveDate ?? today,
      };
    }
    await trx.updateTable("document_revision").set(changes).where("id", "=", revisionId).execute();
    await recordAudit(trx, {
      actor: auditActor,
      unitId,
      entityType: "document_revision",
      entityId: revisionId,
      action,
      before: revisionSnapshot(before),
      after: revisionSnapshot({ ...before, ...changes }),
      at: now,
    });
    const afterState = { ...before, ...changes } as RevisionRow;
    if (action === "submit") {
      const document = await trx.selectFrom("document").select(["code", "title"]).where("id", "=", before.document_id).executeTakeFirstOrThrow();
      const leaders = await trx
        .selectFrom("user")
        .innerJoin("user_role", "user_role.user_id", "user.id")
        .select("user.id")
        .where("user.unit_id", "=", unitId)
        .where("user_role.role", "=", "leader")
        .execute();
      for (const leader of leaders) {
        await queueStaffMail(
          trx,
          leader.id,
          {
            unitId,
            subject: `Tài liệu ${document.code} chờ phê duyệt`,
            body: `Tài liệu ${document.code} (${document.title}) có bản sửa đổi chờ anh/chị phê duyệt. Xem tại mục Tài liệu của hệ thống.`,
            entityType: "document_revision",
            entityId: String(revisionId),
            purpose: "staff_approval_waiting",
          },
          now,
        );
      }
    }
    if (action === "make_effective" || (action === "approve" && (afterState.effective_date ?? today) <= today)) {
      await putIntoEffect(trx, auditActor, unitId, afterState, now);
    }
    return { ok: true };
  });
}

async function putIntoEffect(trx: Kysely<Database>, actor: Actor, unitId: number, revision: RevisionRow, now: Date) {
  const stamp = now.toISOString();
  const previous = await trx
    .selectFrom("document_revision")
    .selectAll()
    .where("document_id", "=", revision.document_id)
    .where("state", "=", "effective")
    .executeTakeFirst();
  if (previous) {
    await trx.updateTable("document_revision").set({ state: "obsolete", obsoleted_at: stamp }).where("id", "=", previous.id).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "document_revision",
      entityId: previous.id,
      action: "obsoleted",
      before: revisionSnapshot(previous),
      after: revisionSnapshot({ ...previous, state: "obsolete" }),
      at: now,
    });
  }
  const before = { ...revision };
  await trx.updateTable("document_revision").set({ state: "effective", effective_at: stamp }).where("id", "=", revision.id).execute();
  if (revision.state !== "effective") {
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "document_revision",
      entityId: revision.id,
      action: "make_effective",
      before: revisionSnapshot(before),
      after: revisionSnapshot({ ...before, state: "effective" }),
      at: now,
    });
  }
  const document = await trx.selectFrom("document").select(["review_interval_months"]).where("id", "=", revision.document_id).executeTakeFirstOrThrow();
  await trx
    .updateTable("document")
    .set({
      title: revision.title,
      next_review_date: nextReviewDate(revision.effective_date ?? stamp.slice(0, 10), document.review_interval_months),
      updated_at: stamp,
    })
    .where("id", "=", revision.document_id)
    .execute();
}

/** The staff who must read a unit's documents: every active account except administrators and inspectors only. */
export async function listRequiredReaders(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user.display_name"])
    .distinct()
    .where("user.unit_id", "=", unitId)
    .where("user.is_disabled", "=", 0)
    .where("user_role.role", "in", ["quality_lead", "officer", "leader", "auditor"])
    .orderBy("user.display_name")
    .execute();
}

export async function listAcknowledgements(db: Kysely<Database>, revisionId: number) {
  return db
    .selectFrom("document_acknowledgement")
    .select(["user_id", "acknowledged_at"])
    .where("revision_id", "=", revisionId)
    .execute();
}

export async function acknowledgeRevision(
  db: Kysely<Database>,
  userId: number,
  unitId: number,
  revisionId: number,
  now = new Date(),
): Promise<RevisionResult> {
  return db.transaction().execute(async (trx) => {
    const revision = await trx.selectFrom("document_revision").select(["state"]).where("id", "=", revisionId).executeTakeFirstOrThrow();
    if (revision.state !== "effective") return { ok: false, error: "document.error.illegalTransition" };
    const already = await trx
      .selectFrom("document_acknowledgement")
      .select("id")
      .where("revision_id", "=", revisionId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (already) return { ok: true };
    const { id } = await trx
      .insertInto("document_acknowledgement")
      .values({ revision_id: revisionId, user_id: userId, acknowledged_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: { kind: "user", userId },
      unitId,
      entityType: "document_revision",
      entityId: revisionId,
      action: "acknowledged",
      after: { acknowledgementId: id },
      at: now,
    });
    return { ok: true };
  });
}

/** Records a periodic review that found the document still fit, and sets the next review date. */
export async function recordReview(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  documentId: number,
  today: string,
  now = new Date(),
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom("document")
      .select(["next_review_date", "review_interval_months"])
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    const next = nextReviewDate(today, doc.review_interval_months);
    await trx.updateTable("document").set({ next_review_date: next, updated_at: now.toISOString() }).where("id", "=", documentId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "document",
      entityId: documentId,
      action: "reviewed",
      before: { nextReviewDate: doc.next_review_date },
      after: { nextReviewDate: next, reviewedOn: today },
      at: now,
    });
    return next;
  });
}

export type { RevisionState };

/** The processes of the quality system: the procedures (QT-…) of the register, which audits, checklists and work areas name. */
export async function listProcessDocuments(db: Kysely<Database>, unitId: number): Promise<Array<{ code: string; title: string }>> {
  return db.selectFrom("document").select(["code", "title"]).where("unit_id", "=", unitId).where("type", "=", "procedure").orderBy("code").execute();
}
