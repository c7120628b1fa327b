import type { Role } from "~/domain/accounts/roles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NcStepSchema } from "~/domain/nonconformities/schema";
import {
  addCorrectiveAction,
  applyNcStep,
  completeCorrectiveAction,
  getNonconformity,
  raiseNonconformity,
  type NcResult,
  type NewNonconformity,
} from "~/models/nonconformities.server";
import { seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, type TestDb } from "../../setup/test-db";

/** Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestDb;
let unitId: number;
/** chatluong: quality lead. */
let leadId: number;
/** motcua: officer, owner of the first action. */
let officerId: number;
/** lanhdao: leader, owner of the second action. */
let leaderId: number;
/** danhgia: auditor, who verifies. */
let auditorId: number;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  leadId = seeded.qualityLeadId;
  officerId = seeded.officerId;
  leaderId = seeded.leaderId;
  auditorId = (await t.db.selectFrom("user").select("id").where("username", "=", "danhgia").executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await t.cleanup();
});

const as = (userId: number) => ({ kind: "user", userId }) as const;
const withRoles = (userId: number, roles: Role[]) => ({ kind: "user", userId, roles }) as const;

const FORM_NC: NewNonconformity = {
  source: "internal_audit",
  process: "QT-07",
  isoClause: "7.5.3",
  grade: "minor",
  title: "Biểu mẫu lỗi thời tại quầy",
  description: "Quầy số 2 dùng mẫu BM-04 lần ban hành 1 đã hết hiệu lực.",
  evidence: "Ảnh chụp mẫu tại quầy ngày 10/03/2026.",
  foundAt: vn("2026-03-10T09:00:00"),
  foundByUserId: null,
};

const ncRow = (id: number) => t.db.selectFrom("nonconformity").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const actionsOf = (id: number) => t.db.selectFrom("corrective_action").selectAll().where("nonconformity_id", "=", id).orderBy("id").execute();
const auditOf = (entityType: "nonconformity" | "corrective_action", id: number) =>
  t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", entityType).where("entity_id", "=", String(id)).orderBy("id").execute();
const auditCount = async () => Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const json = (text: string | null | undefined) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

/** A refused step: the expected error, and nothing changed (row, actions, audit). */
async function expectRefused(ncId: number, attempt: () => Promise<NcResult>, error: string) {
  const before = { nc: await ncRow(ncId), actions: await actionsOf(ncId), audit: await auditCount() };
  expect(await attempt()).toEqual({ ok: false, error });
  expect({ nc: await ncRow(ncId), actions: await actionsOf(ncId), audit: await auditCount() }).toEqual(before);
}

/** An accepted step: one audit row on the nonconformity, from the state before to the state after. */
async function expectStep(ncId: number, attempt: () => Promise<NcResult>, from: string, to: string, at: Date) {
  const audit = await auditCount();
  expect(await attempt()).toEqual({ ok: true });
  expect(await auditCount()).toBe(audit + 1);
  const row = (await auditOf("nonconformity", ncId)).at(-1);
  expect(json(row?.before_json)).toMatchObject({ state: from });
  expect(json(row?.after_json)).toMatchObject({ state: to });
  expect(row?.at).toBe(at.toISOString());
  const nc = await ncRow(ncId);
  expect(nc.state).toBe(to);
  expect(nc.updated_at).toBe(at.toISOString());
  return row;
}

describe("raiseNonconformity", () => {
  it("numbers by the year found, records the links and one audit row", async () => {
    const a = await raiseNonconformity(t.db, as(leadId), unitId, { ...FORM_NC, foundByUserId: leadId, links: [{ entityType: "feedback", entityId: 7 }] }, vn("2026-03-10T10:00:00"));
    const b = await raiseNonconformity(t.db, as(leadId), unitId, FORM_NC, vn("2026-03-10T10:05:00"));
    expect([a.code, b.code]).toEqual(["NC-2026-001", "NC-2026-002"]);
    expect(await ncRow(a.id)).toMatchObject({ state: "open", found_by_user_id: leadId, found_at: FORM_NC.foundAt.toISOString(), reopen_count: 0 });
    const links = await t.db.selectFrom("nonconformity_link").selectAll().where("nonconformity_id", "=", a.id).execute();
    expect(links).toMatchObject([{ entity_type: "feedback", entity_id: 7, reason: null }]);
    const audit = await auditOf("nonconformity", a.id);
    expect(audit.map((r) => r.action)).toEqual(["raised"]);
    expect(audit[0]?.actor_user_id).toBe(leadId);
  });

  it("gives the finder's name in the detail", async () => {
    const detail = await getNonconformity(t.db, unitId, "NC-2026-001");
    expect(detail?.nc).toMatchObject({ foundByName: "Lò Thị Hoa", repeat: false, analysis: [] });
    expect(await getNonconformity(t.db, unitId, "NC-2026-999")).toBeNull();
  });
});

