import type { Kysely } from "kysely";
import { auditRowHash, GENESIS_HASH, type ChainedAuditRow } from "#db/audit-chain";
import { lockForNumbering } from "#db/sql";
import type { AuditActorKind, Database } from "#db/schema";
import { inTransaction } from "./transaction.server";

/** Who made a change. Staff act as themselves; citizens and the system have no account. */
export type Actor =
  | { kind: "user"; userId: number }
  | { kind: "citizen" }
  | { kind: "system" };

export const SYSTEM_ACTOR: Actor = { kind: "system" };

export interface AuditEntry {
  actor: Actor;
  unitId: number | null;
  entityType: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

/**
 * Records one state change. Call it with the same transaction as the change itself,
 * so the change and its audit row are written together or not at all.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  // The chain needs the last row and the new id: read and write in one transaction, holding the
  // chain's lock (SQLite runs one writer at a time; PostgreSQL waits here for any other process's
  // transaction that is appending, until it commits).
  const write = async (trx: Kysely<Database>) => {
    await lockForNumbering(trx, "audit_log");
    const last = await trx.selectFrom("audit_log").select(["id", "hash"]).orderBy("id", "desc").limit(1).executeTakeFirst();
    const row: ChainedAuditRow = {
      id: (last?.id ?? 0) + 1,
      unit_id: entry.unitId,
      actor_kind: entry.actor.kind,
      actor_user_id: entry.actor.kind === "user" ? entry.actor.userId : null,
      at: (entry.at ?? new Date()).toISOString(),
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await trx
      .insertInto("audit_log")
      .values({ ...row, actor_kind: row.actor_kind as AuditActorKind, prev_hash: prevHash, hash: auditRowHash(prevHash, row) })
      .execute();
  };
  await inTransaction(db, write);
}

export type AuditChainState =
  | { ok: true; rows: number; headHash: string; headId: number | null }
  | { ok: false; rows: number; brokenAtId: number; reason: "hash" | "link" };

/**
 * Recomputes the whole chain in id order and reports the first broken link: a row whose hash does
 * not match its columns (changed), or whose prev_hash is not the previous row's hash (a row removed
 * or inserted before it). Removing the newest rows leaves a shorter valid chain: the page shows the
 * head's hash so it can be noted down and compared later.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditChainState> {
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .selectFrom("audit_log")
      .select(["id", "unit_id", "actor_kind", "actor_user_id", "at", "entity_type", "entity_id", "action", "before_json", "after_json", "prev_hash", "hash"])
      .where("id", ">", prevId)
      .orderBy("id")
      .limit(2000)
      .execute();
    if (batch.length === 0) return { ok: true, rows, headHash: prevHash, headId: prevId === 0 ? null : prevId };
    for (const row of batch) {
      if (row.prev_hash !== prevHash) return { ok: false, rows, brokenAtId: row.id, reason: "link" };
      if (auditRowHash(prevHash, row) !== row.hash) return { ok: false, rows, brokenAtId: row.id, reason: "hash" };
      prevHash = row.hash;
      prevId = row.id;
      rows += 1;
    }
  }
}

let verified: { state: AuditChainState; headId: number | null; at: number } | undefined;
const REVERIFY_MS = 10 * 60 * 1000;

/**
 * The chain's state for the audit-log page: verified again when a row was added since, or every
 * ten minutes (a full pass reads every row; the triggers refuse changes in between).
 */
export async function getAuditChainState(db: Kysely<Database>, now = Date.now()): Promise<AuditChainState> {
  const head = await db.selectFrom("audit_log").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  const headId = head?.id ?? null;
  if (verified && verified.headId === headId && now - verified.at < REVERIFY_MS) return verified.state;
  const state = await verifyAuditChain(db);
  verified = { state, headId, at: now };
  return state;
}

export interface AuditLogFilter {
  unitId: number;
  entityType?: string;
  action?: string;
  actorUserId?: number;
  /** UTC instants: `fromInstant` inclusive, `toInstant` exclusive. */
  fromInstant?: string;
  toInstant?: string;
  page: number;
  pageSize: number;
}

export interface AuditLogListItem {
  id: number;
  at: string;
  actorKind: AuditActorKind;
  actorUserId: number | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export async function listAuditLog(
  db: Kysely<Database>,
  filter: AuditLogFilter,
): Promise<{ items: AuditLogListItem[]; total: number }> {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("user", "user.id", "audit_log.actor_user_id")
    .where("audit_log.unit_id", "=", filter.unitId);
  if (filter.entityType) query = query.where("audit_log.entity_type", "=", filter.entityType);
  if (filter.action) query = query.where("audit_log.action", "=", filter.action);
  if (filter.actorUserId) query = query.where("audit_log.actor_user_id", "=", filter.actorUserId);
  if (filter.fromInstant) query = query.where("audit_log.at", ">=", filter.fromInstant);
  if (filter.toInstant) query = query.where("audit_log.at", "<", filter.toInstant);

  const [rows, count] = await Promise.all([
    query
      .select([
        "audit_log.id",
        "audit_log.at",
        "audit_log.actor_kind",
        "audit_log.actor_user_id",
        "user.display_name as actor_name",
        "audit_log.entity_type",
        "audit_log.entity_id",
        "audit_log.action",
        "audit_log.before_json",
        "audit_log.after_json",
      ])
      .orderBy("audit_log.at", "desc")
      .orderBy("audit_log.id", "desc")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);

  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorKind: r.actor_kind,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    })),
  };
}

/** The distinct entity types and actions present, to fill the filter menus. */
export async function listAuditLogFacets(db: Kysely<Database>, unitId: number) {
  const [entityTypes, actions] = await Promise.all([
    db
      .selectFrom("audit_log")
      .select("entity_type")
      .distinct()
      .where("unit_id", "=", unitId)
      .orderBy("entity_type")
      .execute(),
    db
      .selectFrom("audit_log")
      .select("action")
      .distinct()
      .where("unit_id", "=", unitId)
      .orderBy("action")
      .execute(),
  ]);
  return {
    entityTypes: entityTypes.map((r) => r.entity_type),
    actions: actions.map((r) => r.action),
  };
}
