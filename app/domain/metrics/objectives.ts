import { z } from "zod";

/** The figures a quality objective can be measured by. */
export const OBJECTIVE_METRICS = [
  "on_time_rate",
  "online_rate",
  "e_transfer_rate",
  "satisfaction_rate",
  "complaints_on_time_rate",
  "overdue_now",
] as const;
export type ObjectiveMetric = (typeof OBJECTIVE_METRICS)[number];
export const ObjectiveMetricSchema = z.enum(OBJECTIVE_METRICS);

/** Rates are fractions 0–1; counts are whole numbers. */
export const RATE_METRICS: readonly ObjectiveMetric[] = [
  "on_time_rate",
  "online_rate",
  "e_transfer_rate",
  "satisfaction_rate",
  "complaints_on_time_rate",
];

export type ObjectiveStatus = "met" | "not_met" | "no_data";

export function objectiveStatus(comparator: ">=" | "<=", target: number, actual: number | null): ObjectiveStatus {
  if (actual === null) return "no_data";
  // Rates are compared at the precision they are shown (0.1 percentage point).
  const a = Math.round(actual * 10_000) / 10_000;
  return (comparator === ">=" ? a >= target : a <= target) ? "met" : "not_met";
}
