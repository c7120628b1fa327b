import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_UNIT } from "#db/seed/demo";
import { computeDueAt } from "~/domain/calendar/due-date";
import type { DossierAction } from "~/domain/dossiers/lifecycle";
import type { Actor } from "~/models/audit-log.server";
import {
  applyDossierAction,
  getDossierDetail,
  getDueContext,
  getPublicDossierStatus,
  listHandlers,
  previewDue,
  receiveDossier,
  recomputeOpenDueDates,
  type DueContext,
  type IntakeData,
} from "~/models/dossiers.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "./dossier-fixtures";

/** Vietnam local time, as the desk reads it. */
const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestDb;
let unitId: number;
let officerId: number;
let officer: Actor;
let leader: Actor;
let context: DueContext;
let threeDays: Procedure; // 1.001022, 3 working days
let sameDay: Procedure; // 1.001193, same day

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  officerId = seeded.officerId;
  officer = { kind: "user", userId: seeded.officerId };
  leader = { kind: "user", userId: seeded.leaderId };
  context = await getDueContext(t.db, unitId);
  const byCode = async (code: string) => {
    const p = await getProcedureByCode(t.db, unitId, code);
    if (!p) throw new Error(`procedure ${code} not seeded`);
    return p;
  };
  threeDays = await byCode("1.001022");
  sameDay = await byCode("1.001193");
  expect(threeDays.processingDays).toBe(3);
  expect(sameDay.processingDays).toBe(0);
});

afterAll(async () => {
  await t.cleanup();
});

const APPLICANT = {
  applicantName: "Lò Văn Pằng",
  applicantPhone: "0912345678",
  applicantIdNumber: "014095001234",
  applicantAddress: "Bản Nà Sài, xã Mường Sai",
};

function intake(procedure: Procedure, receivedAt: Date, extra: Partial<IntakeData> = {}) {
  return receiveDossier(
    t.db,
    officer,
    context,
    {
      procedure,
      ...APPLICANT,
      channel: "direct",
      receivedAt,
      documents: [{ name: "Tờ khai" }, { name: "Giấy chứng sinh" }],
      ...extra,
    },
    receivedAt,
  );
}

const act = (id: number, action: DossierAction, now: Date, actor: Actor = officer) =>
  applyDossierAction(t.db, actor, context, id, action, now);

const dossierRow = (id: number) => t.db.selectFrom("dossier").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const eventsOf = (id: number) =>
  t.db.selectFrom("dossier_event").selectAll().where("dossier_id", "=", id).orderBy("id").execute();
const auditOf = (id: number) =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "dossier")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();
const countAll = async (table: "audit_log" | "dossier_event" | "dossier") =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

describe("getDueContext and previewDue", () => {
  it("read the unit's settings and calendar", () => {
    expect(context.unit.id).toBe(unitId);
    expect(context.settings).toEqual({ officeClose: "17:00", sameDayCutoff: "15:00", supplementClock: "restart" });
    expect(context.calendar.isWorkingDay("2021-02-12")).toBe(false); // Tết
    expect(context.calendar.isWorkingDay("2024-05-04")).toBe(true); // make-up Saturday
  });

  it("previews a due date across Tết", () => {
    const due = previewDue(context, threeDays, vn("2021-02-09T10:00:00"));
    expect(due.dueAt.toISOString()).toBe(vn("2021-02-19T17:00:00").toISOString());
    expect(due.dueDate).toBe("2021-02-19");
  });
});

