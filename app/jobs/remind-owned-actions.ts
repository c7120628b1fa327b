import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { listOwnedActions } from "~/models/actions.server";
import { businessDateOf } from "~/utils/clock";

/**
 * Issue 18: reminds each owner, once a day, of the actions (risk treatments and reviews, training,
 * review decisions, corrective actions) that are due today or overdue: an in-app notification, and
 * an e-mail in the outbox for owners with an address (the outbox's sender delivers it, if configured).
 */
export async function remindOwnedActions(db: Kysely<Database>, now: Date): Promise<number> {
  const today = businessDateOf(now);
  const units = await db.selectFrom("unit").select("id").execute();
  let sent = 0;
  for (const unit of units) {
    const items = (await listOwnedActions(db, { unitId: unit.id }, today)).filter((i) => i.due !== null && i.due <= today);
    const byOwner = new Map<number, typeof items>();
    for (const i of items) byOwner.set(i.ownerUserId, [...(byOwner.get(i.ownerUserId) ?? []), i]);
    for (const [userId, owed] of byOwner) {
      const entityId = `${userId}:${today}`;
      const exists = await db
        .selectFrom("notification")
        .select("id")
        .where("kind", "=", "actions_reminder")
        .where("entity_type", "=", "owned_actions")
        .where("entity_id", "=", entityId)
        .executeTakeFirst();
      if (exists) continue;
      const text = `Nhắc việc: ${owed.length} việc đến hạn hoặc quá hạn (${owed.slice(0, 3).map((o) => o.ref).join(", ")}${owed.length > 3 ? ", …" : ""}).`;
      const user = await db.selectFrom("user").select("email").where("id", "=", userId).executeTakeFirst();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("notification")
          .values({ unit_id: unit.id, user_id: userId, kind: "actions_reminder", entity_type: "owned_actions", entity_id: entityId, text, link: "/staff/actions", created_at: now.toISOString(), read_at: null })
          .execute();
        if (user?.email)
          await trx
            .insertInto("outbox_message")
            .values({
              unit_id: unit.id,
              channel: "email",
              recipient: user.email,
              subject: "Nhắc việc hệ thống quản lý chất lượng",
              body: `${text}\n/staff/actions`,
              entity_type: "owned_actions",
              entity_id: entityId,
              purpose: "actions_reminder",
              status: "pending",
              created_at: now.toISOString(),
              sent_at: null,
              last_error: null,
            })
            .execute();
      });
      sent += 1;
    }
  }
  return sent;
}
