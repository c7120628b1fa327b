import { sql, type Kysely } from "kysely";
import { autoId } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const STATES = ["received", "in_progress", "supplement_requested", "result_ready", "returned", "refused", "withdrawn"];
const CHANNELS = ["direct", "postal", "online_partial", "online_full"];
const FIELDS = ["civil_status", "justice", "land_construction", "social_affairs", "other"];
const OUTCOMES = ["early", "on_time", "late"];
const DUE_RULES = ["same_day", "working_days", "restart", "resume"];
const RULE_SETS = ["nd61-2018", "nd118-2025"];
const ACTOR_KINDS = ["user", "citizen", "system"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dossier")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("procedure_id", "integer", (c) => c.notNull().references("procedure.id"))
    // Copied from the procedure at intake, so figures by field need no join and keep history.
    .addColumn("field", "text", (c) => c.notNull().check(inList("field", FIELDS)))
    .addColumn("processing_days", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(inList("channel", CHANNELS)))
    .addColumn("rule_set", "text", (c) => c.notNull().check(inList("rule_set", RULE_SETS)))
    .addColumn("applicant_name", "text", (c) => c.notNull())
    .addColumn("applicant_phone", "text")
    .addColumn("applicant_id_number", "text")
    .addColumn("applicant_address", "text")
    .addColumn("documents_json", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("received_date", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("due_rule", "text", (c) => c.notNull().check(inList("due_rule", DUE_RULES)))
    .addColumn("state", "text", (c) => c.notNull().check(inList("state", STATES)))
    .addColumn("handler_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("supplement_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("transfer_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("e_transfer_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("open_transfer_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("apology_reason", "text")
    .addColumn("apology_issued_at", "text")
    .addColumn("appointment_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("finished_date", "text")
    .addColumn("outcome", "text", (c) => c.check(sql`outcome is null or ${inList("outcome", OUTCOMES)}`))
    .addColumn("returned_at", "text")
    .addColumn("closed_reason", "text")
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // Covering indexes for the on-time engine's passes (received in, finished in, open at the end of a period).
  await db.schema
    .createIndex("dossier_unit_received_idx")
    .on("dossier")
    .columns(["unit_id", "received_date", "channel", "field", "transfer_count", "e_transfer_count", "finished_date", "due_at", "supplement_count"])
    .execute();
  await db.schema
    .createIndex("dossier_unit_finished_idx")
    .on("dossier")
    .columns(["unit_id", "finished_date", "received_date", "outcome", "supplement_count", "state", "field", "channel"])
    .execute();
  await db.schema
    .createIndex("dossier_unit_state_due_idx")
    .on("dossier")
    .columns(["unit_id", "state", "due_at"])
    .execute();
  await db.schema.createIndex("dossier_procedure_idx").on("dossier").column("procedure_id").execute();
  await db.schema.createIndex("dossier_handler_idx").on("dossier").column("handler_user_id").execute();

  await db.schema
    .createTable("dossier_event")
    .addColumn("id", "integer", autoId(db))
    .addColumn("dossier_id", "integer", (c) => c.notNull().references("dossier.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull().check(inList("actor_kind", ACTOR_KINDS)))
    .addColumn("actor_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("agency", "text")
    .addColumn("is_electronic", "integer", (c) => c.check(sql`is_electronic is null or is_electronic in (0, 1)`))
    .addColumn("due_at", "text")
    .addColumn("note", "text")
    .addColumn("details_json", "text")
    .execute();
  await db.schema
    .createIndex("dossier_event_dossier_idx")
    .on("dossier_event")
    .columns(["dossier_id", "at"])
    .execute();
}
