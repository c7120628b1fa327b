import type { Kysely } from "kysely";
import type { Database, Unit } from "#db/schema";

export async function getUnit(db: Kysely<Database>, unitId: number): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().where("id", "=", unitId).executeTakeFirst();
}

/** The unit the public side presents. One database may hold many units; the public site serves the first. */
export async function getPublicUnit(db: Kysely<Database>): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().orderBy("id").limit(1).executeTakeFirst();
}

/**
 * The unit as it was on a business date (`YYYY-MM-DD`, issue 14): its code, name, kind, parent and
 * district/province names from the version in force that day (`unit_version`), its contact details
 * as they are now. A date no version covers gives the unit as it stands. Every printed document
 * names its unit through this, with the document's own date.
 */
export async function unitAsOf(db: Kysely<Database>, unitId: number, date: string): Promise<Unit | undefined> {
  const [unit, version] = await Promise.all([
    getUnit(db, unitId),
    db
      .selectFrom("unit_version")
      .select(["code", "name", "kind", "parent_id", "district_name", "province_name"])
      .where("unit_id", "=", unitId)
      .where("effective_from", "<=", date)
      .where((eb) => eb.or([eb("effective_to", "is", null), eb("effective_to", ">", date)]))
      .orderBy("effective_from", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (!unit) return undefined;
  return version ? { ...unit, ...version } : unit;
}
