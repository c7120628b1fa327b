import { sql, type Kysely } from "kysely";
import { autoId } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const SOURCES = ["internal_audit", "feedback", "late_dossier", "process_monitoring", "external_inspection", "management_review"];
const GRADES = ["major", "minor", "observation", "improvement"];
const STATES = ["open", "correction_taken", "cause_analysed", "actions_planned", "actions_done", "verified", "closed"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("nonconformity")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("source", "text", (c) => c.notNull().check(inList("source", SOURCES)))
    .addColumn("process", "text", (c) => c.notNull())
    .addColumn("iso_clause", "text", (c) => c.notNull())
    .addColumn("grade", "text", (c) => c.notNull().check(inList("grade", GRADES)))
    .addColumn("state", "text", (c) => c.notNull().check(inList("state", STATES)))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("evidence", "text")
    .addColumn("found_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("found_at", "text", (c) => c.notNull())
    .addColumn("correction", "text")
    .addColumn("cause_method", "text", (c) => c.check(sql`cause_method is null or cause_method in ('five_whys', 'categories')`))
    .addColumn("cause_analysis_json", "text")
    .addColumn("root_cause", "text")
    .addColumn("verification_note", "text")
    .addColumn("verified_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("verified_at", "text")
    .addColumn("reopen_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("merged_into_id", "integer", (c) => c.references("nonconformity.id"))
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("nonconformity_unit_found_idx").on("nonconformity").columns(["unit_id", "found_at"]).execute();
  await db.schema.createIndex("nonconformity_repeat_idx").on("nonconformity").columns(["unit_id", "process", "iso_clause", "found_at"]).execute();

  await db.schema
    .createTable("nonconformity_link")
    .addColumn("id", "integer", autoId(db))
    .addColumn("nonconformity_id", "integer", (c) => c.notNull().references("nonconformity.id"))
    .addColumn("entity_type", "text", (c) => c.notNull().check(sql`entity_type in ('dossier', 'feedback', 'audit_finding', 'document')`))
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("nonconformity_link_uq", ["nonconformity_id", "entity_type", "entity_id"])
    .execute();
  await db.schema.createIndex("nonconformity_link_entity_idx").on("nonconformity_link").columns(["entity_type", "entity_id"]).execute();

  await db.schema
    .createTable("corrective_action")
    .addColumn("id", "integer", autoId(db))
    .addColumn("nonconformity_id", "integer", (c) => c.notNull().references("nonconformity.id"))
    .addColumn("round", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('planned', 'done', 'cancelled')`))
    .addColumn("evidence", "text")
    .addColumn("done_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("done_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("corrective_action_owner_idx").on("corrective_action").columns(["owner_user_id", "status", "due_date"]).execute();

  await db.schema
    .createTable("notification")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notification_user_idx").on("notification").columns(["user_id", "read_at", "created_at"]).execute();

}
