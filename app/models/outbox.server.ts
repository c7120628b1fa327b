import type { Kysely } from "kysely";
import type { Database, OutboxMessageTable } from "#db/schema";
import { maskEmail, maskNumber } from "~/domain/shared/redaction";
import { recordAudit, type Actor } from "./audit-log.server";
import { inTransaction } from "./transaction.server";

export type OutboxChannel = OutboxMessageTable["channel"];

export interface QueuedMessage {
  unitId: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  entityType: string;
  entityId: string;
  purpose: string;
}

/**
 * Puts one message in the outbox, inside the caller's transaction (the same one as the event it tells
 * about). The outbox-delivery job sends it when its channel has a transport; nothing is sent otherwise.
 */
export async function queueMessage(trx: Kysely<Database>, message: QueuedMessage, now: Date): Promise<void> {
  const at = now.toISOString();
  await trx
    .insertInto("outbox_message")
    .values({
      unit_id: message.unitId,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      entity_type: message.entityType,
      entity_id: message.entityId,
      purpose: message.purpose,
      status: "pending",
      delivery_state: "queued",
      next_attempt_at: at,
      created_at: at,
      sent_at: null,
      last_error: null,
      claimed_by: null,
      claimed_until: null,
    })
    .execute();
}

export const OUTBOX_PAGE_SIZE = 50;

/** A unit's messages, newest first, one keyset page (`before` is the last id shown); recipients masked. */
export async function listOutboxMessages(db: Kysely<Database>, unitId: number, before: number | null, pageSize = OUTBOX_PAGE_SIZE) {
  let query = db
    .selectFrom("outbox_message")
    .select(["id", "channel", "recipient", "subject", "purpose", "entity_type", "entity_id", "delivery_state", "attempts", "last_error", "next_attempt_at", "created_at", "sent_at"])
    .where("unit_id", "=", unitId);
  if (before !== null) query = query.where("id", "<", before);
  const rows = await query.orderBy("id", "desc").limit(pageSize + 1).execute();
  const page = rows.slice(0, pageSize).map((r) => ({
    ...r,
    recipient: r.channel === "email" ? maskEmail(r.recipient) : maskNumber(r.recipient),
    resendable: r.delivery_state === "failed" || r.delivery_state === "given_up",
  }));
  return { messages: page, nextBefore: rows.length > pageSize ? (page[page.length - 1]?.id ?? null) : null };
}

/** Channels without a configured transport: their messages wait in the outbox. */
export function channelsWithoutTransport(configured: Partial<Record<OutboxChannel, unknown>>): OutboxChannel[] {
  return (["email", "sms"] as const).filter((c) => !configured[c]);
}

/**
 * Sends a failed or given-up message again: queued, due now, attempts kept (the log of tries stays);
 * audited in the same transaction. False when the message is not the unit's or not resendable.
 */
export async function resendOutboxMessage(db: Kysely<Database>, actor: Actor, unitId: number, id: number, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("outbox_message")
      .select(["id", "delivery_state", "attempts", "last_error"])
      .where("id", "=", id)
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    if (!before || (before.delivery_state !== "failed" && before.delivery_state !== "given_up")) return false;
    const at = now.toISOString();
    const updated = await trx
      .updateTable("outbox_message")
      .set({ delivery_state: "queued", status: "pending", next_attempt_at: at, claimed_by: null, claimed_until: null })
      .where("id", "=", id)
      .where("delivery_state", "in", ["failed", "given_up"])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, {
      actor,
      unitId,
      entityType: "outbox_message",
      entityId: id,
      action: "resend",
      before: { delivery_state: before.delivery_state, attempts: before.attempts, last_error: before.last_error },
      after: { delivery_state: "queued", next_attempt_at: at },
      at: now,
    });
    return true;
  });
}

/** Where a citizen's message goes: the preferred channel when that contact was given, else the other. */
export function citizenRecipient(
  contact: { phone: string | null; email: string | null },
  prefer: OutboxChannel,
): { channel: OutboxChannel; recipient: string } | null {
  const order: OutboxChannel[] = prefer === "sms" ? ["sms", "email"] : ["email", "sms"];
  for (const channel of order) {
    const recipient = channel === "sms" ? contact.phone : contact.email;
    if (recipient) return { channel, recipient };
  }
  return null;
}

/** An e-mail to a staff member, when their account has an address; nothing otherwise. */
export async function queueStaffMail(
  trx: Kysely<Database>,
  userId: number,
  message: Omit<QueuedMessage, "channel" | "recipient">,
  now: Date,
): Promise<void> {
  const user = await trx.selectFrom("user").select(["email", "is_disabled"]).where("id", "=", userId).executeTakeFirst();
  const email = user?.email?.trim();
  if (!user || user.is_disabled === 1 || !email) return;
  await queueMessage(trx, { ...message, channel: "email", recipient: email }, now);
}
