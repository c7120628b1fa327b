import type { Kysely, Selectable } from "kysely";
import type { Database, DossierEventTable, DossierTable, DueRule, Unit } from "#db/schema";
import { businessDateOf } from "~/utils/clock";
import {
  classifyOutcome,
  computeDueAfterSupplement,
  computeDueAt,
  wasLateWhenStopped,
  type DueDateSettings,
} from "~/domain/calendar/due-date";
import type { WorkingCalendar } from "~/domain/calendar/working-calendar";
import type { Channel } from "~/domain/dossiers/channels";
import type { PaymentMethod, ReturnMethod } from "~/domain/dossiers/service-facts";
import { dossierCodePrefix, formatDossierCode } from "~/domain/dossiers/dossier-code";
import {
  checkTransition,
  validateActionData,
  type DossierAction,
  type DossierFacts,
  type DossierState,
} from "~/domain/dossiers/lifecycle";
import type { PaperKind } from "~/domain/dossiers/service-facts";
import { ruleSetVersionOn } from "./rule-sets.server";
import type { MessageKey } from "~/i18n";
import { recordAudit, type Actor } from "./audit-log.server";
import { inTransaction } from "./transaction.server";
import { getWorkingCalendar } from "./calendar.server";
import { raiseOrJoinForDossier } from "./nonconformities.server";
import type { Procedure } from "./procedures.server";
import { lockForNumbering } from "#db/sql";
import { publicTextMask, type KnownPersonalData } from "~/domain/shared/personal-data";
import { apologyMessage, receiptMessage, resultReadyMessage, supplementMessage, vnDateTime, type DossierMessage } from "~/domain/dossiers/messages";
import { citizenRecipient, queueMessage, queueStaffMail } from "./outbox.server";

export function dueDateSettingsOf(
  unit: Pick<Unit, "office_close_time" | "same_day_cutoff_time" | "supplement_clock">,
): DueDateSettings {
  return {
    officeClose: unit.office_close_time,
    sameDayCutoff: unit.same_day_cutoff_time,
    supplementClock: unit.supplement_clock,
  };
}

export interface DueContext {
  unit: Unit;
  calendar: WorkingCalendar;
  settings: DueDateSettings;
}

export async function getDueContext(db: Kysely<Database>, unitId: number): Promise<DueContext> {
  const unit = await db.selectFrom("unit").selectAll().where("id", "=", unitId).executeTakeFirstOrThrow();
  return {
    unit,
    calendar: await getWorkingCalendar(db, unitId),
    settings: dueDateSettingsOf(unit),
  };
}

export function previewDue(context: DueContext, procedure: Pick<Procedure, "processingDays">, receivedAt: Date) {
  return computeDueAt({
    receivedAt,
    processingDays: procedure.processingDays,
    calendar: context.calendar,
    settings: context.settings,
  });
}

/** A paper received at intake; kind and count are what Mẫu 01 prints (older clients send the name only). */
export interface ReceivedDocument {
  name: string;
  copy?: PaperKind;
  count?: number;
}

export interface IntakeData {
  procedure: Procedure;
  applicantName: string;
  applicantPhone: string | null;
  applicantIdNumber: string | null;
  applicantAddress: string | null;
  /** Issue 16: an e-mail contact, and consent to messages about this dossier (none without it). */
  applicantEmail?: string | null;
  notifyConsent?: boolean;
  channel: Channel;
  receivedAt: Date;
  documents: ReceivedDocument[];
  apiClientId?: number | null;
  /** What the scorecard needs (issue 12); left unrecorded (null) when the client does not say. */
  paymentMethod?: PaymentMethod | null;
  papersDigitised?: 0 | 1 | null;
  returnMethod?: ReturnMethod | null;
  /** Issue 17: the tracking book's volume and number (default: the year's book, next number) and the pick-up place. */
  trackingBook?: { volume: string | null; number: string | null } | null;
  pickupPlace?: string | null;
}

/** Receives a complete dossier: code, due date, the first event and its audit row, in one transaction. */
export async function receiveDossier(
  db: Kysely<Database>,
  actor: Actor,
  context: DueContext,
  data: IntakeData,
  now = new Date(),
): Promise<{ id: number; code: string; dueAt: Date }> {
  return inTransaction(db, (trx) => insertReceivedDossier(trx, actor, context, data, now));
}

