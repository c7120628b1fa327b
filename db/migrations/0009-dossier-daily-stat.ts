import { sql, type Kysely } from "kysely";
import { dialectOf } from "./portable";
import { backfillSummary, createSummaryTable, summaryTriggers, type SummaryFns, type SummaryShape } from "./summary-triggers";

/*
 * A per-day summary of the dossier register, kept current by triggers, so the quality dashboard
 * reads a few thousand summary rows instead of scanning a year of dossiers (issue 8; bench/README.md).
 *
 * Frozen in time: it copies the on-time engine's rules as they stand (app/domain/metrics/on-time.ts):
 * online channels, and "more than one supplement request counts as late". If a rule changes, a new
 * migration rebuilds the table; an integration test checks it against the engine.
 *
 * Each dossier contributes at most four rows:
 * - on its received date: received, transfers, electronic transfers;
 * - on its finished date (result ready, refusal or withdrawal): the flows of the engine's
 *   "finished in the period" pass, and −1 to `open_late_delta` if it was late while open;
 * - on the day it becomes late while open (`late_start`): +1 to `open_late_delta`;
 * - on the day the citizen rated it, if rated: `rated`, and `satisfied` for (very) satisfied (added by
 *   the rating's own trigger, moved by the dossier's when its unit, field or channel is corrected).
 * "Open at a period's end" is then a prefix sum up to the period's last day: received − finished,
 * and of `open_late_delta` for the open ones already late.
 */

const COLUMNS = [
  "received",
  "transfers",
  "e_transfers",
  "finished",
  "resolved",
  "early",
  "on_time",
  "late",
  "refused",
  "withdrawn",
  "open_late_delta",
  "rated",
  "satisfied",
] as const;
type Column = (typeof COLUMNS)[number];

/** The first day a dossier counts as late while open: its reception with two supplements, else its due day. */
const lateStart = (x: string, f: SummaryFns) =>
  `(case when ${x}.supplement_count > 1 then ${x}.received_date else ${f.greatest(`${x}.received_date`, f.localDate(`${x}.due_at`))} end)`;

/** What dossier `x` (a table alias, or `new` / `old` in a trigger) adds to the summary: up to four rows. */
function dossierContributions(x: string, f: SummaryFns) {
  const late = lateStart(x, f);
  const key = (date: string) => [`${x}.unit_id`, date, `${x}.field`, `${x}.channel`];
  const parts: Array<{ key: string[]; values: Partial<Record<Column, string>>; where?: string }> = [
    { key: key(`${x}.received_date`), values: { received: "1", transfers: `${x}.transfer_count`, e_transfers: `${x}.e_transfer_count` } },
    {
      key: key(`${x}.finished_date`),
      values: {
        finished: "1",
        resolved: `${x}.outcome is not null`,
        early: `${x}.outcome = 'early' and ${x}.supplement_count <= 1`,
        on_time: `${x}.outcome = 'on_time' and ${x}.supplement_count <= 1`,
        late: `${x}.outcome = 'late' or (${x}.outcome is not null and ${x}.supplement_count > 1)`,
        refused: `${x}.state = 'refused'`,
        withdrawn: `${x}.state = 'withdrawn'`,
        open_late_delta: `-${f.int(`(${late} < ${x}.finished_date)`)}`,
      },
      where: `${x}.finished_date is not null`,
    },
    { key: key(late), values: { open_late_delta: "1" }, where: `${x}.finished_date is null or ${late} < ${x}.finished_date` },
    {
      key: key(`(select ${f.localDate("r.rated_at")} from dossier_rating r where r.dossier_id = ${x}.id)`),
      values: {
        rated: "1",
        satisfied: `(select r.rating in ('very_satisfied', 'satisfied') from dossier_rating r where r.dossier_id = ${x}.id)`,
      },
      where: `exists (select 1 from dossier_rating r where r.dossier_id = ${x}.id)`,
    },
  ];
  return parts as Array<{ key: string[]; values: Record<string, string>; where?: string }>;
}

/** A rating's own contribution (a rating comes after its dossier, so the dossier's triggers cannot add it). */
function ratingContributions(x: string, f: SummaryFns) {
  return [
    {
      key: ["d.unit_id", f.localDate(`${x}.rated_at`), "d.field", "d.channel"],
      values: { rated: "1", satisfied: `${x}.rating in ('very_satisfied', 'satisfied')` },
      from: "dossier d",
      where: `d.id = ${x}.dossier_id`,
    },
  ];
}

export const DAILY_STAT_0009: SummaryShape = {
  table: "dossier_daily_stat",
  key: [
    { name: "unit_id", type: "integer" },
    { name: "date", type: "text" },
    { name: "field", type: "text" },
    { name: "channel", type: "text" },
  ],
  columns: COLUMNS,
  sources: [
    {
      table: "dossier",
      triggerPrefix: "dossier_daily_stat",
      contributions: dossierContributions,
      updateOf: ["unit_id", "field", "channel", "received_date", "due_at", "state", "supplement_count", "transfer_count", "e_transfer_count", "finished_date", "outcome"],
      onlyWhenChanged: true,
    },
    {
      table: "dossier_rating",
      triggerPrefix: "dossier_daily_stat_rating",
      contributions: ratingContributions,
      updateOf: ["dossier_id", "rating", "rated_at"],
      onlyWhenChanged: false,
    },
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await sql.raw(createSummaryTable(dialect, DAILY_STAT_0009)).execute(db);
  await sql.raw(backfillSummary(dialect, DAILY_STAT_0009)).execute(db);
  // Triggers run inside the writing statement's transaction, so every writer (desk, API, seed, import) is covered.
  for (const statement of summaryTriggers(dialect, DAILY_STAT_0009)) await sql.raw(statement).execute(db);
}
