/*
 * The province dashboard's pure part (issue 14): one row per commune, ranked by on-time rate.
 */

export interface CommuneRow {
  unitId: number;
  code: string;
  name: string;
  /** The successor's name and the merger's date when the commune was merged into another. */
  mergedInto: string | null;
  mergedOn: string | null;
  received: number;
  judged: number;
  late: number;
  onTimeRate: number | null;
  /** Open and overdue at the period's end; null for a future period, as on the commune's dashboard ("—", not 0). */
  overdueNow: number | null;
  onlineRate: number | null;
  eTransferRate: number | null;
  satisfactionRate: number | null;
  complaints: number;
  /** The Decision 766 total where the scorecard is computed; null otherwise. */
  serviceIndexTotal: number | null;
}

/**
 * Highest on-time rate first; a commune with nothing judged last; ties by more dossiers judged,
 * then fewer overdue now, then name — so the ranking is the same on every engine and every run.
 */
export function rankCommunes(rows: readonly CommuneRow[]): CommuneRow[] {
  return [...rows].sort((a, b) => {
    if (a.onTimeRate === null || b.onTimeRate === null) {
      if (a.onTimeRate !== b.onTimeRate) return a.onTimeRate === null ? 1 : -1;
    } else if (a.onTimeRate !== b.onTimeRate) return b.onTimeRate - a.onTimeRate;
    if (a.judged !== b.judged) return b.judged - a.judged;
    if (a.overdueNow !== b.overdueNow) return (a.overdueNow ?? 0) - (b.overdueNow ?? 0);
    return a.name.localeCompare(b.name, "vi");
  });
}

/** The columns of the comparison, in order: the page's table head and the CSV's header row. */
export const PROVINCE_COLUMNS = [
  "rank",
  "code",
  "name",
  "received",
  "judged",
  "onTimeRate",
  "overdueNow",
  "onlineRate",
  "eTransferRate",
  "satisfactionRate",
  "complaints",
  "serviceIndexTotal",
] as const;
export type ProvinceColumn = (typeof PROVINCE_COLUMNS)[number];

export type ProvinceCell = { text: string } | { count: number | null } | { rate: number | null } | { points: number | null };

/** A row's cells in column order (rank is the row's place, from 1). */
export function provinceCells(row: CommuneRow, rank: number): ProvinceCell[] {
  return [
    { count: rank },
    { text: row.code },
    { text: row.name },
    { count: row.received },
    { count: row.judged },
    { rate: row.onTimeRate },
    { count: row.overdueNow },
    { rate: row.onlineRate },
    { rate: row.eTransferRate },
    { rate: row.satisfactionRate },
    { count: row.complaints },
    { points: row.serviceIndexTotal },
  ];
}
