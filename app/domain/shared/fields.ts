import { z } from "zod";
import type { MessageKey } from "~/i18n";

/** Field schemas shared by many forms; messages are catalogue keys. */
export const m = (key: MessageKey) => key;

// C0 controls but tab and line breaks, DEL and C1 controls, zero-width characters and direction
// marks, bidi embeddings, overrides and isolates, the BOM, and noncharacters.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a text from outside is plain: well-formed UTF-16 (no lone surrogate, which SQLite would
 * store as invalid UTF-8) and none of the invisible or direction-changing characters that let a
 * name look like another one.
 */
export function isPlainText(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !FORBIDDEN_IN_TEXT.test(value);
}

/** Every text field: plain (isPlainText), then NFC, so that "Tèo" typed decomposed is the same "Tèo". */
export const plainText = (message: string = m("error.required")) =>
  z.string(message).refine(isPlainText, m("error.invalidCharacters")).overwrite((v) => v.normalize("NFC"));

export const requiredText = (max: number) => plainText().trim().min(1, m("error.required")).max(max, m("error.tooLong"));

export const optionalText = (max: number) => plainText().trim().max(max, m("error.tooLong")).optional();

/** Vietnamese phone numbers: mobile (03x, 05x, 07x, 08x, 09x) or landline (02x), with 0 or +84. */
export const PhoneSchema = z
  .string(m("error.required"))
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ""))
  .pipe(z.string().regex(/^(?:0|\+84)(?:[35789]\d{8}|2\d{9})$/, m("error.phone")));

/** The 12-digit citizen identity number (căn cước / CCCD). */
export const CitizenIdSchema = z.string().trim().regex(/^\d{12}$/, m("error.citizenId"));

/** A dossier code `<unit code>-YYMMDD-NNNN`. */
export const DossierCodeSchema = z
  .string(m("error.required"))
  .trim()
  .max(60, m("error.tooLong"))
  .regex(/^[0-9A-Za-z.]+-\d{6}-\d{4}$/, m("error.dossierCode"));

/** `YYYY-MM-DDTHH:mm` from a datetime-local input, read as Vietnam time. */
export const LocalDateTimeSchema = z
  .string(m("error.required"))
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, m("error.invalidDateTime"))
  .transform((v) => new Date(`${v}:00+07:00`))
  .refine((d) => !Number.isNaN(d.getTime()), m("error.invalidDateTime"));

export const BusinessDateSchema = z.iso.date(m("error.invalidDate"));
