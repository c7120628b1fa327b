import { sql, type Kysely } from "kysely";
import { autoId, float8 } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const TYPES = ["policy", "objectives", "procedure", "work_instruction", "form", "external"];
const ROLES = ["quality_lead", "officer", "leader", "auditor"];
const STATES = ["draft", "in_review", "approved", "effective", "obsolete"];
const METRICS = ["on_time_rate", "online_rate", "e_transfer_rate", "satisfaction_rate", "complaints_on_time_rate", "overdue_now"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("document")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull().check(inList("type", TYPES)))
    .addColumn("owner_role", "text", (c) => c.notNull().check(inList("owner_role", ROLES)))
    .addColumn("approver_role", "text", (c) => c.notNull().check(inList("approver_role", ROLES)))
    .addColumn("review_interval_months", "integer", (c) => c.notNull())
    .addColumn("iso_clauses_json", "text", (c) => c.notNull())
    .addColumn("related_json", "text", (c) => c.notNull())
    .addColumn("source_file", "text")
    .addColumn("next_review_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("document_unit_code_uq", ["unit_id", "code"])
    .execute();

  await db.schema
    .createTable("document_revision")
    .addColumn("id", "integer", autoId(db))
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(inList("state", STATES)))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("change_reason", "text")
    .addColumn("effective_date", "text")
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("approved_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("approved_by_name", "text")
    .addColumn("approved_at", "text")
    .addColumn("approval_comment", "text")
    .addColumn("returned_comment", "text")
    .addColumn("effective_at", "text")
    .addColumn("obsoleted_at", "text")
    .addColumn("source_file", "text")
    .addUniqueConstraint("document_revision_number_uq", ["document_id", "revision"])
    .execute();
  // Exactly one effective revision per document, enforced by the database as well as the workflow.
  await sql`create unique index document_revision_one_effective on document_revision (document_id) where state = 'effective'`.execute(db);
  // At most one revision in the works (draft, in review or approved) per document.
  await sql`create unique index document_revision_one_pending on document_revision (document_id) where state in ('draft', 'in_review', 'approved')`.execute(db);

  await db.schema
    .createTable("document_acknowledgement")
    .addColumn("id", "integer", autoId(db))
    .addColumn("revision_id", "integer", (c) => c.notNull().references("document_revision.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("acknowledged_at", "text", (c) => c.notNull())
    .addUniqueConstraint("document_ack_uq", ["revision_id", "user_id"])
    .execute();

  await db.schema
    .createTable("external_document")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("issued_date", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('in_force', 'replaced')`))
    .addColumn("replaced_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("external_document_unit_number_uq", ["unit_id", "number"])
    .execute();

  await db.schema
    .createTable("quality_objective")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull().check(inList("metric", METRICS)))
    .addColumn("comparator", "text", (c) => c.notNull().check(sql`comparator in ('>=', '<=')`))
    .addColumn("target", float8(db), (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("quality_objective_uq", ["unit_id", "year", "metric"])
    .execute();
}
