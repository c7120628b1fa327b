import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  createWorkingCalendar,
  type CalendarException,
  type WorkingCalendar,
} from "~/domain/calendar/working-calendar";
import { recordAudit, type Actor } from "./audit-log.server";

export async function listCalendarExceptions(
  db: Kysely<Database>,
  unitId: number,
  range?: { from: string; to: string },
): Promise<CalendarException[]> {
  let query = db.selectFrom("calendar_exception").select(["date", "kind", "name"]).where("unit_id", "=", unitId);
  if (range) query = query.where("date", ">=", range.from).where("date", "<=", range.to);
  return query.orderBy("date").execute();
}

const calendars = new Map<string, WorkingCalendar>();
/** Moved by every change made through this module, so a change in this process is seen even within the same second. */
let generation = 0;

/**
 * The unit's working calendar: weekends plus its holidays, days off and make-up working days.
 * Built once and reused while the unit's days are unchanged: a covered look-up of their number, last
 * id and last change tells (every insert, update and delete moves one of them), instead of reading
 * and rebuilding the calendar for every dossier written.
 */
export async function getWorkingCalendar(db: Kysely<Database>, unitId: number): Promise<WorkingCalendar> {
  const stamp = await db
    .selectFrom("calendar_exception")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("id").as("last_id"), eb.fn.max("updated_at").as("changed")])
    .where("unit_id", "=", unitId)
    .executeTakeFirstOrThrow();
  const key = `${generation}:${unitId}:${Number(stamp.n)}:${stamp.last_id ?? ""}:${stamp.changed ?? ""}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createWorkingCalendar(await listCalendarExceptions(db, unitId));
    if (calendars.size > 200) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

export async function seedCalendar(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  exceptions: readonly CalendarException[],
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const exception of exceptions) {
      await insertException(trx, actor, unitId, exception, now);
    }
  });
}

async function insertException(
  trx: Kysely<Database>,
  actor: Actor,
  unitId: number,
  exception: CalendarException,
  now: Date,
) {
  generation += 1;
  const { id } = await trx
    .insertInto("calendar_exception")
    .values({ unit_id: unitId, ...exception, created_at: now.toISOString(), updated_at: now.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor,
    unitId,
    entityType: "calendar_day",
    entityId: id,
    action: "created",
    after: exception,
    at: now,
  });
}

/** Adds a day, or changes the day already recorded for that date. Call inside the caller's transaction. */
export async function saveCalendarException(
  trx: Kysely<Database>,
  actor: Actor,
  unitId: number,
  exception: CalendarException,
  now = new Date(),
): Promise<void> {
  const existing = await trx
    .selectFrom("calendar_exception")
    .select(["id", "date", "kind", "name"])
    .where("unit_id", "=", unitId)
    .where("date", "=", exception.date)
    .executeTakeFirst();
  if (!existing) {
    await insertException(trx, actor, unitId, exception, now);
    return;
  }
  generation += 1;
  await trx
    .updateTable("calendar_exception")
    .set({ kind: exception.kind, name: exception.name, updated_at: now.toISOString() })
    .where("id", "=", existing.id)
    .execute();
  const { id, ...before } = existing;
  await recordAudit(trx, {
    actor,
    unitId,
    entityType: "calendar_day",
    entityId: id,
    action: "updated",
    before,
    after: exception,
    at: now,
  });
}

/** Removes the day recorded for a date. Call inside the caller's transaction. */
export async function deleteCalendarException(
  trx: Kysely<Database>,
  actor: Actor,
  unitId: number,
  date: string,
  now = new Date(),
): Promise<boolean> {
  const existing = await trx
    .selectFrom("calendar_exception")
    .select(["id", "date", "kind", "name"])
    .where("unit_id", "=", unitId)
    .where("date", "=", date)
    .executeTakeFirst();
  if (!existing) return false;
  generation += 1;
  await trx.deleteFrom("calendar_exception").where("id", "=", existing.id).execute();
  const { id, ...before } = existing;
  await recordAudit(trx, {
    actor,
    unitId,
    entityType: "calendar_day",
    entityId: id,
    action: "deleted",
    before,
    at: now,
  });
  return true;
}
