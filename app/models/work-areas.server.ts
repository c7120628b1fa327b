import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { WorkAreas } from "~/domain/audits/audit";
import { recordAudit, type Actor } from "./audit-log.server";

/** Each user's work areas (procedure fields and processes), for the "no auditing one's own work" rule. */
export async function getWorkAreas(db: Kysely<Database>, userIds: readonly number[]): Promise<Map<number, WorkAreas>> {
  const byUser = new Map<number, { fields: string[]; processes: string[] }>(userIds.map((id) => [id, { fields: [], processes: [] }]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("user_work_area")
    .select(["user_id", "kind", "code"])
    .where("user_id", "in", [...userIds])
    .orderBy("kind")
    .orderBy("code")
    .execute();
  for (const row of rows) {
    const areas = byUser.get(row.user_id);
    if (areas) (row.kind === "field" ? areas.fields : areas.processes).push(row.code);
  }
  return byUser;
}

/** Replaces a user's work areas in one transaction, audited. */
export async function setWorkAreas(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  userId: number,
  areas: WorkAreas,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = (await getWorkAreas(trx, [userId])).get(userId);
    await trx.deleteFrom("user_work_area").where("user_id", "=", userId).execute();
    const rows = [
      ...[...new Set(areas.fields)].map((code) => ({ user_id: userId, kind: "field" as const, code })),
      ...[...new Set(areas.processes)].map((code) => ({ user_id: userId, kind: "process" as const, code })),
    ];
    if (rows.length > 0) await trx.insertInto("user_work_area").values(rows).execute();
    const after = (await getWorkAreas(trx, [userId])).get(userId);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await recordAudit(trx, { actor, unitId, entityType: "user", entityId: userId, action: "work_areas_changed", before, after, at: now });
  });
}
