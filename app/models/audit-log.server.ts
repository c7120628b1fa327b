import type { Kysely } from "kysely";
import type { AuditActorKind, Database } from "#db/schema";

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
  await db
    .insertInto("audit_log")
    .values({
      unit_id: entry.unitId,
      actor_kind: entry.actor.kind,
      actor_user_id: entry.actor.kind === "user" ? entry.actor.userId : null,
      at: (entry.at ?? new Date()).toISOString(),
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
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
