import { sql, type Kysely } from "kysely";
import { businessDateOf } from "~/utils/clock";
import type { Database } from "#db/schema";
import type { RegisterFilter } from "~/domain/dossiers/register-filter";
import { makePeriod, measurePeriod } from "~/domain/metrics/period";
import { lateFinishedIn, lateWhileOpen, openAtJudgement, resolvedIn } from "./metrics.server";
import { dossierOrderKey, searchDossiers, streamRows } from "#db/sql";
import { trackingStepColumns } from "./tracking-book.server";

export interface RegisterQuery extends Omit<RegisterFilter, "after"> {
  unitId: number;
  /** Keyset cursor: the id of the last row of the previous page (ids grow with intake order). */
  afterId?: number | undefined;
  limit: number;
  now: Date;
}

function filtered(db: Kysely<Database>, q: Omit<RegisterQuery, "afterId" | "limit">) {
  let query = db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .where("dossier.unit_id", "=", q.unitId);
  if (q.from) query = query.where("dossier.received_date", ">=", q.from);
  if (q.to) query = query.where("dossier.received_date", "<=", q.to);
  if (q.field) query = query.where("dossier.field", "=", q.field);
  if (q.procedure) query = query.where("procedure.code", "=", q.procedure);
  if (q.state) query = query.where("dossier.state", "=", q.state);
  if (q.channel) query = query.where("dossier.channel", "=", q.channel);
  if (q.q) query = searchDossiers(db, query, q.q);
  if (q.outcome && q.judgedFrom && q.judgedTo) {
    // Measured as every figure is (judged at min(end, now)), with the engine's own predicates.
    const { period, status } = measurePeriod(makePeriod(q.judgedFrom, q.judgedTo), q.now);
    const openLate = sql<boolean>`(${openAtJudgement(period)} and ${lateWhileOpen(period)})`;
    query = query.where("dossier.received_date", "<=", period.to);
    if (status === "future") query = query.where(sql<boolean>`1 = 0`);
    if (q.outcome === "resolved") query = query.where(resolvedIn(period));
    if (q.outcome === "late") query = query.where(sql<boolean>`(${lateFinishedIn(period)} or ${openLate})`);
    if (q.outcome === "judged") query = query.where(sql<boolean>`(${resolvedIn(period)} or ${openLate})`);
  }
  if (q.overdue) {
    query = query
      .where("dossier.state", "in", OVERDUE_NOW_STATES)
      .where("dossier.due_date", "<", businessDateOf(q.now));
  }
  return query;
}

/**
 * "Overdue now", as the dashboard's link and the register filter count it: still being handled and
 * due before today (a dossier waiting for a supplement has its clock stopped). The worklist uses it too.
 */
export const OVERDUE_NOW_STATES = ["received", "in_progress"] as const;

const columns = [
  "dossier.id",
  "dossier.code",
  "dossier.state",
  "dossier.channel",
  "dossier.field",
  "dossier.applicant_name",
  "dossier.applicant_phone",
  "dossier.applicant_address",
  "dossier.received_at",
  "dossier.due_at",
  "dossier.due_date",
  "dossier.appointment_at",
  "dossier.finished_at",
  "dossier.returned_at",
  "dossier.outcome",
  "dossier.transfer_count",
  "dossier.closed_reason",
  "procedure.code as procedure_code",
  "procedure.name as procedure_name",
] as const;

/**
 * One page of the register, newest first, by keyset on the id (no OFFSET scan).
 * Open dossiers already past due are listed separately, first, by `listOverdueDossiers`.
 */
export async function listRegisterPage(db: Kysely<Database>, q: RegisterQuery) {
  const key = sql.ref<number>(dossierOrderKey(db, q.q));
  let query = filtered(db, q).select(columns);
  if (q.afterId !== undefined) query = query.where(key, "<", q.afterId);
  const rows = await query.orderBy(key, "desc").limit(q.limit + 1).execute();
  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  return { rows: page, nextAfterId: hasMore ? page[page.length - 1]!.id : null };
}

/** Past this many rows a filtered register says "more than N" instead of counting them all. */
export const REGISTER_COUNT_CAP = 1000;

export interface RegisterTotal {
  count: number;
  /** True when `count` is the cap and there are more. */
  more: boolean;
}

/**
 * The register's total without a scan per page: filters the per-day summary answers (period, field,
 * channel) are summed from it, exactly; any other filter counts at most `REGISTER_COUNT_CAP` + 1 rows.
 */
export async function totalRegister(
  db: Kysely<Database>,
  q: Omit<RegisterQuery, "afterId" | "limit">,
  options: { firstPage?: boolean } = {},
): Promise<RegisterTotal> {
  // A dashboard click-through (a judged period's outcome) shows on its first page the exact number,
  // which equals the figure clicked: one count when it opens (over that period only), not one per page.
  if (q.outcome && options.firstPage) return { count: await countRegister(db, q), more: false };
  if (!q.procedure && !q.state && !q.q && !q.outcome && !q.overdue) {
    let summary = db
      .selectFrom("dossier_daily_stat")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("received"), sql<number>`0`).as("n"))
      .where("unit_id", "=", q.unitId);
    if (q.from) summary = summary.where("date", ">=", q.from);
    if (q.to) summary = summary.where("date", "<=", q.to);
    if (q.field) summary = summary.where("field", "=", q.field);
    if (q.channel) summary = summary.where("channel", "=", q.channel);
    const row = await summary.executeTakeFirstOrThrow();
    return { count: Number(row.n), more: false };
  }
  const capped = filtered(db, q).select("dossier.id").limit(REGISTER_COUNT_CAP + 1);
  const row = await db
    .selectFrom(capped.as("capped"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > REGISTER_COUNT_CAP ? { count: REGISTER_COUNT_CAP, more: true } : { count: n, more: false };
}

/** The exact number of rows the filters select (a scan: tests and exports only, never per page). */
export async function countRegister(db: Kysely<Database>, q: Omit<RegisterQuery, "afterId" | "limit">) {
  const row = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many of the most overdue dossiers the register lists above its first page. */
export const OVERDUE_FIRST_LIMIT = 50;

export async function listOverdueDossiers(db: Kysely<Database>, unitId: number, now: Date, limit = OVERDUE_FIRST_LIMIT) {
  return db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select(columns)
    .where("dossier.unit_id", "=", unitId)
    .where("dossier.state", "in", ["received", "in_progress"])
    .where("dossier.due_date", "<", businessDateOf(now))
    .orderBy("dossier.due_at")
    .limit(limit)
    .execute();
}

/**
 * Every filtered row, oldest first, for the CSV tracking book, with the book's step columns (handed
 * over, transferred, back from the agency): one statement read as it goes
 * (better-sqlite3 `iterate()`, a pg cursor on PostgreSQL), so memory stays flat and time linear.
 * (Keyset pages of 1,000 re-read and re-sorted the filtered rows per page: quadratic over a year.)
 */
export function streamRegister(db: Kysely<Database>, q: Omit<RegisterQuery, "afterId" | "limit">) {
  return streamRows(
    db,
    filtered(db, q)
      .select(columns)
      .select("dossier.received_date")
      .select((eb) => trackingStepColumns(eb))
      .orderBy(sql.ref(dossierOrderKey(db, q.q))),
  );
}