/** The body of `receiveDossier`, for callers that already hold a transaction (the portal API). */
export async function insertReceivedDossier(
  trx: Kysely<Database>,
  actor: Actor,
  context: DueContext,
  data: IntakeData,
  now = new Date(),
): Promise<{ id: number; code: string; dueAt: Date }> {
  const due = previewDue(context, data.procedure, data.receivedAt);
  const receivedDate = businessDateOf(data.receivedAt);
  const prefix = dossierCodePrefix(context.unit.code, receivedDate);
  await lockForNumbering(trx, `dossier-code:${prefix}`);
  const last = await trx
    .selectFrom("dossier")
    .select((eb) => eb.fn.max("code").as("code"))
    .where("code", ">=", `${prefix}0000`)
    .where("code", "<=", `${prefix}9999`)
    .executeTakeFirst();
  const sequence = last?.code ? Number(last.code.slice(-4)) + 1 : 1;
  const code = formatDossierCode(context.unit.code, receivedDate, sequence);
  const stamp = now.toISOString();
  const version = await ruleSetVersionOn(trx, receivedDate);
  const book = await trackingBookEntry(trx, context.unit.id, receivedDate, data.trackingBook ?? null);
  const row = {
    unit_id: context.unit.id,
    code,
    procedure_id: data.procedure.id,
    field: data.procedure.field,
    processing_days: data.procedure.processingDays,
    channel: data.channel,
    rule_set: version.layout,
    rule_set_version_id: version.id,
    tracking_book_volume: book.volume,
    tracking_book_number: book.number,
    pickup_place: data.pickupPlace?.trim() || null,
    applicant_name: data.applicantName,
    applicant_phone: data.applicantPhone,
    applicant_id_number: data.applicantIdNumber,
    applicant_address: data.applicantAddress,
    applicant_email: data.applicantEmail?.trim() || null,
    notify_consent_at: data.notifyConsent ? stamp : null,
    documents_json: JSON.stringify(data.documents),
    received_at: data.receivedAt.toISOString(),
    received_date: receivedDate,
    due_at: due.dueAt.toISOString(),
    due_date: due.dueDate,
    due_rule: due.rule satisfies DueRule,
    state: "received" as const,
    created_by_user_id: actor.kind === "user" ? actor.userId : null,
    api_client_id: data.apiClientId ?? null,
    payment_method: data.paymentMethod ?? null,
    papers_digitised: data.papersDigitised ?? null,
    return_method: data.returnMethod ?? null,
    created_at: stamp,
    updated_at: stamp,
  };
  const { id } = await trx.insertInto("dossier").values(row).returning("id").executeTakeFirstOrThrow();
  await insertEvent(trx, actor, {
    dossier_id: id,
    at: row.received_at,
    kind: "received",
    from_state: null,
    to_state: "received",
    due_at: row.due_at,
  });
  await recordAudit(trx, {
    actor,
    unitId: context.unit.id,
    entityType: "dossier",
    entityId: id,
    action: "received",
    after: auditSnapshot({ ...row, id, handler_user_id: null }),
    at: now,
  });
  await queueApplicantMessage(trx, row, receiptMessage({ unitName: context.unit.name, code, procedureName: data.procedure.name, dueAt: due.dueAt }), now);
  return { id, code, dueAt: due.dueAt };
}

/** The year's tracking book and the next number in it, unless the officer wrote them. */
async function trackingBookEntry(
  trx: Kysely<Database>,
  unitId: number,
  receivedDate: string,
  given: { volume: string | null; number: string | null } | null,
): Promise<{ volume: string; number: string }> {
  const volume = given?.volume?.trim() || receivedDate.slice(0, 4);
  if (given?.number?.trim()) return { volume, number: given.number.trim() };
  const row = await trx
    .selectFrom("dossier")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("unit_id", "=", unitId)
    .where("tracking_book_volume", "=", volume)
    .executeTakeFirst();
  return { volume, number: String(Number(row?.n ?? 0) + 1) };
}

