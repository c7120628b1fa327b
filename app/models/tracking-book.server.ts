import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "#db/schema";
import { buildTrackingBook, type TrackingBookRow, type TrackingBookSection } from "#reports/dossier-slips";
import { formatDateTime, type ReportDocument } from "#reports/toolkit";
import { slipRuleSetOf } from "~/domain/dossiers/rule-sets";
import { sentAndBack, trackingBookNotes } from "~/domain/dossiers/tracking-book";
import type { ProcedureField } from "~/domain/procedures/procedure";
import { slipUnitOn } from "./dossier-slips.server";
import { listRuleSetVersions } from "./rule-sets.server";

/**
 * One print of the tracking book takes at most this many dossiers: about two months of the reference
 * commune, some 170 A4 pages, drawn in a few seconds (pdfkit draws on the request's thread).
 */
export const TRACKING_BOOK_ROW_CAP = 1000;

type DossierEb = ExpressionBuilder<Database, "dossier">;

/**
 * The step columns of the tracking book, as correlated sub-queries on the event table's dossier
 * index (both engines): the first hand-over to the handler, the first transfer, the last transfer back.
 */
export function trackingStepColumns(eb: DossierEb) {
  const event = (kind: string) =>
    eb.selectFrom("dossier_event as e").whereRef("e.dossier_id", "=", "dossier.id").where("e.kind", "=", kind);
  return [
    event("assign").select((e) => e.fn.min("e.at").as("v")).as("assigned_at"),
    event("transfer").select("e.at").orderBy("e.at").orderBy("e.id").limit(1).as("transfer_at"),
    event("transfer").select("e.agency").orderBy("e.at").orderBy("e.id").limit(1).as("transfer_agency"),
    event("transfer_back").select((e) => e.fn.max("e.at").as("v")).as("transfer_back_at"),
  ] as const;
}

/**
 * The unit's name on any date, from its version history read once (a streamed export asks per row).
 * Same rule as `unitAsOf`: the version with `effective_from <= date < effective_to`, else the unit as it stands.
 */
export async function unitNamesOf(db: Kysely<Database>, unitId: number): Promise<(date: string) => string> {
  const unit = await db.selectFrom("unit").select("name").where("id", "=", unitId).executeTakeFirstOrThrow();
  const versions = await db
    .selectFrom("unit_version")
    .select(["effective_from", "effective_to", "name"])
    .where("unit_id", "=", unitId)
    .orderBy("effective_from", "desc")
    .execute();
  return (date) => versions.find((v) => v.effective_from <= date && (v.effective_to === null || v.effective_to > date))?.name ?? unit.name;
}

export interface TrackingBookQuery {
  unitId: number;
  from: string;
  to: string;
  field?: ProcedureField | undefined;
  /** The field in words, for the heading. */
  fieldName?: string | null;
  issuedAt: Date;
}

/**
 * The tracking book of a period as a PDF: one section per rule-set version in force during it (its
 * own form number, legal basis and desk name), the dossiers received in that part of the period.
 */
export async function buildTrackingBookReport(db: Kysely<Database>, q: TrackingBookQuery): Promise<ReportDocument> {
  const versions = (await listRuleSetVersions(db)).filter((v) => v.effectiveFrom <= q.to && (v.effectiveTo === null || v.effectiveTo >= q.from));
  const nameOn = await unitNamesOf(db, q.unitId);
  let total = 0;
  for (const v of versions) total += await countPart(db, q, clip(q, v));
  let left = TRACKING_BOOK_ROW_CAP;
  let lastDate = q.from;
  const sections: TrackingBookSection[] = [];
  for (const version of versions) {
    const part = clip(q, version);
    const rows = left > 0 ? await listPart(db, q, part, left) : [];
    left -= rows.length;
    if (rows.length > 0) lastDate = rows.at(-1)!.received_date;
    // Past the cap, the later books are left out rather than printed empty.
    if (rows.length === 0 && left <= 0) continue;
    sections.push({
      ruleSet: slipRuleSetOf(version),
      unit: await slipUnitOn(db, q.unitId, part.to),
      from: part.from,
      to: part.to,
      rows: rows.map((r) => toBookRow(r, nameOn)),
    });
  }
  const shown = TRACKING_BOOK_ROW_CAP - left;
  return buildTrackingBook({
    sections,
    fieldName: q.fieldName ?? null,
    from: q.from,
    to: q.to,
    truncated: total > shown ? { shown, total, lastDate } : null,
    issuedAt: q.issuedAt,
  });
}

function clip(q: TrackingBookQuery, v: { effectiveFrom: string; effectiveTo: string | null }) {
  return {
    from: v.effectiveFrom > q.from ? v.effectiveFrom : q.from,
    to: v.effectiveTo !== null && v.effectiveTo < q.to ? v.effectiveTo : q.to,
  };
}

function partQuery(db: Kysely<Database>, q: TrackingBookQuery, part: { from: string; to: string }) {
  let query = db
    .selectFrom("dossier")
    .where("dossier.unit_id", "=", q.unitId)
    .where("dossier.received_date", ">=", part.from)
    .where("dossier.received_date", "<=", part.to);
  if (q.field) query = query.where("dossier.field", "=", q.field);
  return query;
}

async function countPart(db: Kysely<Database>, q: TrackingBookQuery, part: { from: string; to: string }) {
  const row = await partQuery(db, q, part).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function listPart(db: Kysely<Database>, q: TrackingBookQuery, part: { from: string; to: string }, limit: number) {
  return partQuery(db, q, part)
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select([
      "dossier.code",
      "dossier.state",
      "dossier.outcome",
      "dossier.applicant_name",
      "dossier.applicant_address",
      "dossier.applicant_phone",
      "dossier.received_at",
      "dossier.received_date",
      "dossier.due_at",
      "dossier.appointment_at",
      "dossier.apology_issued_at",
      "dossier.finished_at",
      "dossier.returned_at",
      "dossier.closed_reason",
      "procedure.name as procedure_name",
    ])
    .select((eb) => trackingStepColumns(eb))
    .orderBy("dossier.received_at")
    .orderBy("dossier.id")
    .limit(limit)
    .execute();
}

type PartRow = Awaited<ReturnType<typeof listPart>>[number];

function toBookRow(r: PartRow, nameOn: (date: string) => string): TrackingBookRow {
  const steps = sentAndBack({
    assignedAt: r.assigned_at,
    transferAgency: r.transfer_agency,
    transferAt: r.transfer_at,
    transferBackAt: r.transfer_back_at,
    finishedAt: r.finished_at,
  });
  return {
    code: r.code,
    procedureName: r.procedure_name,
    applicantName: r.applicant_name,
    applicantAddress: r.applicant_address,
    applicantPhone: r.applicant_phone,
    leadAgency: nameOn(r.received_date),
    receivedAt: new Date(r.received_at),
    appointmentAt: new Date(r.appointment_at ?? r.due_at),
    sentTo: steps.sentTo ? { agency: steps.sentTo.agency, at: new Date(steps.sentTo.at) } : null,
    resultBackAt: steps.resultBackAt ? new Date(steps.resultBackAt) : null,
    returnedAt: r.returned_at ? new Date(r.returned_at) : null,
    notes: trackingBookNotes(
      { state: r.state, outcome: r.outcome, closedReason: r.closed_reason, apologyDueAt: r.apology_issued_at ? r.due_at : null },
      formatDateTime,
    ),
  };
}
