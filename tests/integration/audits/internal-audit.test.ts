import { writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditPlan } from "~/domain/audits/schema";
import { AuditPlanSchema } from "~/domain/audits/schema";
import {
  applyAuditStep,
  getApprovedReport,
  getAudit,
  listAudits,
  listMyAuditTasks,
  planAudit,
  redrawSample,
  replanAudit,
  renderDraftReport,
  type AuditActorUser,
  type AuditResult,
} from "~/models/audits.server";
import { listChecklistTemplates } from "~/models/checklists.server";
import { getIssuedDocument, findIssuedDocumentsBySha256 } from "~/models/issued-documents.server";
import { getNonconformity } from "~/models/nonconformities.server";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { generateDossiers, insertDossiers, proceduresOf, seedReferenceData } from "../models/dossier-fixtures";

let t: TestDb;
let unitId: number;
let auditor: AuditActorUser;
let qualityLead: AuditActorUser;
let leader: AuditActorUser;
let officer: AuditActorUser;
let templateIds: number[];

const NOW = new Date("2026-09-15T03:00:00.000Z");
const ORIGIN = "https://motcua.example.vn";
const SEED = "0f1e2d3c4b5a6978";

async function actor(username: string): Promise<AuditActorUser> {
  const row = await t.db
    .selectFrom("user")
    .select(["id", "display_name"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  const roles = await t.db.selectFrom("user_role").select("role").where("user_id", "=", row.id).execute();
  return { userId: row.id, name: row.display_name, roles: roles.map((r) => r.role) };
}

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  auditor = await actor("danhgia");
  qualityLead = await actor("chatluong");
  leader = await actor("lanhdao");
  officer = await actor("motcua");
  const procedures = await proceduresOf(t.db, unitId);
  await insertDossiers(
    t.db,
    generateDossiers({ unitId, unitCode: seeded.unit.code, procedures, anchors: ["2026-03-10", "2026-05-12", "2026-07-14"], count: 600, seed: 11 }),
  );
  const templates = await listChecklistTemplates(t.db, unitId, { activeOnly: true });
  templateIds = templates.filter((tpl) => tpl.code === "CL-01" || tpl.code === "CL-06").map((tpl) => tpl.id);
  expect(templateIds).toHaveLength(2);
});

afterAll(async () => {
  await t.cleanup();
});

const plan = (change: Partial<Record<keyof AuditPlan, unknown>> = {}): AuditPlan =>
  AuditPlanSchema.parse({
    title: "Đánh giá nội bộ năm 2026 – Bộ phận Một cửa",
    objectives: "Xác định sự phù hợp của việc tiếp nhận và giải quyết hồ sơ đất đai, xã hội với TCVN ISO 9001:2015.",
    processes: ["QT-07", "QT-12"],
    fields: ["land_construction", "social_affairs"],
    isoClauses: "8.5.1, 9.1.2",
    criteria: "TCVN ISO 9001:2015; Nghị định 61/2018/NĐ-CP; QT-07, QT-12.",
    location: "Trung tâm Phục vụ hành chính công xã",
    startDate: "2026-09-15",
    endDate: "2026-09-16",
    sampleFrom: "2026-01-01",
    sampleTo: "2026-08-31",
    sampleSize: 10,
    leadUserId: auditor.userId,
    memberUserIds: [],
    templateIds,
    ...change,
  });

const step = (user: AuditActorUser, code: string, s: Parameters<typeof applyAuditStep>[4], now = NOW): Promise<AuditResult> =>
  applyAuditStep(t.db, user, unitId, code, s, { origin: ORIGIN, now, seed: SEED });

