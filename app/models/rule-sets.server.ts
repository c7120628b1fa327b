import type { Kysely } from "kysely";
import type { Database, RuleSetVersionRow } from "#db/schema";
import {
  DEFAULT_LEGAL_CLOCKS,
  timelineProblems,
  timelineWithNewVersion,
  versionInForce,
  type FormFacts,
  type FormKey,
  type LegalClocks,
  type OfferedSlip,
  type RuleSetCode,
  type RuleSetVersion,
  type TimelineProblem,
} from "~/domain/dossiers/rule-sets";
import { recordAudit, type Actor } from "./audit-log.server";
import { inTransaction } from "./transaction.server";

export function toRuleSetVersion(row: RuleSetVersionRow): RuleSetVersion {
  return {
    id: row.id,
    code: row.code,
    layout: row.layout,
    decree: row.decree,
    circular: row.circular,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    deskName: row.desk_name,
    forms: JSON.parse(row.forms_json) as Partial<Record<FormKey, FormFacts>>,
    slips: JSON.parse(row.slips_json) as OfferedSlip[],
    clocks: { ...DEFAULT_LEGAL_CLOCKS, ...(JSON.parse(row.clocks_json) as Partial<LegalClocks>) },
    checks: JSON.parse(row.checks_json) as string[],
  };
}

export async function listRuleSetVersions(db: Kysely<Database>): Promise<RuleSetVersion[]> {
  const rows = await db.selectFrom("rule_set_version").selectAll().orderBy("effective_from").execute();
  return rows.map(toRuleSetVersion);
}

export async function getRuleSetVersion(db: Kysely<Database>, id: number): Promise<RuleSetVersion | null> {
  const row = await db.selectFrom("rule_set_version").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRuleSetVersion(row) : null;
}

/** The version in force on business date `date`; throws when the timeline leaves the date uncovered. */
export async function ruleSetVersionOn(db: Kysely<Database>, date: string): Promise<RuleSetVersion> {
  const found = versionInForce(await listRuleSetVersions(db), date);
  if (!found) throw new Error(`No one-stop rule set in force on ${date}`);
  return found;
}

/** The version a dossier was received under (its stored id; by its reception date for rows older than 0017). */
export async function ruleSetVersionOfDossier(
  db: Kysely<Database>,
  dossier: { rule_set_version_id: number | null; received_date: string },
): Promise<RuleSetVersion> {
  const stored = dossier.rule_set_version_id === null ? null : await getRuleSetVersion(db, dossier.rule_set_version_id);
  return stored ?? ruleSetVersionOn(db, dossier.received_date);
}

export interface NewRuleSetVersion {
  code: string;
  layout: RuleSetCode;
  decree: string;
  circular: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  deskName: string;
  forms: Partial<Record<FormKey, FormFacts>>;
  slips: readonly OfferedSlip[];
  /** Default: the clocks of the version in force the day before. */
  clocks?: LegalClocks;
  note: string | null;
}

export type AddRuleSetResult =
  | { ok: true; id: number; closed: { code: string; effectiveTo: string } | null }
  | { ok: false; problems: TimelineProblem[] }
  | { ok: false; duplicateCode: true }
  | { ok: false; dossiersAfter: string };

/**
 * Adds a version from `effectiveFrom`: the version then in force ends the day before. Refused, with
 * nothing stored, when the timeline would overlap or leave a date uncovered, or when dossiers were
 * already received on or after the start (they keep the version they were received under).
 */
export async function addRuleSetVersion(
  db: Kysely<Database>,
  actor: Actor,
  input: NewRuleSetVersion,
  now = new Date(),
): Promise<AddRuleSetResult> {
  return inTransaction(db, async (trx) => {
    const existing = await listRuleSetVersions(trx);
    if (existing.some((v) => v.code === input.code)) return { ok: false, duplicateCode: true };
    const { timeline, closes } = timelineWithNewVersion(existing, input);
    const problems = timelineProblems(timeline);
    if (problems.length > 0) return { ok: false, problems };
    const later = await trx
      .selectFrom("dossier")
      .select((eb) => eb.fn.max("received_date").as("last"))
      .where("received_date", ">=", input.effectiveFrom)
      .executeTakeFirst();
    if (later?.last) return { ok: false, dossiersAfter: later.last };

    const closed = closes ? existing.find((v) => v.code === closes.code)! : null;
    if (closes && closed) {
      await trx.updateTable("rule_set_version").set({ effective_to: closes.effectiveTo }).where("id", "=", closed.id).execute();
      await recordAudit(trx, {
        actor,
        unitId: null,
        entityType: "rule_set_version",
        entityId: closed.id,
        action: "closed",
        before: { effective_to: closed.effectiveTo },
        after: { effective_to: closes.effectiveTo },
        at: now,
      });
    }
    const row = {
      code: input.code,
      layout: input.layout,
      decree: input.decree,
      circular: input.circular,
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo,
      desk_name: input.deskName,
      forms_json: JSON.stringify(input.forms),
      slips_json: JSON.stringify(input.slips),
      clocks_json: JSON.stringify(input.clocks ?? versionInForce(existing, closes?.effectiveTo ?? input.effectiveFrom)?.clocks ?? DEFAULT_LEGAL_CLOCKS),
      checks_json: "[]",
      note: input.note,
      created_by_user_id: actor.kind === "user" ? actor.userId : null,
      created_at: now.toISOString(),
    };
    const { id } = await trx.insertInto("rule_set_version").values(row).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, unitId: null, entityType: "rule_set_version", entityId: id, action: "created", after: row, at: now });
    return { ok: true, id, closed: closes };
  });
}
