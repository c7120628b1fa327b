import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  checklistChangeAction,
  nextChecklistCode as nextCodeAfter,
  type ChecklistItemInput,
  type ChecklistSnapshot,
  type ChecklistTemplateDefinition,
  type ChecklistTemplateInput,
  type NewChecklistTemplateInput,
} from "~/domain/audits/checklist";
import type { MessageKey } from "~/i18n";
import { recordAudit, type Actor } from "./audit-log.server";

export interface ChecklistTemplateSummary {
  id: number;
  code: string;
  title: string;
  isoClause: string;
  process: string | null;
  isActive: boolean;
  itemCount: number;
}

export interface ChecklistTemplateItem {
  id: number;
  position: number;
  isoClause: string;
  question: string;
  guidance: string | null;
}

export interface ChecklistTemplateDetail extends Omit<ChecklistTemplateSummary, "itemCount"> {
  createdAt: string;
  updatedAt: string;
  items: ChecklistTemplateItem[];
}

/** A question ready to be copied into an audit, with the template it comes from. */
export interface ChecklistItemForAudit {
  templateId: number;
  templateCode: string;
  templateTitle: string;
  process: string | null;
  position: number;
  isoClause: string;
  question: string;
  guidance: string | null;
}

export type ChecklistResult = { ok: true; id: number; code: string } | { ok: false; error: MessageKey };

// Codes order by number: CL-99 before CL-100.
const byCodeLength = sql`length(checklist_template.code)`;

/** The unit's templates with their number of questions, ordered by code. */
export async function listChecklistTemplates(
  db: Kysely<Database>,
  unitId: number,
  options: { activeOnly?: boolean } = {},
): Promise<ChecklistTemplateSummary[]> {
  let query = db
    .selectFrom("checklist_template")
    .leftJoin("checklist_template_item", "checklist_template_item.template_id", "checklist_template.id")
    .select((eb) => [
      "checklist_template.id",
      "checklist_template.code",
      "checklist_template.title",
      "checklist_template.iso_clause",
      "checklist_template.process",
      "checklist_template.is_active",
      eb.fn.count<number>("checklist_template_item.id").as("item_count"),
    ])
    .where("checklist_template.unit_id", "=", unitId)
    .groupBy("checklist_template.id");
  if (options.activeOnly) query = query.where("checklist_template.is_active", "=", 1);
  const rows = await query.orderBy(byCodeLength).orderBy("checklist_template.code").execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    isoClause: r.iso_clause,
    process: r.process,
    isActive: r.is_active === 1,
    itemCount: Number(r.item_count),
  }));
}

/** A template with its questions in order, or null if the unit has no template of that code. */
export async function getChecklistTemplate(db: Kysely<Database>, unitId: number, code: string): Promise<ChecklistTemplateDetail | null> {
  const row = await db
    .selectFrom("checklist_template")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("code", "=", code)
    .executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom("checklist_template_item")
    .select(["id", "position", "iso_clause", "question", "guidance"])
    .where("template_id", "=", row.id)
    .orderBy("position")
    .execute();
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    isoClause: row.iso_clause,
    process: row.process,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    items: items.map((i) => ({ id: i.id, position: i.position, isoClause: i.iso_clause, question: i.question, guidance: i.guidance })),
  };
}

/**
 * The questions of the given templates, ordered by template code then position, for an audit to
 * copy. Ids of another unit's templates are ignored.
 */
export async function getChecklistItems(
  db: Kysely<Database>,
  unitId: number,
  templateIds: readonly number[],
): Promise<ChecklistItemForAudit[]> {
  if (templateIds.length === 0) return [];
  const rows = await db
    .selectFrom("checklist_template_item")
    .innerJoin("checklist_template", "checklist_template.id", "checklist_template_item.template_id")
    .select([
      "checklist_template.id as template_id",
      "checklist_template.code",
      "checklist_template.title",
      "checklist_template.process",
      "checklist_template_item.position",
      "checklist_template_item.iso_clause",
      "checklist_template_item.question",
      "checklist_template_item.guidance",
    ])
    .where("checklist_template.unit_id", "=", unitId)
    .where("checklist_template.id", "in", [...templateIds])
    .orderBy(byCodeLength)
    .orderBy("checklist_template.code")
    .orderBy("checklist_template_item.position")
    .execute();
  return rows.map((r) => ({
    templateId: r.template_id,
    templateCode: r.code,
    templateTitle: r.title,
    process: r.process,
    position: r.position,
    isoClause: r.iso_clause,
    question: r.question,
    guidance: r.guidance,
  }));
}

