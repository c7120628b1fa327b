import { sql, type Kysely } from "kysely";
import { auditRowHash, GENESIS_HASH, type ChainedAuditRow } from "../audit-chain";
import { dialectOf } from "./portable";

/*
 * Issue 13, privacy and security, in one migration:
 * - `rate_limit`: the counters of rate-limiter-flexible (its SQLite store's layout), shared by
 *   every app process that opens the database;
 * - the audit log's hash chain (`prev_hash`, `hash`; rows written before are chained here, in id
 *   order) and the triggers that refuse changing or removing a row;
 * - a session's last activity, for the idle timeout;
 * - the staff-approved public text of a feedback item (what Open311 publishes);
 * - when a record's personal data was erased at the end of its retention period.
 * Numbered 0014: 0013 belongs to the figures work landing beside it (the Migrator sorts names).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
    // Milliseconds since the epoch, as the library writes it; null: never expires.
    .addColumn("expire", "bigint")
    .execute();
  await db.schema.createIndex("rate_limit_expire_idx").on("rate_limit").column("expire").execute();

  await db.schema.alterTable("audit_log").addColumn("prev_hash", "text").execute();
  await db.schema.alterTable("audit_log").addColumn("hash", "text").execute();
  await chainExistingAuditRows(db);
  await db.schema.createIndex("audit_log_hash_uq").on("audit_log").column("hash").unique().execute();
  if (dialectOf(db) === "postgres") await postgresAuditLogTriggers(db);
  else await sqliteAuditLogTriggers(db);

  await db.schema.alterTable("session").addColumn("last_seen_at", "text").execute();
  await db.updateTable("session").set({ last_seen_at: sql`created_at` }).execute();

  await db.schema.alterTable("feedback_item").addColumn("public_description", "text").execute();
  await db.schema.alterTable("feedback_item").addColumn("public_description_at", "text").execute();
  await db.schema
    .alterTable("feedback_item")
    .addColumn("public_description_by_user_id", "integer", (c) => c.references("user.id"))
    .execute();
  await db.schema.alterTable("feedback_item").addColumn("personal_data_erased_at", "text").execute();
  await db.schema.alterTable("dossier").addColumn("personal_data_erased_at", "text").execute();
  await db.schema.alterTable("feedback_attachment").addColumn("erased_at", "text").execute();
}

async function chainExistingAuditRows(db: Kysely<any>): Promise<void> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  for (;;) {
    const rows = (await db
      .selectFrom("audit_log")
      .select(["id", "unit_id", "actor_kind", "actor_user_id", "at", "entity_type", "entity_id", "action", "before_json", "after_json"])
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(1000)
      .execute()) as ChainedAuditRow[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const hash = auditRowHash(prevHash, row);
      await db.updateTable("audit_log").set({ prev_hash: prevHash, hash }).where("id", "=", row.id).execute();
      prevHash = hash;
      afterId = row.id;
    }
  }
}

/** Rows of the audit log are written once, with their link in the chain (SQLite). */
async function sqliteAuditLogTriggers(db: Kysely<any>): Promise<void> {
  await sql`CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log rows cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log rows cannot be removed'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_require_hash BEFORE INSERT ON audit_log
    WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
    BEGIN SELECT RAISE(ABORT, 'audit_log rows must carry their hash chain'); END`.execute(db);
}

/** The same refusals on PostgreSQL: trigger functions raising an exception, the same messages. */
async function postgresAuditLogTriggers(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log rows cannot be changed'; END $$`.execute(db);
  await sql`CREATE FUNCTION audit_log_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log rows cannot be removed'; END $$`.execute(db);
  await sql`CREATE FUNCTION audit_log_require_hash() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.hash IS NULL OR NEW.prev_hash IS NULL THEN RAISE EXCEPTION 'audit_log rows must carry their hash chain'; END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update()`.execute(db);
  await sql`CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_delete()`.execute(db);
  // TRUNCATE removes rows without DELETE triggers: refused too.
  await sql`CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_delete()`.execute(db);
  await sql`CREATE TRIGGER audit_log_require_hash BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_require_hash()`.execute(db);
}