describe("receiveDossier", () => {
  it("numbers dossiers per reception day: <unit code>-YYMMDD-NNNN", async () => {
    const a = await intake(sameDay, vn("2024-03-05T08:00:00"));
    const b = await intake(threeDays, vn("2024-03-05T14:30:00"));
    const c = await intake(sameDay, vn("2024-03-06T08:00:00"));
    expect(a.code).toBe(`${DEMO_UNIT.code}-240305-0001`);
    expect(b.code).toBe(`${DEMO_UNIT.code}-240305-0002`);
    expect(c.code).toBe(`${DEMO_UNIT.code}-240306-0001`);
    expect((await dossierRow(b.id)).code).toBe(b.code);
  });

  it("takes the reception day in Vietnam time, not UTC", async () => {
    // 23:30 on 6 Mar is still 6 Mar; 00:30 on 7 Mar is 6 Mar in UTC but 7 Mar at the desk.
    const late = await intake(threeDays, vn("2024-03-06T23:30:00"), { channel: "online_full" });
    const early = await intake(threeDays, vn("2024-03-07T00:30:00"), { channel: "online_full" });
    expect(late.code).toBe(`${DEMO_UNIT.code}-240306-0002`);
    expect(early.code).toBe(`${DEMO_UNIT.code}-240307-0001`);
    expect((await dossierRow(early.id)).received_date).toBe("2024-03-07");
  });

  it("sets the due date by the due-date rule: 3 working days from Tue 9 Feb 2021 end on Fri 19 Feb, after Tết", async () => {
    const receivedAt = vn("2021-02-09T10:00:00");
    const { id } = await intake(threeDays, receivedAt);
    const row = await dossierRow(id);
    expect(row.due_at).toBe(vn("2021-02-19T17:00:00").toISOString());
    expect(row.due_date).toBe("2021-02-19");
    expect(row.due_rule).toBe("working_days");
    const rule = computeDueAt({ receivedAt, processingDays: 3, calendar: context.calendar, settings: context.settings });
    expect(row.due_at).toBe(rule.dueAt.toISOString());
  });

  it("applies the same-day rule and its cut-off", async () => {
    const before = await dossierRow((await intake(sameDay, vn("2024-03-08T14:59:00"))).id);
    const after = await dossierRow((await intake(sameDay, vn("2024-03-08T15:01:00"))).id);
    expect(before.due_at).toBe(vn("2024-03-08T17:00:00").toISOString());
    expect(before.due_rule).toBe("same_day");
    expect(after.due_at).toBe(vn("2024-03-11T17:00:00").toISOString()); // Friday after 15:00 → Monday
  });

  it.each([
    ["2021-02-09T10:00:00", "nd61-2018"],
    ["2025-06-30T23:30:00", "nd61-2018"],
    ["2025-07-01T00:30:00", "nd118-2025"],
    ["2026-03-02T09:00:00", "nd118-2025"],
  ])("keeps the rule set in force on the reception day (%s → %s)", async (local, ruleSet) => {
    const { id } = await intake(threeDays, vn(local), { channel: "online_partial" });
    expect((await dossierRow(id)).rule_set).toBe(ruleSet);
  });

  it("stores the intake, writes one `received` event and one audit row without personal data", async () => {
    const receivedAt = vn("2024-03-12T09:15:00");
    const auditBefore = await countAll("audit_log");
    const { id, code } = await intake(threeDays, receivedAt, { channel: "postal" });
    const row = await dossierRow(id);
    expect(row).toMatchObject({
      unit_id: unitId,
      procedure_id: threeDays.id,
      field: "civil_status",
      processing_days: 3,
      channel: "postal",
      state: "received",
      applicant_name: APPLICANT.applicantName,
      applicant_phone: APPLICANT.applicantPhone,
      applicant_id_number: APPLICANT.applicantIdNumber,
      applicant_address: APPLICANT.applicantAddress,
      received_at: receivedAt.toISOString(),
      received_date: "2024-03-12",
      created_by_user_id: officerId,
      supplement_count: 0,
      transfer_count: 0,
      finished_at: null,
      outcome: null,
    });
    expect(JSON.parse(row.documents_json)).toEqual([{ name: "Tờ khai" }, { name: "Giấy chứng sinh" }]);

    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "received",
      at: receivedAt.toISOString(),
      from_state: null,
      to_state: "received",
      due_at: row.due_at,
      actor_kind: "user",
      actor_user_id: officerId,
    });

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(await countAll("audit_log")).toBe(auditBefore + 1);
    expect(audit[0]).toMatchObject({ action: "received", unit_id: unitId, actor_user_id: officerId, before_json: null });
    expect(json(audit[0]?.after_json ?? null)).toMatchObject({ code, state: "received", dueAt: row.due_at });
    for (const value of Object.values(APPLICANT)) expect(audit[0]?.after_json).not.toContain(value);
  });
});

