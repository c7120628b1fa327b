/**
 * Benchmark of the on-time metrics (issues 3 and 8): loads N generated dossiers into a temporary
 * SQLite file, times the app's own metrics code beside a bare SQL baseline measured in the same
 * run, and prints the query plans. See bench/README.md.
 *
 *   npx tsx bench/metrics.ts                  1,000,000 dossiers (+200,000 for a second unit), 1.5–2 min
 *   npx tsx bench/metrics.ts --rows 100000    quick run
 *
 * Options:
 *   --rows N               dossiers for the measured unit (default 1,000,000)
 *   --second-unit-rows N   dossiers for a second unit (default 20% of --rows; 0 for none)
 *   --runs N               measured runs per query (default 15); --warmup N warm-up runs (default 3)
 *   --extra-runs N         runs for the side measurements without ANALYZE (default 5)
 *   --procedure            also time computeOnTimeFigures(…, "procedure")
 *   --variants             also try the index / query / summary-table variants (bench/variants.ts; ~+1 min)
 *   --keep                 keep the temporary database; --db FILE reuses one kept earlier (no load)
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Kysely, SqliteDialect } from "kysely";
import { openDatabase, openSqlite } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import type { Database } from "../db/schema";
import { computeOnTimeFigures } from "../app/models/metrics.server";
import { getOnTimeStatement } from "../app/models/metrics-report.server";
import { monthPeriod, quarterPeriod, yearPeriod } from "../app/domain/metrics/period";
import type { Period } from "../app/domain/metrics/on-time";
import { FIRST_DAY, LAST_DAY, loadDataset, NOW } from "./generate";
import { argValue, hasFlag, intArg, ms, queryPlan, table, time, type Timing, type TimingOptions } from "./harness";
import { runVariants } from "./variants";

const TARGET_MS = 150;
const startedAt = performance.now();
const loadAtStart = loadavg();
const rows = intArg("--rows", 1_000_000);
const secondUnitRows = intArg("--second-unit-rows", Math.round(rows * 0.2));
const options: TimingOptions = { warmup: intArg("--warmup", 3), runs: intArg("--runs", 15) };
const extraOptions: TimingOptions = { warmup: 1, runs: intArg("--extra-runs", 5) };
const reuse = argValue("--db");
const keep = hasFlag("--keep") || reuse !== undefined;
if (options.runs < 1 || extraOptions.runs < 1) throw new Error("--runs and --extra-runs must be at least 1");
if (rows < 1) throw new Error("--rows must be at least 1");
if (options.runs < 15) console.warn(`Note: ${options.runs} measured runs (fewer than 15): the figures are indicative only.`);

// ---------------------------------------------------------------------------------------------
// 1. The dataset
// ---------------------------------------------------------------------------------------------
let dir: string | undefined;
let file: string;
const facts: [string, string][] = [];
if (reuse) {
  if (!existsSync(reuse)) throw new Error(`--db ${reuse}: no such file`);
  file = reuse;
  facts.push(["load", `reused ${file} (not measured in this run)`]);
} else {
  dir = mkdtempSync(join(tmpdir(), "motcua-bench-"));
  file = join(dir, "bench.sqlite");
  const migrating = performance.now();
  const db = openDatabase(file);
  await migrateToLatest(db);
  await db.destroy();
  const migrateMs = performance.now() - migrating;

  const loader = openSqlite(file);
  // Loader connection only: a page cache larger than the file, so the one big transaction does
  // not spill pages to the WAL over and over (1.2M rows: 96 s with a 1 GB cache, ~40 s with this).
  // The timed connections keep the app's defaults.
  const totalRows = rows + secondUnitRows;
  loader.pragma(`cache_size = -${Math.max(262_144, Math.ceil(totalRows * 1.5))}`);
  const specs = [{ code: "000.31.14.H53", name: "UBND xã Mường Sai (bench)", rows, seed: 20211231 }];
  if (secondUnitRows > 0) specs.push({ code: "000.31.15.H53", name: "UBND xã Chiềng Khương (bench)", rows: secondUnitRows, seed: 7 });
  console.log(`Loading ${specs.map((s) => s.rows.toLocaleString("en")).join(" + ")} dossiers into ${file} …`);
  const loaded = loadDataset(loader, specs);
  const checkpointing = performance.now();
  loader.pragma("wal_checkpoint(TRUNCATE)");
  const checkpointMs = performance.now() - checkpointing;
  loader.close();
  facts.push(["migrate (empty file)", `${ms(migrateMs)} ms`]);
  facts.push([
    "generate + insert (one transaction, app indexes in place)",
    `${(loaded.generateAndInsertMs / 1000).toFixed(1)} s (${Math.round(loaded.totalRows / (loaded.generateAndInsertMs / 1000)).toLocaleString("en")} rows/s)`,
  ]);
  facts.push(["WAL checkpoint after load", `${ms(checkpointMs)} ms`]);
}

const raw = openSqlite(file);
// The app never runs ANALYZE, so as shipped its plans are those without statistics. Start there
// (a database reused with --db may carry statistics from an earlier run: empty them).
const statTables = raw.prepare("select name from sqlite_master where type = 'table' and name like 'sqlite_stat%'").all() as { name: string }[];
for (const { name } of statTables) raw.exec(`delete from ${name}`);
if (statTables.length > 0) raw.exec("analyze sqlite_schema"); // reloads the (now empty) statistics
const units = raw
  .prepare(
    `select u.id, u.code, count(d.id) as rows, sum(d.finished_date is null) as open
       from unit u left join dossier d on d.unit_id = u.id group by u.id order by u.id`,
  )
  .all() as { id: number; code: string; rows: number; open: number }[];
const unitA = units[0]!;
const unitB = units[1];

// The SQL the app runs, captured through a second Kysely instance with a query log.
const captured: { sql: string; parameters: readonly unknown[] }[] = [];
const capturing = new Kysely<Database>({
  dialect: new SqliteDialect({ database: openSqlite(file) }),
  log: (event) => {
    if (event.level === "query") captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  },
});
const PASS_NAMES = ["received", "finished", "open at end"];
async function appPasses(breakdown: "total" | "field" | "channel", period: Period) {
  captured.length = 0;
  await computeOnTimeFigures(capturing, unitA.id, period, breakdown);
  if (captured.length !== 3) throw new Error(`expected 3 queries from computeOnTimeFigures, saw ${captured.length}`);
  return captured.map((q, i) => ({ pass: ["received in period", "finished in period", "open at period end"][i]!, ...q }));
}
const plansOf = (passes: Awaited<ReturnType<typeof appPasses>>) =>
  passes.map((p) => ({ pass: p.pass, sql: p.sql, lines: queryPlan(raw, p.sql, p.parameters) }));

const results: Timing[] = [];
const run = async (group: string, label: string, fn: () => unknown, note?: string, opts = options) => {
  const t = await time(group, label, fn, opts, note ?? (opts === options ? undefined : `${opts.runs} runs`));
  results.push(t);
  process.stdout.write(`  ${label.padEnd(72)} median ${ms(t.median).padStart(8)} ms  p95 ${ms(t.p95).padStart(8)} ms\n`);
  return t;
};

const year = yearPeriod(2025);
const statements: [string, Period][] = [
  ["year 2025", year],
  ["quarter 2025-Q4", quarterPeriod(2025, 4)],
  ["month 2025-12", monthPeriod(2025, 12)],
  ["year 2026 (current, data to 11-30)", yearPeriod(2026)],
];

// ---------------------------------------------------------------------------------------------
// 2. Timings
// ---------------------------------------------------------------------------------------------
console.log(`\nTiming (up to ${options.warmup} warm-up runs, then ${options.runs} measured runs each) …`);

// Side measurement: as the app ships (no statistics), fewer runs because it is slow.
const plansBefore = plansOf(await appPasses("field", year));
const beforeAnalyze = new Map<string, Timing>();
{
  const dbBefore = openDatabase(file);
  for (const [name, period] of [statements[0]!, statements[3]!]) {
    beforeAnalyze.set(
      name,
      await run("no ANALYZE (as the app ships): side measurement", `getOnTimeStatement(${name})`, () =>
        getOnTimeStatement(dbBefore, unitA.id, period, NOW), undefined, extraOptions),
    );
  }
  await dbBefore.destroy();
  const open = (await appPasses("field", year))[2]!;
  const statement = raw.prepare(open.sql);
  beforeAnalyze.set(
    "pass 3",
    await run("no ANALYZE (as the app ships): side measurement", `pass 3 ${PASS_NAMES[2]} ("field", year 2025), raw`, () =>
      statement.all(...open.parameters), undefined, extraOptions),
  );
}

const analyzing = performance.now();
raw.exec("ANALYZE");
const analyzeMs = performance.now() - analyzing;
facts.push(["ANALYZE (whole database)", `${ms(analyzeMs)} ms`]);
const plansAfter = plansOf(await appPasses("field", year));

const db = openDatabase(file); // exactly what the app uses, opened after ANALYZE

// (a), (b): computeOnTimeFigures for a year, by breakdown.
const breakdowns = hasFlag("--procedure") ? (["total", "field", "channel", "procedure"] as const) : (["total", "field", "channel"] as const);
for (const breakdown of breakdowns) {
  await run(
    "computeOnTimeFigures (app, Kysely)",
    `computeOnTimeFigures(year 2025, "${breakdown}")`,
    () => computeOnTimeFigures(db, unitA.id, year, breakdown),
    breakdown === "procedure" ? "procedure_id is in no index: table lookups" : undefined,
  );
}

// (c): getOnTimeStatement, what GET /api/v1/metrics/on-time calls (total + field + channel + overdue now).
const statementTimings = new Map<string, Timing>();
for (const [name, period] of statements) {
  statementTimings.set(
    name,
    await run("getOnTimeStatement (app, Kysely) — the API; the dashboard's loader", `getOnTimeStatement(${name})`, () =>
      getOnTimeStatement(db, unitA.id, period, NOW),
    ),
  );
}
let unitBRows = 0;
if (unitB) {
  unitBRows = ((await computeOnTimeFigures(db, unitB.id, year)).get("total")?.received ?? 0);
  await run(
    "getOnTimeStatement (app, Kysely) — the API; the dashboard's loader",
    `getOnTimeStatement(year 2025), second unit (${unitB.rows.toLocaleString("en")} dossiers)`,
    () => getOnTimeStatement(db, unitB.id, year, NOW),
  );
}

// Per pass: the app's exact SQL (captured) on a raw better-sqlite3 statement, to see which dominates.
const passTimings: Timing[] = [];
for (const [i, p] of (await appPasses("field", year)).entries()) {
  const statement = raw.prepare(p.sql);
  passTimings.push(
    await run("app SQL per pass, raw better-sqlite3 (year 2025, \"field\")", `pass ${i + 1} ${PASS_NAMES[i]}`, () =>
      statement.all(...p.parameters),
    ),
  );
}

// (d): the bare SQL baseline, same rows, same run.
const bare = [unitA.id, year.from, year.to];
const baselineCount = raw.prepare("select count(*) as n from dossier where unit_id = ? and received_date between ? and ?");
const naiveGroupBy = raw.prepare(
  `select field, channel, count(*) as n, sum(outcome = 'late') as late from dossier
    where unit_id = ? and received_date between ? and ? group by field, channel`,
);
const coveredGroupBy = raw.prepare(
  `select field, channel, count(*) as n, sum(transfer_count) as transfers from dossier
    where unit_id = ? and received_date between ? and ? group by field, channel`,
);
const baselineRows = (baselineCount.get(...bare) as { n: number }).n;
const BASE = "bare SQL baseline, raw better-sqlite3 (year 2025)";
const baseline = await run(BASE, "select count(*) where unit_id = ? and received_date between ? and ?", () => baselineCount.get(...bare));
const naive = await run(BASE, "naive: … group by field, channel with sum(outcome = 'late')", () => naiveGroupBy.all(...bare),
  "outcome is not in the index: a table lookup per row");
const covered = await run(BASE, "covered: … group by field, channel with sum(transfer_count)", () => coveredGroupBy.all(...bare),
  "index-only");

// Sanity: the app counts the same rows as the baseline.
const appTotals = (await computeOnTimeFigures(db, unitA.id, year, "total")).get("total");
if (appTotals?.received !== baselineRows) throw new Error(`app received ${appTotals?.received} ≠ baseline count ${baselineRows}`);
const yearStatement = await getOnTimeStatement(db, unitA.id, year, NOW);

// ---------------------------------------------------------------------------------------------
// 3. Variants (tried on the temporary database only, then undone)
// ---------------------------------------------------------------------------------------------
const variantReport = hasFlag("--variants")
  ? await runVariants({ raw, db, unitId: unitA.id, extraOptions, statements, now: NOW, log: run })
  : undefined;

// ---------------------------------------------------------------------------------------------
// 4. Report
// ---------------------------------------------------------------------------------------------
const dbBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const sqliteVersion = (raw.prepare("select sqlite_version() as v").get() as { v: string }).v;
const cpu = cpus();
const loadAtEnd = loadavg();
const machine: [string, string][] = [
  ["node", process.version],
  ["cpu", `${cpu.length} × ${cpu[0]?.model ?? "?"}`],
  ["memory", `${(totalmem() / 2 ** 30).toFixed(0)} GiB`],
  ["load average (1 min) at start / end", `${loadAtStart[0]!.toFixed(2)} / ${loadAtEnd[0]!.toFixed(2)} (above ~0.5 on 2 cores, other work shared the CPU)`],
  ["SQLite (better-sqlite3)", sqliteVersion],
  [
    "dataset",
    `${units.map((u) => `unit ${u.id}: ${u.rows.toLocaleString("en")} dossiers (${u.open.toLocaleString("en")} open now)`).join("; ")}; received ${FIRST_DAY} … ${LAST_DAY}`,
  ],
  [
    "rows received in 2025",
    `unit 1: ${baselineRows.toLocaleString("en")}${unitB ? `; unit 2: ${unitBRows.toLocaleString("en")} (the unit filter holds)` : ""}`,
  ],
  ["database file", `${(dbBytes / 2 ** 20).toFixed(0)} MiB`],
  ...facts,
];

console.log("\n=== Machine and dataset ===");
console.log(table([["fact", "value"], ...machine], false));

console.log(`\n=== EXPLAIN QUERY PLAN of the three passes (computeOnTimeFigures(…, "field"), year 2025) ===`);
for (const [i, p] of plansAfter.entries()) {
  const before = plansBefore[i]!;
  const same = before.lines.join("\n") === p.lines.join("\n");
  console.log(`\npass ${i + 1}, ${p.pass} — ANALYZE ${same ? "does not change this plan" : "CHANGES this plan"}`);
  console.log(`  ${p.sql.replace(/\s+/g, " ")}`);
  if (!same) {
    console.log("  without ANALYZE (as the app ships):");
    for (const line of before.lines) console.log(`  ${line}`);
    console.log("  after ANALYZE:");
  }
  for (const line of p.lines) console.log(same ? line : `  ${line}`);
}

console.log("\n=== Results (ms, wall clock per call; app rows include Kysely and result mapping) ===");
let lastGroup = "";
const rowsOut: string[][] = [["query", "median", "p95", "min", "max", "× naive"]];
for (const t of results) {
  if (t.group !== lastGroup) {
    rowsOut.push([`[${t.group}]`, "", "", "", "", ""]);
    lastGroup = t.group;
  }
  rowsOut.push([`  ${t.label}${t.note ? ` (${t.note})` : ""}`, ms(t.median), ms(t.p95), ms(t.min), ms(t.max), `${(t.median / naive.median).toFixed(1)} ×`]);
}
console.log(table(rowsOut));
console.log(
  `"× naive" = median / median of the naive GROUP BY baseline (${ms(naive.median)} ms); covered GROUP BY ${ms(covered.median)} ms; count(*) ${ms(baseline.median)} ms.`,
);

console.log(`\n=== Against the target: under ${TARGET_MS} ms median with ${rows.toLocaleString("en")} dossiers ===`);
const verdict = (t: Timing) =>
  t.median <= TARGET_MS ? "meets the target" : `misses by ${ms(t.median - TARGET_MS)} ms (${(t.median / TARGET_MS).toFixed(1)} × the target)`;
for (const [name, t] of statementTimings) {
  const before = beforeAnalyze.get(name);
  console.log(
    `  getOnTimeStatement(${name}): ${ms(t.median)} ms — ${verdict(t)}${before ? `; without ANALYZE ${ms(before.median)} ms — ${verdict(before)}` : ""}`,
  );
}
const sum = passTimings.reduce((a, t) => a + t.median, 0);
console.log(
  `  One computeOnTimeFigures, per pass (year 2025, "field"): ${passTimings.map((t, i) => `${PASS_NAMES[i]} ${ms(t.median)} ms (${Math.round((100 * t.median) / sum)}%)`).join(", ")}; without ANALYZE the open-at-end pass takes ${ms(beforeAnalyze.get("pass 3")!.median)} ms.`,
);
console.log("  getOnTimeStatement reads the per-day summary (two range scans) and the overdue count; computeOnTimeFigures is the engine over the register it is checked against.");
console.log(
  `  The floor for any per-request scan of the year's ${baselineRows.toLocaleString("en")} rows is the covered GROUP BY: ${ms(covered.median)} ms per pass.`,
);
console.log(
  `  Year 2025 figures: received ${yearStatement.received}, resolved ${yearStatement.resolved}, late ${yearStatement.late} (open late at end ${yearStatement.openLateAtEnd}), refused ${yearStatement.refused}, overdue now ${yearStatement.overdueNow}.`,
);
if (variantReport) {
  console.log("\n=== Variants (temporary database only; undone afterwards; the app's migrations are unchanged) ===");
  for (const line of variantReport) console.log(line);
}

await capturing.destroy();
await db.destroy();
raw.close();
if (dir && !keep) rmSync(dir, { recursive: true, force: true });
else console.log(`\nDatabase kept: ${file} (reuse with --db ${file}; delete its folder when done)`);
console.log(`\nTotal run time ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
