import { sql, type Kysely } from "kysely";
import { autoId, bytes, dialectOf } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const ISSUED_KINDS = ["on_time_report", "audit_report", "management_review_input", "management_review_record"];
const ISSUED_VARIANTS = ["public", "full", "masked", "record"];
const AUDIT_STATES = ["planned", "in_progress", "report_drafted", "approved"];
const ANSWERS = ["conform", "nonconformity", "observation", "improvement", "not_applicable"];
const SAMPLE_RESULTS = ["conform", "nonconformity", "observation"];
const CRITERIA_MET = ["fully", "largely", "partly", "not_met"];
const REVIEW_STATES = ["draft", "recorded"];
const DECISION_CATEGORIES = ["improvement", "qms_change", "resources"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);
const nullOrIn = (column: string, values: string[]) =>
  sql.raw(`${column} is null or ${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

/*
 * Internal audits (ISO 9001 §9.2) and management reviews (§9.3), and who works in which area so an
 * auditor is never put on an audit of his or her own work.
 *
 * `issued_document` is rebuilt on SQLite (which cannot alter a CHECK; PostgreSQL alters it in place) to take the new kinds and the `record`
 * variant: a locked record (an approved audit report, a management review record) whose PDF is
 * stored once, with its hash, and served as stored ever after.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") await widenIssuedDocumentInPlace(db);
  else await rebuildIssuedDocument(db);
  await addAuditTables(db);
}

/** PostgreSQL alters a CHECK in place: the same constraints as the SQLite rebuild below. */
async function widenIssuedDocumentInPlace(db: Kysely<any>): Promise<void> {
  await sql`alter table issued_document
    drop constraint issued_document_kind_check,
    drop constraint issued_document_variant_check,
    drop constraint issued_document_public_only_stored,
    add constraint issued_document_kind_check check (${inList("kind", ISSUED_KINDS)}),
    add constraint issued_document_variant_check check (${inList("variant", ISSUED_VARIANTS)}),
    add constraint issued_document_reuse_public check (reuse_key is null or variant = 'public'),
    add constraint issued_document_stored_kinds check (pdf is null or variant in ('public', 'record')),
    add constraint issued_document_record_stored check (variant <> 'record' or pdf is not null)`.execute(db);
}

async function rebuildIssuedDocument(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("issued_document_next")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("verification_code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", ISSUED_KINDS)))
    .addColumn("variant", "text", (c) => c.notNull().check(inList("variant", ISSUED_VARIANTS)))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("parameters_json", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("issued_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("issued_by_label", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("pdf", bytes(db))
    .addColumn("reuse_key", "text", (c) => c.unique())
    .addCheckConstraint("issued_document_reuse_public", sql`reuse_key is null or variant = 'public'`)
    .addCheckConstraint("issued_document_stored_kinds", sql`pdf is null or variant in ('public', 'record')`)
    .addCheckConstraint("issued_document_record_stored", sql`variant <> 'record' or pdf is not null`)
    .execute();
  await sql`insert into issued_document_next select * from issued_document`.execute(db);
  await db.schema.dropTable("issued_document").execute();
  await db.schema.alterTable("issued_document_next").renameTo("issued_document").execute();
  await db.schema.createIndex("issued_document_sha256_idx").on("issued_document").column("sha256").execute();
}

async function addAuditTables(db: Kysely<any>): Promise<void> {
  // A field of procedures (`civil_status`) or a process by its document code (`QT-07`).
  await db.schema
    .createTable("user_work_area")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('field', 'process')`))
    .addColumn("code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_work_area_pk", ["user_id", "kind", "code"])
    .execute();

  await db.schema
    .createTable("checklist_template")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("iso_clause", "text", (c) => c.notNull())
    .addColumn("process", "text")
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("checklist_template_code_uq", ["unit_id", "code"])
    .execute();
  await db.schema
    .createTable("checklist_template_item")
    .addColumn("id", "integer", autoId(db))
    .addColumn("template_id", "integer", (c) => c.notNull().references("checklist_template.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("iso_clause", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("guidance", "text")
    .addUniqueConstraint("checklist_template_item_position_uq", ["template_id", "position"])
    .execute();

  await db.schema
    .createTable("internal_audit")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("objectives", "text", (c) => c.notNull())
    .addColumn("scope_processes_json", "text", (c) => c.notNull())
    .addColumn("scope_fields_json", "text", (c) => c.notNull())
    .addColumn("iso_clauses_json", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("planned_start_date", "text", (c) => c.notNull())
    .addColumn("planned_end_date", "text", (c) => c.notNull())
    .addColumn("sample_from_date", "text", (c) => c.notNull())
    .addColumn("sample_to_date", "text", (c) => c.notNull())
    .addColumn("sample_size_per_field", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(inList("state", AUDIT_STATES)))
    .addColumn("sample_seed", "text")
    .addColumn("sample_method_json", "text")
    .addColumn("sample_drawn_at", "text")
    .addColumn("sample_drawn_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("started_at", "text")
    .addColumn("conclusions", "text")
    .addColumn("criteria_met", "text", (c) => c.check(nullOrIn("criteria_met", CRITERIA_MET)))
    .addColumn("diverging_opinions", "text")
    .addColumn("drafted_at", "text")
    .addColumn("drafted_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("returned_comment", "text")
    .addColumn("approved_at", "text")
    .addColumn("approved_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("approval_comment", "text")
    .addColumn("report_document_id", "integer", (c) => c.references("issued_document.id"))
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("internal_audit_dates", sql`planned_start_date <= planned_end_date and sample_from_date <= sample_to_date`)
    .addCheckConstraint("internal_audit_approved_report", sql`state <> 'approved' or report_document_id is not null`)
    .execute();
  await db.schema.createIndex("internal_audit_unit_year_idx").on("internal_audit").columns(["unit_id", "year"]).execute();

  await db.schema
    .createTable("internal_audit_member")
    .addColumn("audit_id", "integer", (c) => c.notNull().references("internal_audit.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('lead', 'auditor')`))
    .addPrimaryKeyConstraint("internal_audit_member_pk", ["audit_id", "user_id"])
    .execute();

  await db.schema
    .createTable("internal_audit_sample")
    .addColumn("id", "integer", autoId(db))
    .addColumn("audit_id", "integer", (c) => c.notNull().references("internal_audit.id"))
    .addColumn("dossier_id", "integer", (c) => c.notNull().references("dossier.id"))
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("draw_order", "integer", (c) => c.notNull())
    .addColumn("is_priority", "integer", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.check(nullOrIn("result", SAMPLE_RESULTS)))
    .addColumn("note", "text")
    .addColumn("nonconformity_id", "integer", (c) => c.references("nonconformity.id"))
    .addColumn("checked_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("checked_at", "text")
    .addUniqueConstraint("internal_audit_sample_uq", ["audit_id", "dossier_id"])
    .execute();

  await db.schema
    .createTable("internal_audit_question")
    .addColumn("id", "integer", autoId(db))
    .addColumn("audit_id", "integer", (c) => c.notNull().references("internal_audit.id"))
    .addColumn("template_code", "text", (c) => c.notNull())
    .addColumn("template_title", "text", (c) => c.notNull())
    .addColumn("process", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("iso_clause", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("guidance", "text")
    .addColumn("answer", "text", (c) => c.check(nullOrIn("answer", ANSWERS)))
    .addColumn("evidence", "text")
    .addColumn("nonconformity_id", "integer", (c) => c.references("nonconformity.id"))
    .addColumn("answered_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("answered_at", "text")
    .addUniqueConstraint("internal_audit_question_position_uq", ["audit_id", "position"])
    .execute();

  await db.schema
    .createTable("management_review")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("meeting_date", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("chair_user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("attendees", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(inList("state", REVIEW_STATES)))
    .addColumn("changes_note", "text")
    .addColumn("resources_note", "text")
    .addColumn("conclusions", "text")
    .addColumn("recorded_at", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("record_document_id", "integer", (c) => c.references("issued_document.id"))
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("management_review_period", sql`period_from <= period_to`)
    .addCheckConstraint("management_review_recorded", sql`state <> 'recorded' or record_document_id is not null`)
    .execute();
  await db.schema
    .createTable("management_review_decision")
    .addColumn("id", "integer", autoId(db))
    .addColumn("review_id", "integer", (c) => c.notNull().references("management_review.id"))
    .addColumn("category", "text", (c) => c.notNull().check(inList("category", DECISION_CATEGORIES)))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("due_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