describe("applyDossierAction", () => {
  it("takes a dossier through its whole life, one event and one audit row per step", async () => {
    const { id, code } = await intake(threeDays, vn("2024-03-18T09:00:00"));
    expect((await dossierRow(id)).due_at).toBe(vn("2024-03-21T17:00:00").toISOString());
    const steps: Array<[DossierAction, Date, string]> = [
      [{ type: "assign", handlerUserId: officerId }, vn("2024-03-18T10:00:00"), "in_progress"],
      [{ type: "transfer", agency: "Phòng Tư pháp huyện Sông Mã", electronic: true }, vn("2024-03-18T14:00:00"), "in_progress"],
      [{ type: "transfer_back", agency: "Phòng Tư pháp huyện Sông Mã", electronic: true }, vn("2024-03-19T09:00:00"), "in_progress"],
      [{ type: "request_supplement", missingItems: ["Giấy tờ chứng minh nơi cư trú"], reason: "Thiếu giấy tờ" }, vn("2024-03-19T10:00:00"), "supplement_requested"],
      [{ type: "receive_supplement" }, vn("2024-03-20T08:00:00"), "in_progress"],
      [{ type: "mark_result_ready" }, vn("2024-03-22T10:00:00"), "result_ready"],
      [{ type: "return_result" }, vn("2024-03-22T14:00:00"), "returned"],
    ];
    let previousState = "received";
    for (const [index, [action, now, state]] of steps.entries()) {
      expect(await act(id, action, now), action.type).toEqual({ ok: true, state });
      const events = await eventsOf(id);
      const audit = await auditOf(id);
      expect(events).toHaveLength(index + 2);
      expect(audit).toHaveLength(index + 2);
      const event = events.at(-1);
      const row = audit.at(-1);
      expect(event).toMatchObject({ kind: action.type, at: now.toISOString(), from_state: previousState, to_state: state });
      expect(row).toMatchObject({ action: action.type, at: now.toISOString(), actor_user_id: officerId });
      expect(json(row?.before_json ?? null)).toMatchObject({ code, state: previousState });
      expect(json(row?.after_json ?? null)).toMatchObject({ code, state });
      expect((await dossierRow(id)).state).toBe(state);
      previousState = state;
    }

    const final = await dossierRow(id);
    // Due Thu 21 Mar at first; the supplement came Wed 20 Mar, so the full 3 days count again from Thu 21 → Mon 25 Mar.
    expect(final).toMatchObject({
      handler_user_id: officerId,
      transfer_count: 1,
      e_transfer_count: 1,
      open_transfer_count: 0,
      supplement_count: 1,
      due_at: vn("2024-03-25T17:00:00").toISOString(),
      finished_at: vn("2024-03-22T10:00:00").toISOString(),
      finished_date: "2024-03-22",
      outcome: "early",
      returned_at: vn("2024-03-22T14:00:00").toISOString(),
    });

    const detail = await getDossierDetail(t.db, unitId, code);
    expect(detail?.dossier.handler_name).toBe("Cầm Văn Thắng");
    expect(detail?.dossier.procedure_code).toBe("1.001022");
    expect(detail?.dossier.documents).toEqual([{ name: "Tờ khai" }, { name: "Giấy chứng sinh" }]);
    expect(detail?.events.map((e) => e.kind)).toEqual(["received", ...steps.map(([a]) => a.type)]);
    expect(detail?.events.every((e) => e.actor_name === "Cầm Văn Thắng")).toBe(true);
    expect(detail?.events.find((e) => e.kind === "request_supplement")?.details).toEqual({
      missingItems: ["Giấy tờ chứng minh nơi cư trú"],
    });
    expect(detail?.events.find((e) => e.kind === "assign")?.details).toEqual({ handlerUserId: officerId });
    expect(await getDossierDetail(t.db, unitId, `${DEMO_UNIT.code}-240318-9999`)).toBeNull();
  });

  it("refuses an illegal transition and changes nothing", async () => {
    const { id } = await intake(threeDays, vn("2024-03-25T09:00:00"));
    const now = vn("2024-03-25T10:00:00");
    const before = await dossierRow(id);
    const counts = [await countAll("dossier_event"), await countAll("audit_log")];
    for (const action of [
      { type: "mark_result_ready" },
      { type: "return_result" },
      { type: "receive_supplement" },
      { type: "transfer", agency: "Phòng Tư pháp", electronic: false },
    ] as const) {
      expect(await act(id, action, now)).toEqual({ ok: false, error: "dossier.error.illegalTransition" });
    }
    expect(await dossierRow(id)).toEqual(before);
    expect([await countAll("dossier_event"), await countAll("audit_log")]).toEqual(counts);
  });

  it("refuses any action on a closed dossier", async () => {
    const { id } = await intake(threeDays, vn("2024-03-26T09:00:00"));
    expect(await act(id, { type: "withdraw", reason: "Công dân rút hồ sơ" }, vn("2024-03-26T10:00:00"))).toEqual({
      ok: true,
      state: "withdrawn",
    });
    const before = await dossierRow(id);
    expect(before).toMatchObject({ closed_reason: "Công dân rút hồ sơ", finished_date: "2024-03-26", outcome: null });
    const events = await countAll("dossier_event");
    expect(await act(id, { type: "assign", handlerUserId: officerId }, vn("2024-03-26T11:00:00"))).toEqual({
      ok: false,
      error: "dossier.error.illegalTransition",
    });
    expect(await dossierRow(id)).toEqual(before);
    expect(await countAll("dossier_event")).toBe(events);
  });

  describe("a dossier past its due date", () => {
    let id: number;
    const due = vn("2024-04-04T17:00:00"); // received Mon 1 Apr, 3 working days
    const late = vn("2024-04-05T09:00:00");

    beforeAll(async () => {
      ({ id } = await intake(threeDays, vn("2024-04-01T09:00:00")));
      await act(id, { type: "assign", handlerUserId: officerId }, vn("2024-04-01T10:00:00"));
      expect((await dossierRow(id)).due_at).toBe(due.toISOString());
    });

    it("refuses the result until the apology slip is issued, and changes nothing meanwhile", async () => {
      const before = await dossierRow(id);
      const events = await countAll("dossier_event");
      expect(await act(id, { type: "mark_result_ready" }, late)).toEqual({ ok: false, error: "dossier.error.needsApology" });
      expect(await act(id, { type: "transfer", agency: "Phòng Tư pháp", electronic: true }, late)).toEqual({
        ok: false,
        error: "dossier.error.needsApology",
      });
      expect(await dossierRow(id)).toEqual(before);
      expect(await countAll("dossier_event")).toBe(events);
    });

    it("refuses an apology whose new appointment is not after now", async () => {
      expect(
        await act(id, { type: "issue_apology", reason: "Cần xác minh", newAppointmentAt: vn("2024-04-05T08:00:00") }, late, leader),
      ).toEqual({ ok: false, error: "dossier.error.appointmentTooEarly" });
      expect((await dossierRow(id)).apology_issued_at).toBeNull();
    });

    it("accepts one apology, refuses a second, and still judges the result late against the original due date", async () => {
      const newAppointmentAt = vn("2024-04-10T17:00:00");
      expect(await act(id, { type: "issue_apology", reason: "Cần xác minh thêm", newAppointmentAt }, late, leader)).toEqual({
        ok: true,
        state: "in_progress",
      });
      const afterApology = await dossierRow(id);
      expect(afterApology).toMatchObject({
        state: "in_progress",
        apology_reason: "Cần xác minh thêm",
        apology_issued_at: late.toISOString(),
        appointment_at: newAppointmentAt.toISOString(),
        due_at: due.toISOString(),
      });
      const apologyEvent = (await eventsOf(id)).at(-1);
      expect(apologyEvent).toMatchObject({ kind: "issue_apology", note: "Cần xác minh thêm", due_at: due.toISOString() });
      expect(json(apologyEvent?.details_json ?? null)).toEqual({ newAppointmentAt: newAppointmentAt.toISOString() });

      const events = await countAll("dossier_event");
      expect(
        await act(id, { type: "issue_apology", reason: "Lần nữa", newAppointmentAt: vn("2024-04-15T17:00:00") }, vn("2024-04-08T09:00:00"), leader),
      ).toEqual({ ok: false, error: "dossier.error.apologyAlreadyIssued" });
      expect(await dossierRow(id)).toEqual(afterApology);
      expect(await countAll("dossier_event")).toBe(events);

      const finishedAt = vn("2024-04-08T10:00:00");
      expect(await act(id, { type: "mark_result_ready" }, finishedAt)).toEqual({ ok: true, state: "result_ready" });
      expect(await dossierRow(id)).toMatchObject({
        outcome: "late",
        due_at: due.toISOString(),
        finished_at: finishedAt.toISOString(),
        finished_date: "2024-04-08",
      });
    });
  });

  it("lets a result be marked ready at 17:30 on the due day without an apology, on time", async () => {
    const { id } = await intake(threeDays, vn("2024-06-10T09:00:00")); // due Thu 13 Jun 17:00
    await act(id, { type: "assign", handlerUserId: officerId }, vn("2024-06-10T10:00:00"));
    expect(await act(id, { type: "mark_result_ready" }, vn("2024-06-13T17:30:00"))).toEqual({ ok: true, state: "result_ready" });
    expect((await dossierRow(id)).outcome).toBe("on_time");
  });

  it("restarts the clock after a supplement and counts the request", async () => {
    // Mon 6 May 2024, 3 working days → Thu 9 May.
    const { id } = await intake(threeDays, vn("2024-05-06T09:00:00"));
    expect((await dossierRow(id)).due_at).toBe(vn("2024-05-09T17:00:00").toISOString());
    await act(id, { type: "assign", handlerUserId: officerId }, vn("2024-05-06T10:00:00"));
    expect(
      await act(id, { type: "request_supplement", missingItems: ["Bản sao CCCD"], reason: "Thiếu giấy tờ" }, vn("2024-05-07T10:00:00")),
    ).toEqual({ ok: true, state: "supplement_requested" });
    expect((await dossierRow(id)).supplement_count).toBe(1);
    // The clock is stopped: the supplement may arrive after the original due date without an apology.
    const arrived = vn("2024-05-13T09:00:00");
    expect(await act(id, { type: "receive_supplement" }, arrived)).toEqual({ ok: true, state: "in_progress" });
    const row = await dossierRow(id);
    // Restart: the full 3 days from the working day after Mon 13 May → Thu 16 May.
    expect(row).toMatchObject({
      supplement_count: 1,
      due_at: vn("2024-05-16T17:00:00").toISOString(),
      due_date: "2024-05-16",
      due_rule: "restart",
    });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ kind: "receive_supplement", due_at: row.due_at });
    const audit = (await auditOf(id)).at(-1);
    expect(json(audit?.before_json ?? null)).toMatchObject({ dueAt: vn("2024-05-09T17:00:00").toISOString(), supplementCount: 1 });
    expect(json(audit?.after_json ?? null)).toMatchObject({ dueAt: row.due_at });

    // A second request counts again; the second supplement restarts from its own arrival.
    await act(id, { type: "request_supplement", missingItems: ["Ảnh"], reason: "Thiếu ảnh" }, vn("2024-05-14T09:00:00"));
    await act(id, { type: "receive_supplement" }, vn("2024-05-20T15:00:00"));
    expect(await dossierRow(id)).toMatchObject({ supplement_count: 2, due_at: vn("2024-05-23T17:00:00").toISOString() });
  });

  it("keeps transfer counters and refuses the result while a transfer is open", async () => {
    const { id } = await intake(threeDays, vn("2024-05-20T09:00:00"));
    const now = vn("2024-05-20T10:00:00");
    await act(id, { type: "assign", handlerUserId: officerId }, now);
    expect(await act(id, { type: "transfer_back", agency: "Phòng Tư pháp", electronic: true }, now)).toEqual({
      ok: false,
      error: "dossier.error.noOpenTransfer",
    });
    await act(id, { type: "transfer", agency: "Chi nhánh Văn phòng đăng ký đất đai", electronic: true }, now);
    await act(id, { type: "transfer", agency: "Phòng Lao động – Thương binh và Xã hội", electronic: false }, now);
    expect(await dossierRow(id)).toMatchObject({ transfer_count: 2, e_transfer_count: 1, open_transfer_count: 2 });
    const paperEvent = (await eventsOf(id)).at(-1);
    expect(paperEvent).toMatchObject({ kind: "transfer", agency: "Phòng Lao động – Thương binh và Xã hội", is_electronic: 0 });

    expect(await act(id, { type: "mark_result_ready" }, now)).toEqual({ ok: false, error: "dossier.error.transferOpen" });
    await act(id, { type: "transfer_back", agency: "Chi nhánh Văn phòng đăng ký đất đai", electronic: true }, now);
    expect(await dossierRow(id)).toMatchObject({ transfer_count: 2, e_transfer_count: 1, open_transfer_count: 1 });
    expect(await act(id, { type: "mark_result_ready" }, now)).toEqual({ ok: false, error: "dossier.error.transferOpen" });
    await act(id, { type: "transfer_back", agency: "Phòng Lao động – Thương binh và Xã hội", electronic: false }, now);
    expect(await dossierRow(id)).toMatchObject({ transfer_count: 2, e_transfer_count: 1, open_transfer_count: 0 });
    expect(await act(id, { type: "mark_result_ready" }, vn("2024-05-21T10:00:00"))).toEqual({ ok: true, state: "result_ready" });
    const audit = (await auditOf(id)).filter((a) => a.action === "transfer_back");
    expect(audit.map((a) => json(a.after_json)?.openTransferCount)).toEqual([1, 0]);
  });
});

