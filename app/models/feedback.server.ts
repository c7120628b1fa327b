import { randomInt } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database, FeedbackItemTable } from "#db/schema";
import { feedbackDeadlines, deadlineUrgency, legalClocks, nextLegalClock, type ComplaintInstance, type DeadlineUrgency, type LegalClock, type LegalClockKey } from "~/domain/feedback/deadlines";
import { versionInForce, type RuleSetVersion } from "~/domain/dossiers/rule-sets";
import { businessDateOf } from "~/utils/clock";
import { listRuleSetVersions } from "./rule-sets.server";
import {
  checkFeedbackTransition,
  formatTrackingCode,
  OPEN_FEEDBACK_STATES,
  TRACKING_ALPHABET_SIZE,
  TRACKING_CODE_LENGTH,
  type FeedbackAction,
  type FeedbackKind,
  type FeedbackState,
} from "~/domain/feedback/feedback";
import { acknowledgementText, answerText } from "~/domain/feedback/messages";
import type { MessageKey } from "~/i18n";
import { recordAudit } from "./audit-log.server";
import { inTransaction } from "./transaction.server";
import { citizenRecipient, queueMessage } from "./outbox.server";
import { getDueContext, type DueContext } from "./dossiers.server";
import { insertNcFromFeedback } from "./nonconformities.server";
import { publicTextMask } from "~/domain/shared/personal-data";

export function newTrackingCode(): string {
  return formatTrackingCode(Array.from({ length: TRACKING_CODE_LENGTH }, () => randomInt(TRACKING_ALPHABET_SIZE)));
}


/** The stored deadlines, with the days of the rule set in force on the received date (as `itemLegalClocks`). */
function deadlinesFor(
  context: ClockContext,
  item: Pick<Selectable<FeedbackItemTable>, "kind" | "complaint_instance" | "received_at" | "accepted_at" | "is_complex">,
) {
  const receivedAt = new Date(item.received_at);
  const version = versionInForce(context.versions, businessDateOf(receivedAt));
  return feedbackDeadlines({
    kind: item.kind,
    instance: item.complaint_instance,
    receivedAt,
    acceptedAt: item.accepted_at ? new Date(item.accepted_at) : null,
    isComplex: item.is_complex === 1,
    settings: { isRemoteArea: context.due.unit.is_remote_area === 1, complaintDays: context.due.unit.complaint_days },
    ...(version ? { clocks: version.clocks } : {}),
    calendar: context.due.calendar,
    dueSettings: context.due.settings,
  });
}

/** What the legal clocks of a unit's items are computed with: its calendar and the rule sets. */
export interface ClockContext {
  due: DueContext;
  versions: RuleSetVersion[];
}

export async function getClockContext(db: Kysely<Database>, unitId: number): Promise<ClockContext> {
  const [due, versions] = await Promise.all([getDueContext(db, unitId), listRuleSetVersions(db)]);
  return { due, versions };
}

type ClockFields = Pick<
  Selectable<FeedbackItemTable>,
  "kind" | "state" | "complaint_instance" | "knew_on" | "received_at" | "accepted_at" | "answered_at" | "public_answer" | "is_complex"
>;

/** Every legal clock of an item, with the days of the rule set in force on its received date. */
export function itemLegalClocks(context: ClockContext, item: ClockFields): LegalClock[] {
  const receivedAt = new Date(item.received_at);
  const version = versionInForce(context.versions, businessDateOf(receivedAt));
  return legalClocks({
    kind: item.kind,
    state: item.state,
    instance: item.complaint_instance,
    knewOn: item.knew_on,
    receivedAt,
    acceptedAt: item.accepted_at ? new Date(item.accepted_at) : null,
    answeredAt: item.answered_at ? new Date(item.answered_at) : null,
    published: item.public_answer !== null,
    isComplex: item.is_complex === 1,
    settings: { isRemoteArea: context.due.unit.is_remote_area === 1, complaintDays: context.due.unit.complaint_days },
    ...(version ? { clocks: version.clocks } : {}),
    calendar: context.due.calendar,
    dueSettings: context.due.settings,
  });
}

