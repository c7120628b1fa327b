import { sql, type Kysely } from "kysely";
import { autoId, float8 } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const KINDS = ["feedback", "recommendation", "complaint", "compliment"];
const STATES = ["received", "accepted", "not_accepted", "forwarded", "assigned", "investigating", "answered", "closed"];
const ACTOR_KINDS = ["user", "citizen", "system"];
const RATINGS = ["very_satisfied", "satisfied", "dissatisfied"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("unit")
    .addColumn("complaint_days", "text", (c) => c.notNull().defaultTo("calendar").check(sql`complaint_days in ('calendar', 'working')`))
    .execute();

  await db.schema
    .createTable("feedback_item")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", KINDS)))
    .addColumn("state", "text", (c) => c.notNull().check(inList("state", STATES)))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("dossier_id", "integer", (c) => c.references("dossier.id"))
    .addColumn("procedure_id", "integer", (c) => c.references("procedure.id"))
    .addColumn("contact_name", "text")
    .addColumn("contact_phone", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_address", "text")
    .addColumn("contact_id_number", "text")
    .addColumn("consent_at", "text")
    .addColumn("is_complex", "integer", (c) => c.notNull().defaultTo(0).check(sql`is_complex in (0, 1)`))
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("acceptance_due_at", "text")
    .addColumn("resolution_due_at", "text")
    .addColumn("accepted_at", "text")
    .addColumn("answered_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("public_answer", "text")
    .addColumn("not_accepted_reason", "text")
    .addColumn("forwarded_to", "text")
    .addColumn("assignee_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("hidden_reason", "text", (c) => c.check(sql`hidden_reason is null or hidden_reason in ('spam', 'duplicate')`))
    .addColumn("duplicate_of_id", "integer", (c) => c.references("feedback_item.id"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('web', 'open311', 'desk')`))
    .addColumn("source_address_hash", "text")
    .addColumn("api_client_id", "integer", (c) => c.references("api_client.id"))
    .addColumn("address_string", "text")
    .addColumn("lat", float8(db))
    .addColumn("long", float8(db))
    // The nonconformity raised from this item, once that area exists.
    .addColumn("nonconformity_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("feedback_unit_state_idx").on("feedback_item").columns(["unit_id", "state", "received_at"]).execute();
  await db.schema.createIndex("feedback_unit_received_idx").on("feedback_item").columns(["unit_id", "received_at"]).execute();
  await db.schema.createIndex("feedback_address_idx").on("feedback_item").columns(["source_address_hash", "received_at"]).execute();

  await db.schema
    .createTable("feedback_event")
    .addColumn("id", "integer", autoId(db))
    .addColumn("feedback_id", "integer", (c) => c.notNull().references("feedback_item.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull().check(inList("actor_kind", ACTOR_KINDS)))
    .addColumn("actor_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    // Public text (a reply from the citizen, a public answer) or internal (notes), never mixed.
    .addColumn("public_text", "text")
    .addColumn("internal_note", "text")
    .execute();
  await db.schema.createIndex("feedback_event_item_idx").on("feedback_event").columns(["feedback_id", "at"]).execute();

  await db.schema
    .createTable("feedback_attachment")
    .addColumn("id", "integer", autoId(db))
    .addColumn("feedback_id", "integer", (c) => c.notNull().references("feedback_item.id"))
    .addColumn("stored_name", "text", (c) => c.notNull().unique())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("dossier_rating")
    .addColumn("id", "integer", autoId(db))
    .addColumn("dossier_id", "integer", (c) => c.notNull().unique().references("dossier.id"))
    .addColumn("rating", "text", (c) => c.notNull().check(inList("rating", RATINGS)))
    .addColumn("comment", "text")
    .addColumn("rated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("outbox_status_idx").on("outbox_message").columns(["status", "created_at"]).execute();
}
