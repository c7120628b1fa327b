import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { parseStoredScopes, type ApiScope } from "~/domain/accounts/api-scopes";
import { recordAudit, type Actor } from "./audit-log.server";

const TOKEN_PREFIX = "mcq_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function listApiClients(db: Kysely<Database>, unitId: number) {
  const rows = await db
    .selectFrom("api_client")
    .select(["id", "name", "token_prefix", "scopes_json", "is_disabled", "created_at", "last_used_at"])
    .where("unit_id", "=", unitId)
    .orderBy("id")
    .execute();
  return rows.map(({ scopes_json, ...row }) => ({ ...row, scopes: parseStoredScopes(scopes_json) }));
}

/** Creates a client and returns its bearer token, which is shown once and only its hash kept. */
export async function createApiClient(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  name: string,
  scopes: readonly ApiScope[],
  now = new Date(),
): Promise<{ id: number; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_client")
      .values({
        unit_id: unitId,
        name,
        token_hash: hashToken(token),
        token_prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        scopes_json: JSON.stringify([...new Set(scopes)]),
        created_at: now.toISOString(),
        last_used_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: "api_client", entityId: row.id, action: "created", after: { name, scopes }, at: now });
    return row.id;
  });
  return { id, token };
}

export async function setApiClientDisabled(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  clientId: number,
  disabled: boolean,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("api_client")
      .select(["id", "name", "is_disabled"])
      .where("id", "=", clientId)
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    if (!before) return false;
    await trx.updateTable("api_client").set({ is_disabled: disabled ? 1 : 0 }).where("id", "=", clientId).execute();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "api_client",
      entityId: clientId,
      action: "updated",
      before: { name: before.name, disabled: before.is_disabled === 1 },
      after: { name: before.name, disabled },
      at: now,
    });
    return true;
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** The enabled client a bearer token belongs to, with what it may be used for, or null. */
export async function findApiClientByToken(db: Kysely<Database>, token: string) {
  const client = await db
    .selectFrom("api_client")
    .select(["id", "unit_id", "name", "scopes_json", "last_used_at"])
    .where("token_hash", "=", hashToken(token))
    .where("is_disabled", "=", 0)
    .executeTakeFirst();
  if (!client) return null;
  // "Last used" to the minute: written at most once a minute, so an API write costs one commit, not two.
  const now = new Date();
  if (!client.last_used_at || now.getTime() - Date.parse(client.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable("api_client").set({ last_used_at: now.toISOString() }).where("id", "=", client.id).execute();
  }
  const { scopes_json, last_used_at: _lastUsedAt, ...rest } = client;
  return { ...rest, scopes: parseStoredScopes(scopes_json) };
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** A response stored for an Idempotency-Key, with the hash of the request it answered. */
export async function findIdempotentResponse(db: Kysely<Database>, clientId: number, key: string) {
  const row = await db
    .selectFrom("api_idempotency")
    .select(["request_hash", "response_status", "response_json"])
    .where("api_client_id", "=", clientId)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  return row ? { requestHash: row.request_hash, status: row.response_status, body: JSON.parse(row.response_json) as unknown } : null;
}

export async function storeIdempotentResponse(
  trx: Kysely<Database>,
  clientId: number,
  key: string,
  requestHash: string,
  response: StoredResponse,
  now = new Date(),
): Promise<void> {
  await trx
    .insertInto("api_idempotency")
    .values({
      api_client_id: clientId,
      idempotency_key: key,
      request_hash: requestHash,
      response_status: response.status,
      response_json: JSON.stringify(response.body),
      created_at: now.toISOString(),
    })
    .execute();
}

/** A claimed key's placeholder answer, replaced by `completeIdempotentResponse` before the transaction commits. */
const PENDING_STATUS = 0;

export type IdempotencyClaim =
  | { claimed: true }
  | { claimed: false; previous: { requestHash: string; status: number; body: unknown } };

/**
 * Claims an Idempotency-Key inside the caller's transaction, BEFORE any work, by inserting its row
 * with insert-or-ignore on the (client, key) unique constraint. Under two processes this makes a
 * concurrent retry safe: on PostgreSQL the second insert waits for the first transaction and, once
 * it commits, conflicts and reads the stored answer (read committed); if the first rolled back, the
 * second claims the key. On SQLite the insert takes the database's write lock. Check-then-insert
 * would let both create a dossier, and the loser fail on the constraint with a 500.
 */
export async function claimIdempotencyKey(
  trx: Kysely<Database>,
  clientId: number,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<IdempotencyClaim> {
  const inserted = await trx
    .insertInto("api_idempotency")
    .values({
      api_client_id: clientId,
      idempotency_key: key,
      request_hash: requestHash,
      response_status: PENDING_STATUS,
      response_json: "null",
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(["api_client_id", "idempotency_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { claimed: true };
  const previous = await findIdempotentResponse(trx, clientId, key);
  if (!previous || previous.status === PENDING_STATUS) throw new Error("Idempotency-Key claimed but not answered");
  return { claimed: false, previous };
}

/** Stores the answer of a key claimed by `claimIdempotencyKey`, in the same transaction. */
export async function completeIdempotentResponse(
  trx: Kysely<Database>,
  clientId: number,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await trx
    .updateTable("api_idempotency")
    .set({ response_status: response.status, response_json: JSON.stringify(response.body) })
    .where("api_client_id", "=", clientId)
    .where("idempotency_key", "=", key)
    .execute();
}
