/**
 * Benchmark of the on-time report PDF (issue 7): a yearly report over 100,000 dossiers must render
 * in under 2 s and under 200 MB. It loads a generated dossier history into a temporary SQLite file
 * (bench/generate.ts, through the app's migrations and triggers), bundles this script the way the
 * server is built (Vite SSR build: app code bundled, packages left in node_modules), then runs each
 * version of the report in a fresh Node process: the model's queries, the builder, the finished PDF
 * and its SHA-256, as the route runs them. A fresh process per version keeps the memory figures
 * the report's own, not the loader's nor tsx's.
 *
 *   npx tsx bench/on-time-report.ts                 560,000 dossiers 2021–2026, 104,565 received in 2025 (about 45 s)
 *   npx tsx bench/on-time-report.ts --rows 150000   quick run (28,000 in 2025)
 *
 * Options:
 *   --rows N      dossiers for the unit (default 560,000)
 *   --year YYYY   the year reported (default 2025)
 *   --runs N      warm runs after the first, per version (default 5)
 *   --keep        keep the temporary database; --db FILE reuses one kept earlier (no load)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { yearPeriod } from "../app/domain/metrics/period";
import { getOnTimeReportFigures, issueOnTimeReport, toReportData } from "../app/models/on-time-report.server";
import { buildOnTimeReport } from "../reports/on-time-report";
import { toBuffer } from "../reports/toolkit";
import { loadDataset, NOW } from "./generate";
import { argValue, hasFlag, intArg, ms, percentile, table } from "./harness";

const TARGET_MS = 2000;
const TARGET_MB = 200;
const VERSIONS = ["full", "public"] as const;
type Version = (typeof VERSIONS)[number];
const year = intArg("--year", 2025);
const runs = intArg("--runs", 5);

interface RunResult {
  first: boolean;
  figuresMs: number;
  renderMs: number;
  totalMs: number;
  bytes: number;
  pages: number;
  lateRows: number;
  /** The process's peak RSS once this run is done. */
  peakRssMb: number;
}

interface ChildReport {
  version: Version;
  received: number;
  /** Peak RSS with the modules loaded and the database open, before the first report. */
  baselineRssMb: number;
  results: RunResult[];
  /** Full version only: code, render, hash and record, as the route does. */
  issueMs: number | null;
}

if (hasFlag("--child")) await child();
else await parent();

/**
 * The process's peak resident memory. Linux keeps it per address space in /proc (VmHWM), so the
 * parent's memory does not count, whereas getrusage's maxRSS survives fork and exec.
 */
function peakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall back on getrusage
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** In a fresh process: one version of the report for the year, a first run and warm runs. */
async function child() {
  const file = argValue("--db");
  const version = argValue("--version") as Version | undefined;
  if (!file || !version || !VERSIONS.includes(version)) throw new Error("--db FILE and --version full|public are required");
  const db = openDatabase(file);
  const unit = await db.selectFrom("unit").select(["id", "name"]).orderBy("id").executeTakeFirstOrThrow();
  const baselineRssMb = peakRssMb();
  const period = yearPeriod(year);
  const results: RunResult[] = [];
  let received = 0;
  for (let i = 0; i <= runs; i += 1) {
    const started = performance.now();
    const figures = await getOnTimeReportFigures(db, unit.id, period, NOW, { lateList: version === "full" });
    const queried = performance.now();
    const data = toReportData(figures, {
      unit: { name: unit.name },
      variant: version,
      issuedAt: NOW,
      issuedBy: version === "full" ? "Cán bộ một cửa" : "Công khai",
      verification: { code: "BNCH-MARK-2345", url: "https://motcua.example/verify/BNCH-MARK-2345" },
    });
    const pdf = await toBuffer(buildOnTimeReport(data));
    createHash("sha256").update(pdf).digest("hex");
    const finished = performance.now();
    received = figures.totals.received;
    results.push({
      first: i === 0,
      figuresMs: queried - started,
      renderMs: finished - queried,
      totalMs: finished - started,
      bytes: pdf.byteLength,
      pages: (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length,
      lateRows: figures.lateDossiers?.length ?? 0,
      peakRssMb: peakRssMb(),
    });
  }
  let issueMs: number | null = null;
  if (version === "full") {
    const user = await db.selectFrom("user").select(["id", "display_name"]).where("unit_id", "=", unit.id).executeTakeFirstOrThrow();
    const issuing = performance.now();
    await issueOnTimeReport(db, {
      unit,
      period,
      variant: "full",
      reader: { userId: user.id, name: user.display_name, isInspector: false },
      origin: "https://motcua.example",
      now: NOW,
    });
    issueMs = performance.now() - issuing;
  }
  await db.destroy();
  const report: ChildReport = { version, received, baselineRssMb, results, issueMs };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** This script bundled as the server is (Vite SSR build), under node_modules so its packages resolve. */
async function bundleForChild(): Promise<string> {
  const { build } = await import("vite");
  const { alias } = await import("../vite.config");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const outDir = join(root, "node_modules", ".cache", "motcua-bench");
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    resolve: { alias },
    build: {
      ssr: fileURLToPath(import.meta.url),
      outDir,
      emptyOutDir: true,
      target: "node20",
      minify: false,
      rollupOptions: { output: { format: "es", entryFileNames: "on-time-report.mjs" } },
    },
  });
  return join(outDir, "on-time-report.mjs");
}