describe("the handling of a nonconformity, step by step", () => {
  let ncId: number;
  let firstActionId: number;
  let secondActionId: number;

  beforeAll(async () => {
    ({ id: ncId } = await raiseNonconformity(t.db, as(auditorId), unitId, { ...FORM_NC, foundByUserId: auditorId }, vn("2026-03-11T09:00:00")));
  });

  it("refuses every step but the correction while open, and closing says verification comes first", async () => {
    const at = vn("2026-03-11T10:00:00");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "close" }, at), "nc.error.closeNeedsVerification");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "plan_actions" }, at), "nc.error.illegalTransition");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "complete_actions" }, at), "nc.error.illegalTransition");
    await expectRefused(ncId, () => applyNcStep(t.db, as(auditorId), unitId, ncId, { action: "verify", effective: true, note: "x" }, at), "nc.error.illegalTransition");
    await expectRefused(
      ncId,
      () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "analyse_cause", method: "five_whys", analysis: ["a"], rootCause: "b" }, at),
      "nc.error.illegalTransition",
    );
    await expectRefused(ncId, () => addCorrectiveAction(t.db, as(leadId), unitId, ncId, { description: "Sớm quá", ownerUserId: officerId, dueDate: "2026-04-15" }, at), "nc.error.actionNotEditable");
  });

  it("records the immediate correction", async () => {
    const at = vn("2026-03-11T11:00:00");
    await expectStep(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "record_correction", correction: "Thu hồi mẫu BM-04 cũ tại quầy số 2." }, at), "open", "correction_taken", at);
    expect((await ncRow(ncId)).correction).toBe("Thu hồi mẫu BM-04 cũ tại quầy số 2.");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "record_correction", correction: "Lần nữa" }, at), "nc.error.illegalTransition");
  });

  it("records a five-whys analysis and its root cause", async () => {
    const at = vn("2026-03-12T09:00:00");
    const analysis = [
      "Vì sao dùng mẫu cũ? Mẫu cũ còn trong ngăn bàn.",
      "Vì sao còn? Khi ban hành lần 2 không thu hồi bản giấy.",
      "Vì sao không thu hồi? Quy trình QT-01 không nêu việc thu hồi bản giấy.",
    ];
    await expectStep(
      ncId,
      () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "analyse_cause", method: "five_whys", analysis, rootCause: "QT-01 thiếu bước thu hồi bản giấy lỗi thời." }, at),
      "correction_taken",
      "cause_analysed",
      at,
    );
    expect(await ncRow(ncId)).toMatchObject({ cause_method: "five_whys", root_cause: "QT-01 thiếu bước thu hồi bản giấy lỗi thời." });
    expect((await getNonconformity(t.db, unitId, "NC-2026-003"))?.nc.analysis).toEqual(analysis);
  });

  it("refuses a plan with no action", async () => {
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "plan_actions" }, vn("2026-03-12T10:00:00")), "nc.error.actionsRequired");
  });

  it("refuses an action without owner or due date at the form", () => {
    for (const missing of [{ ownerUserId: undefined }, { dueDate: undefined }, { ownerUserId: "" }]) {
      const parsed = NcStepSchema.safeParse({ op: "add_action", description: "Bổ sung bước thu hồi vào QT-01", ownerUserId: String(officerId), dueDate: "2026-04-15", ...missing });
      expect(parsed.success).toBe(false);
    }
  });

  it("adds actions with owner and due date in round 1, each with an audit row, and then accepts the plan", async () => {
    const at = vn("2026-03-12T11:00:00");
    const parsed = NcStepSchema.parse({ op: "add_action", description: "Bổ sung bước thu hồi bản giấy vào QT-01", ownerUserId: String(officerId), dueDate: "2026-04-15" });
    if (parsed.op !== "add_action") throw new Error("wrong op");
    expect(await addCorrectiveAction(t.db, as(leadId), unitId, ncId, parsed, at)).toEqual({ ok: true });
    await expectStep(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "plan_actions" }, at), "cause_analysed", "actions_planned", at);
    // Still open to more actions once planned.
    expect(await addCorrectiveAction(t.db, as(leadId), unitId, ncId, { description: "Kiểm tra các quầy khác", ownerUserId: leaderId, dueDate: "2026-04-20" }, at)).toEqual({ ok: true });

    const actions = await actionsOf(ncId);
    expect(actions).toMatchObject([
      { round: 1, status: "planned", owner_user_id: officerId, due_date: "2026-04-15", done_by_user_id: null },
      { round: 1, status: "planned", owner_user_id: leaderId, due_date: "2026-04-20", done_by_user_id: null },
    ]);
    [firstActionId, secondActionId] = actions.map((a) => a.id) as [number, number];
    const audit = await auditOf("corrective_action", firstActionId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "created", actor_user_id: leadId });
    expect(json(audit[0]?.after_json)).toMatchObject({ ncId, ownerUserId: officerId, dueDate: "2026-04-15", round: 1 });
  });

  it("refuses to mark the actions done while one is planned", async () => {
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "complete_actions" }, vn("2026-03-20T09:00:00")), "nc.error.actionsOpen");
  });

  it("lets only the action's owner or the quality lead complete it", async () => {
    const at = vn("2026-04-01T09:00:00");
    await expectRefused(ncId, () => completeCorrectiveAction(t.db, withRoles(auditorId, ["auditor"]), unitId, firstActionId, "Tự làm", at), "document.error.notAllowed");
    await expectRefused(ncId, () => completeCorrectiveAction(t.db, withRoles(leaderId, ["leader"]), unitId, firstActionId, "Không phải của tôi", at), "document.error.notAllowed");

    expect(await completeCorrectiveAction(t.db, withRoles(officerId, ["officer"]), unitId, firstActionId, "QT-01 lần 3 đã ban hành", at)).toEqual({ ok: true });
    expect(await completeCorrectiveAction(t.db, withRoles(leadId, ["quality_lead"]), unitId, secondActionId, "Biên bản kiểm tra 5 quầy", at)).toEqual({ ok: true });
    expect(await actionsOf(ncId)).toMatchObject([
      { status: "done", evidence: "QT-01 lần 3 đã ban hành", done_by_user_id: officerId, done_at: at.toISOString() },
      { status: "done", evidence: "Biên bản kiểm tra 5 quầy", done_by_user_id: leadId, done_at: at.toISOString() },
    ]);
    const audit = await auditOf("corrective_action", firstActionId);
    expect(audit.map((a) => a.action)).toEqual(["created", "done"]);
    expect(json(audit[1]?.before_json)).toEqual({ status: "planned" });
    expect(json(audit[1]?.after_json)).toEqual({ status: "done", evidence: "QT-01 lần 3 đã ban hành" });

    await expectRefused(ncId, () => completeCorrectiveAction(t.db, withRoles(officerId, ["officer"]), unitId, firstActionId, "Lần nữa", at), "nc.error.actionNotEditable");
  });

  it("marks the actions done once all are", async () => {
    const at = vn("2026-04-02T09:00:00");
    await expectStep(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "complete_actions" }, at), "actions_planned", "actions_done", at);
    await expectRefused(ncId, () => addCorrectiveAction(t.db, as(leadId), unitId, ncId, { description: "Muộn", ownerUserId: officerId, dueDate: "2026-05-01" }, at), "nc.error.actionNotEditable");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "close" }, at), "nc.error.closeNeedsVerification");
  });

  it("refuses verification by an action's owner or by whoever did it", async () => {
    const at = vn("2026-05-04T09:00:00");
    for (const [who, effective] of [
      [officerId, true],
      [leaderId, true],
      [leadId, true],
      [leadId, false],
    ] as const) {
      await expectRefused(ncId, () => applyNcStep(t.db, as(who), unitId, ncId, { action: "verify", effective, note: "Tự kiểm tra" }, at), "nc.error.selfVerification");
    }
  });

  it("sends an ineffective fix back to planning: reopen count 1, new actions in round 2", async () => {
    const at = vn("2026-05-04T10:00:00");
    const row = await expectStep(
      ncId,
      () => applyNcStep(t.db, as(auditorId), unitId, ncId, { action: "verify", effective: false, note: "Quầy số 4 vẫn còn mẫu cũ." }, at),
      "actions_done",
      "actions_planned",
      at,
    );
    expect(json(row?.before_json)).toMatchObject({ reopenCount: 0 });
    expect(json(row?.after_json)).toMatchObject({ reopenCount: 1, effective: false });
    expect(await ncRow(ncId)).toMatchObject({
      reopen_count: 1,
      verification_note: "Quầy số 4 vẫn còn mẫu cũ.",
      verified_by_user_id: auditorId,
      verified_at: at.toISOString(),
      closed_at: null,
    });

    expect(await addCorrectiveAction(t.db, as(leadId), unitId, ncId, { description: "Thu hồi mẫu cũ ở quầy số 4", ownerUserId: officerId, dueDate: "2026-05-10" }, at)).toEqual({ ok: true });
    const actions = await actionsOf(ncId);
    expect(actions.map((a) => [a.round, a.status])).toEqual([
      [1, "done"],
      [1, "done"],
      [2, "planned"],
    ]);
    // Round 1 being done does not count: the new action is open.
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "complete_actions" }, at), "nc.error.actionsOpen");
    expect(await completeCorrectiveAction(t.db, withRoles(officerId, ["officer"]), unitId, actions[2]?.id ?? 0, "Đã thu hồi, có biên bản", vn("2026-05-06T09:00:00"))).toEqual({ ok: true });
    await expectStep(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "complete_actions" }, vn("2026-05-06T10:00:00")), "actions_planned", "actions_done", vn("2026-05-06T10:00:00"));
  });

  it("judges self-verification on the current round only", async () => {
    // The leader owned a round-1 action only; round 2's action is the officer's.
    await expectRefused(
      ncId,
      () => applyNcStep(t.db, as(officerId), unitId, ncId, { action: "verify", effective: true, note: "Tự kiểm tra" }, vn("2026-06-01T09:00:00")),
      "nc.error.selfVerification",
    );
  });

  it("verifies an effective fix, then closes", async () => {
    const verifiedAt = vn("2026-06-01T10:00:00");
    const row = await expectStep(
      ncId,
      () => applyNcStep(t.db, as(auditorId), unitId, ncId, { action: "verify", effective: true, note: "Kiểm tra 5 quầy: không còn mẫu cũ." }, verifiedAt),
      "actions_done",
      "verified",
      verifiedAt,
    );
    expect(json(row?.after_json)).toMatchObject({ effective: true, reopenCount: 1 });
    expect(await ncRow(ncId)).toMatchObject({ reopen_count: 1, verified_by_user_id: auditorId, verification_note: "Kiểm tra 5 quầy: không còn mẫu cũ." });

    const closedAt = vn("2026-06-02T09:00:00");
    await expectStep(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "close" }, closedAt), "verified", "closed", closedAt);
    expect((await ncRow(ncId)).closed_at).toBe(closedAt.toISOString());
  });

  it("refuses everything once closed", async () => {
    const at = vn("2026-06-03T09:00:00");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "close" }, at), "nc.error.closeNeedsVerification");
    await expectRefused(ncId, () => applyNcStep(t.db, as(leadId), unitId, ncId, { action: "record_correction", correction: "x" }, at), "nc.error.illegalTransition");
    await expectRefused(ncId, () => addCorrectiveAction(t.db, as(leadId), unitId, ncId, { description: "x", ownerUserId: officerId, dueDate: "2026-07-01" }, at), "nc.error.actionNotEditable");
  });

  it("keeps the whole history: one audit row per accepted step, in order", async () => {
    expect((await auditOf("nonconformity", ncId)).map((a) => a.action)).toEqual([
      "raised",
      "record_correction",
      "analyse_cause",
      "plan_actions",
      "complete_actions",
      "verify",
      "complete_actions",
      "verify",
      "close",
    ]);
    const detail = await getNonconformity(t.db, unitId, "NC-2026-003");
    expect(detail?.actions.map((a) => [a.round, a.ownerName, a.doneByName])).toEqual([
      [1, "Cầm Văn Thắng", "Cầm Văn Thắng"],
      [1, "Quàng Văn Minh", "Lò Thị Hoa"],
      [2, "Cầm Văn Thắng", "Cầm Văn Thắng"],
    ]);
    expect(detail?.nc).toMatchObject({ verifiedByName: "Tòng Thị Lan", foundByName: "Tòng Thị Lan" });
  });
});

