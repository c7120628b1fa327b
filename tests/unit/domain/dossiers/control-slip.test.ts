import { describe, expect, it } from "vitest";
import { controlSlipRows, type ControlSlipEvent } from "~/domain/dossiers/control-slip";

const DESK = "Bộ phận Tiếp nhận và Trả kết quả";
const HANDLER = "Công chức chuyên môn";
const APPLICANT = "Lò Văn Pằng";
const OFFICER = "Cầm Văn Thắng";
const LEADER = "Quàng Văn Minh";
const HANDLER_NAME = "Lò Thị Hoa";
const AGENCY = "Phòng Tư pháp huyện Sông Mã";

/** Vietnam local time as an ISO instant. */
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const DUE = vn("2024-03-07T17:00:00");

function event(kind: string, local: string, extra: Partial<ControlSlipEvent> = {}): ControlSlipEvent {
  return { kind, at: vn(local), actorName: OFFICER, agency: null, dueAt: DUE, note: null, ...extra };
}

describe("controlSlipRows", () => {
  it("turns a dossier's hand-overs into the slip's rows, each judged against its step's due date", () => {
    const rows = controlSlipRows(
      [
        event("received", "2024-03-04T09:00:00"),
        event("assign", "2024-03-04T10:00:00", { actorName: LEADER, handlerName: HANDLER_NAME }),
        event("transfer", "2024-03-05T09:00:00", { actorName: HANDLER_NAME, agency: AGENCY }),
        // On the due day, after office close: still on time (judged by the day).
        event("transfer_back", "2024-03-07T17:30:00", { actorName: HANDLER_NAME, agency: AGENCY }),
        event("mark_result_ready", "2024-03-08T09:00:00"),
        event("return_result", "2024-03-08T10:00:00"),
      ],
      { applicant: APPLICANT },
    );
    expect(rows).toEqual([
      { agency: DESK, handedAt: new Date(vn("2024-03-04T09:00:00")), receivedAt: new Date(vn("2024-03-04T09:00:00")), from: APPLICANT, to: OFFICER, result: "early", note: null },
      { agency: HANDLER, handedAt: new Date(vn("2024-03-04T10:00:00")), receivedAt: new Date(vn("2024-03-04T10:00:00")), from: LEADER, to: HANDLER_NAME, result: "early", note: null },
      { agency: AGENCY, handedAt: new Date(vn("2024-03-05T09:00:00")), receivedAt: new Date(vn("2024-03-05T09:00:00")), from: HANDLER_NAME, to: AGENCY, result: "early", note: "Chuyển liên thông" },
      { agency: HANDLER, handedAt: new Date(vn("2024-03-07T17:30:00")), receivedAt: new Date(vn("2024-03-07T17:30:00")), from: AGENCY, to: HANDLER_NAME, result: "on_time", note: "Nhận kết quả liên thông" },
      { agency: DESK, handedAt: new Date(vn("2024-03-08T09:00:00")), receivedAt: new Date(vn("2024-03-08T09:00:00")), from: HANDLER_NAME, to: OFFICER, result: "late", note: "Có kết quả" },
      { agency: DESK, handedAt: new Date(vn("2024-03-08T10:00:00")), receivedAt: new Date(vn("2024-03-08T10:00:00")), from: OFFICER, to: APPLICANT, result: "late", note: "Trả kết quả" },
    ]);
  });

  it.each([
    ["the day before the due day", "2024-03-06T23:59:00", "early"],
    ["the due day, first minute", "2024-03-07T00:00:00", "on_time"],
    ["the due day, last minute", "2024-03-07T23:59:00", "on_time"],
    ["the next day, first minute", "2024-03-08T00:00:00", "late"],
  ])("judges a step on %s as %s", (_name, local, result) => {
    const [row] = controlSlipRows([event("mark_result_ready", local)], { applicant: APPLICANT });
    expect(row?.result).toBe(result);
  });

  it("judges each step against the due date in force at that step (a supplement moves it)", () => {
    const later = vn("2024-03-12T17:00:00");
    const rows = controlSlipRows(
      [event("mark_result_ready", "2024-03-11T09:00:00", { dueAt: later }), event("return_result", "2024-03-11T10:00:00", { dueAt: DUE })],
      { applicant: APPLICANT },
    );
    expect(rows.map((r) => r.result)).toEqual(["early", "late"]);
  });

  it("shows supplement and apology steps as rows without a result", () => {
    const rows = controlSlipRows(
      [
        event("received", "2024-03-04T09:00:00"),
        event("assign", "2024-03-04T10:00:00", { handlerName: HANDLER_NAME }),
        event("request_supplement", "2024-03-05T09:00:00", { note: "Thiếu giấy chứng sinh" }),
        event("receive_supplement", "2024-03-11T09:00:00"),
        event("issue_apology", "2024-03-12T08:30:00", { actorName: LEADER, note: "Cần xác minh" }),
      ],
      { applicant: APPLICANT },
    );
    expect(rows.slice(2)).toEqual([
      { agency: DESK, handedAt: new Date(vn("2024-03-05T09:00:00")), receivedAt: new Date(vn("2024-03-05T09:00:00")), from: HANDLER_NAME, to: APPLICANT, result: null, note: "Yêu cầu bổ sung: Thiếu giấy chứng sinh" },
      { agency: DESK, handedAt: new Date(vn("2024-03-11T09:00:00")), receivedAt: new Date(vn("2024-03-11T09:00:00")), from: APPLICANT, to: OFFICER, result: null, note: "Nhận hồ sơ bổ sung" },
      { agency: DESK, handedAt: new Date(vn("2024-03-12T08:30:00")), receivedAt: new Date(vn("2024-03-12T08:30:00")), from: LEADER, to: APPLICANT, result: null, note: "Phiếu xin lỗi và hẹn lại" },
    ]);
  });

  it("shows a refusal or a withdrawal with its reason and no result", () => {
    const rows = controlSlipRows(
      [event("refuse", "2024-03-05T09:00:00", { note: "Không đủ điều kiện" }), event("withdraw", "2024-03-05T10:00:00", { note: "Công dân rút" })],
      { applicant: APPLICANT },
    );
    expect(rows.map((r) => [r.from, r.to, r.result, r.note])).toEqual([
      [OFFICER, APPLICANT, null, "Không đủ điều kiện"],
      [OFFICER, APPLICANT, null, "Công dân rút"],
    ]);
  });

  it("names the desk as the unit calls it, falls back to the assigner as handler, and skips other events", () => {
    const rows = controlSlipRows(
      [
        event("received", "2024-03-04T09:00:00", { dueAt: null }),
        event("assign", "2024-03-04T10:00:00"),
        event("comment", "2024-03-04T11:00:00"),
        event("mark_result_ready", "2024-03-05T09:00:00"),
      ],
      { applicant: APPLICANT, desk: "Trung tâm Phục vụ hành chính công xã" },
    );
    expect(rows.map((r) => [r.agency, r.from, r.to, r.result])).toEqual([
      ["Trung tâm Phục vụ hành chính công xã", APPLICANT, OFFICER, null],
      [HANDLER, OFFICER, OFFICER, "early"],
      ["Trung tâm Phục vụ hành chính công xã", OFFICER, OFFICER, "early"],
    ]);
  });

  it("a later assignment hands the dossier to the new handler", () => {
    const rows = controlSlipRows(
      [
        event("assign", "2024-03-04T10:00:00", { handlerName: HANDLER_NAME }),
        event("assign", "2024-03-05T10:00:00", { handlerName: "Tòng Văn Bình" }),
        event("mark_result_ready", "2024-03-06T10:00:00"),
      ],
      { applicant: APPLICANT },
    );
    expect(rows.map((r) => r.to)).toEqual([HANDLER_NAME, "Tòng Văn Bình", OFFICER]);
    expect(rows[2]?.from).toBe("Tòng Văn Bình");
  });

  it("names the agency that sent each result back when two transfers are open at once", () => {
    const land = "Chi nhánh Văn phòng đăng ký đất đai";
    const labour = "Phòng Lao động – Thương binh và Xã hội";
    const rows = controlSlipRows(
      [
        event("assign", "2024-03-04T10:00:00", { handlerName: HANDLER_NAME }),
        event("transfer", "2024-03-04T11:00:00", { agency: land }),
        event("transfer", "2024-03-04T12:00:00", { agency: labour }),
        event("transfer_back", "2024-03-05T09:00:00", { agency: land }),
        event("transfer_back", "2024-03-06T09:00:00", { agency: labour }),
      ],
      { applicant: APPLICANT },
    );
    expect(rows.slice(3).map((r) => r.from)).toEqual([land, labour]);
  });

  it("leaves the other agency's time unrecorded on a paper transfer, and names the person there when known", () => {
    const rows = controlSlipRows(
      [
        event("assign", "2024-03-04T10:00:00", { handlerName: HANDLER_NAME }),
        event("transfer", "2024-03-04T11:00:00", { agency: AGENCY, electronic: false, counterpartName: "Tòng Thị Xuân" }),
        event("transfer_back", "2024-03-06T09:00:00", { agency: AGENCY, electronic: false }),
        event("transfer", "2024-03-06T11:00:00", { agency: AGENCY, electronic: true }),
      ],
      { applicant: APPLICANT },
    );
    expect(rows.slice(1).map((r) => [r.handedAt?.toISOString() ?? null, r.receivedAt?.toISOString() ?? null, r.from, r.to])).toEqual([
      [vn("2024-03-04T11:00:00"), null, HANDLER_NAME, "Tòng Thị Xuân"],
      [null, vn("2024-03-06T09:00:00"), AGENCY, HANDLER_NAME],
      [vn("2024-03-06T11:00:00"), vn("2024-03-06T11:00:00"), HANDLER_NAME, AGENCY],
    ]);
  });
});
