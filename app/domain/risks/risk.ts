import { z } from "zod";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";

/*
 * Risks and opportunities (ISO 9001 §6.1). The scale (1–5 likelihood and impact) and the level
 * bands are data (tables `risk_scale_step`, `risk_level_band`); these rules read them as passed in.
 */

export const RISK_KINDS = ["risk", "opportunity"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RiskKindSchema = z.enum(RISK_KINDS, m("error.required"));

export const RISK_BANDS = ["low", "medium", "high", "critical"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export interface RiskScale {
  /** The scores of each axis, ascending (1..5 in the shipped data). */
  likelihood: readonly number[];
  impact: readonly number[];
  bands: ReadonlyArray<{ band: RiskBand; minLevel: number; maxLevel: number }>;
}

export const DEFAULT_SCALE: RiskScale = {
  likelihood: [1, 2, 3, 4, 5],
  impact: [1, 2, 3, 4, 5],
  bands: [
    { band: "low", minLevel: 1, maxLevel: 4 },
    { band: "medium", minLevel: 5, maxLevel: 9 },
    { band: "high", minLevel: 10, maxLevel: 16 },
    { band: "critical", minLevel: 17, maxLevel: 25 },
  ],
};

export type LevelResult =
  | { ok: true; level: number; band: RiskBand }
  | { ok: false; field: "likelihood" | "impact"; error: "risks.error.outsideScale" };

/** The level is likelihood × impact; its band is the scale's band holding it. */
export function riskLevel(scale: RiskScale, likelihood: number, impact: number): LevelResult {
  if (!Number.isInteger(likelihood) || !scale.likelihood.includes(likelihood)) return { ok: false, field: "likelihood", error: "risks.error.outsideScale" };
  if (!Number.isInteger(impact) || !scale.impact.includes(impact)) return { ok: false, field: "impact", error: "risks.error.outsideScale" };
  const level = likelihood * impact;
  const band = scale.bands.find((b) => level >= b.minLevel && level <= b.maxLevel)?.band ?? "critical";
  return { ok: true, level, band };
}

/** The heat map's cells: rows from the highest likelihood down, columns by impact, with counts. */
export function heatMap(scale: RiskScale, risks: ReadonlyArray<{ likelihood: number; impact: number }>) {
  return [...scale.likelihood].reverse().map((likelihood) => ({
    likelihood,
    cells: scale.impact.map((impact) => {
      const r = riskLevel(scale, likelihood, impact);
      return {
        impact,
        level: r.ok ? r.level : 0,
        band: r.ok ? r.band : ("low" as RiskBand),
        count: risks.filter((x) => x.likelihood === likelihood && x.impact === impact).length,
      };
    }),
  }));
}

/** A treatment cannot be due before the risk was recorded. */
export function treatmentDueError(recordedOn: string, dueDate: string): "risks.error.dueBeforeRecorded" | null {
  return dueDate < recordedOn ? "risks.error.dueBeforeRecorded" : null;
}

/** A review is effective when the level fell, or, for an opportunity, when it rose. */
export function reviewEffective(kind: RiskKind, before: number, after: number): boolean {
  return kind === "risk" ? after < before : after > before;
}

export function formatRiskCode(year: number, n: number): string {
  return `RR-${year}-${String(n).padStart(2, "0")}`;
}

const score = z.coerce.number(m("risks.error.outsideScale")).int(m("risks.error.outsideScale"));
const userId = z.coerce.number(m("error.required")).int(m("error.required")).positive(m("error.required"));

export const NewRiskSchema = z
  .object({
    kind: RiskKindSchema,
    process: optionalText(40),
    field: optionalText(40),
    title: requiredText(300),
    description: requiredText(2000),
    cause: requiredText(2000),
    consequence: requiredText(2000),
    likelihood: score,
    impact: score,
    ownerUserId: userId,
    reviewDate: BusinessDateSchema,
    recordedOn: BusinessDateSchema,
    nonconformityCode: optionalText(40),
    feedbackCode: optionalText(40),
    treatment: optionalText(1000),
    treatmentOwnerUserId: z.coerce.number().int().positive().optional().catch(undefined),
    treatmentDue: BusinessDateSchema.optional().or(z.literal("").transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (!v.process && !v.field) ctx.addIssue({ code: "custom", path: ["process"], message: m("risks.error.processOrField") });
    if (v.treatment && !v.treatmentDue) ctx.addIssue({ code: "custom", path: ["treatmentDue"], message: m("error.required") });
    if (v.treatmentDue && treatmentDueError(v.recordedOn, v.treatmentDue))
      ctx.addIssue({ code: "custom", path: ["treatmentDue"], message: m("risks.error.dueBeforeRecorded") });
  });
export type NewRiskInput = z.infer<typeof NewRiskSchema>;

export const RiskStepSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add_treatment"), description: requiredText(1000), ownerUserId: userId, dueDate: BusinessDateSchema }),
  z.object({ op: z.literal("treatment_done"), treatmentId: z.coerce.number().int().positive(), doneOn: BusinessDateSchema, evidence: requiredText(2000) }),
  z.object({
    op: z.literal("review"),
    reviewedOn: BusinessDateSchema,
    likelihood: score,
    impact: score,
    note: requiredText(2000),
    nextReviewDate: BusinessDateSchema,
  }),
]);
export type RiskStep = z.infer<typeof RiskStepSchema>;
