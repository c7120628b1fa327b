import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { createUser } from "../../app/models/users.server";
import { recordAudit, SYSTEM_ACTOR } from "../../app/models/audit-log.server";

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
  return { provinceId };
}
