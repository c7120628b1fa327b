import type { Kysely } from "kysely";

/*
 * Issue 15, durable writes: every intake numbers its dossier in the year's tracking book by counting
 * that volume's entries. Without an index the count read the unit's whole history (25 ms a write at
 * 27,000 dossiers, 97% of the API write's SQL time); with it, a range of one index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("dossier_unit_book_volume_idx").on("dossier").columns(["unit_id", "tracking_book_volume"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("dossier_unit_book_volume_idx").execute();
}