/** The code a new template would get: after the highest in use. */
export async function nextChecklistCode(db: Kysely<Database>, unitId: number): Promise<string> {
  const rows = await db.selectFrom("checklist_template").select("code").where("unit_id", "=", unitId).execute();
  return nextCodeAfter(rows.map((r) => r.code));
}

function snapshotOf(code: string, input: ChecklistTemplateInput): ChecklistSnapshot {
  return {
    code,
    title: input.title,
    isoClause: input.isoClause,
    process: input.process,
    isActive: input.isActive,
    items: input.items.map((i) => ({ isoClause: i.isoClause, question: i.question, guidance: i.guidance })),
  };
}

async function insertItems(trx: Kysely<Database>, templateId: number, items: readonly ChecklistItemInput[]) {
  if (items.length === 0) return;
  await trx
    .insertInto("checklist_template_item")
    .values(items.map((item, index) => ({ template_id: templateId, position: index + 1, iso_clause: item.isoClause, question: item.question, guidance: item.guidance })))
    .execute();
}

async function insertTemplate(
  trx: Kysely<Database>,
  actor: Actor,
  unitId: number,
  input: NewChecklistTemplateInput,
  now: Date,
): Promise<ChecklistResult> {
  const taken = await trx
    .selectFrom("checklist_template")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("code", "=", input.code)
    .executeTakeFirst();
  if (taken) return { ok: false, error: "checklist.error.codeTaken" };
  const stamp = now.toISOString();
  const { id } = await trx
    .insertInto("checklist_template")
    .values({
      unit_id: unitId,
      code: input.code,
      title: input.title,
      iso_clause: input.isoClause,
      process: input.process,
      is_active: input.isActive ? 1 : 0,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertItems(trx, id, input.items);
  await recordAudit(trx, { actor, unitId, entityType: "checklist_template", entityId: id, action: "created", after: snapshotOf(input.code, input), at: now });
  return { ok: true, id, code: input.code };
}

/** Creates a template with its questions, audited, in one transaction. */
export async function createChecklistTemplate(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  input: NewChecklistTemplateInput,
  now = new Date(),
): Promise<ChecklistResult> {
  return db.transaction().execute((trx) => insertTemplate(trx, actor, unitId, input, now));
}

/**
 * Saves a template's heading, active flag and questions: the questions are replaced as a whole in
 * the same transaction, and the audit log keeps the template before and after. Saving without a
 * change writes nothing.
 */
export async function updateChecklistTemplate(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  code: string,
  input: ChecklistTemplateInput,
  now = new Date(),
): Promise<ChecklistResult> {
  return db.transaction().execute(async (trx) => {
    const current = await getChecklistTemplate(trx, unitId, code);
    if (!current) return { ok: false, error: "checklist.error.notFound" } as const;
    const before = snapshotOf(code, current);
    const after = snapshotOf(code, input);
    const action = checklistChangeAction(before, after);
    if (!action) return { ok: true, id: current.id, code } as const;
    await trx
      .updateTable("checklist_template")
      .set({
        title: input.title,
        iso_clause: input.isoClause,
        process: input.process,
        is_active: input.isActive ? 1 : 0,
        updated_at: now.toISOString(),
      })
      .where("id", "=", current.id)
      .execute();
    await trx.deleteFrom("checklist_template_item").where("template_id", "=", current.id).execute();
    await insertItems(trx, current.id, input.items);
    await recordAudit(trx, { actor, unitId, entityType: "checklist_template", entityId: current.id, action, before, after, at: now });
    return { ok: true, id: current.id, code } as const;
  });
}

/** Loads templates (the demo's, or a commune's starting set) in one transaction; codes already present are left as they are. */
export async function seedChecklistTemplates(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  templates: readonly ChecklistTemplateDefinition[],
  now = new Date(),
): Promise<{ created: string[] }> {
  return db.transaction().execute(async (trx) => {
    const created: string[] = [];
    for (const t of templates) {
      const result = await insertTemplate(
        trx,
        actor,
        unitId,
        {
          ...t,
          isActive: t.isActive ?? true,
          items: t.items.map((i) => ({ isoClause: i.isoClause, question: i.question, guidance: i.guidance ?? null })),
        },
        now,
      );
      if (result.ok) created.push(result.code);
    }
    return { created };
  });
}
