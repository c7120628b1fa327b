import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/models/audit-log.server";
import { changeCalendarDay } from "~/models/calendar-changes.server";
import { listCalendarExceptions } from "~/models/calendar.server";
import { applyDossierAction, getDueContext, receiveDossier } from "~/models/dossiers.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { insertOtherUnit, seedReferenceData } from "./dossier-fixtures";
import { refuseInserts } from "../../setup/db-faults";

const vn = (local: string) => new Date(`${local}+07:00`);
const closeOf = (date: string) => vn(`${date}T17:00:00`).toISOString();
const NOW = vn("2024-03-06T16:00:00");
const HOLIDAY = { date: "2024-03-07", kind: "holiday" as const, name: "Ngày nghỉ đột xuất" };

let t: TestDb;
let unitId: number;
let otherUnitId: number;
let lead: Actor;
let leadId: number;
/** Dossier ids by role in the scenario below. */
const d = { received: 0, inProgress: 0, afterSupplement: 0, waiting: 0, finished: 0, dueBefore: 0, otherUnit: 0 };

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  leadId = seeded.qualityLeadId;
  lead = { kind: "user", userId: leadId };
  const officer: Actor = { kind: "user", userId: seeded.officerId };
  const context = await getDueContext(t.db, unitId);
  const procedure = async (code: string) => {
    const p = await getProcedureByCode(t.db, unitId, code);
    if (!p) throw new Error(`procedure ${code} not seeded`);
    return p;
  };
  const fiveDays = await procedure("1.004884");
  const threeDays = await procedure("1.001022");
  const sameDay = await procedure("1.001193");
  const receive = async (p: Procedure, local: string) =>
    (
      await receiveDossier(
        t.db,
        officer,
        context,
        { procedure: p, applicantName: "Cầm Thị Ánh", applicantPhone: null, applicantIdNumber: null, applicantAddress: null, channel: "direct", receivedAt: vn(local), documents: [] },
        vn(local),
      )
    ).id;
  const act = async (id: number, action: Parameters<typeof applyDossierAction>[4], local: string) => {
    const result = await applyDossierAction(t.db, officer, context, id, action, vn(local));
    if (!result.ok) throw new Error(`${action.type}: ${result.error}`);
  };

  // March 2024 has no holiday: Mon 4 … Fri 8, Mon 11 … are working days.
  d.received = await receive(fiveDays, "2024-03-04T09:00:00"); // due Mon 11 Mar
  d.inProgress = await receive(threeDays, "2024-03-05T09:00:00"); // due Fri 8 Mar
  await act(d.inProgress, { type: "assign", handlerUserId: seeded.officerId }, "2024-03-05T10:00:00");
  d.afterSupplement = await receive(threeDays, "2024-03-01T09:00:00");
  await act(d.afterSupplement, { type: "assign", handlerUserId: seeded.officerId }, "2024-03-01T10:00:00");
  await act(d.afterSupplement, { type: "request_supplement", missingItems: ["Ảnh"], reason: "Thiếu ảnh" }, "2024-03-04T10:00:00");
  await act(d.afterSupplement, { type: "receive_supplement" }, "2024-03-05T09:00:00"); // restart → due Fri 8 Mar
  d.waiting = await receive(threeDays, "2024-03-04T09:30:00"); // due Thu 7 Mar, clock stopped
  await act(d.waiting, { type: "request_supplement", missingItems: ["Ảnh"], reason: "Thiếu ảnh" }, "2024-03-05T10:00:00");
  d.finished = await receive(threeDays, "2024-03-04T10:00:00"); // due Thu 7 Mar, result ready
  await act(d.finished, { type: "assign", handlerUserId: seeded.officerId }, "2024-03-04T11:00:00");
  await act(d.finished, { type: "mark_result_ready" }, "2024-03-05T11:00:00");
  d.dueBefore = await receive(sameDay, "2024-03-06T09:00:00"); // due Wed 6 Mar

  otherUnitId = await insertOtherUnit(t.db);
  const stamp = NOW.toISOString();
  ({ id: d.otherUnit } = await t.db
    .insertInto("dossier")
    .values({
      unit_id: otherUnitId,
      code: "000.99.99.H53-240304-0001",
      procedure_id: fiveDays.id,
      field: fiveDays.field,
      processing_days: 5,
      channel: "direct",
      rule_set: "nd61-2018",
      applicant_name: "Vì Văn Tuấn",
      applicant_phone: null,
      applicant_id_number: null,
      applicant_address: null,
      documents_json: "[]",
      received_at: vn("2024-03-04T09:00:00").toISOString(),
      received_date: "2024-03-04",
      due_at: closeOf("2024-03-11"),
      due_date: "2024-03-11",
      due_rule: "working_days",
      state: "received",
      handler_user_id: null,
      created_by_user_id: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow());
});

