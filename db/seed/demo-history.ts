import type { Insertable, Kysely } from "kysely";
import { mulberry32 } from "../../app/domain/shared/seeded-random";
import type { Database, DossierEventTable, DossierTable } from "../schema";
import { addDays, instantAt } from "../../app/domain/calendar/business-date";
import {
  classifyOutcome,
  computeDueAfterSupplement,
  computeDueAt,
} from "../../app/domain/calendar/due-date";
import type { WorkingCalendar } from "../../app/domain/calendar/working-calendar";
import type { Channel } from "../../app/domain/dossiers/channels";
import { formatDossierCode } from "../../app/domain/dossiers/dossier-code";
import type { DossierState } from "../../app/domain/dossiers/lifecycle";
import { ruleSetInForce } from "../../app/domain/dossiers/rule-sets";
import { recordAudit, SYSTEM_ACTOR } from "../../app/models/audit-log.server";
import { getDueContext } from "../../app/models/dossiers.server";
import { businessDateOf } from "../../app/utils/clock";
import { syncIdSequences } from "../sql";
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, HAMLETS } from "./demo-names";

/**
 * A believable history for the demo commune, the same every time for the same day (fixed seed):
 * 2021 exactly 4,492 dossiers, all resolved on time, as the commune reported; from 2022 on,
 * realistic volumes, a channel mix moving toward online, and a few supplements, transfers,
 * refusals, withdrawals and late dossiers (each with its apology slip).
 */
export const DEMO_HISTORY_SEED = 20211231;
const YEARLY_VOLUME: Record<number, number> = { 2021: 4492, 2022: 4610, 2023: 4705, 2024: 4820, 2025: 4760, 2026: 4850, 2027: 4900 };
const ONLINE_SHARE: Record<number, number> = { 2021: 0.12, 2022: 0.24, 2023: 0.38, 2024: 0.55, 2025: 0.71, 2026: 0.83, 2027: 0.86 };
const E_TRANSFER_SHARE: Record<number, number> = { 2021: 0.45, 2022: 0.6, 2023: 0.72, 2024: 0.82, 2025: 0.9, 2026: 0.95, 2027: 0.96 };
/**
 * The scorecard's facts (Decision 766 groups 4 and 6), drawn with a generator of their own so the rest
 * of the history stays as it was: of the dossiers with a fee, the share paid online (mostly those
 * filed online); the share of papers digitised at intake (online dossiers always are); the share of
 * results issued as an electronic copy. All grow toward the 80% targets.
 */
const SERVICE_FACTS_SEED = 766_2022;
const PAID_ONLINE_SHARE: Record<number, number> = { 2021: 0.02, 2022: 0.08, 2023: 0.2, 2024: 0.38, 2025: 0.58, 2026: 0.74, 2027: 0.8 };
const PAPERS_DIGITISED_SHARE: Record<number, number> = { 2021: 0.05, 2022: 0.15, 2023: 0.3, 2024: 0.48, 2025: 0.66, 2026: 0.8, 2027: 0.84 };
const RESULT_DIGITISED_SHARE: Record<number, number> = { 2021: 0.03, 2022: 0.1, 2023: 0.24, 2024: 0.42, 2025: 0.6, 2026: 0.76, 2027: 0.82 };

/** How often each procedure comes to the desk (copy certification dominates at a commune). */
const PROCEDURE_WEIGHTS: Record<string, number> = {
  "2.000815": 34, // chứng thực bản sao
  "2.000884": 9, // chứng thực chữ ký
  "1.001193": 10, // khai sinh
  "1.000656": 3, // khai tử
  "1.000894": 3, // kết hôn
  "2.000635": 6, // bản sao trích lục
  "1.004873": 6, // xác nhận tình trạng hôn nhân
  "2.001035": 4, // chứng thực hợp đồng
  "1.004859": 2,
  "1.001776": 3,
  "1.001731": 1,
  "1.012812": 1,
  "1.009994": 1,
};
const DEFAULT_WEIGHT = 0.4;

