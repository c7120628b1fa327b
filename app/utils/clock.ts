/** Vietnam has used UTC+7 without daylight saving since 1975; every business date uses it. */
export const BUSINESS_TIME_ZONE = "Asia/Ho_Chi_Minh";

export function toIsoInstant(date: Date): string {
  return date.toISOString();
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The business date (`YYYY-MM-DD`) of an instant in Asia/Ho_Chi_Minh, whatever the server's zone. */
export function businessDateOf(instant: Date): string {
  // Fixed UTC+7 (no daylight saving since 1975): plain arithmetic, much faster than Intl per call.
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a business date (`YYYY-MM-DD`) starts in Vietnam. */
export function businessDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The UTC instant at which a business date ends (the next day's start). */
export function businessDayEnd(date: string): Date {
  return new Date(businessDayStart(date).getTime() + 24 * 60 * 60 * 1000);
}

/** `YYYY-MM-DDTHH:mm` in Vietnam, for a datetime-local input. */
export function toLocalDateTimeInput(instant: Date): string {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return shifted.toISOString().slice(0, 16);
}
