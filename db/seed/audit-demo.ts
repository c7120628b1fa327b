import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { Role } from "../../app/domain/accounts/roles";
import type { ChecklistAnswer } from "../../app/domain/audits/audit";
import { AuditPlanSchema } from "../../app/domain/audits/schema";
import { applyAuditStep, getAudit, planAudit, type AuditActorUser, type AuditResult } from "../../app/models/audits.server";
import { listChecklistTemplates } from "../../app/models/checklists.server";
import { addCorrectiveAction, applyNcStep, completeCorrectiveAction } from "../../app/models/nonconformities.server";

/** The address printed in seeded reports' QR codes when the site's public address is not known. */
export const DEMO_ORIGIN = "http://localhost:3000";

/** A recorded seed per year, so the demo's samples are the same on every install. */
const SEEDS: Record<number, string> = { 2025: "4d756f6e67536169", 2026: "51542d30372d3236" };

const vn = (local: string) => new Date(`${local}+07:00`);

/**
 * The commune's yearly internal audits as the demo shows them: each September (QT-02 §5.1) the
 * justice officer audits the desk and the land and social fields, finds one nonconformity (fees
 * posted at the counter out of date), an observation and an opportunity for improvement; the
 * chairman approves the report and the nonconformity is corrected, verified and closed by October.
 * Every step goes through the same model functions as the pages, so the audit log, the sample and
 * the stored report PDF are those a real audit leaves.
 */
export async function seedDemoAudits(db: Kysely<Database>, unitId: number, now: Date, origin = DEMO_ORIGIN): Promise<void> {
  for (const year of [2025, 2026]) {
    if (now < vn(`${year}-10-25T17:00:00`)) continue;
    await seedYear(db, unitId, year, origin);
  }
}

async function user(db: Kysely<Database>, unitId: number, username: string): Promise<AuditActorUser> {
  const row = await db.selectFrom("user").select(["id", "display_name"]).where("unit_id", "=", unitId).where("username", "=", username).executeTakeFirstOrThrow();
  const roles = await db.selectFrom("user_role").select("role").where("user_id", "=", row.id).execute();
  return { userId: row.id, name: row.display_name, roles: roles.map((r) => r.role as Role) };
}

function must(result: AuditResult | { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`Demo audit: ${what} refused: ${JSON.stringify(result)}`);
}

