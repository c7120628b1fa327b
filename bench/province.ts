/**
 * Province-scale benchmark (issue 14): N communes and M dossiers over five years, loaded in bulk in one
 * transaction on SQLite (bench/generate.ts, through the app's migrations and summary triggers), then
 * copied to a fresh PostgreSQL database with db:copy's own function; on each engine, in the same run,
 * the province dashboard, one commune's dashboard, register page 1 and the yearly on-time PDF are
 * timed beside a bare query on the same engine. See bench/README.md.
 *
 *   npm run bench:province                 200 communes, 1,000,000 dossiers
 *   npm run bench:province -- --quick      20 communes, 40,000 dossiers
 *   options: --communes N --dossiers N --runs N --pg URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres) --no-pg
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openDatabase, openSqlite, type Db } from "../db/client";
import { copySqliteToPostgres } from "../db/copy";
import { migrateToLatest } from "../db/migrate";
import { yearPeriod } from "../app/domain/metrics/period";
import { getDashboard } from "../app/models/dashboard.server";
import { listRegisterPage } from "../app/models/dossier-register.server";
import { getOnTimeReportFigures, toReportData } from "../app/models/on-time-report.server";
import { getProvinceComparison } from "../app/models/province.server";
import { buildOnTimeReport } from "../reports/on-time-report";
import { toBuffer } from "../reports/toolkit";
import { loadDataset, NOW, type UnitSpec } from "./generate";
import { argValue, hasFlag, intArg, ms, table, time, type Timing, type TimingOptions } from "./harness";

const quick = hasFlag("--quick");
const communes = intArg("--communes", quick ? 20 : 200);
const dossiers = intArg("--dossiers", quick ? 40_000 : 1_000_000);
const options: TimingOptions = { warmup: 1, runs: intArg("--runs", quick ? 5 : 7) };
const pgAdmin = argValue("--pg") ?? "postgres://postgres@127.0.0.1:5432/postgres";
const withPg = !hasFlag("--no-pg");
const YEAR = 2025;
const period = yearPeriod(YEAR);

const dir = mkdtempSync(join(tmpdir(), "motcua-bench-province-"));
const file = join(dir, "province.sqlite");
const pgName = `motcua_bench_province_${process.pid}`;
const psql = (statement: string) =>
  execFileSync("psql", ["--no-psqlrc", "-q", "-v", "ON_ERROR_STOP=1", "-d", pgAdmin, "-c", statement], { stdio: ["ignore", "ignore", "pipe"] });

try {
  console.log(`motcua-qms province benchmark: ${communes} communes, ${dossiers.toLocaleString("en")} dossiers (${quick ? "quick" : "full"})`);
  console.log(`node ${process.version}, ${cpus().length} cores, load average at start ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const migrating = openDatabase(file);
  await migrateToLatest(migrating);
  await migrating.destroy();
  const sqlite = openSqlite(file);
  sqlite.pragma("cache_size = -400000");
  const specs: UnitSpec[] = Array.from({ length: communes }, (_, i) => ({
    code: `000.${String(i + 1).padStart(3, "0")}.00.H53`,
    name: `UBND xã Thử ${String(i + 1).padStart(3, "0")}`,
    // Uneven communes, as a province's are: from half to one and a half times the mean.
    rows: Math.round((dossiers / communes) * (0.5 + ((i * 37) % communes) / communes)),
    seed: 1000 + i,
  }));
  const scale = dossiers / specs.reduce((n, s) => n + s.rows, 0);
  for (const s of specs) s.rows = Math.max(1, Math.round(s.rows * scale));
  const loaded = loadDataset(sqlite, specs);
  const stamp = NOW.toISOString();
  const province = sqlite
    .prepare(`insert into unit (code, name, kind, province_name, is_remote_area, created_at, updated_at) values ('000.00.00.H53', 'UBND tỉnh Sơn La', 'province', 'tỉnh Sơn La', 1, ?, ?) returning id`)
    .get(stamp, stamp) as { id: number };
  sqlite.prepare("update unit set parent_id = ? where id <> ?").run(province.id, province.id);
  sqlite.exec("analyze");
  sqlite.close();
  console.log(`loaded ${loaded.totalRows.toLocaleString("en")} dossiers in ${ms(loaded.generateAndInsertMs)} ms (one transaction, summary kept by the triggers)`);

  const engines: Array<{ name: string; url: string }> = [{ name: "SQLite", url: file }];
  if (withPg) {
    psql(`drop database if exists "${pgName}" with (force)`);
    psql(`create database "${pgName}" template template0 encoding 'UTF8' locale 'C.UTF-8'`);
    const url = new URL(pgAdmin);
    url.pathname = `/${pgName}`;
    const started = performance.now();
    await copySqliteToPostgres(file, url.toString());
    console.log(`copied to PostgreSQL (db:copy) in ${ms(performance.now() - started)} ms`);
    engines.push({ name: "PostgreSQL", url: url.toString() });
  }

  const results: Array<{ engine: string; timing: Timing }> = [];
  for (const engine of engines) {
    const db: Db = openDatabase(engine.url);
    if (engine.name === "PostgreSQL") await sql`analyze`.execute(db);
    const unit = loaded.units[0]!;
    const all = loaded.units.map((u) => u.id);
    const add = async (label: string, fn: () => unknown, note?: string) => results.push({ engine: engine.name, timing: await time(engine.name, label, fn, options, note) });
    await add(`province dashboard, ${YEAR} (${communes} communes)`, () => getProvinceComparison(db, province.id, period, NOW));
    await add(`  bare: count(*) … group by unit_id, ${YEAR}`, () =>
      db.selectFrom("dossier").select(["unit_id", (eb) => eb.fn.countAll().as("n")]).where("unit_id", "in", all).where("received_date", ">=", period.from).where("received_date", "<=", period.to).groupBy("unit_id").execute(),
    );
    await add(`one commune's dashboard, ${YEAR}`, () => getDashboard(db, unit.id, period, NOW));
    await add(`  bare: count(*) of the commune, ${YEAR}`, () =>
      db.selectFrom("dossier").select((eb) => eb.fn.countAll().as("n")).where("unit_id", "=", unit.id).where("received_date", ">=", period.from).where("received_date", "<=", period.to).execute(),
    );
    await add("register page 1 (50 rows)", () => listRegisterPage(db, { unitId: unit.id, limit: 50, now: NOW }));
    await add("  bare: 50 newest rows of the commune", () => db.selectFrom("dossier").select(["id", "code"]).where("unit_id", "=", unit.id).orderBy("id", "desc").limit(50).execute());
    await add(`yearly on-time PDF, ${YEAR} (figures + render)`, async () => {
      const figures = await getOnTimeReportFigures(db, unit.id, period, NOW, { lateList: true });
      const data = toReportData(figures, {
        unit: { name: "UBND xã Thử 001" },
        variant: "full",
        issuedAt: NOW,
        issuedBy: "Cán bộ một cửa",
        verification: { code: "BNCH-MARK-2345", url: "https://motcua.example/verify/BNCH-MARK-2345" },
      });
      return toBuffer(buildOnTimeReport(data));
    });
    await add("  bare: late dossiers of the commune, year", () =>
      db.selectFrom("dossier").select(["code"]).where("unit_id", "=", unit.id).where("outcome", "=", "late").where("finished_date", ">=", period.from).where("finished_date", "<=", period.to).execute(),
    );
    await db.destroy();
  }

  console.log(`\nmedian / p95 in ms, ${options.runs} runs after ${options.warmup} warm-up`);
  console.log(table([["engine", "query", "median", "p95"], ...results.map((r) => [r.engine, r.timing.label, ms(r.timing.median), ms(r.timing.p95)])]));
  console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  if (withPg) {
    try {
      psql(`drop database if exists "${pgName}" with (force)`);
    } catch {
      // the server may be down: nothing to drop
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
