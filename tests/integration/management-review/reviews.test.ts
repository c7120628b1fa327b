import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoObjectives } from "#db/seed/quality-objectives";
import { makePeriod } from "~/domain/metrics/period";
import { rates } from "~/domain/metrics/on-time";
import { SYSTEM_ACTOR } from "~/models/audit-log.server";
import {
  addReviewDecision,
  computeReviewInputs,
  createManagementReview,
  getManagementReview,
  listManagementReviews,
  recordManagementReview,
  removeReviewDecision,
  reviewRefOf,
  updateReviewNotes,
} from "~/models/management-reviews.server";
import { computeTotals } from "~/models/metrics.server";
import { raiseNonconformity } from "~/models/nonconformities.server";
import { listObjectivesWithActuals, seedObjectives } from "~/models/objectives.server";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { dossiersOf, generateDossiers, insertDossiers, insertOtherUnit, proceduresOf, seedReferenceData } from "../models/dossier-fixtures";

// Business dates in Vietnam (UTC+7): 10:00 on each day.
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+07:00`);
const ORIGIN = "http://localhost:3000";
const PERIOD = { from: "2026-01-01", to: "2026-06-30" };
const RECORD_NOW = at("2026-07-02");

let t: TestDb;
let unitId: number;
let leaderId: number;
let qualityLeadId: number;
let officerId: number;
let otherUnitUserId: number;
let ncInAuditId: number;
/** The review recorded below; its decisions are the later review's previous actions. */
let recordedCode = "";

const leader = () => ({ userId: leaderId, name: "Quàng Văn Minh", roles: ["leader"] as const });
/** Not among the attendees, so the record's secretary lines can only come from the stored secretary. */
const SECRETARY = "Lường Thị Mai";
const asUser = (userId: number) => ({ kind: "user", userId }) as const;
const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");
const auditRows = (reviewId: number) =>
  t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "management_review").where("entity_id", "=", String(reviewId)).orderBy("id").execute();

async function insertAudit(code: string, plannedEnd: string, state: "planned" | "in_progress" | "report_drafted", criteriaMet: "largely" | null) {
  const stamp = "2026-01-10T00:00:00.000Z";
  return (
    await t.db
      .insertInto("internal_audit")
      .values({
        unit_id: unitId,
        code,
        year: Number(plannedEnd.slice(0, 4)),
        title: `Đánh giá nội bộ ${code}`,
        objectives: "Xác định mức độ phù hợp",
        scope_processes_json: JSON.stringify(["QT-07"]),
        scope_fields_json: JSON.stringify(["civil_status"]),
        iso_clauses_json: JSON.stringify(["8.5.1"]),
        criteria: "TCVN ISO 9001:2015",
        location: "Trung tâm Phục vụ hành chính công xã",
        planned_start_date: plannedEnd,
        planned_end_date: plannedEnd,
        sample_from_date: "2026-01-01",
        sample_to_date: "2026-03-31",
        sample_size_per_field: 3,
        state,
        criteria_met: criteriaMet,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function insertFeedback(code: string, kind: "feedback" | "complaint", state: "received" | "answered", receivedAt: string, answeredAt: string | null, dueAt: string | null) {
  await t.db
    .insertInto("feedback_item")
    .values({
      unit_id: unitId,
      code,
      kind,
      state,
      subject: "Thử",
      description: "Thử",
      dossier_id: null,
      procedure_id: null,
      contact_name: "Lò Văn Bí Mật",
      contact_phone: "0912000111",
      contact_email: null,
      contact_address: null,
      contact_id_number: null,
      consent_at: null,
      received_at: receivedAt,
      acceptance_due_at: null,
      resolution_due_at: dueAt,
      accepted_at: null,
      answered_at: answeredAt,
      closed_at: null,
      public_answer: null,
      not_accepted_reason: null,
      forwarded_to: null,
      assignee_user_id: null,
      hidden_reason: null,
      duplicate_of_id: null,
      source: "web",
      source_address_hash: null,
      api_client_id: null,
      address_string: null,
      lat: null,
      long: null,
      nonconformity_id: null,
      created_at: receivedAt,
      updated_at: receivedAt,
    })
    .execute();
}

/** A complete draft: notes, conclusions and one decision. */
async function readyDraft(meetingDate: string, period: { from: string; to: string }, plannedAt: Date) {
  const created = await createManagementReview(
    t.db,
    asUser(qualityLeadId),
    unitId,
    { periodFrom: period.from, periodTo: period.to, meetingDate, location: "Phòng họp UBND xã", chairUserId: leaderId, attendees: "Quàng Văn Minh\nLò Thị Hoa" },
    plannedAt,
  );
  if (!created.ok) throw new Error(created.error);
  return created;
}

beforeAll(async () => {
  t = createTestDb();
  const ref = await seedReferenceData(t.db);
  unitId = ref.unit.id;
  leaderId = ref.leaderId;
  qualityLeadId = ref.qualityLeadId;
  officerId = ref.officerId;
  const otherUnit = await insertOtherUnit(t.db);
  otherUnitUserId = (
    await t.db
      .insertInto("user")
      .values({ unit_id: otherUnit, username: "khac", display_name: "Người xã khác", email: null, password_hash: "x", is_disabled: 0, must_change_password: 0, created_at: "2021-01-01T00:00:00.000Z", updated_at: "2021-01-01T00:00:00.000Z" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await t.db.insertInto("user_role").values({ user_id: otherUnitUserId, role: "leader" }).execute();

  const procedures = await proceduresOf(t.db, unitId);
  await insertDossiers(t.db, generateDossiers({ unitId, unitCode: ref.unit.code, procedures, anchors: ["2026-02-10", "2026-04-15", "2026-06-26", "2026-06-30"], count: 300, seed: 7 }));
  await seedObjectives(t.db, SYSTEM_ACTOR, unitId, 2026, demoObjectives(2026), at("2026-01-02"));

  // Nonconformities: two found in the period, one before it.
  const nc = (source: "internal_audit" | "feedback", grade: "minor" | "major", foundAt: Date) =>
    raiseNonconformity(t.db, SYSTEM_ACTOR, unitId, { source, grade, process: "QT-07", isoClause: "8.5.1", title: "Thử", description: "Thử", foundAt, foundByUserId: qualityLeadId });
  ncInAuditId = (await nc("internal_audit", "minor", at("2026-02-01"))).id;
  await nc("feedback", "major", at("2026-03-01"));
  await nc("feedback", "minor", at("2025-12-20"));
  const stamp = "2026-02-02T00:00:00.000Z";
  await t.db
    .insertInto("corrective_action")
    .values({ nonconformity_id: ncInAuditId, round: 1, description: "Rà soát", owner_user_id: officerId, due_date: "2026-05-01", status: "planned", evidence: null, done_by_user_id: null, done_at: null, created_at: stamp, updated_at: stamp })
    .execute();

  // Feedback: a complaint answered on time and a feedback item in the period; a complaint before it.
  await insertFeedback("TEST-MR-0001", "complaint", "answered", "2026-03-02T02:00:00.000Z", "2026-03-20T02:00:00.000Z", "2026-04-10T10:00:00.000Z");
  await insertFeedback("TEST-MR-0002", "feedback", "received", "2026-05-02T02:00:00.000Z", null, "2026-08-10T10:00:00.000Z");
  await insertFeedback("TEST-MR-0003", "complaint", "received", "2025-11-02T02:00:00.000Z", null, null);

  // Audits: one ending in the period (answers, one NC raised twice: by a question and a sample), one before.
  const auditId = await insertAudit("DGNB-2026-01", "2026-05-20", "report_drafted", "largely");
  await insertAudit("DGNB-2025-02", "2025-11-30", "in_progress", null);
  const answers = ["conform", "conform", "conform", "nonconformity", null] as const;
  for (const [index, answer] of answers.entries()) {
    await t.db
      .insertInto("internal_audit_question")
      .values({
        audit_id: auditId,
        template_code: "CL-01",
        template_title: "Tiếp nhận và trả kết quả",
        process: "QT-07",
        position: index + 1,
        iso_clause: "8.5.1",
        question: `Câu hỏi ${index + 1}`,
        guidance: null,
        answer,
        evidence: null,
        nonconformity_id: answer === "nonconformity" ? ncInAuditId : null,
        answered_by_user_id: null,
        answered_at: null,
      })
      .execute();
  }
  const dossier = (await dossiersOf(t.db, unitId))[0]!;
  await t.db
    .insertInto("internal_audit_sample")
    .values({ audit_id: auditId, dossier_id: dossier.id, field: "civil_status", draw_order: 1, is_priority: 0, result: "nonconformity", note: null, nonconformity_id: ncInAuditId, checked_by_user_id: null, checked_at: null })
    .execute();
}, 60_000);

afterAll(async () => {
  await t.cleanup();
});

describe("the reference data", () => {
  it("seeds no management review at 2021-01-01", async () => {
    expect(await listManagementReviews(t.db, unitId)).toEqual([]);
  });
});

describe("planning", () => {
  it("numbers reviews within the meeting's year and audits the creation", async () => {
    const first = await readyDraft("2025-12-10", { from: "2025-01-01", to: "2025-12-31" }, at("2025-12-01"));
    const second = await readyDraft("2025-12-20", { from: "2025-07-01", to: "2025-12-31" }, at("2025-12-01"));
    expect(first.code).toBe("XXLD-2025-01");
    expect(second.code).toBe("XXLD-2025-02");
    const [created] = await auditRows(first.id);
    expect(created).toMatchObject({ action: "created", actor_user_id: qualityLeadId, before_json: null, unit_id: unitId });
    expect(JSON.parse(created!.after_json!)).toMatchObject({ code: "XXLD-2025-01", state: "draft", periodFrom: "2025-01-01", chairUserId: leaderId });
    const detail = await getManagementReview(t.db, unitId, "XXLD-2025-01");
    expect(detail?.review).toMatchObject({ state: "draft", chairName: "Quàng Văn Minh", created_by_user_id: qualityLeadId });
    expect(await getManagementReview(t.db, unitId, "XXLD-2099-01")).toBeNull();
  });

  it("refuses a chair who is not one of the unit's leaders, and a period not yet started", async () => {
    const input = { periodFrom: "2026-01-01", periodTo: "2026-12-31", meetingDate: "2026-12-15", location: "Phòng họp", attendees: "A" };
    const count = (await listManagementReviews(t.db, unitId)).length;
    expect(await createManagementReview(t.db, asUser(qualityLeadId), unitId, { ...input, chairUserId: officerId }, at("2026-03-01"))).toEqual({
      ok: false,
      error: "review.error.chairNotLeader",
      field: "chairUserId",
    });
    expect(await createManagementReview(t.db, asUser(qualityLeadId), unitId, { ...input, chairUserId: otherUnitUserId }, at("2026-03-01"))).toMatchObject({
      ok: false,
      error: "review.error.chairNotLeader",
    });
    expect(await createManagementReview(t.db, asUser(qualityLeadId), unitId, { ...input, chairUserId: leaderId }, at("2025-12-31"))).toEqual({
      ok: false,
      error: "review.error.futurePeriod",
      field: "periodFrom",
    });
    expect(await listManagementReviews(t.db, unitId)).toHaveLength(count);
  });
});

describe("notes and decisions", () => {
  it("audits every change with before and after", async () => {
    const { id } = await readyDraft("2025-12-22", { from: "2025-01-01", to: "2025-12-31" }, at("2025-12-02"));
    expect(await updateReviewNotes(t.db, asUser(qualityLeadId), unitId, id, { attendees: "Quàng Văn Minh", changesNote: "Chính quyền hai cấp", resourcesNote: undefined, conclusions: "" }, at("2025-12-05"))).toEqual({ ok: true });
    const added = await addReviewDecision(t.db, asUser(leaderId), unitId, id, { category: "resources", description: "Mua máy quét", ownerUserId: officerId, dueDate: "2026-03-31" }, at("2025-12-22"));
    expect(added).toMatchObject({ ok: true });
    if (!added.ok) return;
    expect(await removeReviewDecision(t.db, asUser(leaderId), unitId, id, added.id, at("2025-12-22"))).toEqual({ ok: true });

    const rows = await auditRows(id);
    expect(rows.map((r) => r.action)).toEqual(["created", "notes_updated", "decision_added", "decision_removed"]);
    const notes = rows[1]!;
    expect(JSON.parse(notes.before_json!)).toEqual({ attendees: "Quàng Văn Minh\nLò Thị Hoa", changesNote: null, resourcesNote: null, conclusions: null });
    expect(JSON.parse(notes.after_json!)).toEqual({ attendees: "Quàng Văn Minh", changesNote: "Chính quyền hai cấp", resourcesNote: null, conclusions: null });
    expect(JSON.parse(rows[2]!.after_json!)).toEqual({ decisionId: added.id, category: "resources", description: "Mua máy quét", ownerUserId: officerId, dueDate: "2026-03-31" });
    expect(JSON.parse(rows[3]!.before_json!)).toMatchObject({ decisionId: added.id, description: "Mua máy quét" });
    expect(rows[3]!.actor_user_id).toBe(leaderId);
    const detail = await getManagementReview(t.db, unitId, (await t.db.selectFrom("management_review").select("code").where("id", "=", id).executeTakeFirstOrThrow()).code);
    expect(detail?.decisions).toEqual([]);
    expect(detail?.review.changes_note).toBe("Chính quyền hai cấp");
  });

  it("refuses an owner from another unit and a decision of another review", async () => {
    const { id } = await readyDraft("2025-12-23", { from: "2025-01-01", to: "2025-12-31" }, at("2025-12-02"));
    expect(await addReviewDecision(t.db, asUser(leaderId), unitId, id, { category: "improvement", description: "X", ownerUserId: otherUnitUserId, dueDate: "2026-03-31" }, at("2025-12-23"))).toEqual({
      ok: false,
      error: "review.error.ownerUnknown",
      field: "ownerUserId",
    });
    const other = await readyDraft("2025-12-24", { from: "2025-01-01", to: "2025-12-31" }, at("2025-12-02"));
    const added = await addReviewDecision(t.db, asUser(leaderId), unitId, other.id, { category: "improvement", description: "Y", ownerUserId: officerId, dueDate: "2026-03-31" }, at("2025-12-24"));
    if (!added.ok) throw new Error(added.error);
    expect(await removeReviewDecision(t.db, asUser(leaderId), unitId, id, added.id, at("2025-12-24"))).toEqual({ ok: false, error: "review.error.decisionNotFound" });
    expect(await t.db.selectFrom("management_review_decision").select("id").where("id", "=", added.id).executeTakeFirst()).toBeDefined();
  });
});

describe("recording", () => {
  let reviewId: number;
  let code: string;

  beforeAll(async () => {
    const created = await readyDraft("2025-12-16", { from: "2025-01-01", to: "2025-12-31" }, at("2025-12-02"));
    reviewId = created.id;
    code = created.code;
    recordedCode = created.code;
  });

  it("refuses what QT-05 does not allow, changing nothing", async () => {
    const record = (roles: readonly ("leader" | "quality_lead")[], now: Date) =>
      recordManagementReview(t.db, unitId, reviewId, { actor: { userId: leaderId, name: "Quàng Văn Minh", roles }, secretaryName: SECRETARY, origin: ORIGIN, now });
    expect(await record(["quality_lead"], at("2025-12-17"))).toEqual({ ok: false, error: "review.error.notLeader" });
    expect(await record(["leader"], at("2025-12-15"))).toEqual({ ok: false, error: "review.error.beforeMeeting" });
    expect(await record(["leader"], at("2025-12-17"))).toEqual({ ok: false, error: "review.error.noConclusions" });
    await updateReviewNotes(t.db, asUser(leaderId), unitId, reviewId, { attendees: "Quàng Văn Minh\nLò Thị Hoa\nCầm Văn Thắng", changesNote: "Sắp xếp chính quyền hai cấp từ 01/7/2025", resourcesNote: "Thiếu máy quét", conclusions: "Hệ thống thích hợp, thỏa đáng và có hiệu lực." }, at("2025-12-16"));
    expect(await record(["leader"], at("2025-12-17"))).toEqual({ ok: false, error: "review.error.noDecisions" });
    expect(await t.db.selectFrom("issued_document").select("id").where("kind", "=", "management_review_record").execute()).toEqual([]);
    expect((await auditRows(reviewId)).map((r) => r.action)).toEqual(["created", "notes_updated"]);
  });

  it("stores the record once, locks the review and audits it, in one go", async () => {
    await addReviewDecision(t.db, asUser(leaderId), unitId, reviewId, { category: "qms_change", description: "Ban hành mục tiêu chất lượng năm 2026", ownerUserId: qualityLeadId, dueDate: "2026-03-31" }, at("2025-12-16"));
    await addReviewDecision(t.db, asUser(leaderId), unitId, reviewId, { category: "resources", description: "Trang bị máy quét tốc độ cao", ownerUserId: officerId, dueDate: "2026-12-31" }, at("2025-12-16"));
    const recordedAt = at("2025-12-17", "15:30");
    const result = await recordManagementReview(t.db, unitId, reviewId, { actor: leader(), secretaryName: SECRETARY, origin: ORIGIN, now: recordedAt });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;

    const review = await t.db.selectFrom("management_review").selectAll().where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(review).toMatchObject({
      state: "recorded",
      record_document_id: result.documentId,
      recorded_at: recordedAt.toISOString(),
      recorded_by_user_id: leaderId,
      secretary_name: SECRETARY,
    });
    const stored = await t.db.selectFrom("issued_document").selectAll().where("id", "=", result.documentId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      kind: "management_review_record",
      variant: "record",
      verification_code: result.verificationCode,
      issued_by_user_id: leaderId,
      issued_by_label: "Quàng Văn Minh",
      title: `Biên bản họp xem xét của lãnh đạo ${code}`,
      sha256: result.sha256,
    });
    expect(JSON.parse(stored.parameters_json)).toEqual({ review: code, from: "2025-01-01", to: "2025-12-31" });
    const pdf = Buffer.from(stored.pdf!);
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(stored.sha256);
    expect(stored.size_bytes).toBe(pdf.byteLength);

    const recorded = (await auditRows(reviewId)).at(-1)!;
    expect(recorded).toMatchObject({ action: "recorded", actor_user_id: leaderId, at: recordedAt.toISOString() });
    expect(JSON.parse(recorded.before_json!)).toMatchObject({ state: "draft", conclusions: "Hệ thống thích hợp, thỏa đáng và có hiệu lực." });
    expect(JSON.parse(recorded.after_json!)).toMatchObject({
      state: "recorded",
      secretaryName: SECRETARY,
      recordDocumentId: result.documentId,
      verificationCode: result.verificationCode,
      sha256: result.sha256,
      decisions: [
        { category: "qms_change", ownerUserId: qualityLeadId, dueDate: "2026-03-31" },
        { category: "resources", ownerUserId: officerId, dueDate: "2026-12-31" },
      ],
    });

    const text = words(pdf);
    expect(text).toContain("BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO");
    expect(text).toContain(`Số: ${code}`);
    expect(text).toContain("III. KẾT LUẬN VỀ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG");
    expect(text).toContain("Hệ thống thích hợp, thỏa đáng và có hiệu lực.");
    expect(text).toContain("Ban hành mục tiêu chất lượng năm 2026");
    expect(text).toContain("Trang bị máy quét tốc độ cao");
    expect(text).toContain("Lò Thị Hoa");
    expect(text).toContain("Cầm Văn Thắng");
    expect(text).toContain("31/12/2026");
    expect(text).toContain("Ngày 16/12/2025");
    expect(text).toContain(`Mã xác minh: ${result.verificationCode}`);
    expect(text).toContain(`${ORIGIN}/verify/${result.verificationCode}`);
    expect(text).toContain("17/12/2025 15:30");
    // The stored secretary, not the person who recorded it: in the meeting facts and under the signature.
    expect(text).toContain(`Thư ký: ${SECRETARY}`);
    const lastPage = pdfPages(pdf, "raw").at(-1)!;
    expect(lastPage).toMatch(/THƯ KÝ CUỘC HỌP[\s\S]*Lường Thị Mai/);
  });

  it("refuses every change once recorded, leaving the record as stored", async () => {
    const before = await t.db.selectFrom("management_review").selectAll().where("id", "=", reviewId).executeTakeFirstOrThrow();
    const decisions = await t.db.selectFrom("management_review_decision").selectAll().where("review_id", "=", reviewId).execute();
    const auditCount = (await auditRows(reviewId)).length;
    const locked = { ok: false, error: "review.error.locked" };
    expect(await updateReviewNotes(t.db, asUser(leaderId), unitId, reviewId, { attendees: "X", conclusions: "Khác" })).toEqual(locked);
    expect(await addReviewDecision(t.db, asUser(leaderId), unitId, reviewId, { category: "improvement", description: "Thêm", ownerUserId: officerId, dueDate: "2026-03-31" })).toEqual(locked);
    expect(await removeReviewDecision(t.db, asUser(leaderId), unitId, reviewId, decisions[0]!.id)).toEqual(locked);
    expect(await recordManagementReview(t.db, unitId, reviewId, { actor: leader(), secretaryName: SECRETARY, origin: ORIGIN, now: at("2025-12-18") })).toEqual(locked);
    expect(await t.db.selectFrom("management_review").selectAll().where("id", "=", reviewId).executeTakeFirstOrThrow()).toEqual(before);
    expect(await t.db.selectFrom("management_review_decision").selectAll().where("review_id", "=", reviewId).execute()).toEqual(decisions);
    expect(await auditRows(reviewId)).toHaveLength(auditCount);
    expect(await t.db.selectFrom("issued_document").select("id").where("kind", "=", "management_review_record").execute()).toHaveLength(1);
  });
});

describe("the inputs of a review (§9.3.2)", () => {
  let inputs: Awaited<ReturnType<typeof computeReviewInputs>>;
  let reviewId: number;

  beforeAll(async () => {
    const created = await readyDraft("2026-06-25", PERIOD, at("2026-06-10"));
    reviewId = created.id;
    await updateReviewNotes(t.db, asUser(qualityLeadId), unitId, reviewId, { attendees: "A", changesNote: "Thông tư 03/2025/TT-VPCP", resourcesNote: "Đủ nhân sự" }, at("2026-06-11"));
    const detail = await getManagementReview(t.db, unitId, created.code);
    inputs = await computeReviewInputs(t.db, unitId, reviewRefOf(detail!.review), RECORD_NOW);
  });

  it("covers the whole period once it has ended", () => {
    expect(inputs.window).toEqual({ from: PERIOD.from, to: PERIOD.to, toDate: false });
  });

  it("cuts the measured period at today while it runs", async () => {
    const review = (await t.db.selectFrom("management_review").selectAll().where("id", "=", reviewId).executeTakeFirstOrThrow());
    const running = await computeReviewInputs(t.db, unitId, reviewRefOf(review), at("2026-06-26"));
    expect(running.window).toEqual({ from: PERIOD.from, to: "2026-06-26", toDate: true });
    expect(running.performance.totals).toMatchObject(await computeTotals(t.db, unitId, makePeriod(PERIOD.from, "2026-06-26"), at("2026-06-26")));
  });

  it("lists the decisions of earlier recorded reviews with their owners and whether they are due", () => {
    expect(inputs.previousActions.map((a) => [a.reviewCode, a.category, a.description, a.ownerName, a.dueDate, a.status])).toEqual([
      [recordedCode, "qms_change", "Ban hành mục tiêu chất lượng năm 2026", "Lò Thị Hoa", "2026-03-31", "due"],
      [recordedCode, "resources", "Trang bị máy quét tốc độ cao", "Cầm Văn Thắng", "2026-12-31", "not_due"],
    ]);
  });

  it("states the changes: the note and the documents that took effect", () => {
    expect(inputs.changes.note).toBe("Thông tư 03/2025/TT-VPCP");
    const codes = inputs.changes.revisions.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["CS-01", "MT-2026", "QT-05", "QT-07"]));
    expect(inputs.changes.revisions.every((r) => r.effectiveDate === "2026-01-05" && r.revision === 1)).toBe(true);
  });

  it("measures the year's objectives as the objectives page does", async () => {
    expect(inputs.objectives).toHaveLength(1);
    const [year] = inputs.objectives;
    expect(year).toMatchObject({ year: 2026, from: PERIOD.from, to: PERIOD.to });
    expect(year!.rows).toHaveLength(6);
    expect(year!.rows).toEqual(await listObjectivesWithActuals(t.db, unitId, 2026, makePeriod(PERIOD.from, PERIOD.to), RECORD_NOW));
  });

  it("states process performance with the on-time engine's figures", async () => {
    const engine = await computeTotals(t.db, unitId, makePeriod(PERIOD.from, PERIOD.to), RECORD_NOW);
    expect(engine.received).toBeGreaterThan(100);
    // "Overdue" at the judgement instant: the period's end, as on every other surface.
    expect(inputs.performance.totals).toEqual({ ...engine, ...rates(engine), overdueNow: engine.overdueAtEnd });
    expect(inputs.performance.byField.reduce((n, f) => n + f.received, 0)).toBe(engine.received);
    expect(inputs.performance.byChannel.reduce((n, c) => n + c.late, 0)).toBe(engine.late);
    expect(inputs.performance.months.map((m) => m.label)).toEqual(["T1/2026", "T2/2026", "T3/2026", "T4/2026", "T5/2026", "T6/2026"]);
  });

  it("counts feedback and complaints of the period by kind and state", () => {
    expect(inputs.complaints).toEqual({ received: 1, answered: 1, answeredOnTime: 1 });
    const byKind = Object.fromEntries(inputs.feedback.rows.map((r) => [r.kind, r.total]));
    expect(byKind).toEqual({ feedback: 1, recommendation: 0, complaint: 1, compliment: 0 });
    expect(inputs.feedback.states).toEqual(["received", "answered"]);
    expect(inputs.feedback.answers).toMatchObject({ answered: 1, onTime: 1, openLate: 0 });
  });

  it("counts the period's nonconformities by source, grade and state, with overdue actions", () => {
    expect(inputs.nonconformities).toMatchObject({
      total: 2,
      bySource: [
        { key: "internal_audit", count: 1 },
        { key: "feedback", count: 1 },
      ],
      byGrade: [
        { key: "major", count: 1 },
        { key: "minor", count: 1 },
      ],
      byState: [{ key: "open", count: 2 }],
      actions: { planned: 1, done: 0, cancelled: 0, overdue: 1 },
      openNow: { open: 3, overdue: 1, openActions: 1, overdueActions: 1 },
    });
  });

  it("summarises the internal audits planned to end in the period", () => {
    expect(inputs.audits).toEqual([
      {
        code: "DGNB-2026-01",
        title: "Đánh giá nội bộ DGNB-2026-01",
        state: "report_drafted",
        plannedEnd: "2026-05-20",
        criteriaMet: "largely",
        answers: { conform: 3, nonconformity: 1, observation: 0, improvement: 0, not_applicable: 0 },
        unanswered: 1,
        ncRaised: 1,
      },
    ]);
  });

  it("carries the resources note", () => {
    expect(inputs.resourcesNote).toBe("Đủ nhân sự");
  });
});
