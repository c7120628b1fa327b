/**
 * All of issue 15's speed targets in one run, each printed beside its bare baseline measured in the
 * same run, with a verdict per target and the load average. See bench/README.md.
 *
 *   npm run bench                    1,000,000 dossiers (+200,000 for a second unit); long on a loaded machine
 *   npm run bench -- --quick         20,000 dossiers, short load tests: under a minute
 *   npm run bench -- --only search   one part: register, search, csv, http (public pages, client JS, RSS, start, API writes)
 *
 * Options: --rows N (dossiers for the measured unit) · --runs N (timed runs per query, default 15; 7 with --quick)
 * · --seconds N (per load test, default 10; 3 with --quick) · --keep · --db FILE (reuse a kept database).
 * The HTTP part needs `npm run build` first (it starts `node server.js` as the e2e tests do).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { openDatabase, openSqlite } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { yearPeriod } from "../app/domain/metrics/period";
import { listOverdueDossiers, listRegisterPage, totalRegister } from "../app/models/dossier-register.server";
import { createApiClient } from "../app/models/api-clients.server";
import { registerCsvResponse } from "../app/utils/register-csv.server";
import { GENEROUS_LIMITS, startServer, type RunningServer } from "../tests/setup/e2e-server";
import { loadDataset, NOW } from "./generate";
import { argValue, hasFlag, intArg, ms, table, time, type Timing } from "./harness";

const quick = hasFlag("--quick");
const only = argValue("--only")?.split(",");
const wants = (part: string) => !only || only.includes(part);
const rows = intArg("--rows", quick ? 20_000 : 1_000_000);
const secondUnitRows = quick ? 0 : Math.round(rows * 0.2);
const options = { warmup: 3, runs: intArg("--runs", quick ? 7 : 15) };
const seconds = intArg("--seconds", quick ? 3 : 10);
const reuse = argValue("--db");
const keep = hasFlag("--keep") || reuse !== undefined;
const startedAt = performance.now();
const loadAtStart = loadavg()[0]!;

interface Verdict {
  target: string;
  figure: string;
  baseline: string;
  pass: boolean;
}
const verdicts: Verdict[] = [];
const verdict = (target: string, figure: string, baseline: string, pass: boolean) => {
  verdicts.push({ target, figure, baseline, pass });
  console.log(`  ${pass ? "PASS" : "FALLS SHORT"}  ${target}: ${figure} (baseline ${baseline})`);
};
const timed = async (label: string, fn: () => unknown): Promise<Timing> => {
  const t = await time("", label, fn, options);
  console.log(`    ${label.padEnd(60)} median ${ms(t.median).padStart(8)} ms  p95 ${ms(t.p95).padStart(8)} ms`);
  return t;
};

// ---------------------------------------------------------------------------------------------
// The dataset (register, search, CSV): the app's migrations and triggers, then generated dossiers
// ---------------------------------------------------------------------------------------------
let dir: string | undefined;
let file = reuse ?? "";
const needsData = wants("register") || wants("search") || wants("csv");
if (needsData && !reuse) {
  dir = mkdtempSync(join(tmpdir(), "motcua-bench-run-"));
  file = join(dir, "bench.sqlite");
  const db = openDatabase(file);
  await migrateToLatest(db);
  await db.destroy();
  const loader = openSqlite(file);
  loader.pragma(`cache_size = -${Math.max(262_144, Math.ceil((rows + secondUnitRows) * 1.5))}`);
  const specs = [{ code: "000.31.14.H53", name: "UBND xã Mường Sai (bench)", rows, seed: 20211231 }];
  if (secondUnitRows > 0) specs.push({ code: "000.31.15.H53", name: "UBND xã Chiềng Khương (bench)", rows: secondUnitRows, seed: 7 });
  console.log(`Loading ${specs.map((s) => s.rows.toLocaleString("en")).join(" + ")} dossiers (summary and search triggers on) …`);
  const loaded = loadDataset(loader, specs);
  loader.pragma("wal_checkpoint(TRUNCATE)");
  loader.close();
  console.log(`  loaded in ${(loaded.generateAndInsertMs / 1000).toFixed(1)} s`);
}

if (needsData) {
  const raw = openSqlite(file);
  const db = openDatabase(file); // what the app uses (no ANALYZE: the app never runs it)
  const unitId = (raw.prepare("select id from unit order by id limit 1").get() as { id: number }).id;
  const unitRows = (raw.prepare("select count(*) as n from dossier where unit_id = ?").get(unitId) as { n: number }).n;
  const base = { unitId, now: NOW };
  console.log(`\nDataset: ${unitRows.toLocaleString("en")} dossiers for unit ${unitId}; ${file}`);

  if (wants("register")) {
    console.log("\n[register] the loader's queries: page (keyset), total, the 50 most overdue");
    const loaderFor = (afterId?: number) =>
      Promise.all([
        listRegisterPage(db, { ...base, afterId, limit: 50 }),
        totalRegister(db, base),
        afterId ? Promise.resolve([]) : listOverdueDossiers(db, unitId, NOW),
      ]);
    const deepId = (raw.prepare("select id from dossier where unit_id = ? order by id limit 1 offset ?").get(unitId, Math.floor(unitRows / 10)) as { id: number }).id;
    const page1 = await timed("register page 1 (page + total + overdue first)", () => loaderFor());
    const deep = await timed("register deep page (90% down)", () => loaderFor(deepId));
    const filtered = await timed("register page 1, state filter (capped total)", () =>
      Promise.all([listRegisterPage(db, { ...base, state: "returned", limit: 50 }), totalRegister(db, { ...base, state: "returned" })]),
    );
    const barePage = raw.prepare("select * from dossier where unit_id = ? order by id desc limit 51");
    const bareCount = raw.prepare("select count(*) as n from dossier where unit_id = ?");
    const bPage = await timed("baseline: bare page SQL", () => barePage.all(unitId));
    const bCount = await timed("baseline: unit count(*)", () => bareCount.get(unitId));
    const worst = Math.max(page1.median, deep.median, filtered.median);
    verdict("register page 1 and deep page ≤ 50 ms", `page 1 ${ms(page1.median)} ms, deep ${ms(deep.median)} ms, filtered ${ms(filtered.median)} ms`, `page SQL ${ms(bPage.median)} ms, count(*) ${ms(bCount.median)} ms`, worst <= 50);
  }

  if (wants("search")) {
    console.log("\n[search] the register's search box (page + capped total)");
    const sample = raw.prepare("select code, applicant_phone, applicant_id_number from dossier where unit_id = ? and applicant_id_number is not null order by id desc limit 1 offset 5000").get(unitId) as
      | { code: string; applicant_phone: string; applicant_id_number: string }
      | undefined;
    const terms: [string, string][] = [
      ["name without accents", "nguyen van"],
      ["name with accents, upper case", "NGUYỄN VĂN"],
      ["phone", sample?.applicant_phone ?? "0912345678"],
      ["ID number", sample?.applicant_id_number ?? "014090001234"],
      ["partial code", sample ? sample.code.slice(-11) : "250616-0007"],
    ];
    let worst = 0;
    for (const [label, q] of terms) {
      const t = await timed(`search by ${label} (${q})`, () =>
        Promise.all([listRegisterPage(db, { ...base, q, limit: 50 }), totalRegister(db, { ...base, q })]),
      );
      worst = Math.max(worst, t.median);
    }
    const found = await listRegisterPage(db, { ...base, q: "nguyễn văn", limit: 50 });
    const bareLike = raw.prepare("select count(*) as n from dossier where unit_id = ? and applicant_name like ?");
    const bLike = await timed("baseline: LIKE '%Nguyễn Văn%' scan of the unit", () => bareLike.get(unitId, "%Nguyễn Văn%"));
    verdict("search by code, name (any accents/case), phone, ID ≤ 50 ms", `worst ${ms(worst)} ms; "nguyễn văn" page 1 has ${found.rows.length} rows`, `LIKE scan ${ms(bLike.median)} ms`, worst <= 50 && found.rows.length > 0);
  }

  if (wants("csv")) {
    console.log("\n[csv] the register's CSV of a year, streamed, consumed as a client would");
    const year = yearPeriod(2025);
    const half = { from: "2025-01-01", to: "2025-06-30" };
    async function download(from: string, to: string) {
      const response = registerCsvResponse(db, { ...base, from, to }, "vi");
      const reader = response.body!.getReader();
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return bytes;
        bytes += value.byteLength;
      }
    }
    const yearRows = (raw.prepare("select count(*) as n from dossier where unit_id = ? and received_date between ? and ?").get(unitId, year.from, year.to) as { n: number }).n;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const bytes = await download(year.from, year.to);
    const yearMs = performance.now() - started;
    clearInterval(sampler);
    const halfStarted = performance.now();
    await download(half.from, half.to);
    const halfMs = performance.now() - halfStarted;
    const halfRows = (raw.prepare("select count(*) as n from dossier where unit_id = ? and received_date between ? and ?").get(unitId, half.from, half.to) as { n: number }).n;
    const bare = raw.prepare("select d.*, p.name from dossier d join procedure p on p.id = d.procedure_id where d.unit_id = ? and d.received_date between ? and ? order by d.id");
    const bareStarted = performance.now();
    let n = 0;
    for (const _ of bare.iterate(unitId, year.from, year.to)) n += 1;
    const bareMs = performance.now() - bareStarted;
    const rssDelta = (peak - rssBefore) / 2 ** 20;
    const perRowYear = yearMs / yearRows;
    const perRowHalf = halfMs / halfRows;
    console.log(`    year: ${yearRows.toLocaleString("en")} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${ms(yearMs)} ms, RSS +${rssDelta.toFixed(0)} MB; half year ${halfRows.toLocaleString("en")} rows in ${ms(halfMs)} ms; bare iterate ${n} rows ${ms(bareMs)} ms`);
    const scaled = (3000 * yearRows) / 186_722;
    verdict(`CSV of a year ≤ 3 s per 186,722 rows (here ${ms(scaled)} ms for ${yearRows.toLocaleString("en")}), flat memory, linear`, `${ms(yearMs)} ms, +${rssDelta.toFixed(0)} MB, ${(perRowYear * 1000).toFixed(1)} vs ${(perRowHalf * 1000).toFixed(1)} µs/row (year vs half)`, `one statement ${ms(bareMs)} ms`, yearMs <= scaled && rssDelta < 100 && perRowYear <= perRowHalf * 1.5);
  }
  await db.destroy();
  raw.close();
}

// ---------------------------------------------------------------------------------------------
// HTTP: empty-database start, public pages against bare React SSR, client JS, RSS, API writes
// ---------------------------------------------------------------------------------------------
function readRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
async function load(url: string, extra: Partial<autocannon.Options> = {}, warm = false) {
  // A page measured warm: its first render (and the cache entry it fills) happens before the clock starts.
  if (warm) for (let i = 0; i < 3; i += 1) await (await fetch(url, { headers: { "accept-encoding": "br, gzip" } })).arrayBuffer();
  const result = await autocannon({ url, connections: 20, duration: seconds, headers: { "accept-encoding": "br, gzip" }, ...extra });
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}
/** Bytes on the wire for a GET accepting `encoding` (not decompressed). */
function wireBytes(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { "accept-encoding": encoding } }, (res) => {
      let n = 0;
      res.on("data", (c: Buffer) => (n += c.length));
      res.on("end", () => resolve(n));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The scripts a cold Chromium (fresh context, no cache) downloads for `url`: encoded body bytes as sent. */
async function clientScriptBytes(url: string): Promise<{ bytes: number; files: number; brotli: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await (await browser.newContext()).newPage();
    const sizes: Promise<number>[] = [];
    const urls: string[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      urls.push(request.url());
      sizes.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const all = await Promise.all(sizes);
    // Chromium asks for brotli over HTTPS only; the same files as a browser gets them behind TLS.
    const brotli = await Promise.all(urls.map((u) => wireBytes(u, "br")));
    return { bytes: all.reduce((a, b) => a + b, 0), files: all.length, brotli: brotli.reduce((a, b) => a + b, 0) };
  } finally {
    await browser.close();
  }
}

if (wants("http")) {
  if (!existsSync("build/server/index.js")) {
    console.log("\n[http] skipped: no build (run `npm run build` first)");
  } else {
    console.log("\n[http] the built server (node server.js, production, SQLite)");
    const env = { SEED_DEMO: "true", ...GENEROUS_LIMITS, API_LIMIT_PER_MINUTE: "1000000", NODE_OPTIONS: "--max-old-space-size=256" };
    let started = performance.now();
    let server: RunningServer = await startServer(env);
    const emptyStartMs = performance.now() - started;
    // The same database again: the start without migrations or seed, as the baseline.
    const databaseUrl = server.databaseUrl;
    const keepDir = mkdtempSync(join(tmpdir(), "motcua-bench-http-"));
    const copy = join(keepDir, "again.sqlite");
    const src = openSqlite(databaseUrl);
    await src.backup(copy);
    src.close();
    await server.stop();
    started = performance.now();
    server = await startServer({ ...env, DATABASE_URL: copy });
    const existingStartMs = performance.now() - started;
    verdict("empty-database start with the demo ≤ 3 s", `${ms(emptyStartMs)} ms`, `start on an existing database ${ms(existingStartMs)} ms`, emptyStartMs <= 3000);

    const serverPid = await findListeningPid(server.port);
    const bare = await startBare();
    let peakRss = 0;
    const rssSampler = setInterval(() => {
      if (serverPid) peakRss = Math.max(peakRss, readRssMb(serverPid));
    }, 100);
    const bareLoad = await load(`http://127.0.0.1:${bare.port}/`, {}, true);
    for (const path of ["/", "/feedback", "/transparency"]) {
      const r = await load(`http://127.0.0.1:${server.port}${path}`, {}, true);
      const share = r.rps / bareLoad.rps;
      verdict(`public page ${path} ≥ 50% of bare React SSR req/s (20 connections)`, `${r.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)}%${r.non2xx ? `, ${r.non2xx} non-2xx` : ""}`, `bare SSR ${bareLoad.rps.toFixed(0)} req/s`, share >= 0.5 && r.non2xx === 0);
    }
    clearInterval(rssSampler);
    verdict("server RSS under the 20-connection page load ≤ 300 MB", `${peakRss.toFixed(0)} MB peak${serverPid ? "" : " (pid not found)"}`, "React SSR baseline in the issue: 168 MB", serverPid > 0 && peakRss <= 300);

    // Client JS on a cold load of "/": what Chromium downloads (empty cache), compressed as sent,
    // until the page is hydrated and the network is idle (the language's catalogue chunk included).
    const js = await clientScriptBytes(`http://127.0.0.1:${server.port}/`);
    const reactDom = readFileSync("node_modules/react-dom/cjs/react-dom.production.min.js");
    verdict("client JS for / ≤ 120 KiB compressed (cold)", `${(js.bytes / 1024).toFixed(0)} KiB in ${js.files} files (gzip: Chromium over HTTP; brotli over HTTPS ${(js.brotli / 1024).toFixed(0)} KiB)`, `React DOM ${(gzipSync(reactDom).length / 1024).toFixed(0)} KiB gzip`, js.bytes <= 120 * 1024);

    // Durable API writes: POST /api/v1/dossiers with a token, against bare durable commits.
    const db = openDatabase(copy);
    const unit = await db.selectFrom("unit").select("id").orderBy("id").executeTakeFirstOrThrow();
    const { token } = await createApiClient(db, { kind: "system" }, unit.id, "bench", ["dossiers"]);
    await db.destroy();
    const body = JSON.stringify({
      procedureCode: "1.001193",
      channel: "online_full",
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      applicant: { name: "Quàng Thị Duyên", phone: "0987654321", address: "Bản Co Sâu, xã Mường Sai" },
      documents: [{ name: "Tờ khai đăng ký khai sinh" }],
    });
    const writes = await load(`http://127.0.0.1:${server.port}/api/v1/dossiers`, {
      method: "POST",
      connections: 10,
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: `http://127.0.0.1:${server.port}` },
    });
    const bareDb = openSqlite(join(keepDir, "bare.sqlite"));
    bareDb.exec("create table t (id integer primary key, v text)");
    const insert = bareDb.prepare("insert into t (v) values (?)");
    const bareStarted = performance.now();
    let commits = 0;
    while (performance.now() - bareStarted < 2000) {
      insert.run("x".repeat(200));
      commits += 1;
    }
    const commitsPerSecond = commits / ((performance.now() - bareStarted) / 1000);
    bareDb.close();
    const share = writes.rps / commitsPerSecond;
    verdict("durable API writes ≥ 25% of bare durable commits", `${writes.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)}%${writes.non2xx ? `, ${writes.non2xx} non-2xx` : ""}`, `bare commits ${commitsPerSecond.toFixed(0)}/s (synchronous=FULL)`, share >= 0.25 && writes.non2xx === 0);

    bare.child.kill("SIGTERM");
    await server.stop();
    rmSync(keepDir, { recursive: true, force: true });
  }
}

