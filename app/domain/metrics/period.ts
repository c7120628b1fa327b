import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { businessDateOf, businessDayStart } from "~/utils/clock";
import type { Period } from "./on-time";

const m = (key: MessageKey) => key;

const DATE = z.iso.date(m("error.invalidDate"));

/** The longest period any surface measures: ten years (a longer query is refused with the field named). */
export const MAX_PERIOD_YEARS = 10;

/** Whether `from`–`to` spans more than MAX_PERIOD_YEARS (a leap day does not count against it). */
export function exceedsMaxPeriod(from: string, to: string): boolean {
  const limit = `${String(Number(from.slice(0, 4)) + MAX_PERIOD_YEARS).padStart(4, "0")}${from.slice(4)}`;
  return to >= limit;
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, or `?year=YYYY`, as the metrics API and reports take them. */
export const PeriodQuerySchema = z
  .object({
    from: DATE.optional(),
    to: DATE.optional(),
    year: z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(2000, m("error.invalid")).max(2100, m("error.invalid")).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.year !== undefined && (v.from || v.to)) {
      ctx.addIssue({ code: "custom", path: ["year"], message: m("error.periodEitherYearOrRange") });
    } else if (v.year === undefined && (!v.from || !v.to)) {
      ctx.addIssue({ code: "custom", path: [v.from ? "to" : "from"], message: m("error.required") });
    } else if (v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: m("error.dateRange") });
    } else if (v.from && v.to && exceedsMaxPeriod(v.from, v.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: m("error.periodTooLong") });
    } else if (v.from && (v.from < "2000-01-01" || v.from > "2100-12-31")) {
      ctx.addIssue({ code: "custom", path: ["from"], message: m("error.invalidDate") });
    }
  })
  .transform((v): Period => (v.year !== undefined ? yearPeriod(v.year) : makePeriod(v.from!, v.to!)));

export function makePeriod(from: string, to: string): Period {
  const end = new Date(`${to}T00:00:00+07:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from, to, endInstant: end.toISOString() };
}

export function yearPeriod(year: number): Period {
  return makePeriod(`${year}-01-01`, `${year}-12-31`);
}

export function monthPeriod(year: number, month: number): Period {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return makePeriod(`${year}-${mm}-01`, `${year}-${mm}-${String(last).padStart(2, "0")}`);
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const first = monthPeriod(year, quarter * 3 - 2);
  const last = monthPeriod(year, quarter * 3);
  return makePeriod(first.from, last.to);
}

/** The months a period touches, as `YYYY-MM`. */
export function monthsOf(period: Pick<Period, "from" | "to">): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split("-").map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

// ------------------------------------------------------------------------ the judgement instant

/** Where a period lies from now: over, running (it contains today), or not yet begun. */
export type PeriodStatus = "past" | "current" | "future";

/**
 * A period as the figures measure it (decision record 0010): judged at `min(end of period, now)`.
 * - past: the whole period, judged at its end;
 * - current: from its start to today, judged now (`period.endInstant` is now), so a dossier due
 *   later today, or later in the month, is not late;
 * - future: nothing to judge; every figure is empty and every rate null.
 */
export interface MeasuredPeriod {
  /** The period asked for. */
  chosen: Period;
  /** The part measured, with the judgement instant as its `endInstant`. */
  period: Period;
  status: PeriodStatus;
}

export function measurePeriod(chosen: Period, now: Date): MeasuredPeriod {
  const nowIso = now.toISOString();
  if (nowIso >= chosen.endInstant) return { chosen, period: chosen, status: "past" };
  const today = businessDateOf(now);
  if (chosen.from > today) {
    return { chosen, period: { ...chosen, endInstant: businessDayStart(chosen.from).toISOString() }, status: "future" };
  }
  return { chosen, period: { from: chosen.from, to: today, endInstant: nowIso }, status: "current" };
}
