import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { notifyOverdueActions } from "~/models/nonconformities.server";
import { businessDateOf } from "~/utils/clock";

/** Notifies the owners of overdue corrective actions, in every unit (once per action). */
export async function runOverdueActionNotices(db: Kysely<Database>, now: Date): Promise<number> {
  const units = await db.selectFrom("unit").select("id").orderBy("id").execute();
  let created = 0;
  for (const unit of units) created += await notifyOverdueActions(db, unit.id, businessDateOf(now), now);
  return created;
}
