import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { applyRevisionAction, createDraft } from "~/models/documents.server";
import { businessDateOf } from "~/utils/clock";

/**
 * Issue 16: a revision waiting for the leader's approval, so the leader's "Việc của tôi" has one
 * from the demo. The quality lead drafts QT-06's next revision and submits it, through the models.
 */
export async function seedWorklistDemo(db: Kysely<Database>, unitId: number, now: Date): Promise<void> {
  const document = await db.selectFrom("document").select("id").where("unit_id", "=", unitId).where("code", "=", "QT-06").executeTakeFirst();
  const author = await db.selectFrom("user").select(["id", "display_name"]).where("unit_id", "=", unitId).where("username", "=", "chatluong").executeTakeFirst();
  if (!document || !author) return;
  const current = await db
    .selectFrom("document_revision")
    .select(["title", "body_md"])
    .where("document_id", "=", document.id)
    .where("state", "=", "effective")
    .executeTakeFirst();
  if (!current) return;
  const actor = { kind: "user" as const, userId: author.id, name: author.display_name, roles: ["quality_lead" as const] };
  const drafted = await createDraft(
    db,
    actor,
    unitId,
    document.id,
    {
      title: current.title,
      body: `${current.body_md.trimEnd()}\n\nGhi chú: hồ sơ chờ bổ sung được nhắc lại sau 5 ngày làm việc.\n`,
      reason: "Bổ sung bước nhắc hồ sơ chờ bổ sung (rà soát tháng 11)",
    },
    now,
  );
  if (!drafted.ok) return;
  const draft = await db
    .selectFrom("document_revision")
    .select("id")
    .where("document_id", "=", document.id)
    .where("state", "=", "draft")
    .executeTakeFirstOrThrow();
  await applyRevisionAction(db, actor, unitId, draft.id, "submit", {}, businessDateOf(now), now);
}