describe("planning an audit", () => {
  it("refuses an auditor on her own field, naming her and the field", async () => {
    const result = await planAudit(t.db, auditor, unitId, plan({ fields: ["civil_status", "land_construction"] }), NOW);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: "leadUserId", key: "audits.error.ownArea", params: { name: "Tòng Thị Lan", area: "Hộ tịch" } }],
    });
  });

  it("refuses the quality lead on her own process, and a desk officer as auditor", async () => {
    const own = await planAudit(t.db, qualityLead, unitId, plan({ processes: ["QT-03"], memberUserIds: [qualityLead.userId] }), NOW);
    expect(own).toMatchObject({ ok: false, errors: [{ field: "memberUserIds", key: "audits.error.ownArea", params: { name: "Lò Thị Hoa", area: "QT-03" } }] });
    const notAuditor = await planAudit(t.db, auditor, unitId, plan({ memberUserIds: [officer.userId] }), NOW);
    expect(notAuditor.ok).toBe(false);
    if (!notAuditor.ok) expect(notAuditor.errors.map((e) => e.key)).toContain("audits.error.notAuditor");
    expect(await t.db.selectFrom("internal_audit").select("id").execute()).toEqual([]);
  });

  it("puts the audit in the programme with its team and the checklist copied", async () => {
    const result = await planAudit(t.db, auditor, unitId, plan(), NOW);
    expect(result).toEqual({ ok: true, code: "DGNB-2026-01" });
    const detail = await getAudit(t.db, unitId, "DGNB-2026-01");
    expect(detail?.audit.state).toBe("planned");
    expect(detail?.team).toEqual([{ userId: auditor.userId, name: "Tòng Thị Lan", role: "lead" }]);
    expect(detail?.questions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(detail?.questions.map((q) => q.templateCode))).toEqual(new Set(["CL-01", "CL-06"]));
    expect(await listMyAuditTasks(t.db, unitId, auditor.userId, false)).toMatchObject([{ code: "DGNB-2026-01", state: "planned" }]);
    const programme = await listAudits(t.db, unitId, 2026);
    expect(programme.audits.map((a) => a.code)).toEqual(["DGNB-2026-01"]);
    expect(await listAudits(t.db, unitId, 2025)).toMatchObject({ audits: [] });
  });
});

describe("changing a plan", () => {
  const code = "DGNB-2026-01";

  it("replaces scope, team and checklist before the sample is drawn, with the same checks", async () => {
    const cl01 = templateIds.slice(0, 1);
    const changed = await replanAudit(t.db, qualityLead, unitId, code, plan({ title: "Đánh giá Bộ phận Một cửa", memberUserIds: [qualityLead.userId], templateIds: cl01 }), NOW);
    expect(changed).toEqual({ ok: true, code });
    const detail = await getAudit(t.db, unitId, code);
    expect(detail?.audit.title).toBe("Đánh giá Bộ phận Một cửa");
    expect(detail?.team.map((m) => [m.name, m.role])).toEqual([
      ["Tòng Thị Lan", "lead"],
      ["Lò Thị Hoa", "auditor"],
    ]);
    expect(new Set(detail?.questions.map((q) => q.templateCode))).toEqual(new Set(["CL-01"]));

    expect(await replanAudit(t.db, qualityLead, unitId, code, plan({ processes: ["QT-07", "QT-04"], memberUserIds: [qualityLead.userId] }), NOW)).toMatchObject({
      ok: false,
      errors: [{ field: "memberUserIds", key: "audits.error.ownArea", params: { name: "Lò Thị Hoa", area: "QT-04" } }],
    });
    expect(await replanAudit(t.db, qualityLead, unitId, code, plan({ startDate: "2027-01-05", endDate: "2027-01-05" }), NOW)).toEqual({
      ok: false,
      errors: [{ field: "startDate", key: "audits.error.sameYear" }],
    });

    // Back to the plan the rest of this file performs.
    expect(await replanAudit(t.db, auditor, unitId, code, plan(), NOW)).toEqual({ ok: true, code });
    const rows = await t.db.selectFrom("audit_log").select("action").where("entity_type", "=", "internal_audit").where("entity_id", "=", code).execute();
    expect(rows.filter((r) => r.action === "replanned")).toHaveLength(2);
  });
});

