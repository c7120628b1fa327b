/**
 * Benchmark of the quality dashboard's loader (issue 8): loads N generated dossiers into a temporary
 * SQLite file (through the app's migrations, so the dossier_daily_stat triggers keep the summary as
 * the rows go in), times what the dashboard's loader runs for a year, and prints it beside a bare
 * SQL baseline measured in the same run. See bench/README.md.
 *
 *   npx tsx bench/dashboard.ts                  1,000,000 dossiers (+200,000 for a second unit)
 *   npx tsx bench/dashboard.ts --rows 100000    quick run
 *
 * Options:
 *   --rows N               dossiers for the measured unit (default 1,000,000)
 *   --second-unit-rows N   dossiers for a second unit (default 20% of --rows; 0 for none)
 *   --runs N               measured runs per query (default 15); --warmup N warm-up runs (default 3)
 *   --keep                 keep the temporary database; --db FILE reuses one kept earlier (no load)
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { openDatabase, openSqlite } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { resolvePeriod } from "../app/domain/metrics/dashboard";
import type { Period } from "../app/domain/metrics/on-time";
import { monthPeriod, quarterPeriod, yearPeriod } from "../app/domain/metrics/period";
import { getDashboard, getTransparency, resolveDashboardUnit } from "../app/models/dashboard.server";
import { getServiceIndex } from "../app/models/service-index.server";
import { computeTotals } from "../app/models/metrics.server";
import { businessDateOf } from "../app/utils/clock";
import { FIRST_DAY, LAST_DAY, loadDataset, NOW } from "./generate";
import { argValue, hasFlag, intArg, ms, queryPlan, table, time, type Timing, type TimingOptions } from "./harness";

const TARGET_MS = 150;
/** Issue 12: the Decision 766 scorecard for a year within 3 × the bare count(*) of the same rows. */
const SCORECARD_RATIO = 3;
const startedAt = performance.now();
const loadAtStart = loadavg();
const rows = intArg("--rows", 1_000_000);
const secondUnitRows = intArg("--second-unit-rows", Math.round(rows * 0.2));
const options: TimingOptions = { warmup: intArg("--warmup", 3), runs: intArg("--runs", 15) };
const reuse = argValue("--db");
const keep = hasFlag("--keep") || reuse !== undefined;
if (options.runs < 1) throw new Error("--runs must be at least 1");
if (rows < 1) throw new Error("--rows must be at least 1");
if (options.runs < 15) console.warn(`Note: ${options.runs} measured runs (fewer than 15): the figures are indicative only.`);

// ---------------------------------------------------------------------------------------------
// 1. The dataset: the app's schema (migrations, triggers included), then generated dossiers
// ---------------------------------------------------------------------------------------------
let dir: string | undefined;
let file: string;
const facts: [string, string][] = [];
if (reuse) {
  if (!existsSync(reuse)) throw new Error(`--db ${reuse}: no such file`);
  file = reuse;
  facts.push(["load", `reused ${file} (not measured in this run)`]);
} else {
  dir = mkdtempSync(join(tmpdir(), "motcua-bench-dashboard-"));
  file = join(dir, "bench.sqlite");
  const db = openDatabase(file);
  await migrateToLatest(db);
  await db.destroy();
  const loader = openSqlite(file);
  // Loader connection only: a page cache larger than the file, so the one big transaction does not
  // spill to the WAL again and again (as bench/metrics.ts does). Timed connections keep the defaults.
  loader.pragma(`cache_size = -${Math.max(262_144, Math.ceil((rows + secondUnitRows) * 1.5))}`);
  const specs = [{ code: "000.31.14.H53", name: "UBND xã Mường Sai (bench)", rows, seed: 20211231 }];
  if (secondUnitRows > 0) specs.push({ code: "000.31.15.H53", name: "UBND xã Chiềng Khương (bench)", rows: secondUnitRows, seed: 7 });
  console.log(`Loading ${specs.map((s) => s.rows.toLocaleString("en")).join(" + ")} dossiers into ${file} (summary triggers on) …`);
  const loaded = loadDataset(loader, specs);
  loader.pragma("wal_checkpoint(TRUNCATE)");
  loader.close();
  facts.push([
    "generate + insert (one transaction, app indexes and summary triggers in place)",
    `${(loaded.generateAndInsertMs / 1000).toFixed(1)} s (${Math.round(loaded.totalRows / (loaded.generateAndInsertMs / 1000)).toLocaleString("en")} rows/s)`,
  ]);
}

