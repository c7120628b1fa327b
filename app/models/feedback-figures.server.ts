import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { FeedbackForFigures, Window } from "~/domain/metrics/feedback-figures";

/** The unit's feedback items a window can touch: received before its end and not answered before its start. */
export async function listFeedbackForFigures(db: Kysely<Database>, unitId: number, window: Window): Promise<FeedbackForFigures[]> {
  const rows = await db
    .selectFrom("feedback_item")
    .select(["kind", "received_at", "answered_at", "closed_at", "resolution_due_at", "not_accepted_reason", "forwarded_to", "dossier_id", "public_answer"])
    .where("unit_id", "=", unitId)
    .where("hidden_reason", "is", null)
    .where("received_at", "<", window.end)
    .where((eb) => eb.or([eb("answered_at", "is", null), eb("answered_at", ">=", window.start)]))
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    receivedAt: r.received_at,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    resolutionDueAt: r.resolution_due_at,
    answerDue: r.not_accepted_reason === null && r.forwarded_to === null,
    dossierId: r.dossier_id,
    hasPublicAnswer: (r.public_answer ?? "").trim() !== "",
  }));
}
