import { sql, type Kysely } from "kysely";
import { autoId } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const FIELDS = ["civil_status", "justice", "land_construction", "social_affairs", "other"];
const ONLINE_SERVICE = ["none", "partial", "full"];
const EXCEPTION_KINDS = ["holiday", "day_off", "working_day"];
const SUPPLEMENT_CLOCK = ["restart", "resume"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("unit")
    .addColumn("office_close_time", "text", (c) => c.notNull().defaultTo("17:00"))
    .execute();
  await db.schema
    .alterTable("unit")
    .addColumn("same_day_cutoff_time", "text", (c) => c.notNull().defaultTo("15:00"))
    .execute();
  await db.schema
    .alterTable("unit")
    .addColumn("supplement_clock", "text", (c) =>
      c.notNull().defaultTo("restart").check(inList("supplement_clock", SUPPLEMENT_CLOCK)),
    )
    .execute();

  await db.schema
    .createTable("procedure")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull().check(inList("field", FIELDS)))
    .addColumn("processing_days", "integer", (c) =>
      c.notNull().check(sql`processing_days between 0 and 365`),
    )
    .addColumn("processing_note", "text")
    .addColumn("fee_vnd", "integer", (c) => c.check(sql`fee_vnd is null or fee_vnd > 0`))
    .addColumn("fee_note", "text")
    .addColumn("online_service", "text", (c) =>
      c.notNull().check(inList("online_service", ONLINE_SERVICE)),
    )
    .addColumn("required_documents_json", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("legal_basis_json", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1).check(sql`is_active in (0, 1)`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("procedure_unit_code_uq", ["unit_id", "code"])
    .execute();
  await db.schema
    .createIndex("procedure_unit_field_idx")
    .on("procedure")
    .columns(["unit_id", "field"])
    .execute();

  await db.schema
    .createTable("calendar_exception")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", EXCEPTION_KINDS)))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("calendar_exception_unit_date_uq", ["unit_id", "date"])
    .execute();
}
