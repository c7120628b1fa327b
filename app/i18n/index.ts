import { CATALOGUES } from "./catalogues.server";
import { makeTranslator, type MessageKey, type Translate } from "./format";
import type { Language } from "./language";

// The server's i18n: both catalogues at hand. Browser code imports ./language, ./format and ./messages
// instead (this module pulls both catalogues, so the client build refuses it).
export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from "./language";
export { LanguageSchema } from "./language-schema";
export {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRate,
  makeTranslator,
  type MessageKey,
  type Messages,
  type Translate,
  type TranslateParams,
} from "./format";

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(CATALOGUES.vi, value);
}

export function translator(language: Language): Translate {
  return makeTranslator(CATALOGUES[language], language);
}