async function parent() {
  const startedAt = performance.now();
  const loadAtStart = loadavg();
  const rows = intArg("--rows", 560_000);
  const reuse = argValue("--db");
  const keep = hasFlag("--keep") || reuse !== undefined;
  let dir: string | undefined;
  let file: string;
  const facts: [string, string][] = [];
  if (reuse) {
    if (!existsSync(reuse)) throw new Error(`--db ${reuse}: no such file`);
    file = reuse;
    facts.push(["load", `reused ${file}`]);
  } else {
    dir = mkdtempSync(join(tmpdir(), "motcua-bench-report-"));
    file = join(dir, "bench.sqlite");
    const db = openDatabase(file);
    await migrateToLatest(db);
    await db.destroy();
    const loader = new SQLite(file);
    loader.pragma("journal_mode = WAL");
    loader.pragma("foreign_keys = ON");
    // Loader connection only: a page cache larger than the file (see bench/README.md).
    loader.pragma(`cache_size = -${Math.max(262_144, Math.ceil(rows * 1.5))}`);
    console.log(`Loading ${rows.toLocaleString("en")} dossiers into ${file} …`);
    const loaded = loadDataset(loader, [{ code: "000.31.14.H53", name: "UBND xã Mường Sai (bench)", rows, seed: 20211231 }]);
    loader.pragma("wal_checkpoint(TRUNCATE)");
    loader.close();
    facts.push(["generate + insert", `${(loaded.generateAndInsertMs / 1000).toFixed(1)} s`]);
  }
  facts.push(["database file", `${(statSync(file).size / 1024 / 1024).toFixed(0)} MiB`]);

  try {
    const bundle = await bundleForChild();
    const reports: ChildReport[] = [];
    for (const version of VERSIONS) {
      console.log(`${version} version of the ${year} report in a fresh process: a first run and ${runs} warm runs …`);
      const childRun = spawnSync(
        process.execPath,
        [bundle, "--child", "--db", file, "--version", version, "--year", String(year), "--runs", String(runs)],
        { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      );
      if (childRun.status !== 0) throw new Error(`child failed (${childRun.status}):\n${childRun.stderr}`);
      reports.push(JSON.parse(childRun.stdout.trim().split("\n").at(-1) ?? "{}") as ChildReport);
    }

    const out: string[][] = [["version", "run", "queries ms", "PDF ms", "total ms", "pages", "late rows", "KiB", "peak RSS MB"]];
    for (const r of reports) {
      const first = r.results.find((x) => x.first)!;
      const warm = r.results.filter((x) => !x.first);
      const median = (pick: (x: RunResult) => number) => percentile(warm.map(pick).sort((a, b) => a - b), 50);
      const size = [String(first.pages), String(first.lateRows), (first.bytes / 1024).toFixed(0)];
      out.push([r.version, "modules loaded, db open", "", "", "", "", "", "", r.baselineRssMb.toFixed(0)]);
      out.push([r.version, "first (cold process)", ms(first.figuresMs), ms(first.renderMs), ms(first.totalMs), ...size, first.peakRssMb.toFixed(0)]);
      if (warm.length > 0) {
        out.push([r.version, `median of ${warm.length} warm`, ms(median((x) => x.figuresMs)), ms(median((x) => x.renderMs)), ms(median((x) => x.totalMs)), ...size, ""]);
        out.push([r.version, "slowest warm", "", "", ms(Math.max(...warm.map((x) => x.totalMs))), "", "", "", warm.at(-1)!.peakRssMb.toFixed(0)]);
      }
    }
    const received = reports[0]?.received ?? 0;
    const slowestFirst = Math.max(...reports.map((r) => r.results[0]!.totalMs));
    const peakAfterOne = Math.max(...reports.map((r) => r.results[0]!.peakRssMb));
    const issueMs = reports.find((r) => r.issueMs !== null)?.issueMs ?? null;

    console.log("");
    console.log(`Machine: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadAtStart.map((l) => l.toFixed(1)).join(" ")}`);
    console.log(table([["fact", "value"], ...facts]));
    console.log("");
    console.log(`Year ${year}: ${received.toLocaleString("en")} dossiers received.`);
    console.log(table(out));
    if (issueMs !== null) console.log(`\nissueOnTimeReport (full version: code, render, hash, record): ${ms(issueMs)} ms`);
    console.log(
      "Peak RSS is the process's high-water mark (VmHWM). After several reports it keeps rising because V8\n" +
        "collects lazily while the heap is far below its limit; the heap left after a collection stays the same.",
    );
    console.log("");
    console.log(
      `Verdict: first report in a cold process ${ms(slowestFirst)} ms (target < ${TARGET_MS} ms) ${slowestFirst < TARGET_MS ? "OK" : "OVER"}; ` +
        `peak RSS after one report ${peakAfterOne.toFixed(0)} MB (target < ${TARGET_MB} MB) ${peakAfterOne < TARGET_MB ? "OK" : "OVER"}; ` +
        `${received.toLocaleString("en")} dossiers in ${year}${received >= 100_000 ? "" : " (fewer than 100,000: raise --rows)"}.`,
    );
    console.log(`Total time: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  } finally {
    if (dir && !keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept ${file}`);
  }
}