/** The clocks as a page shows them: due instant, urgency, and the late-filing flag. */
export function shownLegalClocks(clocks: readonly LegalClock[], now: Date) {
  return clocks.map((c) => ({ key: c.key, dueAt: c.dueAt.toISOString(), done: c.done, late: c.late ?? false, urgency: deadlineUrgency(c.dueAt, now, c.done) }));
}
export type ShownLegalClock = ReturnType<typeof shownLegalClocks>[number];

export interface NewFeedback {
  kind: FeedbackKind;
  subject: string;
  description: string;
  dossierCode?: string | undefined;
  procedureCode?: string | undefined;
  contact: { name?: string | undefined; phone?: string | undefined; email?: string | undefined; address?: string | undefined; idNumber?: string | undefined };
  /** A complaint's instance and the day the complainant learnt of the decision (null: unknown). */
  complaint?: { instance: ComplaintInstance; knewOn: string | null } | undefined;
  consent: boolean;
  source: "web" | "open311" | "desk";
  sourceAddressHash: string | null;
  apiClientId?: number | null;
  location?: { addressString?: string | null; lat?: number | null; long?: number | null };
  attachments: ReadonlyArray<{ storedName: string; originalName: string; mime: string; size: number; sha256: string }>;
}

/**
 * Files a citizen's item: the item, its first event, its attachments, the acknowledgement in the
 * outbox and the audit row, in one transaction. Returns the tracking code.
 */
export async function submitFeedback(
  db: Kysely<Database>,
  unitId: number,
  input: NewFeedback,
  statusUrlFor: (code: string) => string,
  now = new Date(),
): Promise<{ id: number; code: string }> {
  const context = await getClockContext(db, unitId);
  return inTransaction(db, async (trx) => {
    const dossier = input.dossierCode
      ? await trx.selectFrom("dossier").select("id").where("unit_id", "=", unitId).where("code", "=", input.dossierCode).executeTakeFirst()
      : undefined;
    const procedure = input.procedureCode
      ? await trx.selectFrom("procedure").select("id").where("unit_id", "=", unitId).where("code", "=", input.procedureCode).executeTakeFirst()
      : undefined;
    const stamp = now.toISOString();
    let code = newTrackingCode();
    while (await trx.selectFrom("feedback_item").select("id").where("code", "=", code).executeTakeFirst()) code = newTrackingCode();
    const complaintInstance = input.kind === "complaint" ? (input.complaint?.instance ?? "first") : "first";
    const base = { kind: input.kind, complaint_instance: complaintInstance, received_at: stamp, accepted_at: null, is_complex: 0 as const };
    const deadlines = deadlinesFor(context, base);
    const row = {
      unit_id: unitId,
      code,
      kind: input.kind,
      state: "received" as const,
      subject: input.subject,
      description: input.description,
      dossier_id: dossier?.id ?? null,
      procedure_id: procedure?.id ?? null,
      contact_name: input.contact.name ?? null,
      contact_phone: input.contact.phone ?? null,
      contact_email: input.contact.email ?? null,
      contact_address: input.contact.address ?? null,
      contact_id_number: input.contact.idNumber ?? null,
      complaint_instance: complaintInstance,
      knew_on: input.kind === "complaint" ? (input.complaint?.knewOn ?? null) : null,
      consent_at: input.consent ? stamp : null,
      received_at: stamp,
      acceptance_due_at: deadlines.acceptanceDueAt?.toISOString() ?? null,
      resolution_due_at: deadlines.resolutionDueAt?.toISOString() ?? null,
      accepted_at: null,
      answered_at: null,
      closed_at: null,
      public_answer: null,
      not_accepted_reason: null,
      forwarded_to: null,
      assignee_user_id: null,
      hidden_reason: null,
      duplicate_of_id: null,
      source: input.source,
      source_address_hash: input.sourceAddressHash,
      api_client_id: input.apiClientId ?? null,
      address_string: input.location?.addressString ?? null,
      lat: input.location?.lat ?? null,
      long: input.location?.long ?? null,
      nonconformity_id: null,
      created_at: stamp,
      updated_at: stamp,
    };
    const { id } = await trx.insertInto("feedback_item").values(row).returning("id").executeTakeFirstOrThrow();
    await trx
      .insertInto("feedback_event")
      .values({ feedback_id: id, at: stamp, actor_kind: "citizen", actor_user_id: null, kind: "received", from_state: null, to_state: "received", public_text: null, internal_note: null })
      .execute();
    for (const a of input.attachments) {
      await trx
        .insertInto("feedback_attachment")
        .values({ feedback_id: id, stored_name: a.storedName, original_name: a.originalName, mime: a.mime, size: a.size, sha256: a.sha256, created_at: stamp })
        .execute();
    }
    await queueFeedbackMessage(trx, unitId, row, "acknowledgement", acknowledgementText({ unitName: context.due.unit.name, kind: row.kind, code, statusUrl: statusUrlFor(code) }), now);
    await recordAudit(trx, {
      actor: { kind: "citizen" },
      unitId,
      entityType: "feedback",
      entityId: id,
      action: "received",
      after: { code, kind: row.kind, state: row.state, subject: row.subject, source: row.source, attachments: input.attachments.length },
      at: now,
    });
    return { id, code };
  });
}

