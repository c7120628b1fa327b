import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompetenceSchema, TrainingRecordSchema } from "~/domain/competence/competence";
import { NewRiskSchema } from "~/domain/risks/risk";
import { recordTraining, saveCompetence } from "~/models/competence.server";
import {
  addReviewDecision,
  computeReviewInputs,
  createManagementReview,
  getManagementReview,
  issueReviewInputReport,
  recordManagementReview,
  reviewInputsOf,
  reviewRefOf,
  updateReviewNotes,
  type ReviewInputs,
} from "~/models/management-reviews.server";
import { applyRiskStep, getRisk, recordRisk } from "~/models/risks.server";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";

/*
 * Issue 18, §9.3.2 computed from the records: the risk register (risks and opportunities apart, the
 * level before and after each review), the competence gaps and the training done, the improvement
 * opportunities; frozen when the review is recorded, and read back by the input report.
 */

const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+07:00`);
const ORIGIN = "http://localhost:3000";
const PERIOD = { from: "2026-01-01", to: "2026-06-30" };
const RECORD_NOW = at("2026-07-02");
const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");

let t: TestDb;
let unitId: number;
let leaderId: number;
let qualityLeadId: number;
let officerId: number;
let reviewCode: string;
let reviewId: number;
let inputs: ReviewInputs;

const asUser = (userId: number) => ({ kind: "user", userId }) as const;

async function risk(fields: Record<string, unknown>) {
  const base = {
    kind: "risk",
    process: "QT-07",
    description: "Mô tả",
    cause: "Nguyên nhân",
    consequence: "Hậu quả",
    ownerUserId: String(qualityLeadId),
    reviewDate: "2026-03-01",
  };
  const result = await recordRisk(t.db, asUser(qualityLeadId), unitId, NewRiskSchema.parse({ ...base, ...fields }), at(String(fields.recordedOn)));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.code;
}

beforeAll(async () => {
  t = createTestDb();
  const ref = await seedReferenceData(t.db);
  unitId = ref.unit.id;
  leaderId = ref.leaderId;
  qualityLeadId = ref.qualityLeadId;
  officerId = ref.officerId;
  const lead = asUser(qualityLeadId);

  // Competences: the quality lead's auditor training lapses in July; the desk officer has never had civil status.
  await saveCompetence(t.db, lead, unitId, CompetenceSchema.parse({ code: "NL-DGNB", title: "Đánh giá viên nội bộ", requiredFor: "role:quality_lead" }), at("2026-01-02"));
  await saveCompetence(t.db, lead, unitId, CompetenceSchema.parse({ code: "NL-HT", title: "Nghiệp vụ hộ tịch", requiredFor: "field:civil_status" }), at("2026-01-02"));
  const competence = async (code: string) => (await t.db.selectFrom("competence").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const training = async (fields: Record<string, unknown>) => {
    const result = await recordTraining(t.db, lead, unitId, TrainingRecordSchema.parse(fields), null, at("2026-01-03"));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  };
  await training({ userId: qualityLeadId, competenceId: await competence("NL-DGNB"), course: "Đánh giá viên nội bộ ISO 9001", provider: "Trung tâm Kỹ thuật TC-ĐL-CL Sơn La", startDate: "2024-07-20", endDate: "2024-07-22", hours: 24, expiresOn: "2026-08-15" });
  await training({ userId: officerId, course: "Kỹ năng giao tiếp với người dân", provider: "Sở Nội vụ tỉnh Sơn La", startDate: "2026-03-09", endDate: "2026-03-10", hours: 16 });
  await training({ userId: qualityLeadId, course: "Kỹ năng giao tiếp với người dân", provider: "Sở Nội vụ tỉnh Sơn La", startDate: "2026-03-09", endDate: "2026-03-10", hours: 16 });

  // The register: a risk treated and reviewed (16 → 6), an opportunity, a closed-out period's risk.
  const tet = await risk({ title: "Công chức một cửa duy nhất nghỉ dịp Tết", likelihood: "4", impact: "4", recordedOn: "2026-01-05", treatment: "Phân công người thay thế", treatmentDue: "2026-01-20" });
  const treatmentId = (await getRisk(t.db, unitId, tet))!.treatments[0]!.id;
  expect(await applyRiskStep(t.db, lead, unitId, tet, { op: "treatment_done", treatmentId, doneOn: "2026-01-18", evidence: "Quyết định phân công" }, at("2026-01-18"))).toEqual({ ok: true });
  expect(
    await applyRiskStep(t.db, lead, unitId, tet, { op: "review", reviewedOn: "2026-02-20", likelihood: 2, impact: 3, note: "Tết qua, không gián đoạn", nextReviewDate: "2026-12-01" }, at("2026-02-20")),
  ).toEqual({ ok: true });
  await risk({ kind: "opportunity", title: "Dịch vụ công trực tuyến toàn trình", likelihood: "3", impact: "4", recordedOn: "2026-02-01", treatment: "Hướng dẫn người dân nộp trực tuyến", treatmentDue: "2026-05-01" });
  await risk({ title: "Mất điện, mất mạng", likelihood: "3", impact: "3", recordedOn: "2025-11-10" });

  const created = await createManagementReview(
    t.db,
    asUser(qualityLeadId),
    unitId,
    { periodFrom: PERIOD.from, periodTo: PERIOD.to, meetingDate: "2026-07-01", location: "Phòng họp UBND xã", chairUserId: leaderId, attendees: "Quàng Văn Minh\nLò Thị Hoa" },
    at("2026-06-10"),
  );
  if (!created.ok) throw new Error(created.error);
  reviewCode = created.code;
  reviewId = created.id;
  const detail = await getManagementReview(t.db, unitId, reviewCode);
  inputs = await computeReviewInputs(t.db, unitId, reviewRefOf(detail!.review), RECORD_NOW);
});

afterAll(() => t?.cleanup());

describe("risks and opportunities (§9.3.2 e)", () => {
  it("counts risks and opportunities apart, with their treatments", () => {
    expect(inputs.risks.risks).toEqual({ open: 2, high: 0, recorded: 1, reviewed: 1, effective: 1, treatmentsDue: 1, treatmentsDone: 1, treatmentsOverdue: 0 });
    expect(inputs.risks.opportunities).toEqual({ open: 1, high: 1, recorded: 1, reviewed: 0, effective: 0, treatmentsDue: 1, treatmentsDone: 0, treatmentsOverdue: 1 });
  });

  it("states each review's level before and after", () => {
    expect(inputs.risks.reviews).toEqual([
      { code: "RR-2026-01", title: "Công chức một cửa duy nhất nghỉ dịp Tết", kind: "risk", reviewedOn: "2026-02-20", levelBefore: 16, levelAfter: 6, bandAfter: "medium", effective: true },
    ]);
    expect(inputs.risks.top.map((r) => [r.code, r.level])).toEqual([
      ["RR-2025-01", 9],
      ["RR-2026-01", 6],
    ]);
  });
});

describe("competence and training (§7.2)", () => {
  it("lists the gaps by name: lapsing and missing", () => {
    expect(inputs.competence.gaps).toEqual(
      expect.arrayContaining([
        { name: "Lò Thị Hoa", code: "NL-DGNB", title: "Đánh giá viên nội bộ", status: "lapsing" },
        { name: "Cầm Văn Thắng", code: "NL-HT", title: "Nghiệp vụ hộ tịch", status: "missing" },
      ]),
    );
    expect(inputs.competence.lapsing).toBe(1);
    expect(inputs.competence.missing).toBe(inputs.competence.gaps.length - 1);
  });

  it("counts the period's training and its external providers", () => {
    expect(inputs.competence).toMatchObject({ trainings: 2, hours: 32, peopleTrained: 2, providers: [{ provider: "Sở Nội vụ tỉnh Sơn La", trainings: 2, hours: 32 }] });
  });
});

describe("improvement opportunities (§9.3.2 f)", () => {
  it("lists the register's open opportunities", () => {
    expect(inputs.improvement).toMatchObject({ opportunities: [{ code: "RR-2026-02", title: "Dịch vụ công trực tuyến toàn trình", level: 12 }] });
  });
});

describe("a recorded review keeps its figures", () => {
  beforeAll(async () => {
    await updateReviewNotes(t.db, asUser(leaderId), unitId, reviewId, { attendees: "Quàng Văn Minh\nLò Thị Hoa", conclusions: "Hệ thống phù hợp." }, at("2026-07-01"));
    await addReviewDecision(t.db, asUser(leaderId), unitId, reviewId, { category: "resources", description: "Đào tạo hộ tịch cho công chức một cửa", ownerUserId: qualityLeadId, dueDate: "2026-09-30" }, at("2026-07-01"));
  });

  it("freezes the inputs with the record and prints them in its summary", async () => {
    const result = await recordManagementReview(t.db, unitId, reviewId, { actor: { userId: leaderId, name: "Quàng Văn Minh", roles: ["leader"] }, secretaryName: "Lò Thị Hoa", origin: ORIGIN, now: RECORD_NOW });
    expect(result).toMatchObject({ ok: true });
    const row = await t.db.selectFrom("management_review").select(["inputs_json"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
    const frozen = JSON.parse(row.inputs_json!) as ReviewInputs;
    expect(frozen.risks).toEqual(inputs.risks);
    expect(frozen.competence).toEqual(inputs.competence);
    const stored = await t.db.selectFrom("issued_document").select("pdf").where("kind", "=", "management_review_record").executeTakeFirstOrThrow();
    const text = words(Buffer.from(stored.pdf!));
    expect(text).toContain("9. Rủi ro: 2 đang theo dõi (0 mức cao trở lên), 1 ghi nhận mới trong kỳ; 1 lần xem xét hiệu lực, 1 có hiệu lực");
    expect(text).toContain("Cơ hội: 1 đang theo dõi (1 mức cao trở lên)");
    expect(text).toContain("10. Năng lực: còn thiếu");
    expect(text).toContain("11. Cơ hội cải tiến: 1 cơ hội đang theo dõi (RR-2026-02)");
  });

  it("shows and prints the frozen figures after the register changes", async () => {
    await risk({ title: "Sáp nhập xã, thay đổi địa giới hành chính", likelihood: "5", impact: "5", recordedOn: "2026-03-15" });
    const detail = (await getManagementReview(t.db, unitId, reviewCode))!;
    const live = await computeReviewInputs(t.db, unitId, reviewRefOf(detail.review), at("2026-07-10"));
    expect(live.risks.risks).toMatchObject({ open: 3, high: 1, recorded: 2 });
    const shown = await reviewInputsOf(t.db, unitId, detail.review, at("2026-07-10"));
    expect(shown.frozen).toBe(true);
    expect(shown.risks).toEqual(inputs.risks);

    const issued = await issueReviewInputReport(t.db, {
      unit: { id: unitId, name: "UBND xã Mường Sai" },
      review: detail.review,
      reader: { userId: qualityLeadId, name: "Lò Thị Hoa", isInspector: false },
      origin: ORIGIN,
      now: at("2026-07-10"),
    });
    const text = words(issued.pdf);
    expect(text).toContain("9. Hiệu lực của các hành động giải quyết rủi ro và cơ hội");
    expect(text).toContain("Rủi ro: 2 đang theo dõi (0 mức cao trở lên), 1 ghi nhận mới trong kỳ");
    expect(text).toMatch(/RR-2026-01 Công chức một cửa duy nhất nghỉ dịp Tết Rủi ro 20\/02\/2026 16 6 Có hiệu lực/);
    expect(text).toContain("10. Năng lực và đào tạo");
    expect(text).toContain("Lò Thị Hoa NL-DGNB: Đánh giá viên nội bộ Sắp hết hạn");
    expect(text).toContain("Cầm Văn Thắng NL-HT: Nghiệp vụ hộ tịch Thiếu");
    expect(text).toContain("Sở Nội vụ tỉnh Sơn La 2 32");
    expect(text).toContain("11. Các cơ hội cải tiến");
    expect(text).not.toContain("Sáp nhập xã, thay đổi địa giới");
  });
});
