import type SQLite from "better-sqlite3";
import { mulberry32 } from "../app/domain/shared/seeded-random";

/**
 * A synthetic but believable dossier history for the metrics benchmark: working days (Mon–Fri)
 * from 2021-01-01 to 2026-11-30, a channel mix moving toward online, five fields, ~3% supplements,
 * ~0.2% late, ~0.5% refused, ~0.3% withdrawn, transfers for land and social affairs, results a few
 * days after receipt, and the dossiers received in the last days before "now" (plus a few stuck
 * ones) still open. Deterministic (fixed seed), so two runs load the same rows.
 *
 * Rows go in with one better-sqlite3 prepared statement inside one transaction, with the app's
 * indexes already in place (as they would be in production).
 */

export const FIRST_DAY = "2021-01-01";
export const LAST_DAY = "2026-11-30";
/** The benchmark's "now": after office close on the last day, so that day's dossiers are still open. */
export const NOW = new Date("2026-11-30T17:30:00+07:00");

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const MINUTE = 60_000;

interface ProcedureSpec {
  code: string;
  name: string;
  field: "civil_status" | "justice" | "land_construction" | "social_affairs" | "other";
  processingDays: number;
  onlineService: "none" | "partial" | "full";
  /** Share of the desk's dossiers. */
  weight: number;
}

/** One procedure per field, weighted as at a commune desk (copy certification dominates). */
export const PROCEDURES: readonly ProcedureSpec[] = [
  { code: "2.000815", name: "Chứng thực bản sao từ bản chính", field: "justice", processingDays: 0, onlineService: "full", weight: 45 },
  { code: "1.001193", name: "Đăng ký khai sinh", field: "civil_status", processingDays: 3, onlineService: "full", weight: 30 },
  { code: "1.004227", name: "Xác nhận hợp đồng tiếp cận nguồn nước", field: "land_construction", processingDays: 10, onlineService: "partial", weight: 10 },
  { code: "1.001776", name: "Trợ cấp xã hội hằng tháng", field: "social_affairs", processingDays: 7, onlineService: "partial", weight: 10 },
  { code: "1.003622", name: "Xác nhận đơn đề nghị", field: "other", processingDays: 5, onlineService: "none", weight: 5 },
];

const ONLINE_SHARE: Record<number, number> = { 2021: 0.12, 2022: 0.24, 2023: 0.38, 2024: 0.55, 2025: 0.71, 2026: 0.83 };
const E_TRANSFER_SHARE: Record<number, number> = { 2021: 0.45, 2022: 0.6, 2023: 0.72, 2024: 0.82, 2025: 0.9, 2026: 0.95 };
const FAMILY = ["Lò", "Cầm", "Quàng", "Tòng", "Lường", "Hoàng", "Vì", "Lù", "Mè", "Nguyễn", "Đinh", "Điêu", "Hà", "Sồng"];
const GIVEN = ["Văn Thắng", "Văn Hùng", "Văn Minh", "Thị Hoa", "Thị Lan", "Thị Mai", "Văn Sơn", "Thị Duyên", "A Sử", "Thị Pằng"];
const HAMLETS = ["Nà Sài", "Phiêng Pằn", "Co Sâu", "Nà Lốc", "Huổi Hưa", "Bó Ẩn", "Nà Hường", "Pá Công"];
const DOCUMENTS_JSON = JSON.stringify([
  { name: "Tờ khai / đơn đề nghị theo mẫu", copy: "original", count: 1 },
  { name: "Giấy tờ tùy thân (xuất trình)", copy: "copy", count: 1 },
]);

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date. */
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The UTC instant of `HH:mm` (as minutes) on a Vietnamese business day. */
const instantOn = (day: number, minutesOfDay: number) => day * DAY_MS - VN_OFFSET_MS + minutesOfDay * MINUTE;
const businessDay = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

export interface UnitSpec {
  code: string;
  name: string;
  rows: number;
  seed: number;
}

