import { z } from "zod";
import { ProcedureCodeSchema } from "~/domain/procedures/schema";
import { BusinessDateSchema, CitizenIdSchema, DossierCodeSchema, m, optionalText, PhoneSchema, requiredText } from "~/domain/shared/fields";
import { COMPLAINT_INSTANCES, FeedbackKindSchema, RATINGS } from "./feedback";

const OptionalEmail = z.email(m("error.invalidEmail")).max(200, m("error.tooLong")).optional();

/**
 * The public form. A complaint must identify the complainant (Law on Complaints 2011 art. 8):
 * name, address, a way to reach them and the personal identification number.
 */
export const PublicFeedbackSchema = z
  .object({
    kind: FeedbackKindSchema,
    subject: requiredText(200),
    description: requiredText(4000),
    dossierCode: DossierCodeSchema.optional(),
    procedureCode: ProcedureCodeSchema.optional(),
    name: optionalText(120),
    phone: PhoneSchema.optional(),
    email: OptionalEmail,
    address: optionalText(300),
    idNumber: CitizenIdSchema.optional(),
    // A complaint's clocks (Law on Complaints 2011 art. 9, 33): which instance, and the day the
    // complainant learnt of the decision or act (the filing window counts from it). Ignored otherwise.
    complaintInstance: z.enum(COMPLAINT_INSTANCES, m("error.invalid")).default("first"),
    knewOn: BusinessDateSchema.optional(),
    consent: z.literal("on", m("error.consentRequired")),
    // The honeypot: people never see it; bots fill it.
    website: z.string().max(0, m("error.spamDetected")).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "complaint") return;
    for (const field of ["name", "address", "idNumber"] as const) {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: m("error.complaintNeedsIdentity") });
    }
    if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: m("error.complaintNeedsContact") });
  });
export type PublicFeedbackInput = z.infer<typeof PublicFeedbackSchema>;

/** A date the complainant learnt of the decision that lies after `today` (YYYY-MM-DD) cannot be right. */
export function knewOnIsFuture(knewOn: string | undefined, today: string): boolean {
  return knewOn !== undefined && knewOn > today;
}

export const CitizenReplySchema = z.object({ reply: requiredText(4000) });

export const RatingSchema = z.object({
  code: DossierCodeSchema,
  rating: z.enum(RATINGS, m("error.required")),
  comment: optionalText(1000),
  phoneLast4: z.string(m("error.required")).trim().regex(/^\d{4}$/, m("error.phoneLast4")),
});

export const StaffFeedbackActionSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("accept"), complex: z.boolean().default(false) }),
  z.object({ op: z.literal("not_accept"), reason: requiredText(1000) }),
  z.object({ op: z.literal("forward"), agency: requiredText(200) }),
  z.object({ op: z.literal("assign"), assigneeUserId: z.coerce.number(m("error.required")).int().positive() }),
  z.object({ op: z.literal("investigate") }),
  z.object({ op: z.literal("answer"), answer: requiredText(4000), upheld: z.boolean().default(false) }),
  z.object({ op: z.literal("close") }),
  z.object({ op: z.literal("note"), note: requiredText(4000) }),
  z.object({ op: z.literal("hide"), reason: z.enum(["spam", "duplicate"]), duplicateOf: z.string().trim().max(20).optional() }),
  z.object({ op: z.literal("unhide") }),
  z.object({ op: z.literal("raise_nc") }),
  // The text Open311 publishes for the item, written or approved by staff (FixMyStreet's moderation).
  z.object({ op: z.literal("publish_text"), publicText: requiredText(4000) }),
]);
export type StaffFeedbackActionInput = z.infer<typeof StaffFeedbackActionSchema>;
