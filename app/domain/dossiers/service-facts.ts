import { z } from "zod";
import { m } from "~/domain/shared/fields";

/*
 * What the desk records of a dossier for the Decision 766 scorecard (issue 12): how the fee was paid,
 * whether the papers and the result were digitised, how the result goes back. One list each, used by
 * the schema's CHECKs (copied into migration 0013), the forms, the API and the scorecard.
 */

/** How the fee was paid: cash at the desk, online through the portal, by bank transfer, or none due. */
export const PAYMENT_METHODS = ["none_due", "cash", "online", "bank_transfer"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS, m("error.invalid"));

/** How the result goes back to the citizen: at the desk, by public post, electronically. */
export const RETURN_METHODS = ["desk", "post", "electronic"] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];
export const ReturnMethodSchema = z.enum(RETURN_METHODS, m("error.invalid"));

/** A yes/no of a form (checkbox "on", radio "1"/"0") or the API (true/false) as 0/1. */
export const FlagSchema = z
  .union([z.boolean(), z.enum(["1", "0", "on", "true", "false"])], m("error.invalid"))
  .transform((v): 0 | 1 => (v === true || v === "1" || v === "on" || v === "true" ? 1 : 0));

/** Issue 17: the kind of a paper received at intake, as Mẫu 01 prints it (bản chính / bản sao chứng thực / bản sao). */
export const PAPER_KINDS = ["original", "certified", "copy"] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];
export const PaperKindSchema = z.enum(PAPER_KINDS, m("error.invalid"));