describe("a re-opened nonconformity", () => {
  it("cannot be marked done again before a new action is added", async () => {
    const { id } = await raiseNonconformity(t.db, as(auditorId), unitId, FORM_NC, vn("2026-03-11T09:00:00"));
    const at = vn("2026-03-12T09:00:00");
    await applyNcStep(t.db, as(leadId), unitId, id, { action: "record_correction", correction: "Thu hồi" }, at);
    await applyNcStep(t.db, as(leadId), unitId, id, { action: "analyse_cause", method: "categories", analysis: ["Tài liệu"], rootCause: "Thiếu bước" }, at);
    await addCorrectiveAction(t.db, as(leadId), unitId, id, { description: "Sửa QT-01", ownerUserId: officerId, dueDate: "2026-04-15" }, at);
    await applyNcStep(t.db, as(leadId), unitId, id, { action: "plan_actions" }, at);
    const [action] = await actionsOf(id);
    await completeCorrectiveAction(t.db, withRoles(officerId, ["officer"]), unitId, action?.id ?? 0, "Đã sửa", at);
    await applyNcStep(t.db, as(leadId), unitId, id, { action: "complete_actions" }, at);
    expect(await applyNcStep(t.db, as(auditorId), unitId, id, { action: "verify", effective: false, note: "Chưa hiệu quả" }, at)).toEqual({ ok: true });
    expect((await ncRow(id)).state).toBe("actions_planned");

    await expectRefused(id, () => applyNcStep(t.db, as(leadId), unitId, id, { action: "complete_actions" }, at), "nc.error.actionsRequired");
  });
});
