import { z } from "zod";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { m } from "~/domain/shared/fields";
import { PROCESS_CODE_PATTERN } from "./checklist";

/**
 * The admin's form of a user's work areas: procedure fields and processes (document codes). The
 * action also checks the processes against the document register.
 */
export const WorkAreasFormSchema = z.object({
  fields: z.array(z.enum(PROCEDURE_FIELDS, m("error.invalid"))).max(PROCEDURE_FIELDS.length, m("error.invalid")).default([]),
  processes: z
    .array(z.string().trim().regex(PROCESS_CODE_PATTERN, m("error.documentCode")))
    .max(50, m("error.tooLong"))
    .default([]),
});
