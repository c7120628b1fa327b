import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { FeedbackForFigures, Window } from "~/domain/metrics/feedback-figures";

/** The unit's feedback items a window can touch: received before its end and not answered before its start. */
export async function listFeedbackForFigures(db: Kysely<Database>, unitId: number, window: Window): Promise<FeedbackForFigures[]> {
  return (await listFeedbackForFiguresByUnit(db, [unitId], window)).get(unitId) ?? [];
}

/** `listFeedbackForFigures` for several units in one query (the province comparison). */
export async function listFeedbackForFiguresByUnit(
  db: Kysely<Database>,
  unitIds: readonly number[],
  window: Window,
): Promise<Map<number, FeedbackForFigures[]>> {
  const byUnit = new Map<number, FeedbackForFigures[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .selectFrom("feedback_item")
    .select(["unit_id", "kind", "received_at", "answered_at", "closed_at", "resolution_due_at", "not_accepted_reason", "forwarded_to", "dossier_id", "public_answer"])
    .where("unit_id", "in", unitIds)
    .where("hidden_reason", "is", null)
    .where("received_at", "<", window.end)
    .where((eb) => eb.or([eb("answered_at", "is", null), eb("answered_at", ">=", window.start)]))
    .execute();
  for (const r of rows) {
    byUnit.get(r.unit_id)?.push({
      kind: r.kind,
      receivedAt: r.received_at,
      answeredAt: r.answered_at,
      closedAt: r.closed_at,
      resolutionDueAt: r.resolution_due_at,
      answerDue: r.not_accepted_reason === null && r.forwarded_to === null,
      dossierId: r.dossier_id,
      hasPublicAnswer: (r.public_answer ?? "").trim() !== "",
    });
  }
  return byUnit;
}
