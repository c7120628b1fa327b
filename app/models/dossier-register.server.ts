import { sql, type Kysely } from "kysely";
import { businessDateOf } from "~/utils/clock";
import type { Database } from "#db/schema";
import type { RegisterFilter } from "~/domain/dossiers/register-filter";
import { makePeriod } from "~/domain/metrics/period";
import { containsText } from "#db/sql";

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
  if (q.q) {
    query = query.where(containsText(db, sql.ref("dossier.code"), q.q));
  }
  if (q.outcome && q.judgedFrom && q.judgedTo) {
    const { from, to, endInstant } = makePeriod(q.judgedFrom, q.judgedTo);
    // The same predicates as the on-time engine's SQL passes (metrics.server.ts).
    const resolvedIn = sql<boolean>`(dossier.finished_date between ${from} and ${to} and dossier.outcome is not null)`;
    const lateFinishedIn = sql<boolean>`(dossier.finished_date between ${from} and ${to}
      and (dossier.outcome = 'late' or (dossier.outcome is not null and dossier.supplement_count > 1)))`;
    const openLateAtEnd = sql<boolean>`((dossier.finished_date is null or dossier.finished_date > ${to})
      and (dossier.supplement_count > 1 or dossier.due_at < ${endInstant}))`;
    query = query.where("dossier.received_date", "<=", to);
    if (q.outcome === "resolved") query = query.where(resolvedIn);
    if (q.outcome === "late") query = query.where(sql<boolean>`(${lateFinishedIn} or ${openLateAtEnd})`);
    if (q.outcome === "judged") query = query.where(sql<boolean>`(${resolvedIn} or ${openLateAtEnd})`);
  }
  if (q.overdue) {
    query = query
      .where("dossier.state", "in", ["received", "in_progress"])
      .where("dossier.due_date", "<", businessDateOf(q.now));
  }
  return query;
}

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
  let query = filtered(db, q).select(columns);
  if (q.afterId !== undefined) query = query.where("dossier.id", "<", q.afterId);
  const rows = await query.orderBy("dossier.id", "desc").limit(q.limit + 1).execute();
  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  return { rows: page, nextAfterId: hasMore ? page[page.length - 1]!.id : null };
}

export async function countRegister(db: Kysely<Database>, q: Omit<RegisterQuery, "afterId" | "limit">) {
  const row = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOverdueDossiers(db: Kysely<Database>, unitId: number, now: Date) {
  return db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select(columns)
    .where("dossier.unit_id", "=", unitId)
    .where("dossier.state", "in", ["received", "in_progress"])
    .where("dossier.due_date", "<", businessDateOf(now))
    .orderBy("dossier.due_at")
    .limit(500)
    .execute();
}

/** Every filtered row, oldest first, for the CSV tracking book. */
export async function* streamRegister(db: Kysely<Database>, q: Omit<RegisterQuery, "afterId" | "limit">) {
  let afterId = 0;
  for (;;) {
    const rows = await filtered(db, q)
      .select(columns)
      .where("dossier.id", ">", afterId)
      .orderBy("dossier.id")
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    yield* rows;
    afterId = rows[rows.length - 1]!.id;
  }
}

