import { z } from "zod";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";
import { NcGradeSchema, NcSourceSchema } from "./nonconformity";

export const NewNcSchema = z.object({
  source: NcSourceSchema,
  process: requiredText(40),
  isoClause: z.string(m("error.required")).trim().regex(/^\d{1,2}(\.\d{1,2}){0,3}$/, m("error.isoClause")),
  grade: NcGradeSchema,
  title: requiredText(300),
  description: requiredText(4000),
  evidence: optionalText(4000),
  foundAt: BusinessDateSchema,
});

const lines = z
  .string(m("error.required"))
  .transform((t) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(500, m("error.tooLong"))).min(1, m("error.required")).max(20, m("error.tooLong")));

export const NcStepSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("record_correction"), correction: requiredText(2000) }),
  z.object({ op: z.literal("analyse_cause"), method: z.enum(["five_whys", "categories"]), analysis: lines, rootCause: requiredText(1000) }),
  z.object({ op: z.literal("plan_actions") }),
  z.object({ op: z.literal("complete_actions") }),
  z.object({ op: z.literal("verify"), effective: z.boolean().default(false), note: requiredText(2000) }),
  z.object({ op: z.literal("close") }),
  z.object({
    op: z.literal("add_action"),
    description: requiredText(1000),
    ownerUserId: z.coerce.number(m("error.required")).int(m("error.required")).positive(m("error.required")),
    dueDate: BusinessDateSchema,
  }),
  z.object({ op: z.literal("action_done"), actionId: z.coerce.number().int().positive(), evidence: requiredText(2000) }),
  z.object({ op: z.literal("merge"), intoCode: z.string(m("error.required")).trim().regex(/^NC-\d{4}-\d{3,}$/, m("error.invalid")) }),
]);
