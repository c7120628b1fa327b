import type { vi } from "./vi";
import { displayPercent } from "~/domain/metrics/rate-display";
import { BUSINESS_TIME_ZONE } from "~/utils/clock";
import type { Language } from "./language";

export type MessageKey = keyof typeof vi;
/** Every language must define every key: a missing one fails typecheck. */
export type Messages = Record<MessageKey, string>;

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** A translator over one catalogue (client-safe: the catalogue is passed in, not imported). */
export function makeTranslator(messages: Messages, language: Language): Translate {
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? formatParam(params[name]!, language) : whole,
    );
  };
}

function formatParam(value: string | number, language: Language): string {
  return typeof value === "number" ? formatNumber(value, language) : value;
}

const LOCALES: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

// Intl formatters are costly to build: one per language and kind, reused.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `4.492` in Vietnamese, `4,492` in English. */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 1): string {
  return cached(
    `n:${language}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits }),
  ).format(value);
}

/** A rate (0–1) as a percentage, "—" when there is none (`displayPercent`: never rounded to 100% or 0%). */
export function formatRate(rate: number | null, language: Language): string {
  if (rate === null || !Number.isFinite(rate)) return "—";
  const { percent, digits } = displayPercent(rate);
  return `${formatNumber(percent, language, digits)}%`;
}

/** `dd/MM/yyyy` in Asia/Ho_Chi_Minh in both languages. */
export function formatDate(value: Date | string, language: Language): string {
  return cached(
    `d:${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        timeZone: BUSINESS_TIME_ZONE,
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      }),
  ).format(toDate(value));
}

/** `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string, language: Language): string {
  const date = toDate(value);
  const time = cached(
    `t:${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        timeZone: BUSINESS_TIME_ZONE,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).format(date);
  return `${formatDate(date, language)} ${time}`;
}

function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  // A business date (YYYY-MM-DD) is a day in Vietnam, not UTC midnight.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00+07:00`);
  return new Date(value);
}