const AGENCIES_BEFORE_2025 = ["Chi nhánh Văn phòng đăng ký đất đai huyện Sông Mã", "Phòng Lao động – Thương binh và Xã hội huyện Sông Mã", "Phòng Tư pháp huyện Sông Mã"];
const AGENCIES_FROM_2025 = ["Chi nhánh Văn phòng đăng ký đất đai khu vực Sông Mã", "Sở Y tế tỉnh Sơn La", "Sở Tư pháp tỉnh Sơn La"];
/** Who takes a transferred dossier in at each agency and sends the result back (the control slip names them). */
export const AGENCY_OFFICERS: Record<string, string> = {
  "Chi nhánh Văn phòng đăng ký đất đai huyện Sông Mã": "Lường Văn Hùng",
  "Phòng Lao động – Thương binh và Xã hội huyện Sông Mã": "Cà Thị Nhung",
  "Phòng Tư pháp huyện Sông Mã": "Hà Văn Quyết",
  "Chi nhánh Văn phòng đăng ký đất đai khu vực Sông Mã": "Lường Văn Hùng",
  "Sở Y tế tỉnh Sơn La": "Nguyễn Thị Thu Hà",
  "Sở Tư pháp tỉnh Sơn La": "Bạc Cầm Khiêm",
};
/** The papers every demo dossier came with, as Mẫu 01 lists them: kind and count. */
const DEMO_PAPERS = JSON.stringify([
  { name: "Tờ khai / đơn đề nghị theo mẫu", copy: "original", count: 1 },
  { name: "Giấy tờ tùy thân (xuất trình)", copy: "original", count: 1 },
]);

type Random = ReturnType<typeof mulberry32>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const minutes = (n: number) => n * 60_000;
/** An instant on a business date at `HH:mm` plus whole minutes. */
const at = (date: string, time: string, plusMinutes = 0) => new Date(instantAt(date, time).getTime() + minutes(plusMinutes));