afterAll(async () => {
  await t.cleanup();
});

const dueOf = async (id: number) =>
  (await t.db.selectFrom("dossier").select("due_at").where("id", "=", id).executeTakeFirstOrThrow()).due_at;
const dues = async () => Object.fromEntries(await Promise.all(Object.entries(d).map(async ([k, id]) => [k, await dueOf(id)])));
const auditCount = async () =>
  Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const auditSince = (count: number) =>
  t.db.selectFrom("audit_log").selectAll().orderBy("id").offset(count).limit(1000).execute();
const exceptionOn = async (date: string) =>
  (await listCalendarExceptions(t.db, unitId, { from: date, to: date }))[0] ?? null;

const ORIGINAL = {
  received: closeOf("2024-03-11"),
  inProgress: closeOf("2024-03-08"),
  afterSupplement: closeOf("2024-03-08"),
  waiting: closeOf("2024-03-07"),
  finished: closeOf("2024-03-07"),
  dueBefore: closeOf("2024-03-06"),
  otherUnit: closeOf("2024-03-11"),
};

describe("changeCalendarDay", () => {
  it("starts from the due dates the rule gives", async () => {
    expect(await dues()).toEqual(ORIGINAL);
  });

  it("adding a holiday inside open dossiers' spans moves each by one working day, with audit rows", async () => {
    const before = await auditCount();
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "save", day: HOLIDAY }, NOW)).toEqual({ changed: true, dossiersMoved: 3 });
    expect(await dues()).toEqual({
      ...ORIGINAL,
      received: closeOf("2024-03-12"),
      inProgress: closeOf("2024-03-11"),
      afterSupplement: closeOf("2024-03-11"),
    });
    const ruleOf = async (id: number) =>
      (await t.db.selectFrom("dossier").select(["due_rule", "due_date"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(await ruleOf(d.afterSupplement)).toEqual({ due_rule: "restart", due_date: "2024-03-11" });
    expect(await ruleOf(d.received)).toEqual({ due_rule: "working_days", due_date: "2024-03-12" });
    expect(await exceptionOn("2024-03-07")).toEqual(HOLIDAY);

    const audit = await auditSince(before);
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.at === NOW.toISOString() && a.actor_user_id === leadId && a.unit_id === unitId)).toBe(true);
    expect(audit[0]).toMatchObject({ entity_type: "calendar_day", action: "created", before_json: null });
    expect(JSON.parse(audit[0]?.after_json ?? "null")).toEqual(HOLIDAY);
    const recomputed = audit.filter((a) => a.entity_type === "dossier");
    expect(recomputed.map((a) => a.action)).toEqual(["due_recomputed", "due_recomputed", "due_recomputed"]);
    expect(recomputed.map((a) => Number(a.entity_id)).sort()).toEqual([d.received, d.inProgress, d.afterSupplement].sort());
    const forReceived = recomputed.find((a) => a.entity_id === String(d.received));
    expect(JSON.parse(forReceived?.before_json ?? "null")).toMatchObject({ dueAt: ORIGINAL.received, dueRule: "working_days" });
    expect(JSON.parse(forReceived?.after_json ?? "null")).toMatchObject({ dueAt: closeOf("2024-03-12"), reason: "calendar_changed" });
  });

  it("deleting the holiday moves them back", async () => {
    const before = await auditCount();
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "delete", date: HOLIDAY.date }, NOW)).toEqual({ changed: true, dossiersMoved: 3 });
    expect(await dues()).toEqual(ORIGINAL);
    expect(await exceptionOn(HOLIDAY.date)).toBeNull();
    const audit = await auditSince(before);
    expect(audit.map((a) => `${a.entity_type}:${a.action}`)).toEqual([
      "calendar_day:deleted",
      "dossier:due_recomputed",
      "dossier:due_recomputed",
      "dossier:due_recomputed",
    ]);
    expect(JSON.parse(audit[0]?.before_json ?? "null")).toEqual(HOLIDAY);
  });

  it("a make-up working Saturday brings a due date earlier", async () => {
    const saturday = { date: "2024-03-09", kind: "working_day" as const, name: "Làm bù" };
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "save", day: saturday }, NOW)).toEqual({ changed: true, dossiersMoved: 1 });
    expect(await dueOf(d.received)).toBe(closeOf("2024-03-09"));
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "delete", date: saturday.date }, NOW)).toEqual({ changed: true, dossiersMoved: 1 });
    expect(await dues()).toEqual(ORIGINAL);
  });

  it("a change outside every open dossier's span moves none and writes only the calendar row", async () => {
    const before = await auditCount();
    const day = { date: "2024-08-15", kind: "day_off" as const, name: "Nghỉ đột xuất" };
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "save", day }, NOW)).toEqual({ changed: true, dossiersMoved: 0 });
    expect(await dues()).toEqual(ORIGINAL);
    const audit = await auditSince(before);
    expect(audit.map((a) => `${a.entity_type}:${a.action}`)).toEqual(["calendar_day:created"]);

    // Renaming a recorded day is an update with its before and after.
    const renamed = { ...day, name: "Nghỉ bù" };
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "save", day: renamed }, NOW)).toEqual({ changed: true, dossiersMoved: 0 });
    const update = (await auditSince(before + 1))[0];
    expect(update).toMatchObject({ entity_type: "calendar_day", action: "updated" });
    expect(JSON.parse(update?.before_json ?? "null")).toEqual(day);
    expect(JSON.parse(update?.after_json ?? "null")).toEqual(renamed);
    expect(await exceptionOn(day.date)).toEqual(renamed);
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "delete", date: day.date }, NOW)).toEqual({ changed: true, dossiersMoved: 0 });
  });

  it("deleting a date with nothing recorded reports no change and writes nothing", async () => {
    const before = await auditCount();
    const days = (await listCalendarExceptions(t.db, unitId)).length;
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "delete", date: "2024-03-13" }, NOW)).toEqual({ changed: false, dossiersMoved: 0 });
    expect(await auditCount()).toBe(before);
    expect((await listCalendarExceptions(t.db, unitId)).length).toBe(days);
    expect(await dues()).toEqual(ORIGINAL);
  });

  it("is one transaction: when a due-date audit row cannot be written, the calendar day is not saved either", async () => {
    const allow = await refuseInserts(t.db, "audit_log", "refused by test", "new.action = 'due_recomputed'");
    try {
      const before = await auditCount();
      await expect(changeCalendarDay(t.db, lead, unitId, { type: "save", day: HOLIDAY }, NOW)).rejects.toThrow("refused by test");
      expect(await exceptionOn(HOLIDAY.date)).toBeNull();
      expect(await auditCount()).toBe(before);
      expect(await dues()).toEqual(ORIGINAL);
    } finally {
      await allow();
    }
    expect(await changeCalendarDay(t.db, lead, unitId, { type: "save", day: HOLIDAY }, NOW)).toEqual({ changed: true, dossiersMoved: 3 });
  });
});

