import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { EMPTY_FIGURES, rates, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { computeOnTimeFigures, countOverdueNow } from "./metrics.server";

function withRates(f: OnTimeFigures) {
  return { ...f, ...rates(f) };
}

/** The on-time statement for a period: totals, by field and by channel, and what is overdue now. */
export async function getOnTimeStatement(db: Kysely<Database>, unitId: number, period: Period, now: Date) {
  const [total, byField, byChannel, overdueNow] = await Promise.all([
    computeOnTimeFigures(db, unitId, period, "total"),
    computeOnTimeFigures(db, unitId, period, "field"),
    computeOnTimeFigures(db, unitId, period, "channel"),
    countOverdueNow(db, unitId, now),
  ]);
  const totals = total.get("total");
  return {
    period: { from: period.from, to: period.to },
    ...withRates(totals ?? EMPTY_FIGURES),
    overdueNow,
    byField: [...byField].map(([field, f]) => ({ field, ...withRates(f) })),
    byChannel: [...byChannel].map(([channel, f]) => ({ channel, ...withRates(f) })),
  };
}

export type OnTimeStatement = Awaited<ReturnType<typeof getOnTimeStatement>>;
