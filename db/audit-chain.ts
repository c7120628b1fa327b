import { createHash } from "node:crypto";

/*
 * The audit log's hash chain, format 1. Each row's hash covers its own columns and the hash of the
 * row before it (by id), so a changed, removed or inserted row breaks every link after it. This is
 * the one definition: migration 0014 chains the rows written before it, the app chains new rows,
 * `npm run audit-log:verify` recomputes it. Changing it would break every chain already written.
 */

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedAuditRow {
  id: number;
  unit_id: number | null;
  actor_kind: string;
  actor_user_id: number | null;
  at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

/** SHA-256 (hex) of the previous hash and the row's columns, as a JSON array in column order. */
export function auditRowHash(prevHash: string, row: ChainedAuditRow): string {
  const canonical = JSON.stringify([
    1,
    prevHash,
    row.id,
    row.unit_id,
    row.actor_kind,
    row.actor_user_id,
    row.at,
    row.entity_type,
    row.entity_id,
    row.action,
    row.before_json,
    row.after_json,
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
