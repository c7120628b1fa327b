import { z } from "zod";
import { BusinessDateSchema, m } from "~/domain/shared/fields";

/** Issue 14: the admin's forms for units. Messages are catalogue keys. */

export const UNIT_KINDS = ["commune", "ward", "district", "province"] as const;

export const NewUnitSchema = z.object({
  code: z
    .string(m("error.required"))
    .trim()
    .min(1, m("error.required"))
    .max(40, m("error.tooLong"))
    .regex(/^[0-9A-Za-z.]+$/, m("units.error.code")),
  name: z.string(m("error.required")).trim().min(1, m("error.required")).max(200, m("error.tooLong")),
  kind: z.enum(UNIT_KINDS, m("error.invalid")).default("commune"),
  parentId: z.coerce.number(m("error.required")).int(m("error.invalid")).positive(m("error.required")),
  isRemoteArea: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
});
export type NewUnit = z.infer<typeof NewUnitSchema>;

const UnitId = z.coerce.number(m("error.required")).int(m("error.invalid")).positive(m("error.required"));

export const MergeUnitsSchema = z
  .object({
    predecessors: z.array(UnitId, m("units.error.predecessors")).min(1, m("units.error.predecessors")),
    successor: UnitId,
    date: BusinessDateSchema,
  })
  .superRefine((v, ctx) => {
    if (v.predecessors.includes(v.successor)) ctx.addIssue({ code: "custom", path: ["successor"], message: m("units.error.sameUnit") });
  });