/** A message to the applicant, only with their consent and a contact (e-mail first, else SMS). */
async function queueApplicantMessage(
  trx: Kysely<Database>,
  d: Pick<Selectable<DossierTable>, "unit_id" | "code" | "applicant_phone" | "applicant_email" | "notify_consent_at">,
  message: DossierMessage,
  now: Date,
) {
  if (!d.notify_consent_at) return;
  const to = citizenRecipient({ phone: d.applicant_phone, email: d.applicant_email }, "email");
  if (!to) return;
  await queueMessage(
    trx,
    { unitId: d.unit_id, ...to, subject: to.channel === "email" ? message.subject : null, body: message.body, entityType: "dossier", entityId: d.code, purpose: message.purpose },
    now,
  );
}

async function insertEvent(
  trx: Kysely<Database>,
  actor: Actor,
  event: Omit<
    Selectable<DossierEventTable>,
    "id" | "actor_kind" | "actor_user_id" | "agency" | "is_electronic" | "note" | "details_json" | "due_at"
  > &
    Partial<Pick<Selectable<DossierEventTable>, "agency" | "is_electronic" | "note" | "details_json" | "due_at">>,
) {
  await trx
    .insertInto("dossier_event")
    .values({
      agency: null,
      is_electronic: null,
      note: null,
      details_json: null,
      due_at: null,
      ...event,
      actor_kind: actor.kind,
      actor_user_id: actor.kind === "user" ? actor.userId : null,
    })
    .execute();
}

/** What the audit log keeps of a dossier's state (personal data stays in the dossier row). */
function auditSnapshot(
  d: Pick<Selectable<DossierTable>, "id" | "code" | "state" | "due_at" | "handler_user_id"> &
    Partial<Selectable<DossierTable>>,
) {
  return {
    code: d.code,
    state: d.state,
    dueAt: d.due_at,
    handlerUserId: d.handler_user_id ?? null,
    supplementCount: d.supplement_count ?? 0,
    openTransferCount: d.open_transfer_count ?? 0,
    appointmentAt: d.appointment_at ?? null,
    finishedAt: d.finished_at ?? null,
    outcome: d.outcome ?? null,
    closedReason: d.closed_reason ?? null,
  };
}

export function dossierFacts(
  d: Pick<Selectable<DossierTable>, "state" | "due_at" | "apology_issued_at" | "open_transfer_count">,
): DossierFacts {
  return {
    state: d.state,
    dueAt: new Date(d.due_at),
    hasApology: d.apology_issued_at !== null,
    openTransfers: d.open_transfer_count,
  };
}

export type ActionOutcome = { ok: true; state: DossierState } | { ok: false; error: MessageKey };

/**
 * Applies one desk action: checks it against the lifecycle, updates the dossier, records the event
 * and the audit row, all in one transaction. Refused actions change nothing.
 */
