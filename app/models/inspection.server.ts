import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { summariseNonconformities, type NcStatistics } from "~/domain/nonconformities/statistics";
import { isRepeat } from "~/domain/nonconformities/workflow";
import { PROCEDURE_FIELDS, type ProcedureField } from "~/domain/procedures/procedure";
import { businessDateOf } from "~/utils/clock";
import { listAudits } from "./audits.server";
import { listDocuments, listOverdueReviews, listProcessDocuments } from "./documents.server";

/*
 * What the inspectors' portal reads: the year's audit programme, its management reviews, the
 * document register's counts and the year's nonconformity statistics. Codes, titles, staff names
 * and counts only: nothing here carries a citizen's data.
 */

const isField = (value: string): value is ProcedureField => (PROCEDURE_FIELDS as readonly string[]).includes(value);

/** The year's internal audits in planned order, with their team (lead first) and scope (processes with their titles, fields). */
export async function listAuditProgramme(db: Kysely<Database>, unitId: number, year: number) {
  const [{ audits }, processes] = await Promise.all([listAudits(db, unitId, year), listProcessDocuments(db, unitId)]);
  const titles = new Map(processes.map((d) => [d.code, d.title]));
  return audits.map((a) => ({
    code: a.code,
    title: a.title,
    plannedStart: a.startDate,
    plannedEnd: a.endDate,
    state: a.state,
    processes: a.processes.map((code) => ({ code, title: titles.get(code) ?? null })),
    fields: a.fields.filter(isField),
    team: a.team,
  }));
}

/** The management reviews met in the year, with the period each reviewed. */
export async function listYearManagementReviews(db: Kysely<Database>, unitId: number, year: number) {
  const rows = await db
    .selectFrom("management_review")
    .innerJoin("user", "user.id", "management_review.chair_user_id")
    .select([
      "management_review.code",
      "management_review.period_from",
      "management_review.period_to",
      "management_review.meeting_date",
      "management_review.state",
      "user.display_name as chair_name",
    ])
    .where("management_review.unit_id", "=", unitId)
    .where("management_review.meeting_date", ">=", `${year}-01-01`)
    .where("management_review.meeting_date", "<=", `${year}-12-31`)
    .orderBy("management_review.meeting_date")
    .orderBy("management_review.code")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    meetingDate: r.meeting_date,
    state: r.state,
    chairName: r.chair_name,
  }));
}

/** The document register's counts, as its own filters define them (effective; review overdue; review due within 30 days). */
export async function countDocumentRegister(db: Kysely<Database>, unitId: number, today: string) {
  const [effective, overdue, soon] = await Promise.all([
    listDocuments(db, unitId, { state: "effective" }, today),
    listOverdueReviews(db, unitId, today),
    listDocuments(db, unitId, { review: "soon" }, today),
  ]);
  return { effective: effective.length, reviewOverdue: overdue.length, reviewSoon: soon.length };
}

/**
 * Nonconformities found in the year (by the business date found; merged duplicates left out, as in
 * the register), summarised; repeats judged against all of the unit's, as the register does.
 */
export async function getNonconformityStatistics(db: Kysely<Database>, unitId: number, year: number, today: string): Promise<NcStatistics> {
  const all = await db
    .selectFrom("nonconformity")
    .select(["id", "source", "grade", "state", "process", "iso_clause", "found_at", "closed_at"])
    .where("unit_id", "=", unitId)
    .where("merged_into_id", "is", null)
    .execute();
  const history = all.map((n) => ({ id: n.id, process: n.process, isoClause: n.iso_clause, foundAt: n.found_at }));
  const ofYear = all.filter((n) => businessDateOf(new Date(n.found_at)).startsWith(`${year}-`));
  const actions = ofYear.length
    ? await db
        .selectFrom("corrective_action")
        .select(["status", "due_date"])
        .where("nonconformity_id", "in", ofYear.map((n) => n.id))
        .execute()
    : [];
  return summariseNonconformities(
    ofYear.map((n) => ({
      source: n.source,
      grade: n.grade,
      state: n.state,
      foundDate: businessDateOf(new Date(n.found_at)),
      closedDate: n.closed_at ? businessDateOf(new Date(n.closed_at)) : null,
      repeat: isRepeat({ id: n.id, process: n.process, isoClause: n.iso_clause, foundAt: n.found_at }, history),
    })),
    actions.map((a) => ({ status: a.status, dueDate: a.due_date })),
    today,
  );
}

/** Everything the portal shows for a year. */
export async function getInspectionPortal(db: Kysely<Database>, unitId: number, year: number, today: string) {
  const [audits, reviews, documents, nonconformities] = await Promise.all([
    listAuditProgramme(db, unitId, year),
    listYearManagementReviews(db, unitId, year),
    countDocumentRegister(db, unitId, today),
    getNonconformityStatistics(db, unitId, year, today),
  ]);
  return { audits, reviews, documents, nonconformities };
}

export type InspectionPortal = Awaited<ReturnType<typeof getInspectionPortal>>;
