import { sql, type Kysely } from "kysely";

/*
 * Issue 16, outbox delivery: a delivery state per message, its attempts and next try, and a claim
 * (claimed_by, claimed_until) so that two processes never send one message twice: a process takes a
 * message with one conditional UPDATE and only sends what it took.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("outbox_message")
    .addColumn("delivery_state", "text", (c) =>
      c.notNull().defaultTo("queued").check(sql`delivery_state in ('queued', 'sent', 'failed', 'given_up')`),
    )
    .execute();
  await db.schema.alterTable("outbox_message").addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("outbox_message").addColumn("next_attempt_at", "text").execute();
  await db.schema.alterTable("outbox_message").addColumn("claimed_by", "text").execute();
  await db.schema.alterTable("outbox_message").addColumn("claimed_until", "text").execute();
  await db.updateTable("outbox_message").set({ delivery_state: "sent" }).where("status", "=", "sent").execute();
  await db.updateTable("outbox_message").set({ next_attempt_at: sql`created_at` }).execute();
  await db.schema
    .createIndex("outbox_delivery_due_idx")
    .on("outbox_message")
    .columns(["delivery_state", "next_attempt_at"])
    .execute();
}
