import type { Kysely } from "kysely";

/*
 * Issue 16 round 2, messages to citizens: a dossier's e-mail contact and when the applicant consented to
 * be told of its progress (no consent, no message). Also the outbox page's keyset index (unit, id).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("dossier").addColumn("applicant_email", "text").execute();
  await db.schema.alterTable("dossier").addColumn("notify_consent_at", "text").execute();
  await db.schema.createIndex("outbox_unit_id_idx").on("outbox_message").columns(["unit_id", "id"]).execute();
}
