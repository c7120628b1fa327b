import { sql, type Kysely } from "kysely";

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
const KEY = ["unit_id", "date", "field", "channel"] as const;

/** The first day a dossier counts as late while open: its reception with two supplements, else its due day. */
const lateStart = (x: string) =>
  `(case when ${x}.supplement_count > 1 then ${x}.received_date else max(${x}.received_date, date(${x}.due_at, '+7 hours')) end)`;

interface Part {
  date: string;
  values: Partial<Record<Column, string>>;
  where?: string;
}

/** What dossier `x` (a table alias, or `new` / `old` in a trigger) adds to the summary: up to three rows. */
function parts(x: string): Part[] {
  const late = lateStart(x);
  return [
    { date: `${x}.received_date`, values: { received: "1", transfers: `${x}.transfer_count`, e_transfers: `${x}.e_transfer_count` } },
    {
      date: `${x}.finished_date`,
      values: {
        finished: "1",
        resolved: `${x}.outcome is not null`,
        early: `${x}.outcome = 'early' and ${x}.supplement_count <= 1`,
        on_time: `${x}.outcome = 'on_time' and ${x}.supplement_count <= 1`,
        late: `${x}.outcome = 'late' or (${x}.outcome is not null and ${x}.supplement_count > 1)`,
        refused: `${x}.state = 'refused'`,
        withdrawn: `${x}.state = 'withdrawn'`,
        open_late_delta: `-(${late} < ${x}.finished_date)`,
      },
      where: `${x}.finished_date is not null`,
    },
    { date: late, values: { open_late_delta: "1" }, where: `${x}.finished_date is null or ${late} < ${x}.finished_date` },
    {
      date: `(select date(r.rated_at, '+7 hours') from dossier_rating r where r.dossier_id = ${x}.id)`,
      values: {
        rated: "1",
        satisfied: `(select r.rating in ('very_satisfied', 'satisfied') from dossier_rating r where r.dossier_id = ${x}.id)`,
      },
      where: `exists (select 1 from dossier_rating r where r.dossier_id = ${x}.id)`,
    },
  ];
}

/** A rating's own contribution (a rating comes after its dossier, so the dossier's triggers cannot add it). */
function ratingUpsert(x: string, sign: 1 | -1): string {
  return `insert into dossier_daily_stat (${KEY.join(", ")}, rated, satisfied)
    select d.unit_id, date(${x}.rated_at, '+7 hours'), d.field, d.channel, ${times(sign, "1")}, ${times(sign, `${x}.rating in ('very_satisfied', 'satisfied')`)}
      from dossier d where d.id = ${x}.dossier_id
    on conflict (${KEY.join(", ")}) do update set rated = rated + excluded.rated, satisfied = satisfied + excluded.satisfied;`;
}

const key = (x: string, date: string) => `${x}.unit_id, ${date}, ${x}.field, ${x}.channel`;
const times = (sign: 1 | -1, expression: string) => `${sign === 1 ? "" : "-"}coalesce(${expression}, 0)`;

/** Every dossier's contributions as rows of all the columns, for the backfill. */
function allContributions(): string {
  return parts("d")
    .map(
      (p) =>
        `select d.unit_id as unit_id, ${p.date} as date, d.field as field, d.channel as channel, ` +
        `${COLUMNS.map((c) => `${p.values[c] ? times(1, p.values[c]) : "0"} as ${c}`).join(", ")} from dossier d` +
        (p.where ? ` where ${p.where}` : ""),
    )
    .join("\nunion all\n");
}

/** One upsert per contribution, touching only its own columns (a trigger runs these for every row written). */
function upserts(x: string, sign: 1 | -1): string {
  return parts(x)
    .map((p) => {
      const columns = Object.keys(p.values) as Column[];
      return `insert into dossier_daily_stat (${KEY.join(", ")}, ${columns.join(", ")})
        select ${key(x, p.date)}, ${columns.map((c) => times(sign, p.values[c]!)).join(", ")} where ${p.where ?? "true"}
        on conflict (${KEY.join(", ")}) do update set ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")};`;
    })
    .join("\n");
}

const WATCHED = [
  "unit_id",
  "field",
  "channel",
  "received_date",
  "due_at",
  "state",
  "supplement_count",
  "transfer_count",
  "e_transfer_count",
  "finished_date",
  "outcome",
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table dossier_daily_stat (
         unit_id integer not null,
         date text not null,
         field text not null,
         channel text not null,
         ${COLUMNS.map((c) => `${c} integer not null default 0`).join(",\n         ")},
         primary key (${KEY.join(", ")})
       ) without rowid`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into dossier_daily_stat (${KEY.join(", ")}, ${COLUMNS.join(", ")})
       select ${KEY.join(", ")}, ${COLUMNS.map((c) => `sum(${c})`).join(", ")}
         from (${allContributions()})
        group by ${KEY.join(", ")}`,
    )
    .execute(db);
  // Triggers run inside the writing statement's transaction, so every writer (desk, API, seed, import) is covered.
  await sql.raw(`create trigger dossier_daily_stat_insert after insert on dossier begin ${upserts("new", 1)} end`).execute(db);
  await sql.raw(`create trigger dossier_daily_stat_delete after delete on dossier begin ${upserts("old", -1)} end`).execute(db);
  await sql
    .raw(
      `create trigger dossier_daily_stat_update after update of ${WATCHED.join(", ")} on dossier
       when ${WATCHED.map((c) => `old.${c} is not new.${c}`).join(" or ")}
       begin ${upserts("old", -1)} ${upserts("new", 1)} end`,
    )
    .execute(db);
  await sql.raw(`create trigger dossier_daily_stat_rating_insert after insert on dossier_rating begin ${ratingUpsert("new", 1)} end`).execute(db);
  await sql.raw(`create trigger dossier_daily_stat_rating_delete after delete on dossier_rating begin ${ratingUpsert("old", -1)} end`).execute(db);
  await sql
    .raw(
      `create trigger dossier_daily_stat_rating_update after update of dossier_id, rating, rated_at on dossier_rating
       begin ${ratingUpsert("old", -1)} ${ratingUpsert("new", 1)} end`,
    )
    .execute(db);
}