async function findListeningPid(port: number): Promise<number> {
  // The server's process: the child of this process listening on `port` (from /proc/net/tcp inodes).
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const lines = readFileSync("/proc/net/tcp", "utf8").split("\n").filter((l) => l.includes(`:${hex} `) && l.includes(" 0A "));
  const inode = lines[0]?.trim().split(/\s+/)[9];
  if (!inode) return 0;
  const { readdirSync, readlinkSync } = await import("node:fs");
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${p}/fd`)) if (readlinkSync(`/proc/${p}/fd/${fd}`) === `socket:[${inode}]`) return Number(p);
    } catch {
      // not ours to read
    }
  }
  return 0;
}

function startBare(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bench/bare-ssr.mjs"], { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout!.on("data", (c: Buffer) => {
      const m = /PORT (\d+)/.exec(c.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once("exit", (code) => reject(new Error(`bare SSR server exited ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
console.log(`\n=== Targets (issue 15) — ${rows.toLocaleString("en")} dossiers${quick ? " (--quick)" : ""}; node ${process.version}, ${cpus().length} cores, load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end ===`);
console.log(table([["target", "measured", "bare baseline, same run", "verdict"], ...verdicts.map((v) => [v.target, v.figure, v.baseline, v.pass ? "pass" : "falls short"])], false));
if (dir && !keep) rmSync(dir, { recursive: true, force: true });
else if (file) console.log(`\nDatabase kept: ${file}`);
console.log(`\nTotal run time ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
