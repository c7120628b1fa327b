import { z } from "zod";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";
import { FORM_KEYS, OFFERED_SLIPS, RULE_SETS, type FormFacts, type FormKey, type OfferedSlip, type RuleSetCode } from "./rule-sets";

/** The quality lead's form for a new rule-set version (issue 17); form numbers and titles flattened per form. */
const formFields = Object.fromEntries(
  FORM_KEYS.flatMap((key) => [
    [`${key}Number`, optionalText(40)],
    [`${key}Title`, optionalText(200)],
  ]),
) as Record<`${FormKey}Number` | `${FormKey}Title`, ReturnType<typeof optionalText>>;

export const RuleSetVersionSchema = z
  .object({
    code: z
      .string(m("error.required"))
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, m("ruleSets.error.code")),
    layout: z.enum(RULE_SETS.map((r) => r.code) as [RuleSetCode, ...RuleSetCode[]], m("error.invalid")),
    decree: requiredText(300),
    circular: requiredText(300),
    effectiveFrom: BusinessDateSchema,
    effectiveTo: BusinessDateSchema.optional(),
    deskName: requiredText(200),
    note: optionalText(1000),
    ...formFields,
  })
  .superRefine((value, ctx) => {
    if (value.effectiveTo && value.effectiveTo < value.effectiveFrom) {
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: m("ruleSets.error.endBeforeStart") });
    }
  });

export type RuleSetVersionInput = z.infer<typeof RuleSetVersionSchema>;

/** The forms a layout prints: Circular 01/2018 has no stop notice. */
export function slipsOfLayout(layout: RuleSetCode): OfferedSlip[] {
  return OFFERED_SLIPS.filter((s) => s !== "stop" || layout !== "nd61-2018");
}

export function formsOfInput(input: RuleSetVersionInput): Partial<Record<FormKey, FormFacts>> {
  const forms: Partial<Record<FormKey, FormFacts>> = {};
  for (const key of FORM_KEYS) {
    const number = input[`${key}Number`];
    const title = input[`${key}Title`];
    if (key === "stop" && input.layout === "nd61-2018") continue;
    if (number && title) forms[key] = { number, title };
  }
  return forms;
}
