import { z } from "zod";
import { CitizenIdSchema, m, PhoneSchema } from "./fields";

/**
 * A data subject's request (Personal Data Protection Law 2025; Decree 13/2023 art. 9): everything
 * held about one citizen, found by the phone number or the ID number they give.
 */
export const CitizenDataQuerySchema = z
  .object({
    phone: PhoneSchema.optional(),
    idNumber: CitizenIdSchema.optional(),
    format: z.enum(["json"]).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.phone === !v.idNumber) ctx.addIssue({ code: "custom", path: ["phone"], message: m("personalData.error.oneOf") });
  });
export type CitizenDataQuery = z.infer<typeof CitizenDataQuerySchema>;

/** The ways a stored phone number may be written for the one asked: 0912… and +84912…. */
export function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, "");
  if (phone.startsWith("+84")) return [`+${digits}`, `0${digits.slice(2)}`];
  if (digits.startsWith("0")) return [digits, `+84${digits.slice(1)}`];
  return [digits];
}