export interface LoadedUnit {
  id: number;
  code: string;
  rows: number;
  open: number;
}

export interface LoadResult {
  units: LoadedUnit[];
  totalRows: number;
  generateAndInsertMs: number;
}

/** Inserts the units, their users and procedures, then every dossier, in one transaction. */
export function loadDataset(sqlite: SQLite.Database, specs: UnitSpec[]): LoadResult {
  const started = performance.now();
  const stamp = "2020-12-01T00:00:00.000Z";

  // Working days (Mon–Fri) from the first day to well past the last, for due dates.
  const first = dayNumber(FIRST_DAY);
  const last = dayNumber(LAST_DAY);
  const workingDays: number[] = [];
  const position = new Map<number, number>();
  const dateText = new Map<number, string>();
  for (let d = first; d <= last + 400; d += 1) {
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    position.set(d, workingDays.length);
    workingDays.push(d);
  }
  const text = (d: number) => {
    let t = dateText.get(d);
    if (t === undefined) {
      t = dateOf(d);
      dateText.set(d, t);
    }
    return t;
  };
  const addWorkingDays = (d: number, n: number) => workingDays[position.get(d)! + n]!;
  const receptionDays = workingDays.filter((d) => d <= last);

  const insertUnit = sqlite.prepare(
    `insert into unit (code, name, kind, province_name, is_remote_area, created_at, updated_at)
     values (?, ?, 'commune', 'tỉnh Sơn La', 1, ?, ?)`,
  );
  const insertUser = sqlite.prepare(
    `insert into user (unit_id, username, display_name, password_hash, is_disabled, must_change_password, created_at, updated_at)
     values (?, ?, 'Cán bộ một cửa', 'bench-not-a-hash', 0, 0, ?, ?)`,
  );
  const insertProcedure = sqlite.prepare(
    `insert into procedure (unit_id, code, name, search_text, field, processing_days, online_service,
       required_documents_json, result, legal_basis_json, is_active, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, '[]', 'Kết quả', '[]', 1, ?, ?)`,
  );
  const insertDossier = sqlite.prepare(
    `insert into dossier (unit_id, code, procedure_id, field, processing_days, channel, rule_set,
       applicant_name, applicant_phone, applicant_id_number, applicant_address, documents_json,
       received_at, received_date, due_at, due_date, due_rule, state, handler_user_id,
       supplement_count, transfer_count, e_transfer_count, open_transfer_count,
       apology_reason, apology_issued_at, appointment_at, finished_at, finished_date, outcome,
       returned_at, closed_reason, created_by_user_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const nowMs = NOW.getTime();
  const run = sqlite.transaction(() => {
    const units = specs.map((spec) => {
      const id = Number(insertUnit.run(spec.code, spec.name, stamp, stamp).lastInsertRowid);
      const userId = Number(insertUser.run(id, `bench-${spec.code}`, stamp, stamp).lastInsertRowid);
      const procedures = PROCEDURES.map((p) => ({
        ...p,
        id: Number(
          insertProcedure.run(id, p.code, p.name, p.name.toLowerCase(), p.field, p.processingDays, p.onlineService, stamp, stamp)
            .lastInsertRowid,
        ),
      }));
      // Rows per reception day: growth over the years, busier Mondays, quieter Fridays and Tết month;
      // cumulative rounding gives exactly `spec.rows`.
      const weights = receptionDays.map((d) => {
        const date = new Date(d * DAY_MS);
        const year = date.getUTCFullYear();
        const weekday = date.getUTCDay();
        const month = date.getUTCMonth() + 1;
        return (1 + 0.08 * (year - 2021)) * (weekday === 1 ? 1.2 : weekday === 5 ? 0.9 : 1) * (month === 2 ? 0.7 : 1);
      });
      const total = weights.reduce((a, b) => a + b, 0);
      let cumulative = 0;
      let assigned = 0;
      const perDay = weights.map((w) => {
        cumulative += w;
        const upTo = Math.round((cumulative / total) * spec.rows);
        const n = upTo - assigned;
        assigned = upTo;
        return n;
      });
      const totalWeight = PROCEDURES.reduce((a, p) => a + p.weight, 0);
      return { spec, id, userId, procedures, perDay, totalWeight, random: mulberry32(spec.seed), open: 0, rows: 0 };
    });

    // Interleave units day by day, as a shared database would receive them.
    for (let i = 0; i < receptionDays.length; i += 1) {
      const day = receptionDays[i]!;
      const date = text(day);
      const year = Number(date.slice(0, 4));
      const yymmdd = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
      const ruleSet = date >= "2025-07-01" ? "nd118-2025" : "nd61-2018";
      const onlineShare = ONLINE_SHARE[year] ?? 0.85;
      const eShare = E_TRANSFER_SHARE[year] ?? 0.95;
      for (const u of units) {
        const { random } = u;
        const count = u.perDay[i]!;
        // Receptions spread over 07:30–16:15, in time order within the day.
        const times: number[] = [];
        for (let k = 0; k < count; k += 1) times.push(450 + Math.floor(random() * 525));
        times.sort((a, b) => a - b);
        for (let k = 0; k < count; k += 1) {
          let r = random() * u.totalWeight;
          let procedure = u.procedures[u.procedures.length - 1]!;
          for (const p of u.procedures) {
            r -= p.weight;
            if (r <= 0) {
              procedure = p;
              break;
            }
          }
          const receivedMinute = times[k]!;
          const receivedMs = instantOn(day, receivedMinute);
          const online = procedure.onlineService !== "none" && random() < onlineShare;
          const channel = online
            ? procedure.onlineService === "full" && random() < 0.7
              ? "online_full"
              : "online_partial"
            : random() < 0.04
              ? "postal"
              : "direct";
          // Due date: same day (next working day after the 15:00 cut-off) or N working days, at 17:00.
          let dueDay =
            procedure.processingDays === 0
              ? receivedMinute > 900
                ? addWorkingDays(day, 1)
                : day
              : addWorkingDays(day, procedure.processingDays);
          const dueRule = procedure.processingDays === 0 ? "same_day" : "working_days";

          const roll = random();
          const refused = roll < 0.005;
          const withdrawn = roll >= 0.005 && roll < 0.008;
          const late = roll >= 0.008 && roll < 0.01;
          const stuck = roll >= 0.01 && roll < 0.0103; // never finished: open and past due
          let supplements = 0;
          if (procedure.processingDays > 0 && !refused && !withdrawn) {
            const s = random();
            // 5.5% of the dossiers with a processing time: ~3% of all dossiers.
            if (s < 0.055) supplements = 1;
            else if (s < 0.0565) supplements = 2; // more than one supplement request counts as late
          }
          let rule: string = dueRule;
          if (supplements > 0) {
            dueDay = addWorkingDays(dueDay, 1 + Math.floor(random() * 4));
            rule = "restart";
          }
          const dueMs = instantOn(dueDay, 17 * 60);

          let transfers = 0;
          let eTransfers = 0;
          if ((procedure.field === "land_construction" || procedure.field === "social_affairs") && !refused && !withdrawn && random() < 0.7) {
            transfers = 1;
            eTransfers = random() < eShare ? 1 : 0;
          }

          let finishedMs: number | null;
          if (stuck) {
            finishedMs = null;
          } else if (refused || withdrawn) {
            finishedMs = receivedMs + (30 + Math.floor(random() * 120)) * MINUTE;
          } else if (late) {
            finishedMs = instantOn(addWorkingDays(dueDay, 1 + Math.floor(random() * 2)), 600 + Math.floor(random() * 240));
          } else {
            // A working day between receipt and the due day, at a time within office hours.
            const span = position.get(dueDay)! - position.get(day)!;
            const finishDay = addWorkingDays(day, Math.floor(random() * (span + 1)));
            const earliest = finishDay === day ? receivedMinute + 10 : 450;
            const latestMinute = 1005; // 16:45
            const minute = earliest >= latestMinute ? earliest : earliest + Math.floor(random() * (latestMinute - earliest));
            finishedMs = instantOn(finishDay, minute);
            if (finishedMs > dueMs) finishedMs = dueMs - 10 * MINUTE;
          }
          if (finishedMs !== null && finishedMs > nowMs) finishedMs = null; // not finished yet at "now"

          const receivedAt = new Date(receivedMs).toISOString();
          const dueAt = new Date(dueMs).toISOString();
          let state: string;
          let finishedAt: string | null = null;
          let finishedDate: string | null = null;
          let outcome: string | null = null;
          let returnedAt: string | null = null;
          let closedReason: string | null = null;
          let apologyReason: string | null = null;
          let apologyAt: string | null = null;
          let appointmentAt: string | null = null;
          let updatedMs = receivedMs;
          if (finishedMs === null) {
            state = supplements > 0 && random() < 0.5 ? "supplement_requested" : "in_progress";
            u.open += 1;
          } else {
            finishedAt = new Date(finishedMs).toISOString();
            const finishedDay = businessDay(finishedMs);
            finishedDate = text(finishedDay);
            updatedMs = finishedMs;
            if (refused || withdrawn) {
              state = refused ? "refused" : "withdrawn";
              closedReason = refused ? "Hồ sơ không đủ điều kiện giải quyết theo quy định" : "Công dân có đơn đề nghị rút hồ sơ";
            } else {
              outcome = finishedDay < dueDay ? "early" : finishedDay === dueDay && finishedMs <= dueMs ? "on_time" : "late";
              // Returned the same day (60%) or one or two working days later; not yet if after "now".
              const returnMs =
                random() < 0.6
                  ? finishedMs + (10 + Math.floor(random() * 60)) * MINUTE
                  : instantOn(addWorkingDays(finishedDay, 1 + Math.floor(random() * 2)), 480 + Math.floor(random() * 480));
              if (returnMs <= nowMs) {
                state = "returned";
                returnedAt = new Date(returnMs).toISOString();
                updatedMs = returnMs;
              } else {
                state = "result_ready";
              }
            }
          }
          if (late || stuck) {
            apologyReason = "Hồ sơ phải xác minh thêm tại cơ quan có liên quan";
            apologyAt = new Date(instantOn(dueDay, 510)).toISOString();
            appointmentAt = new Date(instantOn(addWorkingDays(dueDay, 3), 17 * 60)).toISOString();
          }
          const sequence = k + 1;
          insertDossier.run(
            u.id,
            `${u.spec.code}-${yymmdd}-${String(sequence).padStart(4, "0")}`,
            procedure.id,
            procedure.field,
            procedure.processingDays,
            channel,
            ruleSet,
            `${FAMILY[Math.floor(random() * FAMILY.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`,
            `09${10_000_000 + Math.floor(random() * 89_999_999)}`,
            random() < 0.6 ? `0140${8 + Math.floor(random() * 2)}${1_000_000 + Math.floor(random() * 8_999_999)}` : null,
            `Bản ${HAMLETS[Math.floor(random() * HAMLETS.length)]}, tỉnh Sơn La`,
            DOCUMENTS_JSON,
            receivedAt,
            date,
            dueAt,
            text(dueDay),
            rule,
            state,
            u.userId,
            supplements,
            transfers,
            eTransfers,
            finishedMs === null ? transfers : 0,
            apologyReason,
            apologyAt,
            appointmentAt,
            finishedAt,
            finishedDate,
            outcome,
            returnedAt,
            closedReason,
            u.userId,
            receivedAt,
            new Date(updatedMs).toISOString(),
          );
          u.rows += 1;
        }
      }
    }
    return units.map((u) => ({ id: u.id, code: u.spec.code, rows: u.rows, open: u.open }));
  });
  const units = run();
  return {
    units,
    totalRows: units.reduce((a, u) => a + u.rows, 0),
    generateAndInsertMs: performance.now() - started,
  };
}
