import { createContext, useContext, useMemo, type ReactNode } from "react";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRate,
  makeTranslator,
  type Messages,
  type Translate,
} from "./format";
import { DEFAULT_LANGUAGE, type Language } from "./language";
import { messagesFor, useMessages } from "./messages";

interface I18n {
  language: Language;
  t: Translate;
  formatDate: (value: Date | string) => string;
  formatDateTime: (value: Date | string) => string;
  formatNumber: (value: number) => string;
  /** A rate (0–1) as a percentage; "—" for none. */
  formatRate: (rate: number | null) => string;
  /** Scorecard points, two decimals at most, as the PDF and the API give them. */
  formatPoints: (points: number | null) => string;
}

function makeI18n(language: Language, messages: Messages): I18n {
  return {
    language,
    t: makeTranslator(messages, language),
    formatDate: (value) => formatDate(value, language),
    formatDateTime: (value) => formatDateTime(value, language),
    formatNumber: (value) => formatNumber(value, language),
    formatRate: (rate) => formatRate(rate, language),
    formatPoints: (points) => (points === null ? "—" : formatNumber(points, language, 2)),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const messages = useMessages(language);
  const value = useMemo(() => makeI18n(language, messages), [language, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext) ?? makeI18n(DEFAULT_LANGUAGE, messagesFor(DEFAULT_LANGUAGE));
}
