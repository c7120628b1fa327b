import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { recordAudit, SYSTEM_ACTOR } from "../../app/models/audit-log.server";
import { hashToken } from "../../app/models/api-clients.server";

/**
 * The demo Open311 client's key. A demonstration value, printed in the README: anyone can read it,
 * so a real installation disables this client at /staff/api-clients and issues its own keys.
 */
export const DEMO_OPEN311_KEY = "mcq_demo_open311_key_muongsai_2026";
export const DEMO_OPEN311_CLIENT_NAME = "Ứng dụng phản ánh hiện trường (demo)";

/** Adds the demo Open311 client to a unit, with its audit row. Does nothing if the key is already known. */
export async function seedOpen311Demo(db: Kysely<Database>, unitId: number, now = new Date()): Promise<{ id: number; seeded: boolean }> {
  const tokenHash = hashToken(DEMO_OPEN311_KEY);
  const existing = await db.selectFrom("api_client").select("id").where("token_hash", "=", tokenHash).executeTakeFirst();
  if (existing) return { id: existing.id, seeded: false };
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_client")
      .values({
        unit_id: unitId,
        name: DEMO_OPEN311_CLIENT_NAME,
        token_hash: tokenHash,
        // As createApiClient: "mcq_" and the next six characters, enough to recognise the key.
        token_prefix: DEMO_OPEN311_KEY.slice(0, 10),
        // A field-reporting app files feedback, never dossiers.
        scopes_json: JSON.stringify(["open311"]),
        created_at: now.toISOString(),
        last_used_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      unitId,
      entityType: "api_client",
      entityId: row.id,
      action: "created",
      after: { name: DEMO_OPEN311_CLIENT_NAME, scopes: ["open311"] },
      at: now,
    });
    return row.id;
  });
  return { id, seeded: true };
}