export async function applyDossierAction(
  db: Kysely<Database>,
  actor: Actor,
  context: DueContext,
  dossierId: number,
  action: DossierAction,
  now = new Date(),
): Promise<ActionOutcome> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("dossier").selectAll().where("id", "=", dossierId).executeTakeFirstOrThrow();
    const facts = dossierFacts(before);
    const check = checkTransition(facts, action.type, now);
    if (!check.ok) return check;
    const invalid = validateActionData(facts, action, now);
    if (invalid) return { ok: false, error: invalid };

    const at = now.toISOString();
    const changes: Partial<Selectable<DossierTable>> = {
      state: check.to,
      updated_at: at,
    };
    const event: Parameters<typeof insertEvent>[2] = {
      dossier_id: dossierId,
      at,
      kind: action.type,
      from_state: before.state,
      to_state: check.to,
    };

    switch (action.type) {
      case "assign":
        changes.handler_user_id = action.handlerUserId;
        event.details_json = JSON.stringify({
          handlerUserId: action.handlerUserId,
        });
        break;
      case "transfer":
        changes.transfer_count = before.transfer_count + 1;
        changes.e_transfer_count = before.e_transfer_count + (action.electronic ? 1 : 0);
        changes.open_transfer_count = before.open_transfer_count + 1;
        event.agency = action.agency;
        event.is_electronic = action.electronic ? 1 : 0;
        if (action.counterpartName) event.details_json = JSON.stringify({ counterpartName: action.counterpartName });
        break;
      case "transfer_back":
        changes.open_transfer_count = before.open_transfer_count - 1;
        event.agency = action.agency;
        event.is_electronic = action.electronic ? 1 : 0;
        if (action.counterpartName) event.details_json = JSON.stringify({ counterpartName: action.counterpartName });
        break;
      case "request_supplement":
        changes.supplement_count = before.supplement_count + 1;
        changes.clock_stopped_at = at;
        changes.clock_stopped_date = businessDateOf(now);
        event.note = action.reason;
        event.details_json = JSON.stringify({
          missingItems: action.missingItems,
        });
        break;
      case "receive_supplement": {
        const request = await trx
          .selectFrom("dossier_event")
          .select("at")
          .where("dossier_id", "=", dossierId)
          .where("kind", "=", "request_supplement")
          .orderBy("at", "desc")
          .orderBy("id", "desc")
          .executeTakeFirstOrThrow();
        changes.clock_stopped_at = null;
        changes.clock_stopped_date = null;
        // A dossier already late when the clock stopped stays late: the supplement does not give it a new time.
        if (!wasLateWhenStopped(before.due_date, request.at)) {
          const due = computeDueAfterSupplement({
            receivedAt: new Date(before.received_at),
            processingDays: before.processing_days,
            originalDueDate: before.due_date,
            requestedAt: new Date(request.at),
            completedAt: now,
            calendar: context.calendar,
            settings: context.settings,
          });
          changes.due_at = due.dueAt.toISOString();
          changes.due_date = due.dueDate;
          changes.due_rule = due.rule;
        }
        break;
      }
      case "issue_apology":
        changes.apology_reason = action.reason;
        changes.apology_issued_at = at;
        changes.appointment_at = action.newAppointmentAt.toISOString();
        event.note = action.reason;
        event.details_json = JSON.stringify({
          newAppointmentAt: changes.appointment_at,
        });
        break;
      case "mark_result_ready":
        changes.result_digitised = action.resultDigitised ? 1 : 0;
        changes.finished_at = at;
        changes.finished_date = businessDateOf(now);
        changes.outcome = classifyOutcome({
          dueAt: new Date(before.due_at),
          finishedAt: now,
        });
        break;
      case "return_result":
        changes.returned_at = at;
        if (action.returnMethod) changes.return_method = action.returnMethod;
        break;
      case "refuse":
      case "withdraw":
        changes.clock_stopped_at = null;
        changes.clock_stopped_date = null;
        changes.closed_reason = action.reason;
        changes.finished_at = at;
        changes.finished_date = businessDateOf(now);
        event.note = action.reason;
        break;
    }
    event.due_at = changes.due_at ?? before.due_at;

    await trx.updateTable("dossier").set(changes).where("id", "=", dossierId).execute();
    await insertEvent(trx, actor, event);
    // ISO 9001 §10.2: a late dossier, or a second supplement request, is a nonconformity of its procedure.
    const ncReason =
      action.type === "issue_apology" || (action.type === "mark_result_ready" && changes.outcome === "late")
        ? "late"
        : action.type === "request_supplement" && changes.supplement_count === 2
          ? "second_supplement"
          : null;
    if (ncReason) {
      const procedure = await trx.selectFrom("procedure").select(["code", "name"]).where("id", "=", before.procedure_id).executeTakeFirstOrThrow();
      await raiseOrJoinForDossier(
        trx,
        actor,
        { id: dossierId, unitId: before.unit_id, code: before.code, procedureCode: procedure.code, procedureName: procedure.name },
        ncReason,
        now,
      );
    }
    const after = { ...before, ...changes };
    await queueDossierActionMessages(trx, context, before, action, now);
    await recordAudit(trx, {
      actor,
      unitId: before.unit_id,
      entityType: "dossier",
      entityId: dossierId,
      action: action.type,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      at: now,
    });
    return { ok: true, state: check.to };
  });
}

