import type { Kysely } from "kysely";
import type { Database, Unit } from "#db/schema";

export async function getUnit(db: Kysely<Database>, unitId: number): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().where("id", "=", unitId).executeTakeFirst();
}

/** The unit the public side presents. One database may hold many units; the public site serves the first. */
export async function getPublicUnit(db: Kysely<Database>): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().orderBy("id").limit(1).executeTakeFirst();
}
