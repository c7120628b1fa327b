import { z } from "zod";
import { DashboardQuerySchema, resolvePeriod, type PeriodKind, type ResolvedPeriod } from "~/domain/metrics/dashboard";
import { m } from "~/domain/shared/fields";

/*
 * The inspectors' portal's two GET forms: the year shown (`?year=YYYY`, the current year by default)
 * and the on-time report's download (`?onTime.period=month|quarter|year|custom&onTime.year=…`, the
 * dashboard's period picker), which the portal turns into the report's own query.
 */

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const InspectionYearSchema = z.object({
  year: z.coerce
    .number(m("error.invalid"))
    .int(m("error.invalid"))
    .min(FIRST_YEAR, m("error.invalid"))
    .max(LAST_YEAR, m("error.invalid"))
    .optional(),
});

/** The field of the download form a period kind is chosen by: where a "not started yet" error shows. */
const FIELD_OF_KIND: Record<PeriodKind, string> = { month: "month", quarter: "quarter", year: "year", custom: "from" };

/** `/reports/on-time.pdf?year=YYYY` for a year, `?from=…&to=…` otherwise (the report judges a running period now). */
export function onTimeReportHref(resolved: Pick<ResolvedPeriod, "kind" | "year" | "period">): string {
  const query =
    resolved.kind === "year"
      ? new URLSearchParams({ year: String(resolved.year) })
      : new URLSearchParams({ from: resolved.period.from, to: resolved.period.to });
  return `/reports/on-time.pdf?${query}`;
}

/** The download form, nested under `onTime` so its year never mixes with the portal's; parses to the report's URL. */
export function onTimeDownloadSchema(today: string) {
  return z
    .object({ onTime: DashboardQuerySchema })
    .transform((value, ctx) => {
      const resolved = resolvePeriod({ ...value.onTime, period: value.onTime.period ?? "year" }, today);
      if (resolved.period.from > today) {
        ctx.addIssue({ code: "custom", path: ["onTime", FIELD_OF_KIND[resolved.kind]], message: m("reports.error.futurePeriod") });
        return z.NEVER;
      }
      return onTimeReportHref(resolved);
    });
}

/** Whether a query is the download form's submission rather than the portal's year. */
export const isOnTimeDownload = (searchParams: URLSearchParams) => searchParams.has("onTime.period");
