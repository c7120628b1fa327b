import { z } from "zod";
import type { MessageKey } from "~/i18n";

/** Field schemas shared by many forms; messages are catalogue keys. */
export const m = (key: MessageKey) => key;

export const requiredText = (max: number) =>
  z.string(m("error.required")).trim().min(1, m("error.required")).max(max, m("error.tooLong"));

export const optionalText = (max: number) => z.string().trim().max(max, m("error.tooLong")).optional();

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
