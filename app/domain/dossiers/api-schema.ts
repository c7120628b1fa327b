import { z } from "zod";
import { ProcedureCodeSchema } from "~/domain/procedures/schema";
import { CitizenIdSchema, m, optionalText, PhoneSchema, requiredText } from "~/domain/shared/fields";
import { ChannelSchema } from "./channels";
import { PaperKindSchema, PaymentMethodSchema, ReturnMethodSchema } from "./service-facts";
import { RULE_SETS } from "./rule-sets";

const EARLIEST_RECEIVED_AT = Date.parse(`${RULE_SETS[0]!.effectiveFrom}T00:00:00+07:00`);

/** `POST /api/v1/dossiers`: a dossier submitted by the online public-service portal. */
export const ApiDossierSchema = z.object({
  procedureCode: ProcedureCodeSchema,
  channel: ChannelSchema.default("online_full"),
  receivedAt: z.iso
    .datetime({ offset: true, message: m("error.invalidDateTime") })
    .transform((v) => new Date(v))
    // A dossier is received under a one-stop rule set: none was in force before the first one
    // (years like 0001 or 1900 are typing errors, and were a 500).
    .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() >= EARLIEST_RECEIVED_AT, m("error.receivedTooEarly")),
  applicant: z.object({
    name: requiredText(120),
    phone: PhoneSchema,
    idNumber: CitizenIdSchema.optional(),
    address: requiredText(300),
  }),
  documents: z
    .array(
      z.object({
        name: requiredText(500),
        // Issue 17, optional (older clients send the name only): original / certified copy / copy, and how many.
        copy: PaperKindSchema.optional(),
        count: z.number(m("error.invalid")).int(m("error.invalid")).min(1, m("error.invalid")).max(99, m("error.invalid")).optional(),
      }),
      m("error.documentsRequired"),
    )
    .min(1, m("error.documentsRequired"))
    .max(50, m("error.tooLong")),
  /** Optional (older clients send none): how the fee was paid, whether the papers came digitised, how the result goes back. */
  payment: z.object({ method: PaymentMethodSchema }).optional(),
  papersDigitised: z.boolean(m("error.invalid")).optional(),
  returnMethod: ReturnMethodSchema.optional(),
  /** Issue 17, optional: the tracking book's volume and number (default: the year's book, next number), the pick-up place. */
  trackingBook: z.object({ volume: optionalText(40), number: optionalText(40) }).optional(),
  pickupPlace: optionalText(300),
  /** Issue 16, optional: the applicant's e-mail, and their consent to messages about the dossier (none without it). */
  applicantEmail: z.email(m("error.invalidEmail")).max(200, m("error.tooLong")).optional(),
  notifyConsent: z.boolean(m("error.invalid")).optional(),
});
export type ApiDossierInput = z.infer<typeof ApiDossierSchema>;

export const IdempotencyKeySchema = z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/);
