import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { phoneForms, type CitizenDataQuery } from "~/domain/shared/citizen-data";
import { maskNumber } from "~/domain/shared/personal-data";
import { recordAudit, type Actor } from "./audit-log.server";

/** Everything the unit holds about one citizen: dossiers with their steps and ratings, feedback with its thread and files, messages. */
export async function findCitizenData(db: Kysely<Database>, unitId: number, query: CitizenDataQuery) {
  const dossiers = await db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select([
      "dossier.id",
      "dossier.code",
      "procedure.code as procedure_code",
      "procedure.name as procedure_name",
      "dossier.applicant_name",
      "dossier.applicant_phone",
      "dossier.applicant_id_number",
      "dossier.applicant_address",
      "dossier.documents_json",
      "dossier.channel",
      "dossier.state",
      "dossier.received_at",
      "dossier.due_at",
      "dossier.finished_at",
      "dossier.returned_at",
      "dossier.closed_reason",
      "dossier.apology_reason",
      "dossier.personal_data_erased_at",
    ])
    .where("dossier.unit_id", "=", unitId)
    .where((eb) => (query.phone ? eb("dossier.applicant_phone", "in", phoneForms(query.phone)) : eb("dossier.applicant_id_number", "=", query.idNumber ?? "")))
    .orderBy("dossier.received_at")
    .execute();
  const dossierIds = dossiers.map((d) => d.id);
  const [events, ratings] = dossierIds.length
    ? await Promise.all([
        db.selectFrom("dossier_event").select(["dossier_id", "at", "kind", "to_state", "agency", "note"]).where("dossier_id", "in", dossierIds).orderBy("at").execute(),
        db.selectFrom("dossier_rating").select(["dossier_id", "rating", "comment", "rated_at"]).where("dossier_id", "in", dossierIds).execute(),
      ])
    : [[], []];

  const feedback = await db
    .selectFrom("feedback_item")
    .select([
      "id",
      "code",
      "kind",
      "state",
      "subject",
      "description",
      "contact_name",
      "contact_phone",
      "contact_email",
      "contact_address",
      "contact_id_number",
      "consent_at",
      "received_at",
      "public_answer",
      "source",
      "address_string",
      "personal_data_erased_at",
    ])
    .where("unit_id", "=", unitId)
    .where((eb) => (query.phone ? eb("contact_phone", "in", phoneForms(query.phone)) : eb("contact_id_number", "=", query.idNumber ?? "")))
    .orderBy("received_at")
    .execute();
  const feedbackIds = feedback.map((f) => f.id);
  const [thread, files, messages] = feedbackIds.length
    ? await Promise.all([
        db.selectFrom("feedback_event").select(["feedback_id", "at", "kind", "public_text"]).where("feedback_id", "in", feedbackIds).where("public_text", "is not", null).orderBy("at").execute(),
        db.selectFrom("feedback_attachment").select(["feedback_id", "original_name", "mime", "size", "created_at", "erased_at"]).where("feedback_id", "in", feedbackIds).execute(),
        db
          .selectFrom("outbox_message")
          .select(["entity_id", "channel", "recipient", "subject", "body", "status", "created_at"])
          .where("entity_type", "=", "feedback")
          .where("entity_id", "in", feedbackIds.map(String))
          .execute(),
      ])
    : [[], [], []];

  return {
    dossiers: dossiers.map(({ id, documents_json, ...d }) => ({
      ...d,
      documents: JSON.parse(documents_json) as unknown,
      steps: events.filter((e) => e.dossier_id === id).map(({ dossier_id: _d, ...e }) => e),
      ratings: ratings.filter((r) => r.dossier_id === id).map(({ dossier_id: _d, ...r }) => r),
    })),
    feedback: feedback.map(({ id, ...f }) => ({
      ...f,
      thread: thread.filter((e) => e.feedback_id === id).map(({ feedback_id: _f, ...e }) => e),
      attachments: files.filter((a) => a.feedback_id === id).map(({ feedback_id: _f, ...a }) => a),
      messages: messages.filter((msg) => msg.entity_id === String(id)).map(({ entity_id: _e, ...msg }) => msg),
    })),
  };
}

export type CitizenData = Awaited<ReturnType<typeof findCitizenData>>;

/** Each export of a citizen's data is written to the audit log (with the number masked). */
export async function recordCitizenDataExport(db: Kysely<Database>, actor: Actor, unitId: number, query: CitizenDataQuery, data: CitizenData, now = new Date()) {
  const by = query.phone ? "phone" : "idNumber";
  await recordAudit(db, {
    actor,
    unitId,
    entityType: "personal_data",
    entityId: `${by}:${maskNumber(query.phone ?? query.idNumber ?? "")}`,
    action: "exported",
    after: { by, dossiers: data.dossiers.length, feedback: data.feedback.length },
    at: now,
  });
}
