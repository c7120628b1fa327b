import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, ProcedureTable } from "#db/schema";
import type { ProcedureDefinition, ProcedureField } from "~/domain/procedures/procedure";
import { toSearchText } from "~/utils/search-text";
import { recordAudit, type Actor } from "./audit-log.server";
import { containsText } from "#db/sql";

export interface Procedure extends ProcedureDefinition {
  id: number;
  unitId: number;
  isActive: boolean;
  updatedAt: string;
}

function toProcedure(row: Selectable<ProcedureTable>): Procedure {
  return {
    id: row.id,
    unitId: row.unit_id,
    code: row.code,
    name: row.name,
    field: row.field,
    processingDays: row.processing_days,
    processingNote: row.processing_note,
    feeVnd: row.fee_vnd,
    feeNote: row.fee_note,
    onlineService: row.online_service,
    requiredDocuments: JSON.parse(row.required_documents_json) as string[],
    result: row.result,
    legalBasis: JSON.parse(row.legal_basis_json) as string[],
    isActive: row.is_active === 1,
    updatedAt: row.updated_at,
  };
}

function toColumns(definition: ProcedureDefinition) {
  return {
    code: definition.code,
    name: definition.name,
    search_text: toSearchText(`${definition.name} ${definition.code}`),
    field: definition.field,
    processing_days: definition.processingDays,
    processing_note: definition.processingNote,
    fee_vnd: definition.feeVnd,
    fee_note: definition.feeNote,
    online_service: definition.onlineService,
    required_documents_json: JSON.stringify(definition.requiredDocuments),
    result: definition.result,
    legal_basis_json: JSON.stringify(definition.legalBasis),
  };
}

/** What the audit log keeps of a procedure. */
function auditSnapshot(p: Procedure | ProcedureDefinition & { isActive: boolean }) {
  const { code, name, field, processingDays, processingNote, feeVnd, feeNote, onlineService } = p;
  return {
    code,
    name,
    field,
    processingDays,
    processingNote,
    feeVnd,
    feeNote,
    onlineService,
    requiredDocuments: p.requiredDocuments,
    result: p.result,
    legalBasis: p.legalBasis,
    isActive: p.isActive,
  };
}

export interface ProcedureQuery {
  unitId: number;
  q?: string | undefined;
  field?: ProcedureField | undefined;
  includeInactive?: boolean;
}

export async function listProcedures(db: Kysely<Database>, query: ProcedureQuery): Promise<Procedure[]> {
  let select = db.selectFrom("procedure").selectAll().where("unit_id", "=", query.unitId);
  if (!query.includeInactive) select = select.where("is_active", "=", 1);
  if (query.field) select = select.where("field", "=", query.field);
  const terms = toSearchText(query.q ?? "").split(" ").filter(Boolean);
  for (const term of terms) {
    select = select.where(containsText(db, sql.ref("search_text"), term));
  }
  const rows = await select.orderBy("field").orderBy("name").execute();
  return rows.map(toProcedure);
}

export async function getProcedureByCode(
  db: Kysely<Database>,
  unitId: number,
  code: string,
): Promise<Procedure | null> {
  const row = await db
    .selectFrom("procedure")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("code", "=", code)
    .executeTakeFirst();
  return row ? toProcedure(row) : null;
}

export async function getProcedureById(db: Kysely<Database>, id: number): Promise<Procedure | null> {
  const row = await db.selectFrom("procedure").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toProcedure(row) : null;
}

export async function createProcedure(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  definition: ProcedureDefinition & { isActive: boolean },
  now = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("procedure")
      .values({
        unit_id: unitId,
        ...toColumns(definition),
        is_active: definition.isActive ? 1 : 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "procedure",
      entityId: id,
      action: "created",
      after: auditSnapshot(definition),
      at: now,
    });
    return id;
  });
}

export async function updateProcedure(
  db: Kysely<Database>,
  actor: Actor,
  procedureId: number,
  definition: ProcedureDefinition & { isActive: boolean },
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getProcedureById(trx, procedureId);
    if (!before) throw new Error(`Procedure ${procedureId} not found`);
    await trx
      .updateTable("procedure")
      .set({ ...toColumns(definition), is_active: definition.isActive ? 1 : 0, updated_at: now.toISOString() })
      .where("id", "=", procedureId)
      .execute();
    await recordAudit(trx, {
      actor,
      unitId: before.unitId,
      entityType: "procedure",
      entityId: procedureId,
      action: "updated",
      before: auditSnapshot(before),
      after: auditSnapshot(definition),
      at: now,
    });
  });
}

export async function isProcedureCodeTaken(
  db: Kysely<Database>,
  unitId: number,
  code: string,
  exceptId?: number,
): Promise<boolean> {
  let select = db.selectFrom("procedure").select("id").where("unit_id", "=", unitId).where("code", "=", code);
  if (exceptId !== undefined) select = select.where("id", "!=", exceptId);
  return (await select.executeTakeFirst()) !== undefined;
}
