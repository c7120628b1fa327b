import type { Role } from "~/domain/accounts/roles";
import { maskPersonName } from "~/domain/reports/on-time-report";

/*
 * Citizens' names, phone numbers and ID numbers are personal data (Decree 13/2023/ND-CP): they never
 * reach an inspector. Every page, PDF and CSV an inspector can open passes its free text through
 * the mask for its reader, built here once, rather than each page hiding what it thinks of.
 */

/** An inspector reads masked, whatever other role the account holds; their downloads are logged. */
export function readsMasked(roles: readonly Role[]): boolean {
  return roles.includes("inspector");
}

/** What is known of the citizens behind a record: their names and their phone and ID numbers. */
export interface KnownPersonalData {
  names: ReadonlyArray<string | null>;
  numbers: ReadonlyArray<string | null>;
}

export type TextMask = (text: string) => string;

/** The mask of a reader who may see personal data: the text as written. */
export const UNMASKED: TextMask = (text) => text;

/** "0912 345 678" → "09******78": the first two and the last two digits only. */
export function maskNumber(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  return `${digits.slice(0, 2)}${"*".repeat(digits.length - 4)}${digits.slice(-2)}`;
}

// A Vietnamese phone number (0 or +84, then 9 or 10 digits, spaces, dots or dashes allowed between
// them) and a citizen's ID number (12 digits, or the 9 of an old identity card) standing on their own.
const PHONE = /(?<![\p{N}])(?:\+84|0)(?:[\s.-]?\d){9,10}(?!\p{N})/gu;
const ID_NUMBER = /(?<!\p{N})(?:\d{12}|\d{9})(?!\p{N})/gu;
const NOT_IN_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
const NOT_IN_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}])";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function namePattern(names: ReadonlyArray<string | null>): RegExp | null {
  const words = [
    ...new Set(
      names
        .map((n) => n?.normalize("NFC").trim().split(/\s+/).filter(Boolean) ?? [])
        .filter((w) => w.length > 0)
        .map((w) => w.map(escape).join("\\s+")),
    ),
  ].sort((a, b) => b.length - a.length);
  return words.length === 0 ? null : new RegExp(`${NOT_IN_WORD_BEFORE}(?:${words.join("|")})${NOT_IN_WORD_AFTER}`, "giu");
}

function numberPattern(numbers: ReadonlyArray<string | null>): RegExp | null {
  const forms = new Set<string>();
  for (const n of numbers) {
    const digits = n?.replace(/\D/g, "") ?? "";
    if (digits.length < 6) continue;
    forms.add(digits);
    // A phone stored as +84… may be written with its leading 0, and the other way round.
    if (digits.startsWith("84") && digits.length === 11) forms.add(`0${digits.slice(2)}`);
    if (digits.startsWith("0") && digits.length === 10) forms.add(`84${digits.slice(1)}`);
  }
  const patterns = [...forms].sort((a, b) => b.length - a.length).map((d) => [...d].join("[\\s.-]?"));
  return patterns.length === 0 ? null : new RegExp(`(?<!\\p{N})\\+?(?:${patterns.join("|")})(?!\\p{N})`, "gu");
}

/**
 * The mask for a reader who may not see personal data: the known names printed as initials
 * (`maskPersonName`), the known numbers and anything written like a phone or ID number as
 * `09******78`. Names can only be recognised when known; numbers are recognised by their form too.
 */
export function personalDataMask(known: KnownPersonalData): TextMask {
  const names = namePattern(known.names);
  const numbers = numberPattern(known.numbers);
  return (text) => {
    let masked = text.normalize("NFC");
    if (names) masked = masked.replace(names, (name) => maskPersonName(name));
    if (numbers) masked = masked.replace(numbers, maskNumber);
    return masked.replace(PHONE, maskNumber).replace(ID_NUMBER, maskNumber);
  };
}
