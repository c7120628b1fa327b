import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { CalendarException } from "~/domain/calendar/working-calendar";
import type { Actor } from "./audit-log.server";
import { deleteCalendarException, saveCalendarException } from "./calendar.server";
import { getDueContext, recomputeOpenDueDates } from "./dossiers.server";

export type CalendarChange = { type: "save"; day: CalendarException } | { type: "delete"; date: string };

/** Changes one calendar day and moves the due dates of open dossiers accordingly, in one transaction. */
export async function changeCalendarDay(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  change: CalendarChange,
  now = new Date(),
): Promise<{ changed: boolean; dossiersMoved: number }> {
  return db.transaction().execute(async (trx) => {
    const changed =
      change.type === "save"
        ? (await saveCalendarException(trx, actor, unitId, change.day, now), true)
        : await deleteCalendarException(trx, actor, unitId, change.date, now);
    if (!changed) return { changed, dossiersMoved: 0 };
    const dossiersMoved = await recomputeOpenDueDates(trx, actor, await getDueContext(trx, unitId), now);
    return { changed, dossiersMoved };
  });
}