function workingDaysOfYear(calendar: WorkingCalendar, year: number, until: string): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31` && d <= until; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) days.push(d);
  }
  return days;
}

/** Spreads `count` receptions over the days, about evenly, with a little day-to-day noise. */
function receptionDays(random: Random, days: string[], count: number): string[] {
  const result: string[] = [];
  const base = Math.floor(count / days.length);
  for (const day of days) for (let i = 0; i < base; i += 1) result.push(day);
  while (result.length < count) result.push(pick(random, days));
  return result.sort();
}

type SimulatedEvent = Omit<Insertable<DossierEventTable>, "dossier_id">;

/** Issue 14: a smaller neighbour's history (a share of the volume, its own seed, received before a merger). */
export interface DemoHistoryOptions {
  seed?: number;
  volumeScale?: number;
  receivedBefore?: string;
  communeName?: string;
}

export async function seedDemoHistory(db: Kysely<Database>, unitId: number, now: Date, options: DemoHistoryOptions = {}): Promise<{ dossiers: number }> {
  const random = mulberry32(options.seed ?? DEMO_HISTORY_SEED);
  const volumeScale = options.volumeScale ?? 1;
  const communeName = options.communeName ?? "xã Mường Sai";
  const facts = mulberry32(SERVICE_FACTS_SEED);
  const context = await getDueContext(db, unitId);
  const { calendar, settings, unit } = context;
  const procedures = await db
    .selectFrom("procedure")
    .select(["id", "code", "field", "processing_days", "online_service", "fee_vnd"])
    .where("unit_id", "=", unitId)
    .where("is_active", "=", 1)
    .orderBy("code")
    .execute();
  const staff = await db
    .selectFrom("user")
    .innerJoin("user_role", "user_role.user_id", "user.id")
    .select(["user.id", "user_role.role"])
    .where("user.unit_id", "=", unitId)
    .execute();
  const officerId = staff.find((s) => s.role === "officer")?.id ?? null;
  const leaderId = staff.find((s) => s.role === "leader")?.id ?? officerId;
  const weights = procedures.map((p) => PROCEDURE_WEIGHTS[p.code] ?? DEFAULT_WEIGHT);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickProcedure = () => {
    let r = random() * totalWeight;
    for (let i = 0; i < procedures.length; i += 1) {
      r -= weights[i]!;
      if (r <= 0) return procedures[i]!;
    }
    return procedures[procedures.length - 1]!;
  };

  const today = businessDateOf(now);
  const firstId = ((await db.selectFrom("dossier").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst())?.id ?? 0) + 1;
  const dossiers: Insertable<DossierTable>[] = [];
  const events: Insertable<DossierEventTable>[] = [];
  const sequenceByDay = new Map<string, number>();
  // The tracking book: one volume a year, numbered in order of receipt (as intake numbers new dossiers).
  const bookNumberByYear = new Map<number, number>();

  for (let year = 2021; year <= Number(today.slice(0, 4)); year += 1) {
    const days = workingDaysOfYear(calendar, year, today);
    if (days.length === 0) continue;
    const fullYear = workingDaysOfYear(calendar, year, `${year}-12-31`).length;
    const volume = Math.round(volumeScale * (year === 2021 ? YEARLY_VOLUME[2021]! : ((YEARLY_VOLUME[year] ?? 4900) * days.length) / fullYear));
    const perfectYear = year === 2021;
    const yearEnd = at(`${year}-12-31`, "16:30");

    for (const day of receptionDays(random, days, volume)) {
      if (options.receivedBefore !== undefined && day >= options.receivedBefore) continue;
      const procedure = pickProcedure();
      const receivedAt = at(day, "07:30", between(random, 0, 8 * 60 + 45));
      if (receivedAt > now) continue;
      const sequence = (sequenceByDay.get(day) ?? 0) + 1;
      sequenceByDay.set(day, sequence);
      const id = firstId + dossiers.length;
      const bookNumber = (bookNumberByYear.get(year) ?? 0) + 1;
      bookNumberByYear.set(year, bookNumber);
      const online = procedure.online_service !== "none" && random() < (ONLINE_SHARE[year] ?? 0.85);
      const channel: Channel = online
        ? procedure.online_service === "full" && random() < 0.7
          ? "online_full"
          : "online_partial"
        : random() < 0.04
          ? "postal"
          : "direct";
      let due = computeDueAt({ receivedAt, processingDays: procedure.processing_days, calendar, settings });
      const female = random() < 0.5;
      const applicantName = `${pick(random, FAMILY)} ${pick(random, female ? GIVEN_FEMALE : GIVEN_MALE)}`;
      const trail: SimulatedEvent[] = [];
      const track: { state: DossierState } = { state: "received" };
      const push = (kind: string, when: Date, to: DossierState, extra: Partial<SimulatedEvent> = {}) => {
        if (when > now) return false;
        trail.push({ at: when.toISOString(), actor_kind: "user", actor_user_id: officerId, kind, from_state: track.state, to_state: to, due_at: due.dueAt.toISOString(), ...extra });
        track.state = to;
        return true;
      };
      trail.push({ at: receivedAt.toISOString(), actor_kind: "user", actor_user_id: officerId, kind: "received", from_state: null, to_state: "received", due_at: due.dueAt.toISOString() });

      const feeDue = (procedure.fee_vnd ?? 0) > 0;
      const paidOnline = feeDue && facts() < (PAID_ONLINE_SHARE[year] ?? 0.8) * (online ? 1.25 : 0.3);
      const row: Insertable<DossierTable> = {
        id,
        unit_id: unitId,
        code: formatDossierCode(unit.code, day, sequence),
        procedure_id: procedure.id,
        field: procedure.field,
        processing_days: procedure.processing_days,
        channel,
        rule_set: ruleSetInForce(day).code,
        applicant_name: applicantName,
        applicant_phone: `09${String(between(random, 10_000_000, 99_999_999))}`,
        applicant_id_number: random() < 0.6 ? `0140${female ? 9 : 8}${String(between(random, 1_000_000, 9_999_999))}`.padEnd(12, "0").slice(0, 12) : null,
        applicant_address: `Bản ${pick(random, HAMLETS)}, ${communeName}, ${year >= 2026 || (year === 2025 && day >= "2025-07-01") ? "" : "huyện Sông Mã, "}tỉnh Sơn La`,
        documents_json: DEMO_PAPERS,
        tracking_book_volume: String(year),
        tracking_book_number: String(bookNumber),
        received_at: receivedAt.toISOString(),
        received_date: day,
        due_at: due.dueAt.toISOString(),
        due_date: due.dueDate,
        due_rule: due.rule,
        state: "received",
        handler_user_id: null,
        supplement_count: 0,
        transfer_count: 0,
        e_transfer_count: 0,
        open_transfer_count: 0,
        apology_reason: null,
        apology_issued_at: null,
        appointment_at: null,
        finished_at: null,
        finished_date: null,
        outcome: null,
        returned_at: null,
        closed_reason: null,
        payment_method: !feeDue ? "none_due" : paidOnline ? "online" : facts() < 0.08 ? "bank_transfer" : "cash",
        papers_digitised: online || facts() < (PAPERS_DIGITISED_SHARE[year] ?? 0.84) ? 1 : 0,
        result_digitised: null,
        return_method: channel === "postal" ? "post" : channel === "online_full" && facts() < 0.85 ? "electronic" : "desk",
        clock_stopped_at: null,
        clock_stopped_date: null,
        created_by_user_id: officerId,
        created_at: receivedAt.toISOString(),
        updated_at: receivedAt.toISOString(),
      };

      const assignedAt = new Date(receivedAt.getTime() + minutes(between(random, 5, 40)));
      if (push("assign", assignedAt, "in_progress", { details_json: JSON.stringify({ handlerUserId: officerId }) })) {
        row.handler_user_id = officerId;
      }

      const roll = random();
      const refuse = !perfectYear && roll < 0.005;
      const withdraw = !perfectYear && roll >= 0.005 && roll < 0.008;
      const late = !perfectYear && roll >= 0.008 && roll < 0.0095 && procedure.processing_days > 0;
      let cursor = assignedAt;

      if (refuse || withdraw) {
        const when = new Date(assignedAt.getTime() + minutes(between(random, 30, 120)));
        const reason = refuse ? "Hồ sơ không đủ điều kiện giải quyết theo quy định" : "Công dân có đơn đề nghị rút hồ sơ";
        if (push(refuse ? "refuse" : "withdraw", when, refuse ? "refused" : "withdrawn", { note: reason })) {
          row.closed_reason = reason;
          row.finished_at = when.toISOString();
          row.finished_date = businessDateOf(when);
        }
      } else {
        // A supplement: the clock stops and restarts after the complete supplement arrives.
        if (procedure.processing_days > 0 && random() < 0.035) {
          const requestedAt = at(calendar.nextWorkingDay(businessDateOf(cursor)), "09:00", between(random, 0, 120));
          const completedAt = at(calendar.addWorkingDays(businessDateOf(requestedAt), between(random, 1, 4)), "08:00", between(random, 0, 300));
          // 2021 closed with every dossier resolved: no supplement that would run past the year.
          const fitsYear = !perfectYear || completedAt.getTime() < yearEnd.getTime() - minutes(24 * 60);
          if (fitsYear && push("request_supplement", requestedAt, "supplement_requested", {
            note: "Hồ sơ còn thiếu giấy tờ theo quy định",
            details_json: JSON.stringify({ missingItems: ["Bản sao giấy tờ chứng minh nơi cư trú"] }),
          })) {
            row.supplement_count = 1;
            row.clock_stopped_at = requestedAt.toISOString();
            row.clock_stopped_date = businessDateOf(requestedAt);
            const after = computeDueAfterSupplement({ receivedAt, processingDays: procedure.processing_days, originalDueDate: due.dueDate, requestedAt, completedAt, calendar, settings });
            if (completedAt <= now) {
              due = { dueAt: after.dueAt, dueDate: after.dueDate, countedFrom: after.countedFrom, rule: due.rule };
              push("receive_supplement", completedAt, "in_progress");
              row.clock_stopped_at = null;
              row.clock_stopped_date = null;
              row.due_at = after.dueAt.toISOString();
              row.due_date = after.dueDate;
              row.due_rule = after.rule;
            }
            cursor = completedAt;
          }
        }
        // Transfers to another agency for land and social affairs.
        const transfers = (procedure.field === "land_construction" || procedure.field === "social_affairs") && random() < 0.7;
        let finishAt: Date;
        if (late) {
          finishAt = at(calendar.addWorkingDays(due.dueDate, between(random, 1, 2)), "10:00", between(random, 0, 240));
        } else {
          const latest = perfectYear ? new Date(Math.min(due.dueAt.getTime(), yearEnd.getTime())) : due.dueAt;
          const span = Math.max(latest.getTime() - cursor.getTime(), minutes(20));
          finishAt = new Date(cursor.getTime() + span * (0.2 + 0.75 * random()));
          const finishDate = businessDateOf(finishAt);
          if (!calendar.isWorkingDay(finishDate) || finishAt > at(finishDate, "16:45")) {
            finishAt = new Date(Math.max(cursor.getTime() + minutes(15), at(finishDate, "16:00").getTime()));
            if (!calendar.isWorkingDay(businessDateOf(finishAt)) || finishAt > latest) finishAt = new Date(latest.getTime() - minutes(30));
          }
          if (finishAt <= cursor) finishAt = new Date(cursor.getTime() + minutes(10));
        }
        if (transfers && track.state === "in_progress") {
          const electronic = random() < (E_TRANSFER_SHARE[year] ?? 0.95);
          const sentAt = new Date(cursor.getTime() + (finishAt.getTime() - cursor.getTime()) * 0.2);
          // Districts are gone from 1 July 2025: a dossier sent on or after that day goes to a province-level agency.
          const agencies = businessDateOf(sentAt) >= "2025-07-01" ? AGENCIES_FROM_2025 : AGENCIES_BEFORE_2025;
          const agency = procedure.field === "land_construction" ? agencies[0]! : agencies[1]!;
          const backAt = new Date(cursor.getTime() + (finishAt.getTime() - cursor.getTime()) * 0.8);
          const counterpart = AGENCY_OFFICERS[agency];
          const details_json = counterpart ? JSON.stringify({ counterpartName: counterpart }) : null;
          if (push("transfer", sentAt, "in_progress", { agency, is_electronic: electronic ? 1 : 0, details_json })) {
            row.transfer_count = 1;
            row.e_transfer_count = electronic ? 1 : 0;
            row.open_transfer_count = 1;
            if (push("transfer_back", backAt, "in_progress", { agency, is_electronic: electronic ? 1 : 0, details_json })) {
              row.open_transfer_count = 0;
            }
          }
        }
        if (late) {
          // The apology goes out on the due day, before the due time, with a new appointment.
          const apologyAt = at(due.dueDate, "08:30");
          const newAppointment = at(calendar.addWorkingDays(due.dueDate, 3), settings.officeClose);
          const reason = "Hồ sơ phải xác minh thêm tại cơ quan có liên quan";
          if (push("issue_apology", apologyAt, track.state, { actor_user_id: leaderId, note: reason, details_json: JSON.stringify({ newAppointmentAt: newAppointment.toISOString() }) })) {
            row.apology_reason = reason;
            row.apology_issued_at = apologyAt.toISOString();
            row.appointment_at = newAppointment.toISOString();
          }
        }
        if (!row.open_transfer_count && track.state === "in_progress" && push("mark_result_ready", finishAt, "result_ready")) {
          row.finished_at = finishAt.toISOString();
          row.finished_date = businessDateOf(finishAt);
          row.outcome = classifyOutcome({ dueAt: new Date(row.due_at), finishedAt: finishAt });
          row.result_digitised = online || facts() < (RESULT_DIGITISED_SHARE[year] ?? 0.82) ? 1 : 0;
          const returnDay = calendar.addWorkingDays(businessDateOf(finishAt), random() < 0.6 ? 0 : between(random, 1, 2));
          const returnAt = new Date(Math.max(finishAt.getTime() + minutes(10), at(returnDay, "08:00", between(random, 0, 480)).getTime()));
          if (push("return_result", returnAt, "returned")) row.returned_at = returnAt.toISOString();
        }
      }
      row.state = track.state;
      row.updated_at = trail[trail.length - 1]!.at;
      dossiers.push(row);
      for (const e of trail) {
        events.push({ agency: null, is_electronic: null, note: null, details_json: null, ...e, dossier_id: id });
      }
    }
  }

  // About a quarter of citizens rate a returned dossier, mostly satisfied.
  const ratings: Array<{ dossier_id: number; rating: "very_satisfied" | "satisfied" | "dissatisfied"; comment: string | null; rated_at: string }> = [];
  for (const d of dossiers) {
    if (d.state !== "returned" || !d.returned_at || random() >= 0.25) continue;
    const roll = random();
    const rating = roll < 0.6 ? "very_satisfied" : roll < 0.975 || String(d.received_date).startsWith("2021") ? "satisfied" : "dissatisfied";
    ratings.push({
      dossier_id: Number(d.id),
      rating,
      comment: rating === "dissatisfied" ? "Phải chờ lâu tại quầy" : null,
      rated_at: new Date(new Date(String(d.returned_at)).getTime() + minutes(between(random, 10, 600))).toISOString(),
    });
  }

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < dossiers.length; i += 400) {
      await trx.insertInto("dossier").values(dossiers.slice(i, i + 400)).execute();
    }
    // The ids were chosen here (events refer to them); PostgreSQL's sequence must learn of them.
    await syncIdSequences(trx, ["dossier"]);
    for (let i = 0; i < events.length; i += 1500) {
      await trx.insertInto("dossier_event").values(events.slice(i, i + 1500)).execute();
    }
    for (let i = 0; i < ratings.length; i += 2000) {
      await trx.insertInto("dossier_rating").values(ratings.slice(i, i + 2000)).execute();
    }
    // One audit row for the imported history rather than one per historical step.
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      unitId,
      entityType: "dossier_history",
      entityId: unitId,
      action: "seeded",
      after: { dossiers: dossiers.length, events: events.length, ratings: ratings.length, seed: DEMO_HISTORY_SEED, until: now.toISOString() },
      at: now,
    });
  });
  return { dossiers: dossiers.length };
}
