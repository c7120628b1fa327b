import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  buildApologySlip,
  buildControlSlip,
  buildReceiptSlip,
  buildRefusalSlip,
  buildStopNotice,
  buildSupplementSlip,
  deskName,
  type DossierSlipData,
  type SlipUnit,
} from "#reports/dossier-slips";
import type { ReportDocument } from "#reports/toolkit";
import { controlSlipRows } from "~/domain/dossiers/control-slip";
import { slipRuleSetOf } from "~/domain/dossiers/rule-sets";
import { businessDateOf } from "~/utils/clock";
import { ruleSetVersionOfDossier } from "./rule-sets.server";
import type { DossierDetail } from "./dossiers.server";
import { unitAsOf } from "./units.server";

export const SLIPS = ["receipt", "supplement", "refusal", "apology", "stop", "control-slip"] as const;
export type SlipKind = (typeof SLIPS)[number];

/**
 * The unit as a slip names it on business date `date`. Every unit name on a slip comes from here:
 * the name, district and province in force on that date (unit history, issue 14).
 */
export async function slipUnitOn(db: Kysely<Database>, unitId: number, date: string): Promise<SlipUnit> {
  const unit = await unitAsOf(db, unitId, date);
  if (!unit) throw new Error(`unit ${unitId} missing`);
  return { name: unit.name, districtName: unit.district_name, provinceName: unit.province_name, address: unit.address, phone: unit.phone };
}

/** Builds a slip of the dossier, or null when the dossier has nothing to print on it. */
export async function buildDossierSlip(
  db: Kysely<Database>,
  detail: DossierDetail,
  kind: SlipKind,
  lookupUrl: string,
  issuedAt: Date,
): Promise<ReportDocument | null> {
  const { dossier: d, events } = detail;
  // The unit as named on the slip's own date (issue 14): a 2021 slip keeps its district.
  const unit = await slipUnitOn(db, d.unit_id, businessDateOf(slipDate(detail, kind)));
  const version = await ruleSetVersionOfDossier(db, d);
  const leader = await db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select("user.display_name")
    .where("user.unit_id", "=", d.unit_id)
    .where("user_role.role", "=", "leader")
    .where("user.is_disabled", "=", 0)
    .orderBy("user.id")
    .executeTakeFirst();
  const receivedBy = events.find((e) => e.kind === "received")?.actor_name ?? null;
  const staffNames = new Map(
    (await db.selectFrom("user").select(["id", "display_name"]).where("unit_id", "=", d.unit_id).execute()).map((u) => [u.id, u.display_name]),
  );
  const base: DossierSlipData = {
    ruleSet: slipRuleSetOf(version),
    unit,
    dossier: {
      code: d.code,
      procedureName: d.procedure_name,
      processingDays: d.processing_days,
      applicantName: d.applicant_name,
      applicantAddress: d.applicant_address,
      applicantPhone: d.applicant_phone,
      receivedAt: new Date(d.received_at),
      dueAt: new Date(d.due_at),
      appointmentAt: d.appointment_at ? new Date(d.appointment_at) : null,
      documents: d.documents,
      resultPlace: d.pickup_place,
      trackingBook: { volume: d.tracking_book_volume, entry: d.tracking_book_number },
    },
    officerName: receivedBy,
    leaderName: leader?.display_name ?? null,
    lookupUrl,
    issuedAt,
  };

  switch (kind) {
    case "receipt":
      return buildReceiptSlip(base);
    case "supplement": {
      const request = events.findLast((e) => e.kind === "request_supplement");
      if (!request) return null;
      const missingItems = (request.details?.missingItems as string[] | undefined) ?? [];
      return buildSupplementSlip({
        ...base,
        officerName: request.actor_name ?? receivedBy,
        supplement: { missingItems, reason: request.note ?? "", requestedAt: new Date(request.at) },
      });
    }
    case "refusal": {
      const refusal = events.findLast((e) => e.kind === "refuse");
      if (!refusal) return null;
      return buildRefusalSlip({ ...base, refusal: { reason: refusal.note ?? "", at: new Date(refusal.at) } });
    }
    case "apology": {
      if (!d.apology_issued_at || !d.appointment_at) return null;
      return buildApologySlip({
        ...base,
        apology: { reason: d.apology_reason ?? "", issuedAt: new Date(d.apology_issued_at), newAppointmentAt: new Date(d.appointment_at) },
      });
    }
    case "stop": {
      // Mẫu 05 exists from Circular 03/2025 on; a withdrawn dossier under 01/2018 has no such paper.
      const withdrawal = events.findLast((e) => e.kind === "withdraw");
      if (!withdrawal || !base.ruleSet.forms.stop) return null;
      return buildStopNotice({
        ...base,
        stop: { cause: "withdrawn", reason: withdrawal.note ?? d.closed_reason ?? "", at: new Date(withdrawal.at) },
      });
    }
    case "control-slip":
      return buildControlSlip({
        ...base,
        steps: controlSlipRows(
          events.map((e) => ({
            kind: e.kind,
            at: e.at,
            actorName: e.actor_name,
            agency: e.agency,
            dueAt: e.due_at,
            note: e.note,
            handlerName: e.kind === "assign" ? (staffNames.get(Number(e.details?.handlerUserId)) ?? null) : null,
            electronic: e.is_electronic === null ? null : e.is_electronic === 1,
            counterpartName: typeof e.details?.counterpartName === "string" ? e.details.counterpartName : null,
          })),
          // The desk as the rule set in force on the dossier's date names it: a 2025 dossier's slip
          // says "Trung tâm Phục vụ hành chính công", never the pre-2025 desk.
          { applicant: d.applicant_name, desk: deskName(base) },
        ),
      });
  }
}

/** The date a slip speaks from: the request, the refusal, the apology, else the receipt. */
function slipDate({ dossier: d, events }: DossierDetail, kind: SlipKind): Date {
  const at = (() => {
    switch (kind) {
      case "supplement":
        return events.findLast((e) => e.kind === "request_supplement")?.at;
      case "refusal":
        return events.findLast((e) => e.kind === "refuse")?.at;
      case "apology":
        return d.apology_issued_at;
      default:
        return d.received_at;
    }
  })();
  return new Date(at ?? d.received_at);
}
