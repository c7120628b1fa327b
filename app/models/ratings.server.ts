import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Rating } from "~/domain/feedback/feedback";
import type { MessageKey } from "~/i18n";
import { recordAudit } from "./audit-log.server";
import { inTransaction } from "./transaction.server";

export async function getRatingStatus(db: Kysely<Database>, code: string) {
  const dossier = await db
    .selectFrom("dossier")
    .leftJoin("dossier_rating", "dossier_rating.dossier_id", "dossier.id")
    .select(["dossier.id", "dossier.code", "dossier.state", "dossier_rating.id as rating_id"])
    .where("dossier.code", "=", code)
    .executeTakeFirst();
  if (!dossier) return null;
  return { code: dossier.code, returned: dossier.state === "returned", rated: dossier.rating_id !== null };
}

/**
 * One rating per returned dossier. The citizen proves it is theirs with the last four digits of the
 * phone number on the dossier, since dossier codes follow a predictable pattern; the route limits
 * the wrong guesses per dossier (rate-limit.server.ts), so the digits cannot be found by trying.
 */
export async function rateDossier(
  db: Kysely<Database>,
  input: { code: string; phoneLast4: string; rating: Rating; comment?: string | undefined },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: MessageKey }> {
  return inTransaction(db, async (trx) => {
    const dossier = await trx
      .selectFrom("dossier")
      .select(["id", "unit_id", "state", "applicant_phone"])
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (!dossier) return { ok: false, error: "lookup.notFound" };
    if (dossier.state !== "returned") return { ok: false, error: "rating.notReturned" };
    // "Already rated" first: a rated dossier must not go on answering guesses of its phone digits.
    const existing = await trx.selectFrom("dossier_rating").select("id").where("dossier_id", "=", dossier.id).executeTakeFirst();
    if (existing) return { ok: false, error: "rating.already" };
    if (!/^\d{4}$/.test(input.phoneLast4) || !dossier.applicant_phone?.endsWith(input.phoneLast4)) {
      return { ok: false, error: "rating.mismatch" };
    }
    const { id } = await trx
      .insertInto("dossier_rating")
      .values({ dossier_id: dossier.id, rating: input.rating, comment: input.comment ?? null, rated_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: { kind: "citizen" },
      unitId: dossier.unit_id,
      entityType: "dossier_rating",
      entityId: id,
      action: "rated",
      after: { dossierId: dossier.id, rating: input.rating },
      at: now,
    });
    return { ok: true };
  });
}
