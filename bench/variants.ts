import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { countOverdueNow } from "../app/models/figures.server";
import { getOnTimeStatement } from "../app/models/metrics-report.server";
import { EMPTY_FIGURES, rates, type OnTimeFigures, type Period } from "../app/domain/metrics/on-time";
import { ms, percentile, queryPlan, type Timing, type TimingOptions } from "./harness";

/**
 * Cheap experiments on the benchmark's temporary database, to back the recommendation with
 * measurements. None of this touches the app's code or migrations; every change is undone at the
 * end so a kept database (--keep / --db) stays as the app's schema left it.
 *
 *  V1  the same three passes, grouped once by (field, channel) and rolled up in JS into
 *      total / by field / by channel: 3 passes + 1 count instead of 9 + 1 (a code change only).
 *  V2  V1, with the open-at-end pass split into "finished_date is null" and "finished_date > end",
 *      both ranges of dossier_unit_finished_idx recreated with due_at appended (index change).
 *  V3  a per-day summary table, bench_variant_daily_stat, kept by triggers in the same transaction as
 *      every dossier write; the whole statement is one range scan of it, including the open-at-end
 *      figures (prefix sums of +1/−1 deltas). Also: its build time, and the write cost of the
 *      triggers on single-row commits with synchronous=FULL.
 */

const ONLINE = "('online_partial', 'online_full')";

type Grouped = Map<string, OnTimeFigures>; // key: `${field}|${channel}`

interface Statement {
  total: OnTimeFigures;
  byField: Map<string, OnTimeFigures>;
  byChannel: Map<string, OnTimeFigures>;
  overdueNow: number;
}

const FIGURE_KEYS = Object.keys(EMPTY_FIGURES) as (keyof OnTimeFigures)[];

function slot(map: Map<string, OnTimeFigures>, key: string): OnTimeFigures {
  let f = map.get(key);
  if (!f) {
    f = { ...EMPTY_FIGURES };
    map.set(key, f);
  }
  return f;
}

function rollUp(grouped: Grouped, overdueNow: number): Statement {
  const total = { ...EMPTY_FIGURES };
  const byField = new Map<string, OnTimeFigures>();
  const byChannel = new Map<string, OnTimeFigures>();
  for (const [key, f] of grouped) {
    if (FIGURE_KEYS.every((k) => f[k] === 0)) continue; // the app creates no group without a figure
    const [field, channel] = key.split("|") as [string, string];
    for (const target of [total, slot(byField, field), slot(byChannel, channel)]) {
      for (const k of FIGURE_KEYS) target[k] += f[k];
    }
  }
  return { total, byField, byChannel, overdueNow };
}

/** The shape getOnTimeStatement returns, so the variants do the same work (rates included). */
function present(s: Statement, period: Period) {
  return {
    period: { from: period.from, to: period.to },
    ...s.total,
    ...rates(s.total),
    overdueNow: s.overdueNow,
    byField: [...s.byField].map(([field, f]) => ({ field, ...f, ...rates(f) })),
    byChannel: [...s.byChannel].map(([channel, f]) => ({ channel, ...f, ...rates(f) })),
  };
}

type Presented = ReturnType<typeof present>;

/** Figures only, sorted, for comparing a variant with the app. */
function fingerprint(s: Presented | Awaited<ReturnType<typeof getOnTimeStatement>>): string {
  const pick = (f: object) => FIGURE_KEYS.map((k) => (f as Record<string, number>)[k]).join(",");
  const byField = s.byField.map((f) => `${f.field}:${pick(f)}`).sort();
  const byChannel = s.byChannel.map((f) => `${f.channel}:${pick(f)}`).sort();
  return JSON.stringify([pick(s), s.overdueNow, byField, byChannel]);
}

export interface VariantContext {
  raw: SQLite.Database;
  db: Kysely<Database>;
  unitId: number;
  extraOptions: TimingOptions;
  statements: [string, Period][];
  now: Date;
  log: (group: string, label: string, fn: () => unknown, note?: string, options?: TimingOptions) => Promise<Timing>;
}