const raw = openSqlite(file);
const units = raw
  .prepare("select u.id, u.code from unit u order by u.id")
  .all() as { id: number; code: string }[];
const unitA = units[0]!;
const unitB = units[1];
const count = (sql: string, ...params: unknown[]) => (raw.prepare(sql).get(...params) as { n: number }).n;
const unitRows = count("select count(*) as n from dossier where unit_id = ?", unitA.id);
const summaryRows = count("select count(*) as n from dossier_daily_stat where unit_id = ?", unitA.id);

// ---------------------------------------------------------------------------------------------
// 2. Timings: what the dashboard's loader runs, and a bare SQL baseline, in the same run
// ---------------------------------------------------------------------------------------------
const db = openDatabase(file); // exactly what the app uses (no ANALYZE: the app never runs it)
const today = businessDateOf(NOW);
const year = yearPeriod(2025);

/** The loader's work after authentication: the unit, the period, then getDashboard. */
async function dashboardLoader(unitId: number, period: Period) {
  const { unit } = await resolveDashboardUnit(db, unitId, undefined);
  return getDashboard(db, unit.id, period, NOW);
}

const results: Timing[] = [];
const run = async (group: string, label: string, fn: () => unknown) => {
  const t = await time(group, label, fn, options);
  results.push(t);
  process.stdout.write(`  ${label.padEnd(64)} median ${ms(t.median).padStart(8)} ms  p95 ${ms(t.p95).padStart(8)} ms\n`);
  return t;
};

console.log(`\nTiming (up to ${options.warmup} warm-up runs, then ${options.runs} measured runs each) …`);
const LOADER = "dashboard loader (getDashboard, app code through Kysely)";
const loaderYear = await run(LOADER, "year 2025", () => dashboardLoader(unitA.id, year));
await run(LOADER, "quarter 2025-Q4", () => dashboardLoader(unitA.id, quarterPeriod(2025, 4)));
await run(LOADER, "month 2025-12", () => dashboardLoader(unitA.id, monthPeriod(2025, 12)));
const current = resolvePeriod({}, today).period;
await run(LOADER, `current year to date (${current.from} … ${current.to})`, () => dashboardLoader(unitA.id, current));
if (unitB) await run(LOADER, "year 2025, second unit", () => dashboardLoader(unitB.id, year));
const publicYear = await run("public page (getTransparency)", "year 2025", () => getTransparency(db, unitA.id, year, NOW));
const scorecardYear = await run("Decision 766 scorecard (getServiceIndex, with its monthly trend)", "year 2025", () => getServiceIndex(db, unitA.id, year, NOW, "vi"));

const BASE = "bare SQL baseline, raw better-sqlite3 (year 2025)";
const bareCount = raw.prepare("select count(*) as n from dossier where unit_id = ? and received_date between ? and ?");
const baseline = await run(BASE, "select count(*) where unit_id = ? and received_date between ? and ?", () =>
  bareCount.get(unitA.id, year.from, year.to),
);
const naiveMonthly = raw.prepare(
  `select substr(received_date, 1, 7) as month, channel, count(*) as n from dossier
    where unit_id = ? and received_date between ? and ? group by month, channel`,
);
const naive = await run(BASE, "naive scan: received per month × channel (group by, covered index)", () =>
  naiveMonthly.all(unitA.id, year.from, year.to),
);

// ---------------------------------------------------------------------------------------------
// 3. Checks: the dashboard's year (from the summary) equals the engine's over the register, and the baseline's count
// ---------------------------------------------------------------------------------------------
const dashboard = await dashboardLoader(unitA.id, year);
const engineStarted = performance.now();
const engine = await computeTotals(db, unitA.id, year, NOW);
const engineMs = performance.now() - engineStarted;
const baselineRows = (bareCount.get(unitA.id, year.from, year.to) as { n: number }).n;
const keys = ["received", "receivedOnline", "resolved", "early", "onTime", "late", "openLateAtEnd", "openNotDue", "overdueAtEnd", "refused", "withdrawn", "transfers", "eTransfers"] as const;
const mismatches = keys.filter((k) => dashboard.totals[k] !== engine[k]);
if (dashboard.totals.received !== baselineRows) mismatches.push("received");
const summaryPlan = queryPlan(
  raw,
  `select substr(date, 1, 7) as month, field, channel, sum(received) from dossier_daily_stat
    where unit_id = ? and date >= ? and date <= ? group by month, field, channel`,
  [unitA.id, year.from, year.to],
);

