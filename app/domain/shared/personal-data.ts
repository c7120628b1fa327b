import type { Role } from "~/domain/accounts/roles";
import { redactPersonalData, type KnownPersonalData } from "./redaction";

/*
 * Citizens' names, phone numbers and ID numbers are personal data (Decree 13/2023/ND-CP): they never
 * reach an inspector. Every page, PDF and CSV an inspector can open passes its free text through
 * the mask for its reader, built here once, rather than each page hiding what it thinks of.
 */

/** Who reads as an inspector does: the inspector, and the province's officer (issue 14). */
export const MASKED_READERS: readonly Role[] = ["inspector", "province_officer"];

/** An inspector reads masked, whatever other role the account holds; their downloads are logged. */
export function readsMasked(roles: readonly Role[]): boolean {
  return MASKED_READERS.some((role) => roles.includes(role));
}

export type { KnownPersonalData } from "./redaction";
export { maskNumber } from "./redaction";

export type TextMask = (text: string) => string;

/** The mask of a reader who may see personal data: the text as written. */
export const UNMASKED: TextMask = (text) => text;

/**
 * The mask for an inspector (redaction.ts): the known citizens' names, typed with or without
 * accents, and names after a title, as initials; phone and ID numbers in any spelling, e-mail
 * addresses and house numbers masked. Staff names written without a title stay readable.
 */
export function personalDataMask(known: KnownPersonalData): TextMask {
  return (text) => redactPersonalData(text, known, { guessNames: "title" });
}

/**
 * The mask for text anyone may read (Open311, public pages): the same, and any capitalised words
 * that begin with a Vietnamese family name are taken for a name too.
 */
export function publicTextMask(known: KnownPersonalData): TextMask {
  return (text) => redactPersonalData(text, known, { guessNames: "any" });
}