/** What an action tells people: the applicant (with consent) of a supplement, a result, an apology; the new handler of an assignment. */
async function queueDossierActionMessages(
  trx: Kysely<Database>,
  context: DueContext,
  before: Selectable<DossierTable>,
  action: DossierAction,
  now: Date,
) {
  const tellsApplicant = action.type === "request_supplement" || action.type === "mark_result_ready" || action.type === "issue_apology";
  if (!tellsApplicant && action.type !== "assign") return;
  const procedure = await trx.selectFrom("procedure").select("name").where("id", "=", before.procedure_id).executeTakeFirstOrThrow();
  const base = { unitName: context.unit.name, code: before.code, procedureName: procedure.name };
  switch (action.type) {
    case "request_supplement":
      return queueApplicantMessage(trx, before, supplementMessage({ ...base, reason: action.reason, missingItems: action.missingItems }), now);
    case "mark_result_ready":
      return queueApplicantMessage(trx, before, resultReadyMessage(base), now);
    case "issue_apology":
      return queueApplicantMessage(trx, before, apologyMessage({ ...base, reason: action.reason, newAppointmentAt: action.newAppointmentAt }), now);
    case "assign":
      return queueStaffMail(
        trx,
        action.handlerUserId,
        {
          unitId: before.unit_id,
          subject: `Hồ sơ ${before.code} được giao cho anh/chị`,
          body: `Hồ sơ ${before.code} (${procedure.name}) được giao cho anh/chị giải quyết. Hạn giải quyết: ${vnDateTime(new Date(before.due_at))}. Xem tại mục Hồ sơ của hệ thống.`,
          entityType: "dossier",
          entityId: before.code,
          purpose: "staff_assigned",
        },
        now,
      );
  }
}

