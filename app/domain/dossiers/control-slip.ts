import { classifyOutcome } from "~/domain/calendar/due-date";

/** The hand-overs a dossier went through, as rows of the process control slip (Mẫu 05/06). */
export interface ControlSlipEvent {
  kind: string;
  at: string;
  actorName: string | null;
  agency: string | null;
  dueAt: string | null;
  note: string | null;
  handlerName?: string | null;
  /** The transfer went through the electronic system (received the moment it was sent). */
  electronic?: boolean | null;
  /** The person at the other agency who took the dossier in, or sent the result back, if recorded. */
  counterpartName?: string | null;
}

export interface ControlSlipRow {
  agency: string;
  /** When the giver handed the dossier over, and when the receiver took it in; null: not recorded (written by hand). */
  handedAt: Date | null;
  receivedAt: Date | null;
  from: string | null;
  to: string | null;
  result: "early" | "on_time" | "late" | null;
  note: string | null;
}

const DESK = "Bộ phận Tiếp nhận và Trả kết quả";
const HANDLER = "Công chức chuyên môn";

/**
 * One row per hand-over: the desk receives from the citizen, passes to the handler, the handler
 * transfers to and gets back from another agency, returns the result to the desk, the desk returns
 * it to the citizen. Each row is judged against the due date in force at that step.
 */
export function controlSlipRows(
  events: readonly ControlSlipEvent[],
  names: { applicant: string; desk?: string },
): ControlSlipRow[] {
  const desk = names.desk ?? DESK;
  let handler: string | null = null;
  let agencyHolding: string | null = null;
  const rows: ControlSlipRow[] = [];
  for (const e of events) {
    const at = new Date(e.at);
    // A step recorded in the system is handed over and taken in at the same moment, except a paper
    // transfer: the other agency's receipt (or its sending of the result) is not in the system.
    const both = { handedAt: at, receivedAt: at };
    const result = e.dueAt ? classifyOutcome({ dueAt: new Date(e.dueAt), finishedAt: at }) : null;
    switch (e.kind) {
      case "received":
        rows.push({ agency: desk, ...both, from: names.applicant, to: e.actorName, result, note: null });
        break;
      case "assign":
        handler = e.handlerName ?? e.actorName;
        rows.push({ agency: HANDLER, ...both, from: e.actorName, to: handler, result, note: null });
        break;
      case "transfer":
        agencyHolding = e.agency;
        rows.push({
          agency: e.agency ?? "",
          handedAt: at,
          receivedAt: e.electronic === false ? null : at,
          from: handler,
          to: e.counterpartName?.trim() || e.agency,
          result,
          note: e.electronic === false ? "Chuyển liên thông (hồ sơ giấy)" : "Chuyển liên thông",
        });
        break;
      case "transfer_back":
        rows.push({
          agency: HANDLER,
          handedAt: e.electronic === false ? null : at,
          receivedAt: at,
          from: e.counterpartName?.trim() || (e.agency ?? agencyHolding),
          to: handler,
          result,
          note: "Nhận kết quả liên thông",
        });
        agencyHolding = null;
        break;
      case "request_supplement":
        rows.push({ agency: desk, ...both, from: handler, to: names.applicant, result: null, note: `Yêu cầu bổ sung: ${e.note ?? ""}`.trim() });
        break;
      case "receive_supplement":
        rows.push({ agency: desk, ...both, from: names.applicant, to: e.actorName, result: null, note: "Nhận hồ sơ bổ sung" });
        break;
      case "issue_apology":
        rows.push({ agency: desk, ...both, from: e.actorName, to: names.applicant, result: null, note: "Phiếu xin lỗi và hẹn lại" });
        break;
      case "mark_result_ready":
        rows.push({ agency: desk, ...both, from: handler, to: e.actorName, result, note: "Có kết quả" });
        break;
      case "return_result":
        rows.push({ agency: desk, ...both, from: e.actorName, to: names.applicant, result, note: "Trả kết quả" });
        break;
      case "refuse":
      case "withdraw":
        rows.push({ agency: desk, ...both, from: e.actorName, to: names.applicant, result: null, note: e.note });
        break;
    }
  }
  return rows;
}
