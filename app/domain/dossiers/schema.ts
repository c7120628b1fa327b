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
import { FlagSchema, PaymentMethodSchema, ReturnMethodSchema } from "./service-facts";

/** Desk intake. The server adds what needs the database (the procedure exists, time not in the future). */
export const IntakeSchema = z.object({
  intent: z.enum(["preview", "save"]).default("save"),
  procedureCode: ProcedureCodeSchema,
  applicantName: requiredText(120),
  applicantPhone: PhoneSchema,
  applicantIdNumber: CitizenIdSchema.optional(),
  applicantAddress: requiredText(300),
  channel: ChannelSchema,
  receivedAt: LocalDateTimeSchema,
  documents: z.array(z.string().max(500), m("error.documentsRequired")).min(1, m("error.documentsRequired")),
  otherDocuments: optionalText(500),
  paymentMethod: PaymentMethodSchema,
  papersDigitised: FlagSchema.default(0),
  returnMethod: ReturnMethodSchema.default("desk"),
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
  }),
  z.object({
    op: z.literal("transfer_back"),
    agency: requiredText(200),
    electronic: z.boolean().default(false),
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
