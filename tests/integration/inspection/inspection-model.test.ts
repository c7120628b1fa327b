import type { Insertable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InternalAuditTable, ManagementReviewTable } from "#db/schema";
import { insertRecord, newVerificationCode } from "~/models/issued-documents.server";
import {
  countDocumentRegister,
  getInspectionPortal,
  getNonconformityStatistics,
  listAuditProgramme,
  listYearManagementReviews,
} from "~/models/inspection.server";
import {
  addCorrectiveAction,
  applyNcStep,
  completeCorrectiveAction,
  mergeNonconformity,
  raiseNonconformity,
  type NcResult,
  type NewNonconformity,
} from "~/models/nonconformities.server";
import { insertOtherUnit, seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, type TestDb } from "../../setup/test-db";

/** Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const TODAY = "2026-06-15";

let t: TestDb;
let unitId: number;
let otherUnitId: number;
let leadId: number;
let officerId: number;
let leaderId: number;
let auditorId: number;

const ok = (result: NcResult) => {
  if (!result.ok) throw new Error(result.error);
};

const NC: NewNonconformity = {
  source: "internal_audit",
  process: "QT-07",
  isoClause: "7.5.3",
  grade: "minor",
  title: "Biểu mẫu lỗi thời tại quầy",
  description: "Quầy số 2 dùng mẫu đã hết hiệu lực.",
  foundAt: vn("2026-03-02T09:00:00"),
  foundByUserId: null,
};

async function raise(input: Partial<NewNonconformity>, unit = unitId) {
  return raiseNonconformity(t.db, { kind: "user", userId: leadId }, unit, { ...NC, ...input });
}

/** Takes a nonconformity through every step to its closure on `closedAt` (the real workflow, not a column update). */
async function close(id: number, closedAt: Date) {
  const lead = { kind: "user", userId: leadId } as const;
  const before = new Date(closedAt.getTime() - 3_600_000);
  ok(await applyNcStep(t.db, lead, unitId, id, { action: "record_correction", correction: "Thu hồi ngay." }, before));
  ok(await applyNcStep(t.db, lead, unitId, id, { action: "analyse_cause", method: "five_whys", analysis: ["Vì sao?"], rootCause: "Thiếu bước." }, before));
  ok(await addCorrectiveAction(t.db, lead, unitId, id, { description: "Bổ sung bước", ownerUserId: officerId, dueDate: "2026-12-31" }, before));
  ok(await applyNcStep(t.db, lead, unitId, id, { action: "plan_actions" }, before));
  const action = await t.db.selectFrom("corrective_action").select("id").where("nonconformity_id", "=", id).executeTakeFirstOrThrow();
  ok(await completeCorrectiveAction(t.db, { kind: "user", userId: officerId, roles: ["officer"] }, unitId, action.id, "Đã bổ sung.", before, id));
  ok(await applyNcStep(t.db, lead, unitId, id, { action: "complete_actions" }, before));
  ok(await applyNcStep(t.db, lead, unitId, id, { action: "verify", effective: true, note: "Có hiệu lực." }, before));
  ok(await applyNcStep(t.db, lead, unitId, id, { action: "close" }, closedAt));
}

const AUDIT_BASE: Omit<Insertable<InternalAuditTable>, "unit_id" | "code" | "year" | "title" | "planned_start_date" | "planned_end_date" | "state"> = {
  objectives: "Đánh giá sự phù hợp",
  scope_processes_json: "[]",
  scope_fields_json: "[]",
  iso_clauses_json: JSON.stringify(["8.5.1"]),
  criteria: "TCVN ISO 9001:2015",
  location: "UBND xã",
  sample_from_date: "2026-01-01",
  sample_to_date: "2026-03-31",
  sample_size_per_field: 5,
  created_at: "2026-01-05T00:00:00.000Z",
  updated_at: "2026-01-05T00:00:00.000Z",
};

async function insertAudit(values: Partial<Insertable<InternalAuditTable>> & Pick<Insertable<InternalAuditTable>, "code" | "year" | "planned_start_date" | "planned_end_date" | "state">, team: Array<[number, "lead" | "auditor"]> = [], unit = unitId) {
  const { id } = await t.db
    .insertInto("internal_audit")
    .values({ ...AUDIT_BASE, title: `Đánh giá ${values.code}`, unit_id: unit, ...values })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [userId, role] of team) await t.db.insertInto("internal_audit_member").values({ audit_id: id, user_id: userId, role }).execute();
  return id;
}

