import type { Kysely } from "kysely";

/*
 * Issue 17: the management review record's secretary (who keeps the minutes and signs the record
 * with the chair), entered when the meeting is recorded. Reviews recorded before this migration
 * keep null; their stored PDF printed the person who recorded them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("management_review").addColumn("secretary_name", "text").execute();
}
