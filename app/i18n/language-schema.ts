import { z } from "zod";
import { LANGUAGES } from "./language";

/** For forms and cookies parsed on the server; the browser checks a language with `isLanguage` (no zod). */
export const LanguageSchema = z.enum(LANGUAGES);