async function seedYear(db: Kysely<Database>, unitId: number, year: number, origin: string): Promise<void> {
  const auditor = await user(db, unitId, "danhgia");
  const leader = await user(db, unitId, "lanhdao");
  const officer = await user(db, unitId, "motcua");
  const qualityLead = await user(db, unitId, "chatluong");
  const templates = await listChecklistTemplates(db, unitId, { activeOnly: true });
  const templateIds = templates.filter((t) => ["CL-01", "CL-06", "CL-07"].includes(t.code)).map((t) => t.id);

  const planned = await planAudit(
    db,
    qualityLead,
    unitId,
    AuditPlanSchema.parse({
      title: `Đánh giá nội bộ năm ${year} – Bộ phận Một cửa, lĩnh vực đất đai và xã hội`,
      objectives:
        "Xác định sự phù hợp của việc tiếp nhận, giải quyết và trả kết quả hồ sơ lĩnh vực Đất đai – Xây dựng và Lao động – Thương binh và Xã hội với TCVN ISO 9001:2015 và quy định về cơ chế một cửa; đánh giá hiệu lực của các hành động khắc phục năm trước.",
      processes: ["QT-07", "QT-11", "QT-12"],
      fields: ["land_construction", "social_affairs"],
      isoClauses: "7.5.3, 8.2.1, 8.5.1, 9.1.2",
      criteria: "TCVN ISO 9001:2015; Nghị định 61/2018/NĐ-CP, Nghị định 107/2021/NĐ-CP; Thông tư 01/2018/TT-VPCP; QT-07, QT-11, QT-12.",
      location: "Trung tâm Phục vụ hành chính công xã",
      startDate: `${year}-09-15`,
      endDate: `${year}-09-16`,
      sampleFrom: `${year}-01-01`,
      sampleTo: `${year}-08-31`,
      sampleSize: 10,
      leadUserId: auditor.userId,
      memberUserIds: [],
      templateIds,
    }),
    vn(`${year}-08-25T09:00:00`),
  );
  if (!planned.ok) throw new Error(`Demo audit ${year}: plan refused: ${JSON.stringify(planned.errors)}`);
  const code = planned.code;
  const step = (actor: AuditActorUser, s: Parameters<typeof applyAuditStep>[4], at: string) =>
    applyAuditStep(db, actor, unitId, code, s, { origin, now: vn(at), seed: SEEDS[year] });

  must(await step(auditor, { intent: "draw_sample" }, `${year}-09-10T08:30:00`), "sample");
  must(await step(auditor, { intent: "start" }, `${year}-09-15T08:00:00`), "start");
  const detail = await getAudit(db, unitId, code);
  if (!detail) throw new Error(`Demo audit ${code} missing`);

  const special = new Map<number, { answer: ChecklistAnswer; evidence: string }>([
    [1, { answer: "nonconformity", evidence: "Bảng niêm yết tại quầy số 2 còn mức lệ phí đăng ký biến động đất đai theo nghị quyết cũ của HĐND tỉnh; cán bộ thu đúng mức mới." }],
    [3, { answer: "observation", evidence: "Phiếu kiểm soát quá trình (BM-05) của 2/10 hồ sơ đất đai thiếu chữ ký bàn giao giữa các bước." }],
    [6, { answer: "improvement", evidence: "Khu vực chờ chưa có bảng hướng dẫn nộp hồ sơ trực tuyến; đề xuất bổ sung mã QR tới Cổng dịch vụ công." }],
  ]);
  for (const q of detail.questions) {
    const found = special.get(q.position);
    const answer: ChecklistAnswer = found?.answer ?? (q.position % 9 === 0 ? "not_applicable" : "conform");
    const evidence = found?.evidence ?? (answer === "conform" ? "Xem xét hồ sơ mẫu và phỏng vấn cán bộ tiếp nhận." : undefined);
    must(await step(auditor, { intent: "answer", questionId: q.id, answer, evidence, grade: "minor" }, `${year}-09-15T10:00:00`), `answer ${q.position}`);
  }
  for (const s of detail.sample) {
    must(await step(auditor, { intent: "check_sample", sampleId: s.id, result: "conform", note: "Đủ thành phần, đúng biểu mẫu, ngày hẹn đúng." }, `${year}-09-16T09:00:00`), `sample ${s.code}`);
  }
  must(
    await step(
      auditor,
      {
        intent: "save_conclusions",
        conclusions:
          "Hệ thống quản lý chất lượng tại Bộ phận Một cửa được duy trì và áp dụng có hiệu lực: hồ sơ mẫu được tiếp nhận, giải quyết và trả kết quả đúng quy trình, đúng hạn. Cần khắc phục việc cập nhật niêm yết phí, lệ phí khi có quyết định mới và hoàn thiện chữ ký bàn giao trên phiếu kiểm soát.",
        criteriaMet: "largely",
        divergingOpinions: undefined,
      },
      `${year}-09-16T16:00:00`,
    ),
    "conclusions",
  );
  must(await step(auditor, { intent: "draft_report" }, `${year}-09-18T15:00:00`), "draft");
  must(await step(leader, { intent: "approve", comment: "Đồng ý. Giao công chức Một cửa khắc phục trong tháng 10." }, `${year}-09-22T09:30:00`), "approve");

  const nc = await db
    .selectFrom("internal_audit_question")
    .innerJoin("internal_audit", "internal_audit.id", "internal_audit_question.audit_id")
    .select("internal_audit_question.nonconformity_id")
    .where("internal_audit.code", "=", code)
    .where("internal_audit_question.nonconformity_id", "is not", null)
    .executeTakeFirstOrThrow();
  const ncId = nc.nonconformity_id as number;
  const as = (u: AuditActorUser) => ({ kind: "user", userId: u.userId }) as const;
  must(await applyNcStep(db, as(officer), unitId, ncId, { action: "record_correction", correction: "Thay bảng niêm yết tại quầy số 2 theo nghị quyết hiện hành." }, vn(`${year}-09-23T08:00:00`)), "correction");
  must(
    await applyNcStep(
      db,
      as(qualityLead),
      unitId,
      ncId,
      {
        action: "analyse_cause",
        method: "five_whys",
        analysis: [
          "Vì sao bảng niêm yết sai? Vì chưa thay khi nghị quyết mới có hiệu lực.",
          "Vì sao chưa thay? Vì không ai được giao theo dõi văn bản mới về phí, lệ phí.",
          "Vì sao? Danh mục văn bản bên ngoài (TL-BN-01) không ghi người theo dõi.",
        ],
        rootCause: "Chưa phân công theo dõi và cập nhật văn bản bên ngoài về phí, lệ phí.",
      },
      vn(`${year}-09-25T09:00:00`),
    ),
    "cause",
  );
  must(
    await addCorrectiveAction(db, as(qualityLead), unitId, ncId, { description: "Bổ sung cột người theo dõi vào TL-BN-01; kiểm tra niêm yết hằng tháng.", ownerUserId: officer.userId, dueDate: `${year}-10-15` }, vn(`${year}-09-25T09:30:00`)),
    "action",
  );
  must(await applyNcStep(db, as(qualityLead), unitId, ncId, { action: "plan_actions" }, vn(`${year}-09-25T10:00:00`)), "plan");
  const action = await db.selectFrom("corrective_action").select("id").where("nonconformity_id", "=", ncId).executeTakeFirstOrThrow();
  must(await completeCorrectiveAction(db, { kind: "user", userId: officer.userId, roles: officer.roles }, unitId, action.id, "TL-BN-01 sửa đổi; biên bản kiểm tra niêm yết tháng 10.", vn(`${year}-10-10T15:00:00`), ncId), "done");
  must(await applyNcStep(db, as(officer), unitId, ncId, { action: "complete_actions" }, vn(`${year}-10-10T15:30:00`)), "complete");
  must(await applyNcStep(db, as(auditor), unitId, ncId, { action: "verify", effective: true, note: "Kiểm tra tại quầy ngày 20/10: niêm yết đúng; TL-BN-01 có người theo dõi." }, vn(`${year}-10-20T09:00:00`)), "verify");
  must(await applyNcStep(db, as(qualityLead), unitId, ncId, { action: "close" }, vn(`${year}-10-20T10:00:00`)), "close");
}
