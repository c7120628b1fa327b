import { z } from "zod";
import { m, requiredText } from "~/domain/shared/fields";
import {
  CHECKLIST_CODE_PATTERN,
  CHECKLIST_LIMITS,
  ISO_CLAUSE_PATTERN,
  PROCESS_CODE_PATTERN,
  isBlankRow,
  parseClauseList,
  type ChecklistTemplateInput,
} from "./checklist";

/**
 * One question row of the editor. Rows left blank are dropped on save; a row with only a clause
 * or guidance still needs its question. A row without a clause takes the template's clause.
 */
export const ChecklistItemRowSchema = z
  .object({
    isoClause: z.string().trim().optional(),
    question: z.string().trim().max(CHECKLIST_LIMITS.question, m("error.tooLong")).optional(),
    guidance: z.string().trim().max(CHECKLIST_LIMITS.guidance, m("error.tooLong")).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.isoClause && !ISO_CLAUSE_PATTERN.test(row.isoClause)) {
      ctx.addIssue({ code: "custom", path: ["isoClause"], message: m("error.isoClause") });
    }
    if (!row.question && !isBlankRow(row)) {
      ctx.addIssue({ code: "custom", path: ["question"], message: m("checklist.error.questionRequired") });
    }
  });

const templateShape = {
  title: requiredText(CHECKLIST_LIMITS.title),
  isoClause: z
    .string(m("error.required"))
    .trim()
    .min(1, m("error.required"))
    .refine((v) => parseClauseList(v) !== null, m("checklist.error.clauseList"))
    .transform((v) => (parseClauseList(v) ?? []).join(", ")),
  process: z.string().trim().regex(PROCESS_CODE_PATTERN, m("error.documentCode")).optional(),
  isActive: z.boolean().default(false),
  items: z
    .array(ChecklistItemRowSchema)
    .max(CHECKLIST_LIMITS.rows, m("checklist.error.tooManyItems"))
    .superRefine((rows, ctx) => {
      const filled = rows.filter((r) => !isBlankRow(r)).length;
      if (filled === 0) ctx.addIssue({ code: "custom", message: m("checklist.error.noItems") });
      if (filled > CHECKLIST_LIMITS.items) ctx.addIssue({ code: "custom", message: m("checklist.error.tooManyItems") });
    }),
};

type TemplateFields = z.output<z.ZodObject<typeof templateShape>>;

/** A row without a clause takes the template's, which must then be a single clause. */
function checkItemClauses(value: TemplateFields, ctx: z.RefinementCtx) {
  // Runs even when the template's clause failed its own check (that issue does not abort).
  const clauses = parseClauseList(value.isoClause);
  if (!clauses || clauses.length < 2) return;
  value.items.forEach((row, index) => {
    if (!isBlankRow(row) && !row.isoClause) {
      ctx.addIssue({ code: "custom", path: ["items", index, "isoClause"], message: m("checklist.error.itemClauseRequired") });
    }
  });
}

function toInput(value: TemplateFields): ChecklistTemplateInput {
  return {
    title: value.title,
    isoClause: value.isoClause,
    process: value.process || null,
    isActive: value.isActive,
    items: value.items
      .filter((row) => !isBlankRow(row))
      .map((row) => ({
        isoClause: row.isoClause || value.isoClause,
        question: row.question ?? "",
        guidance: row.guidance || null,
      })),
  };
}

/** The template editor's form: one schema for the browser and the action. */
export const ChecklistTemplateSchema = z.object(templateShape).superRefine(checkItemClauses).transform(toInput);

export const ChecklistCodeSchema = z
  .string(m("error.required"))
  .trim()
  .toUpperCase()
  .regex(CHECKLIST_CODE_PATTERN, m("checklist.error.code"));

/** A new template also names its code. */
export const NewChecklistTemplateSchema = z
  .object({ ...templateShape, code: ChecklistCodeSchema })
  .superRefine(checkItemClauses)
  .transform((value) => ({ code: value.code, ...toInput(value) }));
