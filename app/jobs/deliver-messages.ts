import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { afterAttempt } from "~/domain/outbox/delivery";

export interface OutgoingMessage {
  channel: "sms" | "email";
  recipient: string;
  subject: string | null;
  body: string;
}
/** Sends one message or throws with a reason. */
export type Transport = (message: OutgoingMessage) => Promise<void>;
export type Transports = Partial<Record<"sms" | "email", Transport>>;

/** How long a claim holds: a process that died mid-send releases its messages after this. */
const CLAIM_MS = 5 * 60_000;

/**
 * The outbox job: claims due messages of the channels that have a transport (one conditional UPDATE
 * each, so two processes never send one message twice), sends them, and marks each sent, failed with
 * a reason and a next attempt (exponential back-off), or given up. Without a transport nothing moves.
 */
export async function deliverDueMessages(db: Kysely<Database>, now: Date, transports: Transports, limit = 50) {
  const channels = (Object.keys(transports) as Array<"sms" | "email">).filter((c) => transports[c]);
  const result = { sent: 0, failed: 0, givenUp: 0 };
  if (channels.length === 0) return result;
  const at = now.toISOString();
  const worker = randomUUID();
  const due = await db
    .selectFrom("outbox_message")
    .select("id")
    .where("delivery_state", "in", ["queued", "failed"])
    .where("channel", "in", channels)
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", at)]))
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", at)]))
    .orderBy("id")
    .limit(limit)
    .execute();
  for (const { id } of due) {
    const claim = await db
      .updateTable("outbox_message")
      .set({ claimed_by: worker, claimed_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
      .where("id", "=", id)
      .where("delivery_state", "in", ["queued", "failed"])
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", at)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const message = await db
      .selectFrom("outbox_message")
      .select(["channel", "recipient", "subject", "body", "attempts"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    let error: string | null = null;
    try {
      await transports[message.channel]!(message);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    }
    const attempts = message.attempts + 1;
    const outcome = afterAttempt(attempts, error === null, now);
    await db
      .updateTable("outbox_message")
      .set({
        attempts,
        delivery_state: outcome.state,
        status: outcome.state === "sent" ? "sent" : outcome.state === "given_up" ? "failed" : "pending",
        sent_at: outcome.state === "sent" ? at : null,
        last_error: error,
        next_attempt_at: outcome.state === "failed" ? outcome.nextAttemptAt.toISOString() : null,
        claimed_by: null,
        claimed_until: null,
      })
      .where("id", "=", id)
      .where("claimed_by", "=", worker)
      .execute();
    if (outcome.state === "sent") result.sent++;
    else if (outcome.state === "failed") result.failed++;
    else result.givenUp++;
  }
  return result;
}
