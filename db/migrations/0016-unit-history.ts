import { sql, type Kysely } from "kysely";
import { autoId, dialectOf } from "./portable";

/*
 * Issue 14 (province): units over time and the province's quality office.
 * - `unit_version`: a unit's code, name, kind, parent and district/province names over time, each
 *   version in force from `effective_from` (a business date, inclusive) to `effective_to` (exclusive;
 *   null: still in force). Documents print the unit as it was on their date (`unitAsOf`). Every
 *   existing unit gets one open version from the start of time, as it stands now.
 * - `unit_merger`: which units became which on what date (`mergeUnits`).
 * - the role check admits `province_officer`.
 * Frozen in time: never import app code here; copy the lists this migration needs.
 */
const ROLES = ["quality_lead", "officer", "leader", "auditor", "inspector", "admin", "province_officer"];
const OLD_ROLES = ["quality_lead", "officer", "leader", "auditor", "inspector", "admin"];
const UNIT_KINDS = ["commune", "ward", "district", "province"];
/** The start of time for a unit's first version. */
const BEGINNING = "1900-01-01";

const inList = (column: string, values: string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit_version")
    .addColumn("id", "integer", autoId(db))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("effective_to", "text")
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", UNIT_KINDS)))
    .addColumn("parent_id", "integer", (c) => c.references("unit.id"))
    .addColumn("district_name", "text")
    .addColumn("province_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("unit_version_range_ck", sql`effective_to is null or effective_to > effective_from`)
    .execute();
  await db.schema.createIndex("unit_version_unit_from_uq").on("unit_version").columns(["unit_id", "effective_from"]).unique().execute();
  await sql`insert into unit_version (unit_id, effective_from, effective_to, code, name, kind, parent_id, district_name, province_name, created_at)
    select id, ${BEGINNING}, null, code, name, kind, parent_id, district_name, province_name, created_at from unit`.execute(db);

  await db.schema
    .createTable("unit_merger")
    .addColumn("id", "integer", autoId(db))
    .addColumn("successor_unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("predecessor_unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("unit_merger_predecessor_uq", ["predecessor_unit_id"])
    .execute();
  await db.schema.createIndex("unit_merger_successor_idx").on("unit_merger").column("successor_unit_id").execute();

  await replaceRoleCheck(db, ROLES);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("user_role").where("role", "=", "province_officer").execute();
  await replaceRoleCheck(db, OLD_ROLES);
  await db.schema.dropTable("unit_merger").execute();
  await db.schema.dropTable("unit_version").execute();
}

/** The role column's check: PostgreSQL replaces the constraint; SQLite rebuilds the small table. */
async function replaceRoleCheck(db: Kysely<any>, roles: string[]): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table user_role drop constraint user_role_role_check`.execute(db);
    await sql`alter table user_role add constraint user_role_role_check check (${inList("role", roles)})`.execute(db);
    return;
  }
  await db.schema
    .createTable("user_role_next")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(inList("role", roles)))
    .addPrimaryKeyConstraint("user_role_pk", ["user_id", "role"])
    .execute();
  await sql`insert into user_role_next (user_id, role) select user_id, role from user_role`.execute(db);
  await db.schema.dropTable("user_role").execute();
  await sql`alter table user_role_next rename to user_role`.execute(db);
}