async function insertReview(values: Pick<Insertable<ManagementReviewTable>, "code" | "meeting_date" | "period_from" | "period_to" | "state"> & { record_document_id?: number | null }, unit = unitId) {
  await t.db
    .insertInto("management_review")
    .values({ unit_id: unit, location: "Hội trường UBND xã", chair_user_id: leaderId, attendees: "Lãnh đạo, công chức", created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z", ...values })
    .execute();
}

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  leadId = seeded.qualityLeadId;
  officerId = seeded.officerId;
  leaderId = seeded.leaderId;
  auditorId = (await t.db.selectFrom("user").select("id").where("username", "=", "danhgia").executeTakeFirstOrThrow()).id;
  otherUnitId = await insertOtherUnit(t.db);

  // 2025: one a year before the first of 2026 (same process and clause), one on New Year's Eve late at night.
  await raise({ foundAt: vn("2025-06-01T09:00:00") });
  await raise({ source: "external_inspection", grade: "observation", process: "QT-01", isoClause: "7.5.2", foundAt: vn("2025-12-31T23:30:00") });
  // 2026. The first minutes of the year are 2025 in UTC: the business date counts.
  const newYear = await raise({ source: "process_monitoring", grade: "improvement", process: "QT-03", isoClause: "10.3", foundAt: vn("2026-01-01T00:30:00") });
  const first = await raise({});
  const feedback = await raise({ source: "feedback", grade: "major", process: "QT-07", isoClause: "9.1.2", foundAt: vn("2026-04-01T08:00:00") });
  const late = await raise({ source: "late_dossier", process: "1.001193", isoClause: "8.5.1", foundAt: vn("2026-05-04T10:00:00") });
  const repeat = await raise({ foundAt: vn("2026-06-01T09:00:00") });
  const duplicate = await raise({ source: "feedback", grade: "major", process: "QT-05", isoClause: "9.3", foundAt: vn("2026-06-02T09:00:00") });
  ok(await mergeNonconformity(t.db, { kind: "user", userId: leadId }, unitId, duplicate.id, repeat.code, vn("2026-06-03T09:00:00")));

  await close(newYear.id, vn("2026-01-31T15:00:00")); // 30 days
  await close(first.id, vn("2026-03-12T10:00:00")); // 10 days
  await close(feedback.id, vn("2026-04-05T16:00:00")); // 4 days

  // The late-dossier one: an action overdue on TODAY and one not yet due.
  const lead = { kind: "user", userId: leadId } as const;
  const at = vn("2026-05-05T09:00:00");
  ok(await applyNcStep(t.db, lead, unitId, late.id, { action: "record_correction", correction: "Trả kết quả ngay." }, at));
  ok(await applyNcStep(t.db, lead, unitId, late.id, { action: "analyse_cause", method: "five_whys", analysis: ["Vì sao?"], rootCause: "Quá tải." }, at));
  ok(await addCorrectiveAction(t.db, lead, unitId, late.id, { description: "Bố trí thêm người", ownerUserId: officerId, dueDate: "2026-05-10" }, at));
  ok(await addCorrectiveAction(t.db, lead, unitId, late.id, { description: "Đào tạo", ownerUserId: officerId, dueDate: "2026-12-31" }, at));
  ok(await applyNcStep(t.db, lead, unitId, late.id, { action: "plan_actions" }, at));

  // Another unit's, with an overdue action too: never counted here.
  const other = await raise({ foundAt: vn("2026-03-03T09:00:00") }, otherUnitId);
  await t.db
    .insertInto("corrective_action")
    .values({ nonconformity_id: other.id, description: "x", owner_user_id: officerId, due_date: "2026-04-01", status: "planned", evidence: null, done_by_user_id: null, done_at: null, created_at: "2026-03-03T00:00:00.000Z", updated_at: "2026-03-03T00:00:00.000Z" })
    .execute();

  // Audits: two in 2026 (listed by planned start), one in 2025, one of the other unit.
  const approvedReport = await t.db.transaction().execute((trx) =>
    insertRecord(trx, { unitId, kind: "audit_report", title: "Báo cáo DGNB-2026-01", parameters: {}, issuedBy: { userId: leaderId, name: "Quàng Văn Minh" }, now: new Date("2026-04-20T00:00:00Z") }, newVerificationCode(), Buffer.from("%PDF-1.7 test")),
  );
  await insertAudit(
    { code: "DGNB-2026-02", year: 2026, planned_start_date: "2026-09-14", planned_end_date: "2026-09-16", state: "planned", scope_fields_json: JSON.stringify(["land_construction", "not_a_field"]) },
    [[auditorId, "auditor"], [leadId, "lead"]],
  );
  await insertAudit(
    {
      code: "DGNB-2026-01",
      year: 2026,
      planned_start_date: "2026-04-06",
      planned_end_date: "2026-04-08",
      state: "approved",
      report_document_id: approvedReport.id,
      scope_processes_json: JSON.stringify(["QT-07", "QT-99"]),
      scope_fields_json: JSON.stringify(["civil_status", "justice"]),
    },
    [[leadId, "lead"], [auditorId, "auditor"]],
  );
  await insertAudit({ code: "DGNB-2025-01", year: 2025, planned_start_date: "2025-10-01", planned_end_date: "2025-10-02", state: "planned" });
  await insertAudit({ code: "DGNB-2026-91", year: 2026, planned_start_date: "2026-05-01", planned_end_date: "2026-05-02", state: "planned" }, [], otherUnitId);

  const record = await t.db.transaction().execute((trx) =>
    insertRecord(trx, { unitId, kind: "management_review_record", title: "Biên bản XXLD-2026-01", parameters: {}, issuedBy: { userId: leaderId, name: "Quàng Văn Minh" }, now: new Date("2026-01-20T00:00:00Z") }, newVerificationCode(), Buffer.from("%PDF-1.7 test")),
  );
  await insertReview({ code: "XXLD-2026-02", meeting_date: "2026-07-15", period_from: "2026-01-01", period_to: "2026-06-30", state: "draft" });
  await insertReview({ code: "XXLD-2026-01", meeting_date: "2026-01-20", period_from: "2025-01-01", period_to: "2025-12-31", state: "recorded", record_document_id: record.id });
  await insertReview({ code: "XXLD-2025-01", meeting_date: "2025-07-10", period_from: "2025-01-01", period_to: "2025-06-30", state: "draft" });
  await insertReview({ code: "XXLD-2026-91", meeting_date: "2026-03-01", period_from: "2025-01-01", period_to: "2025-12-31", state: "draft" }, otherUnitId);
}, 60_000);

