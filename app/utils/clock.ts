/** Vietnam has used UTC+7 without daylight saving since 1975; every business date uses it. */
export const BUSINESS_TIME_ZONE = "Asia/Ho_Chi_Minh";

export function toIsoInstant(date: Date): string {
  return date.toISOString();
}

/** The business date (`YYYY-MM-DD`) of an instant in Asia/Ho_Chi_Minh, whatever the server's zone. */
export function businessDateOf(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: BUSINESS_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  return parts;
}

/** The UTC instant at which a business date (`YYYY-MM-DD`) starts in Vietnam. */
export function businessDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The UTC instant at which a business date ends (the next day's start). */
export function businessDayEnd(date: string): Date {
  return new Date(businessDayStart(date).getTime() + 24 * 60 * 60 * 1000);
}
