import { sql, type Kysely } from "kysely";
import { autoId } from "./portable";

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("api_client")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("name", "text", (c) => c.notNull())
    // SHA-256 of the bearer token: the token itself is shown once and never stored.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("token_prefix", "text", (c) => c.notNull())
    .addColumn("is_disabled", "integer", (c) => c.notNull().defaultTo(0).check(sql`is_disabled in (0, 1)`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();

  await db.schema
    .createTable("api_idempotency")
    .addColumn("id", "integer", autoId(db))
    .addColumn("api_client_id", "integer", (c) => c.notNull().references("api_client.id"))
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("response_status", "integer", (c) => c.notNull())
    .addColumn("response_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("api_idempotency_client_key_uq", ["api_client_id", "idempotency_key"])
    .execute();

  await db.schema.alterTable("dossier").addColumn("api_client_id", "integer", (c) => c.references("api_client.id")).execute();
}
