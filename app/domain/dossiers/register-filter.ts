import { z } from "zod";
import { ProcedureFieldSchema } from "~/domain/procedures/procedure";
import { BusinessDateSchema, m } from "~/domain/shared/fields";
import { ChannelSchema } from "./channels";
import { DOSSIER_STATES } from "./lifecycle";

export const REGISTER_OUTCOMES = ["judged", "resolved", "late"] as const;

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
    // The on-time engine's judgement of a period (the dashboard's click-throughs): "resolved" = result
    // ready in it; "late" = finished late in it, or open at its end and past due; "judged" = resolved or
    // open and past due at its end, the on-time rate's denominator (app/domain/metrics/on-time.ts).
    outcome: z.enum(REGISTER_OUTCOMES, m("error.invalid")).optional(),
    judgedFrom: BusinessDateSchema.optional(),
    judgedTo: BusinessDateSchema.optional(),
    q: z.string().trim().max(60, m("error.tooLong")).optional(),
    after: z.string().regex(/^\d+$/).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: m("error.dateRange"), path: ["to"] })
  .refine((v) => !v.outcome || (v.judgedFrom && v.judgedTo), { message: m("error.required"), path: ["judgedFrom"] })
  .refine((v) => !v.judgedFrom || !v.judgedTo || v.judgedFrom <= v.judgedTo, { message: m("error.dateRange"), path: ["judgedTo"] });

export type RegisterFilter = z.infer<typeof RegisterFilterSchema>;

export const REGISTER_PAGE_SIZE = 50;
