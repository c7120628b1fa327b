import type { vi } from "./vi";
import { displayPercent } from "~/domain/metrics/rate-display";
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

// Vietnam has kept UTC+7 without daylight saving since 1975, so a business date and time are
// the instant shifted by seven hours: one addition and a few digits instead of an Intl call per
// value (the CSV tracking book formats several per row). tests/unit/i18n/format-date.test.ts
// checks the output against Intl.DateTimeFormat in Asia/Ho_Chi_Minh, both languages.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `dd/MM/yyyy` in Asia/Ho_Chi_Minh in both languages. */
export function formatDate(value: Date | string, _language: Language): string {
  const shifted = new Date(toDate(value).getTime() + VIETNAM_OFFSET_MS);
  return `${pad2(shifted.getUTCDate())}/${pad2(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`;
}

/** `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string, language: Language): string {
  const date = toDate(value);
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return `${formatDate(date, language)} ${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}`;
}

function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  // A business date (YYYY-MM-DD) is a day in Vietnam, not UTC midnight.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00+07:00`);
  return new Date(value);
}