/** Puts a message to the citizen in the outbox (phone first, as the form asks); nothing is sent without a contact. */
async function queueFeedbackMessage(
  trx: Kysely<Database>,
  unitId: number,
  item: { id?: number; code: string; contact_phone: string | null; contact_email: string | null },
  purpose: "acknowledgement" | "answer",
  body: string,
  now: Date,
) {
  const to = citizenRecipient({ phone: item.contact_phone, email: item.contact_email }, "sms");
  if (!to) return;
  await queueMessage(
    trx,
    { unitId, ...to, subject: to.channel === "sms" ? null : `Mã theo dõi ${item.code}`, body, entityType: "feedback", entityId: item.code, purpose },
    now,
  );
}

/** What the public may see of an item: never personal data nor internal notes. */
export async function getPublicFeedback(db: Kysely<Database>, code: string) {
  const item = await db
    .selectFrom("feedback_item")
    .select(["id", "unit_id", "code", "kind", "state", "subject", "received_at", "accepted_at", "answered_at", "closed_at", "public_answer", "not_accepted_reason", "forwarded_to", "resolution_due_at", "hidden_reason", "contact_name", "contact_phone", "contact_email", "contact_id_number", "complaint_instance", "knew_on", "is_complex"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!item || item.hidden_reason === "spam") return null;
  // The citizen sees the clocks that bind the unit; the late-filing flag is for the officer.
  const clocks = itemLegalClocks(await getClockContext(db, item.unit_id), item)
    .filter((c) => c.key !== "complaintFiling")
    .map((c) => ({ key: c.key, dueAt: c.dueAt.toISOString(), done: c.done }));
  const replies = await db
    .selectFrom("feedback_event")
    .select(["at", "kind", "public_text"])
    .where("feedback_id", "=", item.id)
    .where("public_text", "is not", null)
    .orderBy("at")
    .execute();
  // Anyone holding the tracking code reads this page: its texts go out masked (redaction.ts).
  const mask = publicTextMask({ names: [item.contact_name], numbers: [item.contact_phone, item.contact_id_number], emails: [item.contact_email] });
  const orNull = (text: string | null) => (text === null ? null : mask(text));
  const {
    id: _id,
    unit_id: _unit,
    hidden_reason: _hidden,
    contact_name: _n,
    contact_phone: _p,
    contact_email: _e,
    contact_id_number: _i,
    complaint_instance: _instance,
    knew_on: _knew,
    is_complex: _complex,
    ...rest
  } = item;
  return {
    ...rest,
    clocks,
    subject: mask(rest.subject),
    public_answer: orNull(rest.public_answer),
    not_accepted_reason: orNull(rest.not_accepted_reason),
    thread: replies.map((r) => ({ ...r, public_text: orNull(r.public_text) })),
  };
}

export type FeedbackResult = { ok: true } | { ok: false; error: MessageKey };

/** A citizen's reply to an answered or closed item re-opens it. */
export async function addCitizenReply(db: Kysely<Database>, code: string, reply: string, now = new Date()): Promise<FeedbackResult> {
  return inTransaction(db, async (trx) => {
    const item = await trx.selectFrom("feedback_item").selectAll().where("code", "=", code).executeTakeFirst();
    if (!item) return { ok: false, error: "feedback.error.notFound" };
    const check = checkFeedbackTransition(item.state, "citizen_reply");
    if (!check.ok) return check;
    const stamp = now.toISOString();
    await trx.updateTable("feedback_item").set({ state: check.to, closed_at: null, updated_at: stamp }).where("id", "=", item.id).execute();
    await trx
      .insertInto("feedback_event")
      .values({ feedback_id: item.id, at: stamp, actor_kind: "citizen", actor_user_id: null, kind: "citizen_reply", from_state: item.state, to_state: check.to, public_text: reply, internal_note: null })
      .execute();
    await recordAudit(trx, { actor: { kind: "citizen" }, unitId: item.unit_id, entityType: "feedback", entityId: item.id, action: "citizen_reply", before: { state: item.state }, after: { state: check.to }, at: now });
    return { ok: true };
  });
}

export interface InboxFilter {
  kind?: FeedbackKind | undefined;
  state?: FeedbackState | undefined;
  overdue?: boolean | undefined;
  assignee?: number | undefined;
  showHidden?: boolean | undefined;
}

export interface InboxRow {
  id: number;
  code: string;
  kind: FeedbackKind;
  state: FeedbackState;
  subject: string;
  received_at: string;
  assignee_name: string | null;
  hidden_reason: "spam" | "duplicate" | null;
  nextDueAt: string | null;
  /** The earliest legal clock still running (it may be another than `nextDueAt`, e.g. asking for more information). */
  nextClock: { key: LegalClockKey; dueAt: string; urgency: DeadlineUrgency } | null;
  /** A complaint filed after its filing window (flagged, not refused). */
  filedLate: boolean;
  urgency: DeadlineUrgency;
}

/** The next legal deadline of an item: acceptance while not yet accepted, then resolution. */
function nextDeadline(item: Pick<Selectable<FeedbackItemTable>, "state" | "acceptance_due_at" | "resolution_due_at">): string | null {
  if (!OPEN_FEEDBACK_STATES.includes(item.state)) return null;
  return item.state === "received" ? (item.acceptance_due_at ?? item.resolution_due_at) : item.resolution_due_at;
}

export async function listInbox(db: Kysely<Database>, unitId: number, filter: InboxFilter, now: Date): Promise<InboxRow[]> {
  let query = db
    .selectFrom("feedback_item")
    .leftJoin("user", "user.id", "feedback_item.assignee_user_id")
    .select([
      "feedback_item.id",
      "feedback_item.code",
      "feedback_item.kind",
      "feedback_item.state",
      "feedback_item.subject",
      "feedback_item.received_at",
      "feedback_item.acceptance_due_at",
      "feedback_item.resolution_due_at",
      "feedback_item.hidden_reason",
      "feedback_item.complaint_instance",
      "feedback_item.knew_on",
      "feedback_item.accepted_at",
      "feedback_item.answered_at",
      "feedback_item.public_answer",
      "feedback_item.is_complex",
      "user.display_name as assignee_name",
    ])
    .where("feedback_item.unit_id", "=", unitId);
  if (!filter.showHidden) query = query.where("feedback_item.hidden_reason", "is", null);
  if (filter.kind) query = query.where("feedback_item.kind", "=", filter.kind);
  if (filter.state) query = query.where("feedback_item.state", "=", filter.state);
  if (filter.assignee) query = query.where("feedback_item.assignee_user_id", "=", filter.assignee);
  const [rows, context] = await Promise.all([query.orderBy("feedback_item.received_at", "desc").limit(1000).execute(), getClockContext(db, unitId)]);
  const items = rows.map((r): InboxRow => {
    const clocks = itemLegalClocks(context, r);
    const next = OPEN_FEEDBACK_STATES.includes(r.state) ? nextLegalClock(clocks) : null;
    const due = nextDeadline(r);
    return {
      id: r.id,
      code: r.code,
      kind: r.kind,
      state: r.state,
      subject: r.subject,
      received_at: r.received_at,
      assignee_name: r.assignee_name,
      hidden_reason: r.hidden_reason,
      nextDueAt: due,
      nextClock: next ? { key: next.key, dueAt: next.dueAt.toISOString(), urgency: deadlineUrgency(next.dueAt, now, false) } : null,
      filedLate: clocks.some((c) => c.late === true),
      urgency: deadlineUrgency(due ? new Date(due) : null, now, false),
    };
  });
  const filtered = filter.overdue ? items.filter((i) => i.urgency === "overdue") : items;
  const rank: Record<DeadlineUrgency, number> = { overdue: 0, soon: 1, ok: 2, none: 3 };
  return filtered.sort((a, b) => rank[a.urgency] - rank[b.urgency]);
}

export async function getFeedbackDetail(db: Kysely<Database>, unitId: number, code: string) {
  const item = await db
    .selectFrom("feedback_item")
    .leftJoin("user", "user.id", "feedback_item.assignee_user_id")
    .leftJoin("dossier", "dossier.id", "feedback_item.dossier_id")
    .leftJoin("procedure", "procedure.id", "feedback_item.procedure_id")
    .leftJoin("feedback_item as original", "original.id", "feedback_item.duplicate_of_id")
    .selectAll("feedback_item")
    .select(["user.display_name as assignee_name", "dossier.code as dossier_code", "procedure.name as procedure_name", "original.code as duplicate_of_code"])
    .where("feedback_item.unit_id", "=", unitId)
    .where("feedback_item.code", "=", code)
    .executeTakeFirst();
  if (!item) return null;
  const [events, attachments, outbox] = await Promise.all([
    db
      .selectFrom("feedback_event")
      .leftJoin("user", "user.id", "feedback_event.actor_user_id")
      .selectAll("feedback_event")
      .select("user.display_name as actor_name")
      .where("feedback_id", "=", item.id)
      .orderBy("at")
      .orderBy("feedback_event.id")
      .execute(),
    db.selectFrom("feedback_attachment").select(["id", "original_name", "mime", "size"]).where("feedback_id", "=", item.id).execute(),
    db
      .selectFrom("outbox_message")
      .select(["id", "channel", "recipient", "body", "purpose", "status", "created_at"])
      .where("entity_type", "=", "feedback")
      .where("entity_id", "=", item.code)
      .orderBy("id")
      .execute(),
  ]);
  const clocks = itemLegalClocks(await getClockContext(db, unitId), item);
  return { item, events, attachments, outbox, clocks };
}

export type StaffFeedbackAction =
  | { op: "accept"; complex: boolean }
  | { op: "not_accept"; reason: string }
  | { op: "forward"; agency: string }
  | { op: "assign"; assigneeUserId: number }
  | { op: "investigate" }
  | { op: "answer"; answer: string; upheld: boolean }
  | { op: "close" }
  | { op: "note"; note: string }
  | { op: "hide"; reason: "spam" | "duplicate"; duplicateOfId: number | null }
  | { op: "unhide" }
  | { op: "raise_nc" }
  | { op: "publish_text"; publicText: string };

/** One staff step on an item: state, event, outbox and audit row in one transaction; refused steps change nothing. */
export async function applyFeedbackAction(
  db: Kysely<Database>,
  actor: { kind: "user"; userId: number },
  unitId: number,
  itemId: number,
  action: StaffFeedbackAction,
  statusUrlFor: (code: string) => string,
  now = new Date(),
): Promise<FeedbackResult> {
  const context = await getClockContext(db, unitId);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("feedback_item").selectAll().where("id", "=", itemId).where("unit_id", "=", unitId).executeTakeFirstOrThrow();
    const stamp = now.toISOString();
    let to = before.state;
    if (action.op === "raise_nc") {
      await insertNcFromFeedback(trx, actor, unitId, itemId, "manual", now);
      return { ok: true };
    }
    if (action.op === "publish_text") {
      if (before.source !== "open311") return { ok: false, error: "feedback.error.notOpen311" };
      await trx
        .updateTable("feedback_item")
        .set({ public_description: action.publicText, public_description_at: stamp, public_description_by_user_id: actor.userId, updated_at: stamp })
        .where("id", "=", itemId)
        .execute();
      await recordAudit(trx, {
        actor,
        unitId,
        entityType: "feedback",
        entityId: itemId,
        action: "publish_text",
        before: { publicText: before.public_description },
        after: { publicText: action.publicText },
        at: now,
      });
      return { ok: true };
    }
    if (action.op !== "note" && action.op !== "hide" && action.op !== "unhide") {
      const check = checkFeedbackTransition(before.state, action.op as FeedbackAction);
      if (!check.ok) return check;
      to = check.to;
    }
    const changes: Partial<Selectable<FeedbackItemTable>> = { state: to, updated_at: stamp };
    let publicText: string | null = null;
    let internalNote: string | null = null;
    switch (action.op) {
      case "accept": {
        changes.accepted_at = stamp;
        changes.is_complex = action.complex ? 1 : 0;
        const deadlines = deadlinesFor(context, { ...before, accepted_at: stamp, is_complex: changes.is_complex });
        changes.resolution_due_at = deadlines.resolutionDueAt?.toISOString() ?? null;
        break;
      }
      case "not_accept":
        changes.not_accepted_reason = action.reason;
        publicText = action.reason;
        break;
      case "forward":
        changes.forwarded_to = action.agency;
        publicText = action.agency;
        break;
      case "assign":
        changes.assignee_user_id = action.assigneeUserId;
        break;
      case "answer":
        changes.public_answer = action.answer;
        changes.answered_at = stamp;
        publicText = action.answer;
        break;
      case "close":
        changes.closed_at = stamp;
        break;
      case "note":
        internalNote = action.note;
        break;
      case "hide":
        changes.hidden_reason = action.reason;
        changes.duplicate_of_id = action.duplicateOfId;
        break;
      case "unhide":
        changes.hidden_reason = null;
        changes.duplicate_of_id = null;
        break;
      case "investigate":
        break;
    }
    await trx.updateTable("feedback_item").set(changes).where("id", "=", itemId).execute();
    await trx
      .insertInto("feedback_event")
      .values({ feedback_id: itemId, at: stamp, actor_kind: "user", actor_user_id: actor.userId, kind: action.op, from_state: before.state, to_state: to, public_text: publicText, internal_note: internalNote })
      .execute();
    // ISO 9001 §10.2: an upheld complaint is a nonconformity.
    if (action.op === "answer" && action.upheld && before.kind === "complaint") {
      await insertNcFromFeedback(trx, actor, unitId, itemId, "upheld_complaint", now);
    }
    if (action.op === "answer") {
      await queueFeedbackMessage(trx, unitId, before, "answer", answerText({ unitName: context.due.unit.name, kind: before.kind, code: before.code, statusUrl: statusUrlFor(before.code) }), now);
    }
    const snapshot = (i: Partial<Selectable<FeedbackItemTable>>) => ({
      state: i.state,
      assigneeUserId: i.assignee_user_id ?? null,
      hiddenReason: i.hidden_reason ?? null,
      isComplex: i.is_complex === 1,
      resolutionDueAt: i.resolution_due_at ?? null,
      answered: i.public_answer !== null && i.public_answer !== undefined,
    });
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "feedback",
      entityId: itemId,
      action: action.op,
      before: snapshot(before),
      after: snapshot({ ...before, ...changes }),
      at: now,
    });
    return { ok: true };
  });
}

export async function findFeedbackIdByCode(db: Kysely<Database>, unitId: number, code: string): Promise<number | null> {
  const row = await db.selectFrom("feedback_item").select("id").where("unit_id", "=", unitId).where("code", "=", code).executeTakeFirst();
  return row?.id ?? null;
}

export async function listAttachment(db: Kysely<Database>, unitId: number, attachmentId: number) {
  return db
    .selectFrom("feedback_attachment")
    .innerJoin("feedback_item", "feedback_item.id", "feedback_attachment.feedback_id")
    .select(["feedback_attachment.id", "feedback_attachment.stored_name", "feedback_attachment.mime", "feedback_attachment.erased_at", "feedback_item.code"])
    .where("feedback_attachment.id", "=", attachmentId)
    .where("feedback_item.unit_id", "=", unitId)
    .executeTakeFirst();
}
