import { sql, type Kysely } from "kysely";
import { autoId } from "./portable";

// Frozen in time: never import app code here; copy the lists this migration needs.
const ROLES = ["quality_lead", "officer", "leader", "auditor", "inspector", "admin"];
const UNIT_KINDS = ["commune", "ward", "district", "province"];
const ACTOR_KINDS = ["user", "citizen", "system"];

const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit")
    .addColumn("id", "integer", autoId(db))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", UNIT_KINDS)))
    .addColumn("parent_id", "integer", (c) => c.references("unit.id"))
    .addColumn("district_name", "text")
    .addColumn("province_name", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("is_remote_area", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`is_remote_area in (0, 1)`),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("is_disabled", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`is_disabled in (0, 1)`),
    )
    .addColumn("must_change_password", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`must_change_password in (0, 1)`),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("user_unit_idx").on("user").column("unit_id").execute();

  await db.schema
    .createTable("user_role")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(inList("role", ROLES)))
    .addPrimaryKeyConstraint("user_role_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", autoId(db))
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull().check(sql`succeeded in (0, 1)`))
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempt_username_idx")
    .on("login_attempt")
    .columns(["username", "attempted_at"])
    .execute();
  await db.schema
    .createIndex("login_attempt_ip_idx")
    .on("login_attempt")
    .columns(["ip", "attempted_at"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.references("unit.id"))
    .addColumn("actor_kind", "text", (c) => c.notNull().check(inList("actor_kind", ACTOR_KINDS)))
    .addColumn("actor_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity_type", "entity_id"])
    .execute();
  await db.schema
    .createIndex("audit_log_actor_idx")
    .on("audit_log")
    .columns(["actor_user_id", "at"])
    .execute();
}
