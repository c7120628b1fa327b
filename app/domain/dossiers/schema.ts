import { z } from "zod";
import { ProcedureCodeSchema } from "~/domain/procedures/schema";
import {
  CitizenIdSchema,
  LocalDateTimeSchema,
  m,
  optionalText,
  PhoneSchema,
  requiredText,
} from "~/domain/shared/fields";
import { ChannelSchema } from "./channels";
import { FlagSchema, PaperKindSchema, PaymentMethodSchema, ReturnMethodSchema } from "./service-facts";

const PaperCountSchema = z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(1, m("error.invalid")).max(99, m("error.invalid"));

/** The papers ticked at intake with their kind and count, by their place in the procedure's list. */
export function intakePapers(
  listed: readonly string[],
  input: Pick<IntakeInput, "documents" | "otherDocuments" | "paperKinds" | "paperCounts" | "otherKind" | "otherCount">,
): { name: string; copy?: z.infer<typeof PaperKindSchema>; count?: number }[] {
  const paper = (name: string, copy: z.infer<typeof PaperKindSchema> | undefined, count: number | undefined) => ({
    name,
    ...(copy ? { copy } : {}),
    ...(count ? { count } : {}),
  });
  const papers = input.documents.map((name) => {
    const i = listed.indexOf(name);
    return paper(name, i >= 0 ? input.paperKinds?.[i] : undefined, i >= 0 ? input.paperCounts?.[i] : undefined);
  });
  if (input.otherDocuments) papers.push(paper(input.otherDocuments, input.otherKind, input.otherCount));
  return papers;
}

/** Desk intake. The server adds what needs the database (the procedure exists, time not in the future). */
export const IntakeSchema = z.object({
  intent: z.enum(["preview", "save"]).default("save"),
  procedureCode: ProcedureCodeSchema,
  applicantName: requiredText(120),
  applicantPhone: PhoneSchema,
  applicantIdNumber: CitizenIdSchema.optional(),
  applicantAddress: requiredText(300),
  // Issue 16: an optional e-mail and consent to messages about the dossier (none are sent without it).
  applicantEmail: z.email(m("error.invalidEmail")).max(200, m("error.tooLong")).optional(),
  notifyConsent: z.literal("on", m("error.invalid")).optional(),
  channel: ChannelSchema,
  receivedAt: LocalDateTimeSchema,
  documents: z.array(z.string().max(500), m("error.documentsRequired")).min(1, m("error.documentsRequired")),
  otherDocuments: optionalText(500),
  paymentMethod: PaymentMethodSchema,
  papersDigitised: FlagSchema.default(0),
  returnMethod: ReturnMethodSchema.default("desk"),
  // Issue 17: per listed paper (in the procedure's order) its kind and count; the same for the "other" paper.
  paperKinds: z.array(PaperKindSchema.optional()).max(50).optional(),
  paperCounts: z.array(PaperCountSchema.optional()).max(50).optional(),
  otherKind: PaperKindSchema.optional(),
  otherCount: PaperCountSchema.optional(),
  trackingBookVolume: optionalText(40),
  trackingBookNumber: optionalText(40),
  pickupPlace: optionalText(300),
});
export type IntakeInput = z.infer<typeof IntakeSchema>;

const reason = requiredText(1000);

/** One schema per desk action; the form's `op` field picks it (`action` would shadow the form's own property). */
export const DossierActionSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("assign"), handlerUserId: z.coerce.number(m("error.required")).int().positive() }),
  z.object({
    op: z.literal("transfer"),
    agency: requiredText(200),
    electronic: z.boolean().default(false),
    counterpartName: optionalText(120),
  }),
  z.object({
    op: z.literal("transfer_back"),
    agency: requiredText(200),
    electronic: z.boolean().default(false),
    counterpartName: optionalText(120),
  }),
  z.object({
    op: z.literal("request_supplement"),
    missingItems: z
      .string(m("error.required"))
      .transform((t) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(500, m("error.tooLong"))).min(1, m("error.required")).max(30, m("error.tooLong"))),
    reason,
  }),
  z.object({ op: z.literal("receive_supplement") }),
  z.object({ op: z.literal("issue_apology"), reason, newAppointmentAt: LocalDateTimeSchema }),
  z.object({ op: z.literal("mark_result_ready"), resultDigitised: FlagSchema.default(0) }),
  z.object({ op: z.literal("return_result"), returnMethod: ReturnMethodSchema.optional() }),
  z.object({ op: z.literal("refuse"), reason }),
  z.object({ op: z.literal("withdraw"), reason }),
]);
export type DossierActionInput = z.infer<typeof DossierActionSchema>;
