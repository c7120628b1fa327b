import { sql, type Kysely } from "kysely";
import { autoId, float8 } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const RISK_KINDS = ["risk", "opportunity"];
const RISK_STATES = ["open", "closed"];
const SCALE_AXES = ["likelihood", "impact"];
const BANDS = ["low", "medium", "high", "critical"];
const AREA_KINDS = ["role", "field", "process"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

/*
 * Issue 18: risks and opportunities (ISO 9001 §6.1) and competence and training (§7.2).
 * The 1–5 scale and the level bands are rows, so a unit may word them its own way; the rules that
 * read them are in app/domain/risks.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("risk_scale_step")
    .addColumn("axis", "text", (c) => c.notNull().check(inList("axis", SCALE_AXES)))
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn("label_vi", "text", (c) => c.notNull())
    .addColumn("label_en", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("risk_scale_step_pk", ["axis", "score"])
    .execute();
  await db.schema
    .createTable("risk_level_band")
    .addColumn("band", "text", (c) => c.notNull().primaryKey().check(inList("band", BANDS)))
    .addColumn("min_level", "integer", (c) => c.notNull())
    .addColumn("max_level", "integer", (c) => c.notNull())
    .execute();
  const steps: Array<[string, number, string, string]> = [
    ["likelihood", 1, "Hiếm khi", "Rare"],
    ["likelihood", 2, "Ít khả năng", "Unlikely"],
    ["likelihood", 3, "Có thể", "Possible"],
    ["likelihood", 4, "Nhiều khả năng", "Likely"],
    ["likelihood", 5, "Gần như chắc chắn", "Almost certain"],
    ["impact", 1, "Không đáng kể", "Negligible"],
    ["impact", 2, "Nhỏ", "Minor"],
    ["impact", 3, "Trung bình", "Moderate"],
    ["impact", 4, "Lớn", "Major"],
    ["impact", 5, "Nghiêm trọng", "Severe"],
  ];
  await db
    .insertInto("risk_scale_step")
    .values(steps.map(([axis, score, label_vi, label_en]) => ({ axis, score, label_vi, label_en })))
    .execute();
  await db
    .insertInto("risk_level_band")
    .values([
      { band: "low", min_level: 1, max_level: 4 },
      { band: "medium", min_level: 5, max_level: 9 },
      { band: "high", min_level: 10, max_level: 16 },
      { band: "critical", min_level: 17, max_level: 25 },
    ])
    .execute();

  await db.schema
    .createTable("risk")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", RISK_KINDS)))
    .addColumn("process", "text")
    .addColumn("field", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("cause", "text", (c) => c.notNull())
    .addColumn("consequence", "text", (c) => c.notNull())
    .addColumn("likelihood", "integer", (c) => c.notNull().check(sql`likelihood between 1 and 5`))
    .addColumn("impact", "integer", (c) => c.notNull().check(sql`impact between 1 and 5`))
    .addColumn("owner_user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("review_date", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().defaultTo("open").check(inList("state", RISK_STATES)))
    .addColumn("nonconformity_id", "integer", (c) => c.references("nonconformity.id"))
    .addColumn("audit_question_id", "integer", (c) => c.references("internal_audit_question.id"))
    .addColumn("feedback_id", "integer", (c) => c.references("feedback_item.id"))
    .addColumn("recorded_on", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("risk_unit_idx").on("risk").columns(["unit_id", "state", "review_date"]).execute();
  await db.schema.createIndex("risk_owner_idx").on("risk").columns(["owner_user_id", "state", "review_date"]).execute();

  await db.schema
    .createTable("risk_treatment")
    .addColumn("id", "integer", autoId(db))
    .addColumn("risk_id", "integer", (c) => c.notNull().references("risk.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("done_on", "text")
    .addColumn("evidence", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("risk_treatment_owner_idx").on("risk_treatment").columns(["owner_user_id", "done_on", "due_date"]).execute();

  await db.schema
    .createTable("risk_review")
    .addColumn("id", "integer", autoId(db))
    .addColumn("risk_id", "integer", (c) => c.notNull().references("risk.id"))
    .addColumn("reviewed_on", "text", (c) => c.notNull())
    .addColumn("likelihood_before", "integer", (c) => c.notNull())
    .addColumn("impact_before", "integer", (c) => c.notNull())
    .addColumn("likelihood_after", "integer", (c) => c.notNull().check(sql`likelihood_after between 1 and 5`))
    .addColumn("impact_after", "integer", (c) => c.notNull().check(sql`impact_after between 1 and 5`))
    .addColumn("effective", "integer", (c) => c.notNull().check(sql`effective in (0, 1)`))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("next_review_date", "text", (c) => c.notNull())
    .addColumn("reviewed_by_user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("risk_review_risk_idx").on("risk_review").columns(["risk_id", "reviewed_on"]).execute();

  await db.schema
    .createTable("competence")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("validity_months", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("competence_unit_code_uq", ["unit_id", "code"])
    .execute();
  // Who needs it: a role (`internal_auditor`), a procedure field (`civil_status`) or a process (`QT-07`).
  await db.schema
    .createTable("competence_requirement")
    .addColumn("competence_id", "integer", (c) => c.notNull().references("competence.id"))
    .addColumn("area_kind", "text", (c) => c.notNull().check(inList("area_kind", AREA_KINDS)))
    .addColumn("area_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("competence_requirement_pk", ["competence_id", "area_kind", "area_code"])
    .execute();

  await db.schema
    .createTable("training_plan_item")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("competence_id", "integer", (c) => c.references("competence.id"))
    .addColumn("course", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("planned_date", "text", (c) => c.notNull())
    .addColumn("hours", float8(db))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("training_attendance")
    .addColumn("plan_item_id", "integer", (c) => c.notNull().references("training_plan_item.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("attended", "integer", (c) => c.check(sql`attended is null or attended in (0, 1)`))
    .addColumn("marked_at", "text")
    .addPrimaryKeyConstraint("training_attendance_pk", ["plan_item_id", "user_id"])
    .execute();

  await db.schema
    .createTable("training_record")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("competence_id", "integer", (c) => c.references("competence.id"))
    .addColumn("plan_item_id", "integer", (c) => c.references("training_plan_item.id"))
    .addColumn("course", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("hours", float8(db))
    .addColumn("expires_on", "text")
    .addColumn("evidence_document_code", "text")
    .addColumn("evidence_stored_name", "text")
    .addColumn("evidence_original_name", "text")
    .addColumn("evidence_mime", "text")
    .addColumn("evidence_sha256", "text")
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("training_record_dates", sql`end_date >= start_date and (expires_on is null or expires_on >= end_date)`)
    .execute();
  await db.schema.createIndex("training_record_user_idx").on("training_record").columns(["user_id", "competence_id", "expires_on"]).execute();
}
