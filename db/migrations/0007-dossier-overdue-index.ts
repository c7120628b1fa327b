import type { Kysely } from "kysely";

// Overdue is judged by business date (the day after the due day), so the lookups filter on due_date.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("dossier_unit_state_due_date_idx")
    .on("dossier")
    .columns(["unit_id", "state", "due_date"])
    .execute();
  await db.schema.dropIndex("dossier_unit_state_due_idx").execute();
}
