import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { OPEN_STATES } from "~/domain/dossiers/lifecycle";
import { OPEN_FEEDBACK_STATES } from "~/domain/feedback/feedback";
import { personalDataMask, type TextMask } from "~/domain/shared/personal-data";
import { ERASED, retentionCutoffs, type RetentionSettings } from "~/domain/shared/retention";
import { recordAudit, SYSTEM_ACTOR } from "./audit-log.server";

const BATCH = 200;

export interface ErasureRun {
  dossiers: number;
  feedback: number;
  attachments: number;
  /** Stored files to remove once the rows are committed. */
  files: string[];
}

const masked = (mask: TextMask) => (text: string | null) => (text === null ? null : mask(text));

function closedDossiersBefore(db: Kysely<Database>, cutoff: string) {
  return db
    .selectFrom("dossier")
    .select(["id", "unit_id", "code", "applicant_name", "applicant_phone", "applicant_id_number", "closed_reason", "apology_reason"])
    .where("personal_data_erased_at", "is", null)
    .where("state", "not in", OPEN_STATES)
    .where(sql<string>`coalesce(returned_at, finished_at, updated_at)`, "<", cutoff)
    .orderBy("id")
    .limit(BATCH)
    .execute();
}

type ClosedDossier = Awaited<ReturnType<typeof closedDossiersBefore>>[number];

/** The applicant's fields emptied, free text redacted; dates, state and outcome (the figures) kept. */
async function eraseDossier(trx: Kysely<Database>, d: ClosedDossier, days: number, now: Date) {
  const mask = masked(personalDataMask({ names: [d.applicant_name], numbers: [d.applicant_phone, d.applicant_id_number] }));
  await trx
    .updateTable("dossier")
    .set({
      applicant_name: ERASED,
      applicant_phone: null,
      applicant_id_number: null,
      applicant_address: null,
      applicant_email: null,
      closed_reason: mask(d.closed_reason),
      apology_reason: mask(d.apology_reason),
      personal_data_erased_at: now.toISOString(),
    })
    .where("id", "=", d.id)
    .execute();
  for (const e of await trx.selectFrom("dossier_event").select(["id", "note"]).where("dossier_id", "=", d.id).where("note", "is not", null).execute()) {
    await trx.updateTable("dossier_event").set({ note: mask(e.note) }).where("id", "=", e.id).execute();
  }
  for (const r of await trx.selectFrom("dossier_rating").select(["id", "comment"]).where("dossier_id", "=", d.id).where("comment", "is not", null).execute()) {
    await trx.updateTable("dossier_rating").set({ comment: mask(r.comment) }).where("id", "=", r.id).execute();
  }
  await recordAudit(trx, { actor: SYSTEM_ACTOR, unitId: d.unit_id, entityType: "dossier", entityId: d.id, action: "personal_data_erased", after: { code: d.code, retentionDays: days }, at: now });
}

function closedFeedbackBefore(db: Kysely<Database>, cutoff: string) {
  return db
    .selectFrom("feedback_item")
    .select(["id", "unit_id", "code", "subject", "description", "public_answer", "not_accepted_reason", "public_description", "contact_name", "contact_phone", "contact_email", "contact_id_number"])
    .where("personal_data_erased_at", "is", null)
    .where("state", "not in", OPEN_FEEDBACK_STATES)
    .where(sql<string>`coalesce(closed_at, answered_at, updated_at)`, "<", cutoff)
    .orderBy("id")
    .limit(BATCH)
    .execute();
}

type ClosedFeedback = Awaited<ReturnType<typeof closedFeedbackBefore>>[number];

/** The sender's fields emptied, texts redacted, messages to them blanked; kind, state and dates kept. */
async function eraseFeedback(trx: Kysely<Database>, f: ClosedFeedback, days: number, now: Date) {
  const mask = masked(personalDataMask({ names: [f.contact_name], numbers: [f.contact_phone, f.contact_id_number], emails: [f.contact_email] }));
  await trx
    .updateTable("feedback_item")
    .set({
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      contact_address: null,
      contact_id_number: null,
      source_address_hash: null,
      subject: mask(f.subject) ?? ERASED,
      description: mask(f.description) ?? ERASED,
      public_answer: mask(f.public_answer),
      not_accepted_reason: mask(f.not_accepted_reason),
      public_description: mask(f.public_description),
      personal_data_erased_at: now.toISOString(),
    })
    .where("id", "=", f.id)
    .execute();
  for (const e of await trx.selectFrom("feedback_event").select(["id", "public_text", "internal_note"]).where("feedback_id", "=", f.id).execute()) {
    await trx.updateTable("feedback_event").set({ public_text: mask(e.public_text), internal_note: mask(e.internal_note) }).where("id", "=", e.id).execute();
  }
  await trx.updateTable("outbox_message").set({ recipient: ERASED, body: ERASED }).where("entity_type", "=", "feedback").where("entity_id", "=", String(f.id)).execute();
  await recordAudit(trx, { actor: SYSTEM_ACTOR, unitId: f.unit_id, entityType: "feedback", entityId: f.id, action: "personal_data_erased", after: { code: f.code, retentionDays: days }, at: now });
}

/**
 * Erases the personal data of records past their retention period (retention.ts), with an audit
 * row per record, one transaction per batch. Call again until it finds nothing (app/jobs/retention.ts).
 */
export async function erasePersonalDataPastRetention(db: Kysely<Database>, settings: RetentionSettings, now = new Date()): Promise<ErasureRun> {
  const cutoff = retentionCutoffs(now, settings);
  const run: ErasureRun = { dossiers: 0, feedback: 0, attachments: 0, files: [] };

  const dossiers = await closedDossiersBefore(db, cutoff.dossier);
  await db.transaction().execute(async (trx) => {
    for (const d of dossiers) await eraseDossier(trx, d, settings.dossier, now);
  });
  run.dossiers = dossiers.length;

  const items = await closedFeedbackBefore(db, cutoff.feedback);
  await db.transaction().execute(async (trx) => {
    for (const f of items) await eraseFeedback(trx, f, settings.feedback, now);
  });
  run.feedback = items.length;

  const attachments = await db
    .selectFrom("feedback_attachment")
    .innerJoin("feedback_item", "feedback_item.id", "feedback_attachment.feedback_id")
    .select(["feedback_attachment.id", "feedback_attachment.stored_name", "feedback_item.unit_id", "feedback_item.code"])
    .where("feedback_attachment.erased_at", "is", null)
    .where("feedback_item.state", "not in", OPEN_FEEDBACK_STATES)
    .where(sql<string>`coalesce(feedback_item.closed_at, feedback_item.answered_at, feedback_item.updated_at)`, "<", cutoff.attachment)
    .orderBy("feedback_attachment.id")
    .limit(BATCH)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const a of attachments) {
      await trx.updateTable("feedback_attachment").set({ original_name: ERASED, erased_at: now.toISOString() }).where("id", "=", a.id).execute();
      await recordAudit(trx, { actor: SYSTEM_ACTOR, unitId: a.unit_id, entityType: "feedback_attachment", entityId: a.id, action: "personal_data_erased", after: { feedback: a.code, retentionDays: settings.attachment }, at: now });
    }
  });
  run.attachments = attachments.length;
  run.files = attachments.map((a) => a.stored_name);
  return run;
}
