import { sql, type Kysely } from "kysely";
import { autoId, bytes } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const KINDS = ["on_time_report"];
const VARIANTS = ["public", "full", "masked"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

/*
 * Every PDF the system issues, so a copy can be checked at /verify/<code>: the verification code
 * printed on it, what it is, when and for whom it was issued, and the SHA-256 of its exact bytes.
 * The bytes themselves are kept only for public copies (aggregates, no personal data), which are
 * issued once a day per document and parameters (`reuse_key`) and served again from here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("issued_document")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("verification_code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", KINDS)))
    .addColumn("variant", "text", (c) => c.notNull().check(inList("variant", VARIANTS)))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("parameters_json", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("issued_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("issued_by_label", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("pdf", bytes(db))
    .addColumn("reuse_key", "text", (c) => c.unique())
    .addCheckConstraint("issued_document_public_only_stored", sql`(variant = 'public') or (pdf is null and reuse_key is null)`)
    .execute();
  await db.schema.createIndex("issued_document_sha256_idx").on("issued_document").column("sha256").execute();
}
