export type ReportLanguage = "vi" | "en";

export const REPORT_TIME_ZONE = "Asia/Ho_Chi_Minh";

const NUMBER_LOCALE: Record<ReportLanguage, string> = { vi: "vi-VN", en: "en-US" };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: ReportLanguage, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `4492` → "4.492" (vi) or "4,492" (en). */
export function formatNumber(value: number, language: ReportLanguage, maximumFractionDigits = 2): string {
  return numberFormat(language, { maximumFractionDigits }).format(value);
}

/** Takes percentage points: `87.5` → "87,5%" (vi) or "87.5%" (en). */
export function formatPercent(percent: number, language: ReportLanguage, maximumFractionDigits = 1): string {
  return numberFormat(language, { style: "percent", maximumFractionDigits }).format(percent / 100);
}

const BUSINESS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat("en-US", {
  timeZone: REPORT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function zonedParts(instant: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = Object.fromEntries(
    dateTimeParts.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    year: parts.year ?? "",
    month: parts.month ?? "",
    day: parts.day ?? "",
    hour: parts.hour ?? "",
    minute: parts.minute ?? "",
  };
}

/**
 * "dd/MM/yyyy" in both languages. A business date ("YYYY-MM-DD") is printed as is;
 * an instant is first moved to Asia/Ho_Chi_Minh, whatever the server's zone.
 */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") {
    const match = BUSINESS_DATE.exec(value);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
    return formatDate(parseInstant(value));
  }
  const { day, month, year } = zonedParts(value);
  return `${day}/${month}/${year}`;
}

/** "dd/MM/yyyy HH:mm" in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string): string {
  const instant = typeof value === "string" ? parseInstant(value) : value;
  const { day, month, year, hour, minute } = zonedParts(instant);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

function parseInstant(value: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${value}`);
  return instant;
}
