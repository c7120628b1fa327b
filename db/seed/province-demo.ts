import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { createUser } from "../../app/models/users.server";
import { recordAudit, SYSTEM_ACTOR } from "../../app/models/audit-log.server";
import { seedCalendar } from "../../app/models/calendar.server";
import { createProcedure } from "../../app/models/procedures.server";
import { addUnitVersion, createUnit, mergeUnits } from "../../app/models/units.server";
import { seedDemoHistory } from "./demo-history";
import { PROCEDURE_CATALOGUE } from "./procedures-catalogue";
import { VIETNAM_CALENDAR_2021_2027 } from "./vietnam-holidays";

/*
 * Issue 14 (province): the province above the reference commune, and its quality office's account.
 * Names and codes are demonstration data *(check)*: the province assigns the real ones, and the admin
 * corrects them on /staff/units.
 */

export const DEMO_PROVINCE = {
  code: "000.00.00.H53",
  name: "UBND tỉnh Sơn La",
  kind: "province",
  district_name: null,
  province_name: "tỉnh Sơn La",
  address: "Trụ sở UBND tỉnh Sơn La",
  is_remote_area: 1,
} as const;

/** The 2025 reorganisation as data *(check)*: the neighbours merged into Mường Sai, their codes and the date. */
export const DEMO_REORGANISATION = {
  date: "2025-07-01",
  predecessors: [
    { code: "000.32.14.H53", name: "UBND xã Nậm Mằn (check)", seed: 20250701, volumeScale: 0.14, commune: "xã Nậm Mằn" },
    { code: "000.33.14.H53", name: "UBND xã Chiềng Khoong (check)", seed: 20250702, volumeScale: 0.1, commune: "xã Chiềng Khoong" },
  ],
  /** Mường Sai from the date: no district above it. */
  successorFrom: { district_name: null, address: "Trụ sở UBND xã Mường Sai, tỉnh Sơn La" },
} as const;

export const PROVINCE_DEMO_USER = { username: "sonla", displayName: "Lò Văn Tỉnh", roles: ["province_officer" as const] };

/** Inserts the province, hangs the commune under it, and creates the province officer's account. */
export async function seedProvinceDemo(
  db: Kysely<Database>,
  communeId: number,
  passwordHash: string,
  mustChangePassword: boolean,
  now: Date,
): Promise<{ provinceId: number }> {
  const provinceId = await db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto("unit")
      .values({ ...DEMO_PROVINCE, parent_id: null, phone: null, email: null, created_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: SYSTEM_ACTOR, unitId: id, entityType: "unit", entityId: id, action: "created", after: DEMO_PROVINCE, at: now });
    await trx.updateTable("unit").set({ parent_id: id, updated_at: stamp }).where("id", "=", communeId).execute();
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      unitId: communeId,
      entityType: "unit",
      entityId: communeId,
      action: "updated",
      before: { parent_id: null },
      after: { parent_id: id },
      at: now,
    });
    return id;
  });
  await createUser(db, SYSTEM_ACTOR, { unitId: provinceId, ...PROVINCE_DEMO_USER, passwordHash, mustChangePassword }, now);
  // The province's working calendar: the communes added under it copy it.
  await seedCalendar(db, SYSTEM_ACTOR, provinceId, VIETNAM_CALENDAR_2021_2027, now);
  // The neighbours, their history up to the merger, then the 1 July 2025 reorganisation.
  const predecessors: number[] = [];
  for (const p of DEMO_REORGANISATION.predecessors) {
    const id = await createUnit(
      db,
      SYSTEM_ACTOR,
      { code: p.code, name: p.name, kind: "commune", parentId: provinceId, isRemoteArea: true, districtName: "huyện Sông Mã", address: `Trụ sở UBND ${p.commune}, huyện Sông Mã, tỉnh Sơn La` },
      now,
      "1900-01-01",
    );
    for (const procedure of PROCEDURE_CATALOGUE) await createProcedure(db, SYSTEM_ACTOR, id, { ...procedure, isActive: true }, now);
    await seedDemoHistory(db, id, now, { seed: p.seed, volumeScale: p.volumeScale, receivedBefore: DEMO_REORGANISATION.date, communeName: p.commune });
    predecessors.push(id);
  }
  await addUnitVersion(db, SYSTEM_ACTOR, communeId, DEMO_REORGANISATION.date, { ...DEMO_REORGANISATION.successorFrom, parent_id: provinceId }, now);
  if (now.toISOString().slice(0, 10) >= DEMO_REORGANISATION.date) {
    await mergeUnits(db, { predecessors, successor: communeId, date: DEMO_REORGANISATION.date, actor: SYSTEM_ACTOR }, now);
  }
  return { provinceId };
}
