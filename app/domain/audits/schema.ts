import { z } from "zod";
import { ProcedureFieldSchema } from "~/domain/procedures/procedure";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";
import { CHECKLIST_ANSWERS, CRITERIA_MET, SAMPLE_RESULTS } from "./audit";

const ISO_CLAUSE = /^\d{1,2}(\.\d{1,2}){0,3}$/;

/** "7.5, 8.5.1; 9.1.2" → ["7.5", "8.5.1", "9.1.2"]. */
const IsoClauseListSchema = z
  .string(m("error.required"))
  .transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
  .pipe(z.array(z.string().regex(ISO_CLAUSE, m("error.isoClause"))).min(1, m("error.required")).max(30, m("error.tooLong")));

const ProcessCodeSchema = z.string().trim().regex(/^[A-Z]{2,4}(-[A-Z0-9]{1,6}){1,2}$/, m("error.invalid"));
const IdSchema = z.number(m("error.required")).int(m("error.invalid")).positive(m("error.invalid"));

/** The plan of one audit of the year's programme (QT-02 steps 1–4). */
export const AuditPlanSchema = z
  .object({
    title: requiredText(300),
    objectives: requiredText(2000),
    processes: z.array(ProcessCodeSchema).max(30, m("error.tooLong")).default([]),
    fields: z.array(ProcedureFieldSchema).default([]),
    isoClauses: IsoClauseListSchema,
    criteria: requiredText(2000),
    location: requiredText(300),
    startDate: BusinessDateSchema,
    endDate: BusinessDateSchema,
    sampleFrom: BusinessDateSchema,
    sampleTo: BusinessDateSchema,
    sampleSize: z.number(m("error.required")).int(m("error.invalid")).min(1, m("error.invalid")).max(50, m("error.invalid")).default(10),
    leadUserId: IdSchema,
    memberUserIds: z.array(IdSchema).max(10, m("error.tooLong")).default([]),
    templateIds: z.array(IdSchema, m("audits.error.noTemplates")).min(1, m("audits.error.noTemplates")),
  })
  .superRefine((v, ctx) => {
    if (v.processes.length === 0 && v.fields.length === 0) {
      ctx.addIssue({ code: "custom", path: ["processes"], message: m("audits.error.scopeEmpty") });
    }
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: m("audits.error.endBeforeStart") });
    if (v.sampleTo < v.sampleFrom) ctx.addIssue({ code: "custom", path: ["sampleTo"], message: m("audits.error.endBeforeStart") });
  });

export type AuditPlan = z.infer<typeof AuditPlanSchema>;

/** Everything done on an audit's page, by `intent`. */
export const AuditStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("draw_sample") }),
  z.object({ intent: z.literal("start") }),
  z.object({
    intent: z.literal("answer"),
    questionId: IdSchema,
    answer: z.enum(CHECKLIST_ANSWERS, m("error.required")),
    evidence: optionalText(4000),
    grade: z.enum(["major", "minor"]).default("minor"),
  }),
  z.object({
    intent: z.literal("check_sample"),
    sampleId: IdSchema,
    result: z.enum(SAMPLE_RESULTS, m("error.required")),
    note: optionalText(2000),
  }),
  z.object({
    intent: z.literal("save_conclusions"),
    conclusions: requiredText(6000),
    criteriaMet: z.enum(CRITERIA_MET, m("error.required")),
    divergingOpinions: optionalText(4000),
  }),
  z.object({ intent: z.literal("draft_report") }),
  z.object({ intent: z.literal("return_draft"), comment: requiredText(2000) }),
  z.object({ intent: z.literal("approve"), comment: optionalText(2000) }),
]);

export type AuditStep = z.infer<typeof AuditStepSchema>;

/** A nonconformity answer or sample result needs its evidence: the finding must say what was seen. */
export function evidenceRequired(answer: string): boolean {
  return answer === "nonconformity" || answer === "observation" || answer === "improvement";
}

export const AuditYearQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
