import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { CHANNELS } from "~/domain/dossiers/channels";
import { groupBy } from "~/domain/metrics/dashboard";
import { rates, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { getPeriodFigures } from "./figures.server";

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
 * The on-time statement for a period as asked: totals, by field and by channel, and what is overdue
 * at the judgement instant, from the figures function (`getPeriodFigures`) as every surface reads
 * them. `judgedAt` is the judgement instant; for a period not begun, it is null and every rate null.
 */
export async function getOnTimeStatement(db: Kysely<Database>, unitId: number, chosen: Period, now: Date) {
  const { measured, cells, totals } = await getPeriodFigures(db, unitId, chosen, now);
  const future = measured.status === "future";
  return {
    period: { from: chosen.from, to: chosen.to },
    status: measured.status,
    measuredTo: future ? null : measured.period.to,
    judgedAt: future ? null : measured.period.endInstant,
    ...withRates(totals),
    overdueNow: totals.overdueAtEnd,
    byField: ordered(groupBy(cells, "field"), PROCEDURE_FIELDS).map(([field, f]) => ({ field, ...withRates(f) })),
    byChannel: ordered(groupBy(cells, "channel"), CHANNELS).map(([channel, f]) => ({ channel, ...withRates(f) })),
  };
}

export type OnTimeStatement = Awaited<ReturnType<typeof getOnTimeStatement>>;
