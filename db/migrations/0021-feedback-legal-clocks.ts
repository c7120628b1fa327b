import { sql, type Kysely } from "kysely";

/*
 * Issue 17, round 2: what the legal clocks of a complaint need that the item did not store.
 * - `complaint_instance`: first or second instance (Luật Khiếu nại 2011: the second-instance filing
 *   and resolution periods differ).
 * - `knew_on`: the business date the complainant learnt of the decision or act (first instance) or
 *   received the first-instance decision (second instance); the filing window counts from it, and
 *   from the received date when it is unknown.
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("feedback_item")
    .addColumn("complaint_instance", "text", (c) => c.notNull().defaultTo("first").check(sql`complaint_instance in ('first', 'second')`))
    .execute();
  await db.schema.alterTable("feedback_item").addColumn("knew_on", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("feedback_item").dropColumn("knew_on").execute();
  await db.schema.alterTable("feedback_item").dropColumn("complaint_instance").execute();
}