describe("performing, drafting and approving", () => {
  const code = "DGNB-2026-01";

  it("draws a reproducible sample of real dossiers per field, once", async () => {
    expect(await step(leader, code, { intent: "draw_sample" })).toEqual({ ok: false, error: "audits.error.teamOnly" });
    expect(await step(auditor, code, { intent: "draw_sample" })).toEqual({ ok: true });
    const detail = await getAudit(t.db, unitId, code);
    if (!detail) throw new Error("audit missing");
    expect(detail.audit.sampleSeed).toBe(SEED);
    expect(detail.sample).toHaveLength(20);
    for (const s of detail.sample) {
      expect(["land_construction", "social_affairs"]).toContain(s.field);
      expect(s.receivedDate >= "2026-01-01" && s.receivedDate <= "2026-08-31").toBe(true);
    }
    const again = await redrawSample(t.db, unitId, detail);
    expect(again?.flatMap((d) => d.drawn.map((x) => x.code))).toEqual(detail.sample.map((s) => s.code));
    expect(detail.audit.sampleMethod?.fields.map((f) => f.field)).toEqual(["land_construction", "social_affairs"]);
    expect(await step(auditor, code, { intent: "draw_sample" })).toEqual({ ok: false, error: "audits.error.sampleDrawn" });
    expect(await replanAudit(t.db, auditor, unitId, code, plan(), NOW)).toEqual({ ok: false, errors: [{ field: "form", key: "audits.error.planLocked" }] });
  });

  it("records answers only once started, and a nonconformity answer raises a linked nonconformity", async () => {
    const detail = await getAudit(t.db, unitId, code);
    const [first, second] = detail?.questions ?? [];
    if (!first || !second) throw new Error("questions missing");
    expect(await step(auditor, code, { intent: "answer", questionId: first.id, answer: "conform", grade: "minor" })).toEqual({
      ok: false,
      error: "audits.error.illegalTransition",
    });
    expect(await step(auditor, code, { intent: "start" })).toEqual({ ok: true });
    expect(await step(auditor, code, { intent: "answer", questionId: first.id, answer: "nonconformity", grade: "minor" })).toEqual({
      ok: false,
      error: "audits.error.evidenceRequired",
    });
    expect(
      await step(auditor, code, {
        intent: "answer",
        questionId: first.id,
        answer: "nonconformity",
        evidence: "Bảng niêm yết tại quầy số 2 còn mức lệ phí cũ của năm 2024.",
        grade: "minor",
      }),
    ).toEqual({ ok: true });
    const after = await getAudit(t.db, unitId, code);
    const answered = after?.questions.find((q) => q.id === first.id);
    expect(answered?.ncCode).toMatch(/^NC-2026-\d{3}$/);
    const nc = await t.db.selectFrom("nonconformity").selectAll().where("code", "=", answered?.ncCode ?? "").executeTakeFirstOrThrow();
    expect(nc).toMatchObject({ source: "internal_audit", iso_clause: first.isoClause, found_by_user_id: auditor.userId, state: "open" });
    // The nonconformity says what was found; the checklist question is its requirement, in the evidence.
    expect(nc.title).toBe(`${code}: Bảng niêm yết tại quầy số 2 còn mức lệ phí cũ của năm 2024.`);
    expect(nc.evidence).toContain(first.question);
    const link = await t.db.selectFrom("nonconformity_link").selectAll().where("nonconformity_id", "=", nc.id).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ entity_type: "audit_finding", entity_id: first.id });
    const ncPage = await getNonconformity(t.db, unitId, nc.code);
    expect(ncPage?.links).toEqual([
      expect.objectContaining({ label: `${code} – ${first.templateCode}/${first.position}`, href: `/staff/audits/${code}#question-${first.id}` }),
    ]);
    expect(await step(auditor, code, { intent: "answer", questionId: first.id, answer: "conform", grade: "minor" })).toEqual({
      ok: false,
      error: "audits.error.ncLocked",
    });
    expect(
      await step(auditor, code, { intent: "answer", questionId: second.id, answer: "improvement", evidence: "Nên bổ sung ghế chờ.", grade: "minor" }),
    ).toEqual({ ok: true });
  });

  it("drafts only when everything is answered, checked and concluded", async () => {
    expect(await step(auditor, code, { intent: "draft_report" })).toEqual({ ok: false, error: "audits.error.unanswered" });
    const detail = await getAudit(t.db, unitId, code);
    for (const q of detail?.questions.filter((q) => q.answer === null) ?? []) {
      const answer = q.position % 5 === 0 ? "not_applicable" : "conform";
      expect(await step(auditor, code, { intent: "answer", questionId: q.id, answer, grade: "minor" })).toEqual({ ok: true });
    }
    expect(await step(auditor, code, { intent: "draft_report" })).toEqual({ ok: false, error: "audits.error.unchecked" });
    for (const [i, s] of (detail?.sample ?? []).entries()) {
      const result = i === 3 ? "observation" : "conform";
      // Auditors may write a citizen's name in a note: the report masks it.
      const applicant = (await t.db.selectFrom("dossier").select("applicant_name").where("code", "=", s.code).executeTakeFirstOrThrow()).applicant_name;
      const note = i === 3 ? `Phiếu kiểm soát thiếu chữ ký người nhận bàn giao (người nộp ${applicant}, ĐT 0912 345 678).` : undefined;
      expect(await step(auditor, code, { intent: "check_sample", sampleId: s.id, result, note })).toEqual({ ok: true });
    }
    expect(await step(auditor, code, { intent: "draft_report" })).toEqual({ ok: false, error: "audits.error.conclusionsRequired" });
    expect(
      await step(auditor, code, {
        intent: "save_conclusions",
        conclusions: "Hệ thống được duy trì phù hợp; cần khắc phục việc niêm yết lệ phí.",
        criteriaMet: "largely",
        divergingOpinions: undefined,
      }),
    ).toEqual({ ok: true });
    expect(await step(auditor, code, { intent: "draft_report" })).toEqual({ ok: true });
    expect((await getAudit(t.db, unitId, code))?.audit.state).toBe("report_drafted");
  });

  it("the draft waits on the leader's home page, no longer on the auditor's", async () => {
    expect(await listMyAuditTasks(t.db, unitId, leader.userId, true)).toEqual([
      { code, title: "Đánh giá nội bộ năm 2026 – Bộ phận Một cửa", state: "report_drafted", startDate: "2026-09-15" },
    ]);
    expect(await listMyAuditTasks(t.db, unitId, auditor.userId, false)).toEqual([]);
    expect(await listMyAuditTasks(t.db, unitId, qualityLead.userId, false)).toEqual([]);
  });

  it("a draft preview is marked and carries no verification code", async () => {
    const detail = await getAudit(t.db, unitId, code);
    if (!detail) throw new Error("audit missing");
    const text = pdfPages(await renderDraftReport(t.db, unitId, detail, NOW)).join("\n");
    expect(text).toContain("DỰ THẢO");
    expect(text).not.toContain("Mã xác minh");
  });

  it("a leader outside the team approves; the report is stored once and locked", async () => {
    expect(await step(auditor, code, { intent: "approve" })).toEqual({ ok: false, error: "audits.error.leaderOnly" });
    const approvedAt = new Date("2026-09-21T02:00:00.000Z");
    expect(await step(leader, code, { intent: "approve", comment: "Đồng ý với báo cáo." }, approvedAt)).toEqual({ ok: true });
    const detail = await getAudit(t.db, unitId, code);
    if (!detail) throw new Error("audit missing");
    expect(detail.audit).toMatchObject({ state: "approved", approvedBy: "Quàng Văn Minh", approvalComment: "Đồng ý với báo cáo." });

    const stored = await getApprovedReport(t.db, unitId, detail);
    if (!stored) throw new Error("report missing");
    const sha256 = createHash("sha256").update(stored.pdf).digest("hex");
    expect(stored.sha256).toBe(sha256);
    const issued = await getIssuedDocument(t.db, stored.code);
    expect(issued).toMatchObject({ kind: "audit_report", variant: "record", issuedBy: "Quàng Văn Minh", sha256, parameters: { audit: code } });
    expect(await findIssuedDocumentsBySha256(t.db, sha256)).toHaveLength(1);
    // Served as stored: the same bytes on every read.
    const again = await getApprovedReport(t.db, unitId, (await getAudit(t.db, unitId, code))!);
    expect(again?.pdf.equals(stored.pdf)).toBe(true);

    const text = pdfPages(stored.pdf).join("\n").replace(/[ \t]+/g, " ");
    for (const heading of ["BÁO CÁO ĐÁNH GIÁ NỘI BỘ", "1. Mục tiêu đánh giá", "2. Phạm vi đánh giá", "3. Chuẩn mực đánh giá", "5. Chọn mẫu hồ sơ", "6. Phát hiện đánh giá và bằng chứng", "7. Sự không phù hợp và tình trạng xử lý", "8. Kết luận đánh giá", "9. Ý kiến khác biệt", "10. Phê duyệt"]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(`Mã xác minh: ${stored.code}`);
    expect(text).toContain(SEED);
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, stored.pdf);
    const words = pdfPages(stored.pdf, "raw").join(" ").replace(/\s+/g, " ");
    expect(words).toContain("cùng hạt giống và cùng sổ theo dõi luôn chọn ra đúng những hồ sơ này");
    expect(words).not.toMatch(/Mulberry|FNV|Fisher/);
    // A sample of dossiers received after 1 July 2025: the criteria name Decree 118/2025 and Circular 03/2025.
    expect(words).toContain("Quy định về cơ chế một cửa áp dụng cho hồ sơ trong mẫu: Nghị định số 118/2025/NĐ-CP; Thông tư số 03/2025/TT-VPCP");
    // Section 7 gives the finding, not the checklist question.
    expect(words).toMatch(/NC-2026-\d{3} Bảng niêm yết tại quầy số 2 còn mức lệ phí cũ của năm 2024\./);
    expect(text).toContain("Tòng Thị Lan");
    expect(text).toContain("Quàng Văn Minh");
    expect(text).toContain("Đáp ứng phần lớn");
    expect(text).toContain("Bảng niêm yết tại quầy số 2");
    for (const s of detail.sample.slice(0, 5)) expect(text).toContain(s.code);
    for (const nc of detail.nonconformities) expect(text).toContain(nc.code);
    expect(text).not.toContain("DỰ THẢO");
    expect(text).not.toMatch(/Công dân \d+/);
    const plain = pdfPages(stored.pdf, "plain").join(" ").replace(/\s+/g, " ");
    expect(plain).toMatch(/C\*\*\* D\*\*\* \d\*\*\*/);
    expect(plain).toContain("09******78");
    expect(plain).not.toContain("0912 345 678");
  });

  it("nothing changes an approved audit", async () => {
    const detail = await getAudit(t.db, unitId, code);
    const q = detail?.questions.find((x) => x.answer === "conform");
    if (!q) throw new Error("question missing");
    expect(await step(auditor, code, { intent: "answer", questionId: q.id, answer: "observation", evidence: "x", grade: "minor" })).toEqual({
      ok: false,
      error: "audits.error.locked",
    });
    expect(await step(leader, code, { intent: "return_draft", comment: "Sửa" })).toEqual({ ok: false, error: "audits.error.locked" });
  });

  it("left an audit-log row for every change", async () => {
    const rows = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("entity_type", "=", "internal_audit")
      .where("entity_id", "=", code)
      .orderBy("id")
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.slice(0, 5)).toEqual(["planned", "replanned", "replanned", "sample_drawn", "start"]);
    expect(actions).toContain("question_answered");
    expect(actions).toContain("sample_checked");
    expect(actions).toContain("conclusions_saved");
    expect(actions.slice(-2)).toEqual(["draft_report", "approve"]);
    expect(rows.at(-1)?.actor_user_id).toBe(leader.userId);
  });
});
