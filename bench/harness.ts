import type SQLite from "better-sqlite3";

/** Small helpers shared by the benchmark scripts: timing, percentiles, plans and tables. */

export interface Timing {
  label: string;
  group: string;
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  note?: string;
}

export interface TimingOptions {
  warmup: number;
  runs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed one by one (wall clock, ms). */
export async function time(
  group: string,
  label: string,
  fn: () => unknown,
  options: TimingOptions,
  note?: string,
): Promise<Timing> {
  // Warm-up: `warmup` runs, but stop after ~2 s so slow queries do not eat the time budget (at least one).
  const warmupStarted = performance.now();
  for (let i = 0; i < options.warmup && (i === 0 || performance.now() - warmupStarted < 2000); i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return {
    group,
    label,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: samples[0]!,
    max: samples[samples.length - 1]!,
    runs: samples.length,
    note,
  };
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** `EXPLAIN QUERY PLAN` as an indented tree, as the sqlite3 shell prints it. */
export function queryPlan(sqlite: SQLite.Database, sql: string, parameters: readonly unknown[]): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as PlanRow[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${"  ".repeat(d)}${r.detail}`;
  });
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "—");

/** A plain text table: the first row is the header; numeric-looking cells are right-aligned. */
export function table(rows: string[][], alignNumbers = true): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const numeric = /^[\d.,—×+-]+( ms| ×)?$/;
  const line = (r: string[]) =>
    r.map((cell, c) => (alignNumbers && numeric.test(cell) && c > 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const prefixed = process.argv.find((a) => a.startsWith(`${name}=`));
  return prefixed?.slice(name.length + 1);
}

export function intArg(name: string, fallback: number): number {
  const raw = argValue(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} expects a whole number, got "${raw}"`);
  return value;
}

export const hasFlag = (name: string) => process.argv.includes(name);
