import { sql } from "kysely";
import type { Db } from "#db/client";
import { engineOf } from "#db/sql";

/*
 * What tests need to say the same thing to both engines: the words each uses for a refused
 * constraint, and a trigger that makes one insert fail (to check that a transaction rolls back).
 */

/** An error of either engine for a CHECK constraint that refused a row. */
export const CHECK_FAILED = /CHECK constraint failed|violates check constraint/;
/** An error of either engine for a foreign key that refused a row. */
export const FOREIGN_KEY_FAILED = /FOREIGN KEY constraint failed|violates foreign key constraint/;
/** An error of either engine for a UNIQUE constraint (or primary key) that refused a row. */
export const UNIQUE_FAILED = /UNIQUE constraint failed|violates unique constraint/;

/** An error of either engine for a NOT NULL column given null. */
export const NOT_NULL_FAILED = /NOT NULL constraint failed|violates not-null constraint/;

/** The unique constraint on `table.column` as each engine names it in its error. */
export function uniqueFailedOn(table: string, column: string): RegExp {
  return new RegExp(`UNIQUE constraint failed: ${table}\\.${column}|violates unique constraint "${table}_${column}_key"`);
}

/**
 * Makes every insert into `table` for which `when` holds (SQL over `new`) fail with `message`, until
 * the returned function is called. SQLite: a BEFORE INSERT trigger with RAISE(ABORT); PostgreSQL: a
 * plpgsql trigger that raises.
 */
export async function refuseInserts(db: Db, table: string, message: string, when?: string): Promise<() => Promise<void>> {
  const name = `refuse_${table}_${Math.random().toString(36).slice(2, 8)}`;
  const literal = `'${message.replace(/'/g, "''")}'`;
  if (engineOf(db) === "postgres") {
    await sql
      .raw(`create function ${name}() returns trigger language plpgsql as $$ begin raise exception ${literal}; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger ${name} before insert on "${table}" for each row${when ? ` when (${when})` : ""} execute function ${name}()`)
      .execute(db);
    return async () => {
      await sql.raw(`drop trigger ${name} on "${table}"`).execute(db);
      await sql.raw(`drop function ${name}()`).execute(db);
    };
  }
  await sql
    .raw(`create trigger ${name} before insert on "${table}"${when ? ` when ${when}` : ""} begin select raise(abort, ${literal}); end`)
    .execute(db);
  return async () => {
    await sql.raw(`drop trigger ${name}`).execute(db);
  };
}

/** Drops the audit log's refusing triggers (migration 0014), as an attacker with the database's keys would. */
export async function dropAuditLogGuards(db: Db, names: readonly string[] = ["audit_log_refuse_update", "audit_log_refuse_delete"]): Promise<void> {
  for (const name of names) {
    await sql.raw(engineOf(db) === "postgres" ? `drop trigger ${name} on audit_log` : `drop trigger ${name}`).execute(db);
  }
}
