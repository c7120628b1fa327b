import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { summariseNonconformities, type NcStatistics } from "~/domain/nonconformities/statistics";
import { isRepeat } from "~/domain/nonconformities/workflow";
import { PROCEDURE_FIELDS, type ProcedureField } from "~/domain/procedures/procedure";
import { businessDateOf } from "~/utils/clock";
import { listDocuments, listOverdueReviews } from "./documents.server";

/*
 * What the inspectors' portal reads: the year's audit programme, its management reviews, the
 * document register's counts and the year's nonconformity statistics. Codes, titles, staff names
 * and counts only: nothing here carries a citizen's data.
 */

const parseCodes = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

const isField = (value: string): value is ProcedureField => (PROCEDURE_FIELDS as readonly string[]).includes(value);

/** The year's internal audits in planned order, with their team and scope (processes with their titles, fields). */
export async function listAuditProgramme(db: Kysely<Database>, unitId: number, year: number) {
  const audits = await db
    .selectFrom("internal_audit")
    .select(["id", "code", "title", "planned_start_date", "planned_end_date", "scope_processes_json", "scope_fields_json", "state", "approved_at"])
    .where("unit_id", "=", unitId)
    .where("year", "=", year)
    .orderBy("planned_start_date")
    .orderBy("code")
    .execute();
  if (audits.length === 0) return [];
  const [members, documents] = await Promise.all([
    db
      .selectFrom("internal_audit_member")
      .innerJoin("user", "user.id", "internal_audit_member.user_id")
      .select(["internal_audit_member.audit_id", "internal_audit_member.role", "user.display_name"])
      .where("internal_audit_member.audit_id", "in", audits.map((a) => a.id))
      .orderBy("internal_audit_member.role", "desc")
      .orderBy("user.display_name")
      .execute(),
    db.selectFrom("document").select(["code", "title"]).where("unit_id", "=", unitId).execute(),
  ]);
  const titles = new Map(documents.map((d) => [d.code, d.title]));
  return audits.map((a) => ({
    code: a.code,
    title: a.title,
    plannedStart: a.planned_start_date,
    plannedEnd: a.planned_end_date,
    state: a.state,
    processes: parseCodes(a.scope_processes_json).map((code) => ({ code, title: titles.get(code) ?? null })),
    fields: parseCodes(a.scope_fields_json).filter(isField),
    // Lead first ("lead" sorts after "auditor", hence descending).
    team: members.filter((m) => m.audit_id === a.id).map((m) => ({ name: m.display_name, role: m.role })),
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
