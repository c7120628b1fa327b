import { z } from "zod";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";

/*
 * Competence and training (ISO 9001 §7.2): what a role, a field or a process requires, and whether a
 * person holds it on a given day from the training records.
 */

/** The competence an internal auditor must hold to be placed on an audit team (ISO 19011 §7). */
export const AUDITOR_COMPETENCE = "NL-DGNB";
/** A training that expires within this many days shows as lapsing. */
export const LAPSING_DAYS = 60;

export type CompetenceStatus = "held" | "lapsing" | "missing";

export interface HeldRecord {
  competenceId: number | null;
  endDate: string;
  expiresOn: string | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Held when a record for it ended on or before `today` and has not expired; lapsing when it expires within LAPSING_DAYS. */
export function competenceStatus(records: readonly HeldRecord[], competenceId: number, today: string): CompetenceStatus {
  const valid = records.filter((r) => r.competenceId === competenceId && r.endDate <= today && (r.expiresOn === null || r.expiresOn >= today));
  if (valid.length === 0) return "missing";
  if (valid.some((r) => r.expiresOn === null)) return "held";
  const latest = valid.map((r) => r.expiresOn as string).sort().at(-1) as string;
  return latest <= addDays(today, LAPSING_DAYS) ? "lapsing" : "held";
}

/** Whether the status counts for a rule that needs the competence (lapsing is still valid). */
export const isValid = (s: CompetenceStatus) => s !== "missing";

/** The required competences a person's records do not cover on the day (lapsing ones still count). */
export function missingCompetences(held: readonly HeldRecord[], requiredIds: readonly number[], today: string): number[] {
  return [...new Set(requiredIds)].filter((id) => !isValid(competenceStatus(held, id, today)));
}

export type RequirementKind = "role" | "field" | "process";

/** One line of a competence's "required for": the competence is required of a role, a field's handlers or a process. */
export interface CompetenceRequirement {
  competenceId: number;
  kind: RequirementKind;
  code: string;
}

/**
 * The competences that handling a dossier of `field` requires of a person: those required for the field
 * and those required for one of the person's roles. The person's other work areas (fields, processes)
 * do not count here: they bear on the dossiers of those areas, not on this one.
 */
export function requiredToHandle(requirements: readonly CompetenceRequirement[], field: string, roles: readonly string[]): number[] {
  const applies = (r: CompetenceRequirement) => (r.kind === "field" && r.code === field) || (r.kind === "role" && roles.includes(r.code));
  return [...new Set(requirements.filter(applies).map((r) => r.competenceId))];
}

/**
 * The desk's warning at assignment (a warning, never a refusal: a small commune may have nobody else
 * that day): the competences the person being made handler of a dossier of `field` lacks on the day.
 */
export function handlerCompetenceGaps(
  requirements: readonly CompetenceRequirement[],
  handler: { roles: readonly string[]; held: readonly HeldRecord[] },
  field: string,
  today: string,
): number[] {
  return missingCompetences(handler.held, requiredToHandle(requirements, field, handler.roles), today);
}

const optionalId = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional());

export const TrainingRecordSchema = z
  .object({
    userId: z.coerce.number(m("error.required")).int(m("error.required")).positive(m("error.required")),
    competenceId: optionalId,
    course: requiredText(300),
    provider: requiredText(300),
    startDate: BusinessDateSchema,
    endDate: BusinessDateSchema,
    hours: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number(m("error.invalid")).min(0, m("error.invalid")).max(2000, m("error.invalid")).optional()),
    expiresOn: z.preprocess((v) => (v === "" ? undefined : v), BusinessDateSchema.optional()),
    evidenceDocumentCode: optionalText(40),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: m("competence.error.endBeforeStart") });
    if (v.expiresOn && v.expiresOn < v.endDate) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: m("competence.error.expiryBeforeTraining") });
  });
export type TrainingRecordInput = z.infer<typeof TrainingRecordSchema>;

export const CompetenceSchema = z.object({
  code: z.string(m("error.required")).trim().regex(/^[A-Z0-9-]{2,20}$/, m("error.invalid")),
  title: requiredText(200),
  description: optionalText(1000),
  validityMonths: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(1, m("error.invalid")).max(240, m("error.invalid")).optional()),
  /** `role:internal_auditor`, `field:civil_status`, `process:QT-07`, one a line. */
  requiredFor: z
    .string()
    .default("")
    .transform((t) => t.split(/[\r\n,]+/).map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(role|field|process):[A-Za-z0-9_-]{1,40}$/, m("competence.error.requiredFor"))).max(50)),
});
export type CompetenceInput = z.infer<typeof CompetenceSchema>;

export const PlanItemSchema = z.object({
  year: z.coerce.number(m("error.invalid")).int().min(2000, m("error.invalid")).max(2100, m("error.invalid")),
  competenceId: optionalId,
  course: requiredText(300),
  provider: requiredText(300),
  plannedDate: BusinessDateSchema,
  hours: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number(m("error.invalid")).min(0).max(2000).optional()),
});

export function parseRequirement(text: string): { kind: RequirementKind; code: string } {
  const [kind, code] = text.split(":") as [RequirementKind, string];
  return { kind, code };
}