afterAll(async () => {
  await t.cleanup();
});

describe("getNonconformityStatistics", () => {
  it("summarises the year's nonconformities, merged duplicates left out", async () => {
    const stats = await getNonconformityStatistics(t.db, unitId, 2026, TODAY);
    expect(stats.total).toBe(5);
    expect(stats.closed).toBe(3);
    expect(stats.open).toBe(2);
    const counts = <K extends string>(rows: { key: K; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
    expect(counts(stats.bySource)).toEqual({ internal_audit: 2, feedback: 1, late_dossier: 1, process_monitoring: 1 });
    expect(counts(stats.byGrade)).toEqual({ minor: 3, major: 1, improvement: 1 });
    expect(counts(stats.byState)).toEqual({ closed: 3, actions_planned: 1, open: 1 });
  });

  it("measures days from found to closed, by business date", async () => {
    const { daysToClose } = await getNonconformityStatistics(t.db, unitId, 2026, TODAY);
    // 30, 10 and 4 days.
    expect(daysToClose.closed).toBe(3);
    expect(daysToClose.median).toBe(10);
    expect(daysToClose.average).toBeCloseTo(44 / 3, 10);
  });

  it("counts corrective actions overdue today, and repeats against the whole history", async () => {
    const stats = await getNonconformityStatistics(t.db, unitId, 2026, TODAY);
    expect(stats.overdueActions).toBe(1);
    // The first of 2026 repeats June 2025's; June 2026's repeats the first.
    expect(stats.repeats).toBe(2);
    expect((await getNonconformityStatistics(t.db, unitId, 2026, "2026-05-10")).overdueActions).toBe(0);
  });

  it("takes the year by the business date found", async () => {
    const stats2025 = await getNonconformityStatistics(t.db, unitId, 2025, TODAY);
    expect(stats2025.total).toBe(2);
    expect(stats2025.bySource.find((s) => s.key === "external_inspection")?.count).toBe(1);
    expect(stats2025.repeats).toBe(0);
    expect((await getNonconformityStatistics(t.db, unitId, 2024, TODAY)).total).toBe(0);
  });

  it("counts only the unit's own", async () => {
    const other = await getNonconformityStatistics(t.db, otherUnitId, 2026, TODAY);
    expect(other.total).toBe(1);
    expect(other.overdueActions).toBe(1);
  });
});

describe("listAuditProgramme", () => {
  it("lists the year's audits in planned order, with team (lead first) and scope", async () => {
    const audits = await listAuditProgramme(t.db, unitId, 2026);
    expect(audits.map((a) => a.code)).toEqual(["DGNB-2026-01", "DGNB-2026-02"]);
    const [first, second] = audits;
    expect(first).toMatchObject({ title: "Đánh giá DGNB-2026-01", plannedStart: "2026-04-06", plannedEnd: "2026-04-08", state: "approved", fields: ["civil_status", "justice"] });
    const qt07 = await t.db.selectFrom("document").select("title").where("unit_id", "=", unitId).where("code", "=", "QT-07").executeTakeFirstOrThrow();
    expect(first?.processes).toEqual([
      { code: "QT-07", title: qt07.title },
      { code: "QT-99", title: null },
    ]);
    expect(first?.team).toEqual([
      { name: "Lò Thị Hoa", role: "lead" },
      { name: "Tòng Thị Lan", role: "auditor" },
    ]);
    expect(second?.team).toEqual([
      { name: "Lò Thị Hoa", role: "lead" },
      { name: "Tòng Thị Lan", role: "auditor" },
    ]);
    // Unknown fields are not shown (they would have no label).
    expect(second?.fields).toEqual(["land_construction"]);
  });

  it("filters by year and unit", async () => {
    expect((await listAuditProgramme(t.db, unitId, 2025)).map((a) => a.code)).toEqual(["DGNB-2025-01"]);
    expect(await listAuditProgramme(t.db, unitId, 2024)).toEqual([]);
    expect((await listAuditProgramme(t.db, otherUnitId, 2026)).map((a) => a.code)).toEqual(["DGNB-2026-91"]);
  });
});

describe("listYearManagementReviews", () => {
  it("lists the reviews met in the year, by meeting date, with their chair", async () => {
    expect(await listYearManagementReviews(t.db, unitId, 2026)).toEqual([
      { code: "XXLD-2026-01", meetingDate: "2026-01-20", periodFrom: "2025-01-01", periodTo: "2025-12-31", state: "recorded", chairName: "Quàng Văn Minh" },
      { code: "XXLD-2026-02", meetingDate: "2026-07-15", periodFrom: "2026-01-01", periodTo: "2026-06-30", state: "draft", chairName: "Quàng Văn Minh" },
    ]);
    expect((await listYearManagementReviews(t.db, unitId, 2025)).map((r) => r.code)).toEqual(["XXLD-2025-01"]);
    expect((await listYearManagementReviews(t.db, otherUnitId, 2026)).map((r) => r.code)).toEqual(["XXLD-2026-91"]);
  });
});

describe("countDocumentRegister", () => {
  it("counts effective documents and reviews overdue or due within 30 days", async () => {
    const documents = await t.db.selectFrom("document").select("id").where("unit_id", "=", unitId).orderBy("code").execute();
    expect(documents.length).toBeGreaterThan(3);
    await t.db.updateTable("document").set({ next_review_date: "2030-01-01" }).where("unit_id", "=", unitId).execute();
    await t.db.updateTable("document").set({ next_review_date: "2026-06-01" }).where("id", "=", documents[0]!.id).execute();
    await t.db.updateTable("document").set({ next_review_date: "2026-07-01" }).where("id", "=", documents[1]!.id).execute();
    const effective = await t.db
      .selectFrom("document")
      .innerJoin("document_revision", "document_revision.document_id", "document.id")
      .select((eb) => eb.fn.count<number>("document.id").distinct().as("n"))
      .where("document.unit_id", "=", unitId)
      .where("document_revision.state", "=", "effective")
      .executeTakeFirstOrThrow();
    expect(Number(effective.n)).toBeGreaterThan(0);
    expect(await countDocumentRegister(t.db, unitId, TODAY)).toEqual({ effective: Number(effective.n), reviewOverdue: 1, reviewSoon: 1 });
    expect(await countDocumentRegister(t.db, otherUnitId, TODAY)).toEqual({ effective: 0, reviewOverdue: 0, reviewSoon: 0 });
  });
});

describe("getInspectionPortal", () => {
  it("gathers the year's sections", async () => {
    const portal = await getInspectionPortal(t.db, unitId, 2026, TODAY);
    expect(portal.audits).toHaveLength(2);
    expect(portal.reviews).toHaveLength(2);
    expect(portal.nonconformities.total).toBe(5);
    expect(portal.documents.effective).toBeGreaterThan(0);
  });
});