// ---------------------------------------------------------------------------------------------
// 4. Report
// ---------------------------------------------------------------------------------------------
const dbBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const cpu = cpus();
const loadAtEnd = loadavg();
console.log("\n=== Machine and dataset ===");
console.log(
  table(
    [
      ["fact", "value"],
      ["node", process.version],
      ["cpu", `${cpu.length} × ${cpu[0]?.model ?? "?"}`],
      ["memory", `${(totalmem() / 2 ** 30).toFixed(0)} GiB`],
      ["load average (1 min) at start / end", `${loadAtStart[0]!.toFixed(2)} / ${loadAtEnd[0]!.toFixed(2)}`],
      ["SQLite (better-sqlite3)", (raw.prepare("select sqlite_version() as v").get() as { v: string }).v],
      ["dataset", `unit ${unitA.id}: ${unitRows.toLocaleString("en")} dossiers${unitB ? ` (+ unit ${unitB.id})` : ""}, received ${FIRST_DAY} … ${LAST_DAY}`],
      ["received in 2025 (unit 1)", baselineRows.toLocaleString("en")],
      ["dossier_daily_stat rows for unit 1", `${summaryRows.toLocaleString("en")} (day × field × channel)`],
      ["database file", `${(dbBytes / 2 ** 20).toFixed(0)} MiB`],
      ...facts,
    ],
    false,
  ),
);
console.log("\n=== Plan of the summary read (year 2025) ===");
for (const line of summaryPlan) console.log(line);

console.log("\n=== Results (ms, wall clock per call) ===");
let lastGroup = "";
const out: string[][] = [["query", "median", "p95", "min", "max", "× count(*)"]];
for (const t of results) {
  if (t.group !== lastGroup) {
    out.push([`[${t.group}]`, "", "", "", "", ""]);
    lastGroup = t.group;
  }
  out.push([`  ${t.label}`, ms(t.median), ms(t.p95), ms(t.min), ms(t.max), `${(t.median / baseline.median).toFixed(1)} ×`]);
}
console.log(table(out));

console.log(`\n=== Against the target: dashboard loader under ${TARGET_MS} ms median with ${unitRows.toLocaleString("en")} dossiers ===`);
console.log(
  `  dashboard loader, year 2025: ${ms(loaderYear.median)} ms median — ${loaderYear.median <= TARGET_MS ? "meets the target" : `MISSES the target by ${ms(loaderYear.median - TARGET_MS)} ms`}` +
    `; bare count(*) baseline ${ms(baseline.median)} ms, naive monthly scan ${ms(naive.median)} ms, public page ${ms(publicYear.median)} ms.`,
);
const scorecardRatio = scorecardYear.median / baseline.median;
console.log(
  `  Decision 766 scorecard, year 2025: ${ms(scorecardYear.median)} ms median = ${scorecardRatio.toFixed(1)} × the bare count(*) (${ms(baseline.median)} ms) — ` +
    (scorecardRatio <= SCORECARD_RATIO ? `within the ${SCORECARD_RATIO} × target` : `FALLS SHORT of the ${SCORECARD_RATIO} × target`) +
    ` (load average ${loadavg()[0]!.toFixed(2)}).`,
);
console.log(
  mismatches.length === 0
    ? `  Year 2025 figures equal the engine's over the register (computeOnTimeFigures, ${ms(engineMs)} ms) and the baseline's count: received ${dashboard.totals.received}, resolved ${dashboard.totals.resolved}, late ${dashboard.totals.late}.`
    : `  MISMATCH with the engine in: ${mismatches.join(", ")}`,
);

await db.destroy();
raw.close();
if (dir && !keep) rmSync(dir, { recursive: true, force: true });
else console.log(`\nDatabase kept: ${file} (reuse with --db ${file}; delete its folder when done)`);
console.log(`\nTotal run time ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
if (mismatches.length > 0) process.exitCode = 1;
