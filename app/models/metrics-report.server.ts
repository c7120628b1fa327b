import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { CHANNELS } from "~/domain/dossiers/channels";
import { groupBy, totalOf } from "~/domain/metrics/dashboard";
import { rates, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { computeMonthlyFigures } from "./dashboard.server";
import { countOverdueNow } from "./metrics.server";

function withRates(f: OnTimeFigures) {
  return { ...f, ...rates(f) };
}

/** Groups in the catalogue's order (fields, channels), those with any figure only. */
function ordered<K extends string>(groups: Map<string, OnTimeFigures>, order: readonly K[]): Array<[K, OnTimeFigures]> {
  return order.flatMap((key) => {
    const f = groups.get(key);
    return f ? [[key, f] as [K, OnTimeFigures]] : [];
  });
}

/**
 * The on-time statement for a period: totals, by field and by channel, and what is overdue now.
 * Read from the per-day summary (decision record 0006), which tests hold equal to the engine's
 * definition month by month, so a year costs two range scans of the summary, not of the register.
 */
export async function getOnTimeStatement(db: Kysely<Database>, unitId: number, period: Period, now: Date) {
  const [{ cells }, overdueNow] = await Promise.all([computeMonthlyFigures(db, unitId, period), countOverdueNow(db, unitId, now)]);
  return {
    period: { from: period.from, to: period.to },
    ...withRates(totalOf(cells)),
    overdueNow,
    byField: ordered(groupBy(cells, "field"), PROCEDURE_FIELDS).map(([field, f]) => ({ field, ...withRates(f) })),
    byChannel: ordered(groupBy(cells, "channel"), CHANNELS).map(([channel, f]) => ({ channel, ...withRates(f) })),
  };
}

export type OnTimeStatement = Awaited<ReturnType<typeof getOnTimeStatement>>;
