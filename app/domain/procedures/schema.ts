import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { OnlineServiceLevelSchema, ProcedureFieldSchema } from "./procedure";

const m = (key: MessageKey) => key;

const requiredText = (max: number) =>
  z.string(m("error.required")).trim().min(1, m("error.required")).max(max, m("error.tooLong"));

const optionalText = (max: number) => z.string().trim().max(max, m("error.tooLong")).optional();

/** One item per line in a textarea; blank lines dropped. */
const lines = (maxItems: number) =>
  z
    .string(m("error.required"))
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(500, m("error.tooLong"))).min(1, m("error.required")).max(maxItems, m("error.tooLong")));

export const ProcedureCodeSchema = z
  .string(m("error.required"))
  .trim()
  .regex(/^\d\.\d{6}$/, m("error.procedureCode"));

export const ProcedureFormSchema = z.object({
  code: ProcedureCodeSchema,
  name: requiredText(300),
  field: ProcedureFieldSchema,
  processingDays: z.coerce
    .number(m("error.required"))
    .int(m("error.wholeNumber"))
    .min(0, m("error.notNegative"))
    .max(365, m("error.tooLarge")),
  processingNote: optionalText(500),
  feeVnd: z.coerce
    .number(m("error.invalid"))
    .int(m("error.wholeNumber"))
    .positive(m("error.positive"))
    .max(100_000_000, m("error.tooLarge"))
    .optional(),
  feeNote: optionalText(500),
  onlineService: OnlineServiceLevelSchema,
  requiredDocuments: lines(40),
  result: requiredText(500),
  legalBasis: lines(20),
  isActive: z.boolean().default(false),
});
export type ProcedureFormInput = z.infer<typeof ProcedureFormSchema>;

/** The public catalogue's query string. */
export const ProcedureSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  field: ProcedureFieldSchema.optional().catch(undefined),
});