export async function findDossierId(db: Kysely<Database>, unitId: number, code: string): Promise<number | null> {
  const row = await db
    .selectFrom("dossier")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("code", "=", code)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function getDossierDetail(db: Kysely<Database>, unitId: number, code: string) {
  const dossier = await db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .leftJoin("user as handler", "handler.id", "dossier.handler_user_id")
    .selectAll("dossier")
    .select([
      "procedure.code as procedure_code",
      "procedure.name as procedure_name",
      "procedure.field as procedure_field",
      "handler.display_name as handler_name",
    ])
    .where("dossier.unit_id", "=", unitId)
    .where("dossier.code", "=", code)
    .executeTakeFirst();
  if (!dossier) return null;
  const events = await db
    .selectFrom("dossier_event")
    .leftJoin("user", "user.id", "dossier_event.actor_user_id")
    .selectAll("dossier_event")
    .select("user.display_name as actor_name")
    .where("dossier_id", "=", dossier.id)
    .orderBy("at")
    .orderBy("dossier_event.id")
    .execute();
  return {
    dossier: {
      ...dossier,
      documents: JSON.parse(dossier.documents_json) as ReceivedDocument[],
    },
    events: events.map((e) => ({
      ...e,
      details: e.details_json ? (JSON.parse(e.details_json) as Record<string, unknown>) : null,
    })),
  };
}

export type DossierDetail = NonNullable<Awaited<ReturnType<typeof getDossierDetail>>>;

/** The steps a dossier went through, in order, without who did them: for the public and the portal. */
export async function listDossierSteps(db: Kysely<Database>, dossierId: number) {
  return db
    .selectFrom("dossier_event")
    .select(["kind", "at", "to_state"])
    .where("dossier_id", "=", dossierId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

/** Public look-up: status, dates and steps only, never personal data. */
export async function getPublicDossierStatus(db: Kysely<Database>, code: string) {
  const dossier = await db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select([
      "dossier.id",
      "dossier.code",
      "dossier.state",
      "dossier.received_at",
      "dossier.due_at",
      "dossier.appointment_at",
      "dossier.finished_at",
      "dossier.returned_at",
      "dossier.supplement_count",
      "dossier.clock_stopped_at",
      "dossier.applicant_name",
      "dossier.applicant_phone",
      "dossier.applicant_id_number",
      "dossier.applicant_email",
      "procedure.name as procedure_name",
      "procedure.code as procedure_code",
    ])
    .select((eb) =>
      eb.exists(eb.selectFrom("dossier_rating").select("dossier_rating.id").whereRef("dossier_rating.dossier_id", "=", "dossier.id")).as("rated"),
    )
    .where("dossier.code", "=", code)
    .executeTakeFirst();
  if (!dossier) return null;
  const steps = await listDossierSteps(db, dossier.id);
  const {
    id: _id,
    applicant_name: name,
    applicant_phone: phone,
    applicant_id_number: idNumber,
    applicant_email: email,
    rated,
    ...publicFields
  } = dossier;
  return { ...publicFields, rated: Boolean(rated), supplement: await getOpenSupplementRequest(db, dossier.id, dossier.state, { names: [name], numbers: [phone, idNumber], emails: [email] }), steps };
}

/**
 * What a dossier waiting for a supplement asks the citizen to bring. Anyone holding the dossier code
 * reads it: the officer's free text goes out masked (redaction.ts), as on the feedback tracking page.
 */
async function getOpenSupplementRequest(db: Kysely<Database>, dossierId: number, state: DossierState, known: KnownPersonalData) {
  if (state !== "supplement_requested") return null;
  const request = await db
    .selectFrom("dossier_event")
    .select(["note", "details_json"])
    .where("dossier_id", "=", dossierId)
    .where("kind", "=", "request_supplement")
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!request) return null;
  const mask = publicTextMask(known);
  const details = request.details_json ? (JSON.parse(request.details_json) as { missingItems?: unknown }) : {};
  const items = Array.isArray(details.missingItems) ? details.missingItems.filter((i): i is string => typeof i === "string") : [];
  return { reason: request.note === null ? null : mask(request.note), missingItems: items.map(mask) };
}

export async function listHandlers(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user.display_name"])
    .distinct()
    .where("user.unit_id", "=", unitId)
    .where("user.is_disabled", "=", 0)
    .where("user_role.role", "in", ["officer", "leader", "quality_lead"])
    .orderBy("user.display_name")
    .execute();
}

/**
 * After the working calendar changes, recomputes the due date of every dossier whose clock is running,
 * with one audit row per dossier whose date moved. Call inside the calendar change's transaction.
 */
export async function recomputeOpenDueDates(
  trx: Kysely<Database>,
  actor: Actor,
  context: DueContext,
  now = new Date(),
): Promise<number> {
  const open = await trx
    .selectFrom("dossier")
    .select([
      "id",
      "code",
      "state",
      "received_at",
      "processing_days",
      "due_at",
      "due_date",
      "due_rule",
      "supplement_count",
      "handler_user_id",
    ])
    .where("unit_id", "=", context.unit.id)
    .where("state", "in", ["received", "in_progress"])
    .execute();
  let moved = 0;
  for (const d of open) {
    // Replays the clock: the first count, then each supplement in turn with the due date then in force.
    let due: { dueAt: Date; dueDate: string; rule: DueRule } = computeDueAt({
      receivedAt: new Date(d.received_at),
      processingDays: d.processing_days,
      calendar: context.calendar,
      settings: context.settings,
    });
    if (d.supplement_count > 0) {
      const steps = await trx
        .selectFrom("dossier_event")
        .select(["kind", "at"])
        .where("dossier_id", "=", d.id)
        .where("kind", "in", ["request_supplement", "receive_supplement"])
        .orderBy("at")
        .orderBy("id")
        .execute();
      let requestedAt: Date | null = null;
      for (const step of steps) {
        if (step.kind === "request_supplement") {
          requestedAt = new Date(step.at);
          continue;
        }
        if (!requestedAt) continue;
        due = computeDueAfterSupplement({
          receivedAt: new Date(d.received_at),
          processingDays: d.processing_days,
          originalDueDate: due.dueDate,
          requestedAt,
          completedAt: new Date(step.at),
          calendar: context.calendar,
          settings: context.settings,
        });
        requestedAt = null;
      }
    }
    const dueAt = due.dueAt.toISOString();
    if (dueAt === d.due_at) continue;
    await trx
      .updateTable("dossier")
      .set({
        due_at: dueAt,
        due_date: due.dueDate,
        due_rule: due.rule,
        updated_at: now.toISOString(),
      })
      .where("id", "=", d.id)
      .execute();
    await recordAudit(trx, {
      actor,
      unitId: context.unit.id,
      entityType: "dossier",
      entityId: d.id,
      action: "due_recomputed",
      before: { code: d.code, dueAt: d.due_at, dueRule: d.due_rule },
      after: {
        code: d.code,
        dueAt,
        dueRule: due.rule,
        reason: "calendar_changed",
      },
      at: now,
    });
    moved += 1;
  }
  return moved;
}
