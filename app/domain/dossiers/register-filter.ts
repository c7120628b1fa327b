import { z } from "zod";
import { ProcedureFieldSchema } from "~/domain/procedures/procedure";
import { BusinessDateSchema, m } from "~/domain/shared/fields";
import { ChannelSchema } from "./channels";
import { DOSSIER_STATES } from "./lifecycle";

/** The register's query string (tracking book filters). Unknown values are errors shown beside the field. */
export const RegisterFilterSchema = z
  .object({
    from: BusinessDateSchema.optional(),
    to: BusinessDateSchema.optional(),
    field: ProcedureFieldSchema.optional(),
    procedure: z.string().regex(/^\d\.\d{6}$/, m("error.procedureCode")).optional(),
    state: z.enum(DOSSIER_STATES).optional(),
    channel: ChannelSchema.optional(),
    overdue: z.literal("1").optional(),
    q: z.string().trim().max(60, m("error.tooLong")).optional(),
    after: z.string().regex(/^\d+$/).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: m("error.dateRange"), path: ["to"] });

export type RegisterFilter = z.infer<typeof RegisterFilterSchema>;

export const REGISTER_PAGE_SIZE = 50;
