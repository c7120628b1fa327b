import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type Actor } from "./audit-log.server";

export interface ExternalDocumentInput {
  number: string;
  issuedDate: string;
  issuer: string;
  title: string;
  status: "in_force" | "replaced";
  replacedBy?: string | null | undefined;
}

export async function listExternalDocuments(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("external_document")
    .select(["id", "number", "issued_date", "issuer", "title", "status", "replaced_by"])
    .where("unit_id", "=", unitId)
    .orderBy("issued_date", "desc")
    .execute();
}

/** Adds a legal basis, or updates the one with the same number (e.g. when it is replaced). */
export async function saveExternalDocument(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  input: ExternalDocumentInput,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const values = {
      issued_date: input.issuedDate,
      issuer: input.issuer,
      title: input.title,
      status: input.status,
      replaced_by: input.status === "replaced" ? (input.replacedBy ?? null) : null,
      updated_at: now.toISOString(),
    };
    const existing = await trx
      .selectFrom("external_document")
      .select(["id", "number", "issued_date", "issuer", "title", "status", "replaced_by"])
      .where("unit_id", "=", unitId)
      .where("number", "=", input.number)
      .executeTakeFirst();
    if (existing) {
      await trx.updateTable("external_document").set(values).where("id", "=", existing.id).execute();
      const { id, ...before } = existing;
      await recordAudit(trx, { actor, unitId, entityType: "external_document", entityId: id, action: "updated", before, after: { number: input.number, ...values }, at: now });
      return;
    }
    const { id } = await trx
      .insertInto("external_document")
      .values({ unit_id: unitId, number: input.number, ...values, created_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId, entityType: "external_document", entityId: id, action: "created", after: { number: input.number, ...values }, at: now });
  });
}
