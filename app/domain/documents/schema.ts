import { z } from "zod";
import { BusinessDateSchema, m, optionalText, requiredText } from "~/domain/shared/fields";
import { normalizeDocumentBody } from "./body";
import { DocumentRoleSchema, DocumentTypeSchema } from "./document";

export const DraftSchema = z.object({
  title: requiredText(300),
  body: z
    .string(m("error.required"))
    .max(200_000, m("error.tooLong"))
    .transform(normalizeDocumentBody)
    .refine((body) => body !== "", m("error.required")),
  reason: requiredText(1000),
});

export const RevisionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit"), revisionId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("return"), revisionId: z.coerce.number().int().positive(), comment: requiredText(1000) }),
  z.object({
    intent: z.literal("approve"),
    revisionId: z.coerce.number().int().positive(),
    comment: optionalText(1000),
    effectiveDate: BusinessDateSchema.optional(),
  }),
  z.object({ intent: z.literal("make_effective"), revisionId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("acknowledge"), revisionId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("review") }),
]);

export const DocumentFilterSchema = z.object({
  type: DocumentTypeSchema.optional().catch(undefined),
  state: z.enum(["effective", "pending"]).optional().catch(undefined),
  owner: DocumentRoleSchema.optional().catch(undefined),
  review: z.enum(["overdue", "soon"]).optional().catch(undefined),
});

export const CompareSchema = z.object({
  a: z.coerce.number().int().positive(),
  b: z.coerce.number().int().positive(),
});