export async function runVariants(ctx: VariantContext): Promise<string[]> {
  const { raw, unitId, now } = ctx;
  const report: string[] = [];
  const appFingerprints = new Map<string, string>();
  for (const [name, period] of ctx.statements) {
    appFingerprints.set(name, fingerprint(await getOnTimeStatement(ctx.db, unitId, period, now)));
  }
  let checked = 0;
  let mismatches = 0;
  const check = (variant: string, name: string, result: Presented) => {
    const mine = fingerprint(result);
    const theirs = appFingerprints.get(name)!;
    const same = mine === theirs;
    checked += 1;
    if (!same) {
      mismatches += 1;
      let at = 0;
      while (at < mine.length && mine[at] === theirs[at]) at += 1;
      report.push(
        `  !! ${variant}, ${name}: figures DIFFER from getOnTimeStatement near …${theirs.slice(Math.max(0, at - 60), at + 40)}… (variant: …${mine.slice(Math.max(0, at - 60), at + 40)}…)`,
      );
    }
    return same;
  };

  // ------------------------------------------------------------------ V1: one grouped query per pass
  const received = raw.prepare(
    `select field, channel, count(*) as received, sum(channel in ${ONLINE}) as online,
            sum(transfer_count) as transfers, sum(e_transfer_count) as e_transfers
       from dossier where unit_id = ? and received_date >= ? and received_date <= ?
      group by field, channel`,
  );
  const finished = raw.prepare(
    `select field, channel, sum(outcome is not null) as resolved,
            sum(outcome = 'early' and supplement_count <= 1) as early,
            sum(outcome = 'on_time' and supplement_count <= 1) as on_time,
            sum(outcome = 'late' or (outcome is not null and supplement_count > 1)) as late,
            sum(state = 'refused') as refused, sum(state = 'withdrawn') as withdrawn
       from dossier where unit_id = ? and finished_date >= ? and finished_date <= ? and received_date <= ?
      group by field, channel`,
  );
  const openSql = (where: string) =>
    `select field, channel, sum(supplement_count > 1 or due_at < ?) as late,
            sum(not (supplement_count > 1 or due_at < ?)) as not_due
       from dossier where unit_id = ? and ${where} group by field, channel`;
  const openAtEnd = raw.prepare(openSql("received_date <= ? and (finished_date is null or finished_date > ?)"));

  type Row = Record<string, number | string>;
  const addReceivedAndFinished = (grouped: Grouped, p: Period) => {
    for (const r of received.all(unitId, p.from, p.to) as Row[]) {
      const f = slot(grouped, `${r.field}|${r.channel}`);
      f.received = Number(r.received);
      f.receivedOnline = Number(r.online);
      f.transfers = Number(r.transfers);
      f.eTransfers = Number(r.e_transfers);
    }
    for (const r of finished.all(unitId, p.from, p.to, p.to) as Row[]) {
      const f = slot(grouped, `${r.field}|${r.channel}`);
      f.resolved = Number(r.resolved);
      f.early = Number(r.early);
      f.onTime = Number(r.on_time);
      f.late += Number(r.late);
      f.refused = Number(r.refused);
      f.withdrawn = Number(r.withdrawn);
    }
  };
  const addOpen = (grouped: Grouped, rows: Row[]) => {
    for (const r of rows) {
      const f = slot(grouped, `${r.field}|${r.channel}`);
      f.openLateAtEnd += Number(r.late);
      f.late += Number(r.late);
      f.openNotDue += Number(r.not_due);
    }
  };
  // "Overdue now" is the same small indexed count in every variant: the app's own function.
  const overdueNow = () => countOverdueNow(ctx.db, unitId, now);

  const v1 = async (p: Period) => {
    const grouped: Grouped = new Map();
    addReceivedAndFinished(grouped, p);
    addOpen(grouped, openAtEnd.all(p.endInstant, p.endInstant, unitId, p.to, p.to) as Row[]);
    return present(rollUp(grouped, await overdueNow()), p);
  };

  const v1Timings = new Map<string, Timing>();
  for (const [name, period] of ctx.statements) {
    check("V1", name, await v1(period));
    v1Timings.set(name, await ctx.log("V1: 3 passes grouped by (field, channel), rolled up in JS (raw)", `V1 statement(${name})`, () => v1(period)));
  }

  // ------------------------------------------------------------------ V2: finished index with due_at, open pass split
  const original = raw.prepare("select sql from sqlite_master where type = 'index' and name = 'dossier_unit_finished_idx'").get() as
    | { sql: string }
    | undefined;
  if (!original) throw new Error("dossier_unit_finished_idx not found");
  const indexing = performance.now();
  raw.exec("drop index dossier_unit_finished_idx");
  raw.exec(
    `create index dossier_unit_finished_idx on dossier
       (unit_id, finished_date, received_date, outcome, supplement_count, state, field, channel, due_at)`,
  );
  raw.exec("analyze dossier_unit_finished_idx");
  const indexMs = performance.now() - indexing;
  const openNull = raw.prepare(openSql("finished_date is null and received_date <= ?"));
  const openAfter = raw.prepare(openSql("finished_date > ? and received_date <= ?"));
  const v2 = async (p: Period) => {
    const grouped: Grouped = new Map();
    addReceivedAndFinished(grouped, p);
    addOpen(grouped, openNull.all(p.endInstant, p.endInstant, unitId, p.to) as Row[]);
    addOpen(grouped, openAfter.all(p.endInstant, p.endInstant, unitId, p.to, p.to) as Row[]);
    return present(rollUp(grouped, await overdueNow()), p);
  };
  const yearPeriod = ctx.statements[0]![1];
  const planLines = (stmt: SQLite.Statement, params: unknown[]) => queryPlan(raw, stmt.source, params);
  const v2Plans = [
    ["open at end, app's SQL unchanged", planLines(openAtEnd, [yearPeriod.endInstant, yearPeriod.endInstant, unitId, yearPeriod.to, yearPeriod.to])],
    ["open at end, part 1: finished_date is null", planLines(openNull, [yearPeriod.endInstant, yearPeriod.endInstant, unitId, yearPeriod.to])],
    ["open at end, part 2: finished_date > end", planLines(openAfter, [yearPeriod.endInstant, yearPeriod.endInstant, unitId, yearPeriod.to, yearPeriod.to])],
  ] as const;
  const v2Timings = new Map<string, Timing>();
  const appAfterIndex = await ctx.log(
    "V2: finished index + due_at; open-at-end pass split in two ranges (raw)",
    "app getOnTimeStatement(year 2025), unchanged code, with the new index",
    () => getOnTimeStatement(ctx.db, unitId, yearPeriod, now),
    undefined,
    ctx.extraOptions,
  );
  for (const [name, period] of ctx.statements) {
    check("V2", name, await v2(period));
    v2Timings.set(name, await ctx.log("V2: finished index + due_at; open-at-end pass split in two ranges (raw)", `V2 statement(${name})`, () => v2(period)));
  }
  const openPartsTimings = [
    await ctx.log("V2: finished index + due_at; open-at-end pass split in two ranges (raw)", "  open part 1 (finished_date is null), year 2025", () =>
      openNull.all(yearPeriod.endInstant, yearPeriod.endInstant, unitId, yearPeriod.to),
    ),
    await ctx.log("V2: finished index + due_at; open-at-end pass split in two ranges (raw)", "  open part 2 (finished_date > 2025-12-31), year 2025", () =>
      openAfter.all(yearPeriod.endInstant, yearPeriod.endInstant, unitId, yearPeriod.to, yearPeriod.to),
    ),
  ];

  // ------------------------------------------------------------------ V3: bench_variant_daily_stat
  const COLUMNS = [
    "received", "received_online", "transfers", "e_transfers",
    "finished", "resolved", "early", "on_time", "late", "refused", "withdrawn",
    "open_late_delta",
  ] as const;
  const KEY = ["unit_id", "date", "field", "channel", "procedure_id"] as const;
  /** The rows one dossier (alias `x`) contributes, times `sign`, as a UNION ALL of SELECTs. */
  const contributions = (x: string, sign: 1 | -1, from = "") => {
    const lateStart = `(case when ${x}.supplement_count > 1 then ${x}.received_date else date(${x}.due_at, '+7 hours') end)`;
    const row = (date: string, values: Partial<Record<(typeof COLUMNS)[number], string>>, where?: string) =>
      `select ${x}.unit_id as unit_id, ${date} as date, ${x}.field as field, ${x}.channel as channel, ${x}.procedure_id as procedure_id, ` +
      COLUMNS.map((c) => `${values[c] ? `${sign} * (${values[c]})` : "0"} as ${c}`).join(", ") +
      `${from}${where ? ` where ${where}` : ""}`;
    return [
      row(`${x}.received_date`, {
        received: "1",
        received_online: `${x}.channel in ${ONLINE}`,
        transfers: `${x}.transfer_count`,
        e_transfers: `${x}.e_transfer_count`,
      }),
      row(
        `${x}.finished_date`,
        {
          finished: "1",
          resolved: `${x}.outcome is not null`,
          early: `${x}.outcome = 'early' and ${x}.supplement_count <= 1`,
          on_time: `${x}.outcome = 'on_time' and ${x}.supplement_count <= 1`,
          late: `${x}.outcome = 'late' or (${x}.outcome is not null and ${x}.supplement_count > 1)`,
          refused: `${x}.state = 'refused'`,
          withdrawn: `${x}.state = 'withdrawn'`,
        },
        `${x}.finished_date is not null`,
      ),
      // Late while open from lateStart (inclusive) until finished_date (exclusive).
      row(lateStart, { open_late_delta: "1" }, `${x}.finished_date is null or ${lateStart} < ${x}.finished_date`),
      row(`${x}.finished_date`, { open_late_delta: "-1" }, `${x}.finished_date is not null and ${lateStart} < ${x}.finished_date`),
    ].join("\nunion all\n");
  };
  const createSummary = (table: string) =>
    `create table ${table} (
       unit_id integer not null, date text not null, field text not null, channel text not null, procedure_id integer not null,
       ${COLUMNS.map((c) => `${c} integer not null default 0`).join(", ")},
       primary key (${KEY.join(", ")})
     ) without rowid`;
  const buildSummary = (table: string) =>
    `insert into ${table} (${KEY.join(", ")}, ${COLUMNS.join(", ")})
     select ${KEY.join(", ")}, ${COLUMNS.map((c) => `sum(${c})`).join(", ")}
       from (${contributions("d", 1, " from dossier d")})
      group by ${KEY.join(", ")}`;
  const upsert = (x: string, sign: 1 | -1) =>
    `insert into bench_variant_daily_stat (${KEY.join(", ")}, ${COLUMNS.join(", ")})
     select * from (${contributions(x, sign)}) where true
     on conflict (${KEY.join(", ")}) do update set ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")};`;
  const TRIGGERS = [
    `create trigger bench_variant_daily_stat_insert after insert on dossier begin ${upsert("new", 1)} end`,
    `create trigger bench_variant_daily_stat_delete after delete on dossier begin ${upsert("old", -1)} end`,
    `create trigger bench_variant_daily_stat_update after update of
       unit_id, procedure_id, field, channel, received_date, due_at, state, supplement_count,
       transfer_count, e_transfer_count, finished_date, outcome
     on dossier begin ${upsert("old", -1)} ${upsert("new", 1)} end`,
  ];

  raw.exec(createSummary("bench_variant_daily_stat"));
  const building = performance.now();
  raw.exec(buildSummary("bench_variant_daily_stat"));
  const buildMs = performance.now() - building;
  const summaryRows = (raw.prepare("select count(*) as n from bench_variant_daily_stat").get() as { n: number }).n;
  const unitSummaryRows = (raw.prepare("select count(*) as n from bench_variant_daily_stat where unit_id = ?").get(unitId) as { n: number }).n;

  const summaryQuery = raw.prepare(
    `select field, channel,
            ${["received", "received_online", "transfers", "e_transfers", "resolved", "early", "on_time", "late", "refused", "withdrawn"]
              .map((c) => `sum(case when date >= ? then ${c} else 0 end) as ${c}`)
              .join(",\n            ")},
            sum(received - finished) as open_at_end,
            sum(open_late_delta) as open_late
       from bench_variant_daily_stat where unit_id = ? and date <= ?
      group by field, channel`,
  );
  const v3 = async (p: Period) => {
    const grouped: Grouped = new Map();
    for (const r of summaryQuery.all(...Array<string>(10).fill(p.from), unitId, p.to) as Row[]) {
      const f = slot(grouped, `${r.field}|${r.channel}`);
      f.received = Number(r.received);
      f.receivedOnline = Number(r.received_online);
      f.transfers = Number(r.transfers);
      f.eTransfers = Number(r.e_transfers);
      f.resolved = Number(r.resolved);
      f.early = Number(r.early);
      f.onTime = Number(r.on_time);
      f.openLateAtEnd = Number(r.open_late);
      f.late = Number(r.late) + f.openLateAtEnd;
      f.openNotDue = Number(r.open_at_end) - f.openLateAtEnd;
      f.refused = Number(r.refused);
      f.withdrawn = Number(r.withdrawn);
    }
    return present(rollUp(grouped, await overdueNow()), p);
  };
  const v3Timings = new Map<string, Timing>();
  for (const [name, period] of ctx.statements) {
    check("V3", name, await v3(period));
    v3Timings.set(name, await ctx.log("V3: bench_variant_daily_stat summary table, one range scan (raw)", `V3 statement(${name})`, () => v3(period)));
  }
  const v3Plan = queryPlan(raw, summaryQuery.source, [...Array<string>(10).fill(yearPeriod.from), unitId, yearPeriod.to]);

  // Write cost of the triggers: single-row commits as the desk makes them (synchronous=FULL),
  // and a check that the trigger-kept table equals a fresh rebuild.
  const nonZero = (t: string) => `select * from ${t} where not (${COLUMNS.map((c) => `${c} = 0`).join(" and ")})`;
  const drift = () => {
    raw.exec("drop table if exists bench_variant_daily_stat_check");
    raw.exec(createSummary("bench_variant_daily_stat_check"));
    raw.exec(buildSummary("bench_variant_daily_stat_check"));
    const a = nonZero("bench_variant_daily_stat");
    const b = nonZero("bench_variant_daily_stat_check");
    return (raw.prepare(`select count(*) as n from (select * from (${a} except ${b}) union all select * from (${b} except ${a}))`).get() as { n: number }).n;
  };
  const write = writeCost(raw, unitId, TRIGGERS, drift);

  // ------------------------------------------------------------------ restore the app's schema
  raw.exec("drop trigger bench_variant_daily_stat_insert; drop trigger bench_variant_daily_stat_update; drop trigger bench_variant_daily_stat_delete");
  raw.exec("drop table bench_variant_daily_stat; drop table if exists bench_variant_daily_stat_check");
  raw.exec("drop index dossier_unit_finished_idx");
  raw.exec(original.sql);
  raw.exec("analyze dossier_unit_finished_idx");
  raw.pragma("wal_checkpoint(TRUNCATE)");

  // ------------------------------------------------------------------ report
  const line = (label: string, t: Map<string, Timing>) =>
    `    ${label.padEnd(44)} ${ctx.statements.map(([name]) => `${name.split(" (")[0]}: ${ms(t.get(name)!.median)}`).join(" · ")} ms`;
  report.push(
    mismatches === 0
      ? `  Statement medians (figures identical to getOnTimeStatement's in all ${checked} checks: every variant, every period):`
      : `  Statement medians (${mismatches} of ${checked} checks DIFFER from getOnTimeStatement: see above):`,
    line("V1 3 passes by (field, channel) + JS rollup", v1Timings),
    line("V2 V1 + finished index with due_at, split open", v2Timings),
    line("V3 bench_variant_daily_stat (one range scan)", v3Timings),
    `  V2: recreating dossier_unit_finished_idx with due_at appended took ${ms(indexMs)} ms on this data;`,
    `      the app's unchanged getOnTimeStatement(year 2025) with it: ${ms(appAfterIndex.median)} ms median (its open-at-end plan below).`,
    `      open part 1 ${ms(openPartsTimings[0]!.median)} ms, part 2 ${ms(openPartsTimings[1]!.median)} ms (part 2 reads every dossier finished after the period: cheap for the current period, not for old ones).`,
  );
  for (const [label, lines] of v2Plans) {
    report.push(`    plan — ${label}:`, ...lines.map((l) => `      ${l}`));
  }
  report.push(
    `  V3: built from 1 scan of dossier in ${ms(buildMs)} ms; ${summaryRows.toLocaleString("en")} rows (${unitSummaryRows.toLocaleString("en")} for the unit: days × field × channel × procedure).`,
    `    plan: ${v3Plan.map((l) => l.trim()).join(" / ")}`,
    `    write cost (synchronous=FULL, one commit per dossier write, median / p95 per commit):`,
    `      intake (insert dossier + event):         without triggers ${ms(write.insert[0].median)} / ${ms(write.insert[0].p95)} ms, with ${ms(write.insert[1].median)} / ${ms(write.insert[1].p95)} ms`,
    `      result ready (update dossier + event):   without triggers ${ms(write.update[0].median)} / ${ms(write.update[0].p95)} ms, with ${ms(write.update[1].median)} / ${ms(write.update[1].p95)} ms`,
    `      trigger-kept table vs a fresh rebuild: after ${write.writes} writes ${write.driftWithRows === 0 ? "identical" : `${write.driftWithRows} rows DIFFER`}, after deleting them ${write.driftAfterDelete === 0 ? "identical" : `${write.driftAfterDelete} rows DIFFER`}`,
  );
  return report;
}