describe("changeCalendarDay under the \"resume\" supplement rule", () => {
  it("a change far from a dossier with two supplements leaves its due date alone", async () => {
    const resumeUnitId = await insertOtherUnit(t.db, "000.55.55.H53");
    await t.db.updateTable("unit").set({ supplement_clock: "resume" }).where("id", "=", resumeUnitId).execute();
    const context = await getDueContext(t.db, resumeUnitId);
    const fiveDays = await getProcedureByCode(t.db, unitId, "1.004884");
    if (!fiveDays) throw new Error("procedure not seeded");
    const { id } = await receiveDossier(
      t.db,
      lead,
      context,
      { procedure: fiveDays, applicantName: "Hà Văn Phong", applicantPhone: null, applicantIdNumber: null, applicantAddress: null, channel: "direct", receivedAt: vn("2024-03-04T09:00:00"), documents: [] },
      vn("2024-03-04T09:00:00"),
    );
    const steps: Array<[Parameters<typeof applyDossierAction>[4], string]> = [
      [{ type: "assign", handlerUserId: leadId }, "2024-03-04T10:00:00"],
      [{ type: "request_supplement", missingItems: ["Ảnh"], reason: "Thiếu ảnh" }, "2024-03-05T10:00:00"],
      [{ type: "receive_supplement" }, "2024-03-07T09:00:00"], // 4 days left → Wed 13 Mar
      [{ type: "request_supplement", missingItems: ["Bản sao"], reason: "Thiếu bản sao" }, "2024-03-11T10:00:00"],
      [{ type: "receive_supplement" }, "2024-03-12T09:00:00"], // 2 days left → Thu 14 Mar
    ];
    for (const [action, local] of steps) {
      expect((await applyDossierAction(t.db, lead, context, id, action, vn(local))).ok, action.type).toBe(true);
    }
    expect(await dueOf(id)).toBe(closeOf("2024-03-14"));

    const farAway = { date: "2024-08-15", kind: "day_off" as const, name: "Nghỉ đột xuất" };
    expect(await changeCalendarDay(t.db, lead, resumeUnitId, { type: "save", day: farAway }, NOW)).toEqual({ changed: true, dossiersMoved: 0 });
    expect(await dueOf(id)).toBe(closeOf("2024-03-14"));
  });
});
