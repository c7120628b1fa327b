import type { Kysely } from "kysely";

/*
 * Issue 18: a management review's §9.3.2 inputs, as computed when it was recorded (JSON), so a
 * recorded review's figures never change afterwards; the page and the input report read them back.
 * Reviews recorded before this migration keep null and are computed as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("management_review").addColumn("inputs_json", "text").execute();
}