describe("getPublicDossierStatus", () => {
  it("shows status, dates and steps, and nothing personal", async () => {
    const { id, code } = await intake(threeDays, vn("2024-06-03T09:00:00"));
    await act(id, { type: "assign", handlerUserId: officerId }, vn("2024-06-03T10:00:00"));
    await act(id, { type: "request_supplement", missingItems: ["Sổ hộ khẩu của Lò Văn Pằng"], reason: "Gọi 0912345678" }, vn("2024-06-04T10:00:00"));

    const status = await getPublicDossierStatus(t.db, code);
    expect(status).toMatchObject({
      code,
      state: "supplement_requested",
      supplement_count: 1,
      procedure_code: "1.001022",
      procedure_name: threeDays.name,
    });
    expect(status?.steps.map((s) => s.kind)).toEqual(["received", "assign", "request_supplement"]);
    for (const step of status?.steps ?? []) expect(Object.keys(step).sort()).toEqual(["at", "kind", "to_state"]);

    const keys: string[] = [];
    const values: unknown[] = [];
    const walk = (value: unknown) => {
      if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          keys.push(k);
          walk(v);
        }
      } else {
        values.push(value);
      }
    };
    walk(status);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => k.toLowerCase().includes("applicant"))).toEqual([]);
    expect(keys).not.toContain("id");
    for (const personal of Object.values(APPLICANT)) {
      expect(values).not.toContain(personal);
      expect(JSON.stringify(status)).not.toContain(personal);
    }
  });

  it("answers null for an unknown code", async () => {
    expect(await getPublicDossierStatus(t.db, `${DEMO_UNIT.code}-240603-9999`)).toBeNull();
  });
});

describe("listHandlers", () => {
  it("lists active staff who can handle dossiers, by name", async () => {
    expect((await listHandlers(t.db, unitId)).map((h) => h.display_name)).toEqual(["Cầm Văn Thắng", "Lò Thị Hoa", "Quàng Văn Minh"]);
    const hoa = await t.db.selectFrom("user").select("id").where("username", "=", "chatluong").executeTakeFirstOrThrow();
    await t.db.updateTable("user").set({ is_disabled: 1 }).where("id", "=", hoa.id).execute();
    try {
      expect((await listHandlers(t.db, unitId)).map((h) => h.display_name)).toEqual(["Cầm Văn Thắng", "Quàng Văn Minh"]);
    } finally {
      await t.db.updateTable("user").set({ is_disabled: 0 }).where("id", "=", hoa.id).execute();
    }
  });
});

describe("recomputeOpenDueDates", () => {
  it("moves nothing and writes nothing while the calendar is unchanged", async () => {
    const audit = await countAll("audit_log");
    const moved = await t.db.transaction().execute((trx) => recomputeOpenDueDates(trx, officer, context, vn("2024-06-05T09:00:00")));
    expect(moved).toBe(0);
    expect(await countAll("audit_log")).toBe(audit);
  });
});