interface WriteCost {
  insert: [Timing, Timing];
  update: [Timing, Timing];
  writes: number;
  /** Rows that differ between the trigger-kept table and a fresh rebuild, with the new rows, then after deleting them. */
  driftWithRows: number;
  driftAfterDelete: number;
}

/**
 * Single-row commits, as the desk makes them: an intake (insert dossier + event) and a "result
 * ready" (update dossier + event), each its own transaction, first without then with the summary
 * triggers. The inserted rows are deleted afterwards (through the triggers) to leave the data as it was.
 */
function writeCost(raw: SQLite.Database, unitId: number, triggers: string[], drift: () => number, n = 500): WriteCost {
  const template = raw.prepare("select * from dossier where unit_id = ? and finished_date is not null order by id desc limit 1").get(unitId) as Record<
    string,
    unknown
  >;
  const columns = Object.keys(template).filter((c) => c !== "id");
  const insertDossier = raw.prepare(`insert into dossier (${columns.join(", ")}) values (${columns.map((c) => `@${c}`).join(", ")})`);
  const insertEvent = raw.prepare(
    `insert into dossier_event (dossier_id, at, actor_kind, kind, from_state, to_state) values (?, ?, 'user', ?, ?, ?)`,
  );
  const finish = raw.prepare(
    `update dossier set state = 'result_ready', finished_at = ?, finished_date = ?, outcome = 'early', updated_at = ? where id = ?`,
  );
  const created: number[] = [];
  let sequence = 0;
  const intake = raw.transaction(() => {
    sequence += 1;
    const id = Number(
      insertDossier.run({
        ...template,
        code: `BENCH-WRITE-${sequence}`,
        state: "in_progress",
        finished_at: null,
        finished_date: null,
        outcome: null,
        returned_at: null,
        received_date: "2026-11-30",
        received_at: "2026-11-30T09:00:00.000Z",
      }).lastInsertRowid,
    );
    insertEvent.run(id, "2026-11-30T09:00:00.000Z", "received", null, "received");
    created.push(id);
  });
  const ready = raw.transaction((id: number) => {
    finish.run("2026-11-30T09:30:00.000Z", "2026-11-30", "2026-11-30T09:30:00.000Z", id);
    insertEvent.run(id, "2026-11-30T09:30:00.000Z", "mark_result_ready", "in_progress", "result_ready");
  });
  const measure = (label: string, fn: (i: number) => void): Timing => {
    const samples: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const started = process.hrtime.bigint();
      fn(i);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return { group: "write", label, median: percentile(samples, 50), p95: percentile(samples, 95), min: samples[0]!, max: samples.at(-1)!, runs: n };
  };
  const round = (label: string) => {
    const first = created.length;
    const ins = measure(`${label} intake`, () => intake());
    const upd = measure(`${label} result ready`, (i) => ready(created[first + i]!));
    return [ins, upd] as const;
  };
  const remove = raw.prepare("delete from dossier where id = ?");
  const removeEvents = raw.prepare("delete from dossier_event where dossier_id = ?");
  const removeCreated = () =>
    raw.transaction(() => {
      for (const id of created) removeEvents.run(id);
      for (const id of created) remove.run(id);
      created.length = 0;
    })();
  const [insertWithout, updateWithout] = round("without triggers");
  removeCreated(); // before the triggers exist: the summary never counted these rows
  for (const t of triggers) raw.exec(t);
  const [insertWith, updateWith] = round("with triggers");
  const driftWithRows = drift();
  removeCreated(); // through the delete trigger
  return { insert: [insertWithout, insertWith], update: [updateWithout, updateWith], writes: n * 2, driftWithRows, driftAfterDelete: drift() };
}
