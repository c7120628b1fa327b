import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { rolesTo } from "~/domain/accounts/permissions";
import { isOverdue, orderActions, type ActionKind, type OwnedAction } from "~/domain/actions";

export interface ActionScope {
  unitId: number;
  /** One person's actions; omitted: the whole unit's (documents to read are counted per person only). */
  ownerUserId?: number;
}

/**
 * Every open action of a person (or of the unit), overdue first. The one definition of "what I owe";
 * the home page's "my work" calls it too.
 */
export async function listOwnedActions(db: Kysely<Database>, scope: ActionScope, today: string): Promise<OwnedAction[]> {
  const owner = scope.ownerUserId;
  const make = (kind: ActionKind, id: number | string, r: { owner: number; name: string; title: string; ref: string; link: string; due: string | null }): OwnedAction => ({
    kind,
    key: `${kind}:${id}`,
    ownerUserId: r.owner,
    ownerName: r.name,
    title: r.title,
    ref: r.ref,
    link: r.link,
    due: r.due,
    overdue: isOverdue(r.due, today),
  });

  let ca = db
    .selectFrom("corrective_action")
    .innerJoin("nonconformity", "nonconformity.id", "corrective_action.nonconformity_id")
    .innerJoin("user", "user.id", "corrective_action.owner_user_id")
    .select(["corrective_action.id", "corrective_action.owner_user_id", "user.display_name", "corrective_action.description", "corrective_action.due_date", "nonconformity.code"])
    .where("nonconformity.unit_id", "=", scope.unitId)
    .where("nonconformity.state", "!=", "closed")
    .where("corrective_action.status", "=", "planned");
  if (owner) ca = ca.where("corrective_action.owner_user_id", "=", owner);

  let decisions = db
    .selectFrom("management_review_decision")
    .innerJoin("management_review", "management_review.id", "management_review_decision.review_id")
    .innerJoin("user", "user.id", "management_review_decision.owner_user_id")
    .select([
      "management_review_decision.id",
      "management_review_decision.owner_user_id",
      "user.display_name",
      "management_review_decision.description",
      "management_review_decision.due_date",
      "management_review.code",
    ])
    .where("management_review.unit_id", "=", scope.unitId)
    .where("management_review_decision.due_date", ">=", today.slice(0, 4) + "-01-01");
  if (owner) decisions = decisions.where("management_review_decision.owner_user_id", "=", owner);

  let treatments = db
    .selectFrom("risk_treatment")
    .innerJoin("risk", "risk.id", "risk_treatment.risk_id")
    .innerJoin("user", "user.id", "risk_treatment.owner_user_id")
    .select(["risk_treatment.id", "risk_treatment.owner_user_id", "user.display_name", "risk_treatment.description", "risk_treatment.due_date", "risk.code"])
    .where("risk.unit_id", "=", scope.unitId)
    .where("risk.state", "=", "open")
    .where("risk_treatment.done_on", "is", null);
  if (owner) treatments = treatments.where("risk_treatment.owner_user_id", "=", owner);

  let reviews = db
    .selectFrom("risk")
    .innerJoin("user", "user.id", "risk.owner_user_id")
    .select(["risk.id", "risk.owner_user_id", "user.display_name", "risk.title", "risk.review_date", "risk.code"])
    .where("risk.unit_id", "=", scope.unitId)
    .where("risk.state", "=", "open");
  if (owner) reviews = reviews.where("risk.owner_user_id", "=", owner);

  let trainings = db
    .selectFrom("training_attendance")
    .innerJoin("training_plan_item", "training_plan_item.id", "training_attendance.plan_item_id")
    .innerJoin("user", "user.id", "training_attendance.user_id")
    .select(["training_plan_item.id", "training_attendance.user_id", "user.display_name", "training_plan_item.course", "training_plan_item.planned_date"])
    .where("training_plan_item.unit_id", "=", scope.unitId)
    .where("training_attendance.attended", "is", null);
  if (owner) trainings = trainings.where("training_attendance.user_id", "=", owner);

  const [caRows, decisionRows, treatmentRows, reviewRows, trainingRows] = await Promise.all([
    ca.execute(),
    decisions.execute(),
    treatments.execute(),
    reviews.execute(),
    trainings.execute(),
  ]);
  const items: OwnedAction[] = [
    ...caRows.map((r) => make("corrective_action", r.id, { owner: r.owner_user_id, name: r.display_name, title: r.description, ref: r.code, link: `/staff/nonconformities/${r.code}`, due: r.due_date })),
    ...decisionRows
      .filter((r) => r.owner_user_id !== null)
      .map((r) =>
        make("review_decision", r.id, { owner: r.owner_user_id as number, name: r.display_name, title: r.description, ref: r.code, link: `/staff/management-reviews/${r.code}`, due: r.due_date }),
      ),
    ...treatmentRows.map((r) => make("risk_treatment", r.id, { owner: r.owner_user_id, name: r.display_name, title: r.description, ref: r.code, link: `/staff/risks/${r.code}`, due: r.due_date })),
    ...reviewRows.map((r) => make("risk_review", r.id, { owner: r.owner_user_id, name: r.display_name, title: r.title, ref: r.code, link: `/staff/risks/${r.code}`, due: r.review_date })),
    ...trainingRows.map((r) =>
      make("training", `${r.id}-${r.user_id}`, { owner: r.user_id, name: r.display_name, title: r.course, ref: r.planned_date, link: "/staff/competence", due: r.planned_date }),
    ),
  ];
  if (owner) items.push(...(await documentsToRead(db, scope.unitId, owner)));
  return orderActions(items);
}

/** Effective revisions the person has not confirmed reading (QT-01), for a person who acknowledges documents. */
async function documentsToRead(db: Kysely<Database>, unitId: number, userId: number): Promise<OwnedAction[]> {
  const user = await db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.display_name"])
    .where("user.id", "=", userId)
    .where("user_role.role", "in", [...rolesTo("acknowledgeDocuments")])
    .executeTakeFirst();
  if (!user) return [];
  const rows = await db
    .selectFrom("document_revision")
    .innerJoin("document", "document.id", "document_revision.document_id")
    .select(["document_revision.id", "document.code", "document_revision.title", "document_revision.effective_date"])
    .where("document.unit_id", "=", unitId)
    .where("document_revision.state", "=", "effective")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("document_acknowledgement").select("id").whereRef("document_acknowledgement.revision_id", "=", "document_revision.id").where("document_acknowledgement.user_id", "=", userId))),
    )
    .execute();
  return rows.map((r) => ({
    kind: "document_read" as const,
    key: `document_read:${r.id}`,
    ownerUserId: userId,
    ownerName: user.display_name,
    title: r.title,
    ref: r.code,
    link: `/staff/documents/${r.code}`,
    due: r.effective_date,
    overdue: false,
  }));
}

/** How many actions are waiting, and how many of them are overdue. */
export async function countOwnedActions(db: Kysely<Database>, scope: ActionScope, today: string): Promise<{ total: number; overdue: number }> {
  const items = await listOwnedActions(db, scope, today);
  return { total: items.length, overdue: items.filter((i) => i.overdue).length };
}
