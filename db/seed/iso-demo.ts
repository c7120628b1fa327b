import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { addDays } from "../../app/domain/calendar/business-date";
import { CompetenceSchema, TrainingRecordSchema } from "../../app/domain/competence/competence";
import { NewRiskSchema, RiskStepSchema } from "../../app/domain/risks/risk";
import { addPlanItem, markAttendance, recordTraining, saveCompetence } from "../../app/models/competence.server";
import { applyRiskStep, getRisk, recordRisk } from "../../app/models/risks.server";
import { businessDateOf } from "../../app/utils/clock";

/*
 * Issue 18 demo: the commune desk's risk and opportunity register (§6.1) through 2025 — a single
 * officer on leave at Tết, power and network cuts in the rainy season, the change of decree, the
 * 2025 merger into a two-level local government — with treatments and effectiveness reviews; the
 * competences the desk needs (§7.2) and the training records, one lapsed and one lapsing, so the
 * matrix shows held, lapsing and missing. Seeded through the models, before the 2025 management
 * review is recorded so its inputs show them.
 */

const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+07:00`);

interface DemoTreatment {
  description: string;
  owner: string;
  due: string;
  done?: { on: string; evidence: string };
}

interface DemoRisk {
  kind: "risk" | "opportunity";
  process: string;
  field?: string;
  title: string;
  description: string;
  cause: string;
  consequence: string;
  likelihood: number;
  impact: number;
  owner: string;
  recordedOn: string;
  reviewDate: string;
  treatments: DemoTreatment[];
  reviews: Array<{ on: string; likelihood: number; impact: number; note: string; next: string }>;
}

export const DEMO_RISKS: readonly DemoRisk[] = [
  {
    kind: "risk",
    process: "QT-07",
    title: "Công chức một cửa duy nhất nghỉ phép dịp Tết Nguyên đán",
    description: "Trung tâm chỉ có một công chức tiếp nhận thường trực; dịp Tết công chức nghỉ phép, hồ sơ trực tuyến vẫn đến.",
    cause: "Biên chế ít; chưa phân công người thay thế có tài khoản trên Hệ thống thông tin giải quyết TTHC.",
    consequence: "Hồ sơ trực tuyến không được tiếp nhận, giải quyết đúng hạn sau Tết; người dân phải chờ.",
    likelihood: 4,
    impact: 4,
    owner: "chatluong",
    recordedOn: "2025-01-06",
    reviewDate: "2025-02-14",
    treatments: [
      {
        description: "Phân công công chức Văn hóa – Xã hội trực thay, cấp tài khoản và hướng dẫn tiếp nhận trên Hệ thống thông tin giải quyết TTHC",
        owner: "lanhdao",
        due: "2025-01-20",
        done: { on: "2025-01-17", evidence: "Quyết định phân công trực Tết số 05/QĐ-UBND ngày 17/01/2025" },
      },
    ],
    reviews: [
      { on: "2025-02-14", likelihood: 2, impact: 3, note: "Tết Ất Tỵ: 14 hồ sơ trực tuyến được tiếp nhận trong kỳ nghỉ, không hồ sơ nào trễ hạn.", next: "2026-01-15" },
      { on: "2026-02-25", likelihood: 2, impact: 3, note: "Tết Bính Ngọ: người trực thay tiếp nhận đúng hạn; duy trì phân công hằng năm.", next: "2027-01-11" },
    ],
  },
  {
    kind: "risk",
    process: "QT-07",
    title: "Mất điện, mất kết nối mạng làm gián đoạn tiếp nhận hồ sơ trực tuyến",
    description: "Mùa mưa bão lưới điện và đường truyền cáp quang tại xã thường bị sự cố nhiều giờ.",
    cause: "Đường dây 35 kV và cáp quang qua vùng núi; chưa có nguồn điện và đường truyền dự phòng.",
    consequence: "Không tiếp nhận, ký số và trả kết quả được; hồ sơ trực tuyến có thể trễ hạn.",
    likelihood: 4,
    impact: 4,
    owner: "motcua",
    recordedOn: "2025-03-10",
    reviewDate: "2025-07-20",
    treatments: [
      { description: "Trang bị bộ lưu điện (UPS) cho máy tiếp nhận và máy quét", owner: "lanhdao", due: "2025-06-30", done: { on: "2025-06-20", evidence: "Biên bản bàn giao thiết bị ngày 20/06/2025" } },
      { description: "Lắp bộ phát 4G dự phòng cho Trung tâm Phục vụ hành chính công", owner: "motcua", due: "2025-09-30" },
    ],
    reviews: [
      { on: "2025-07-20", likelihood: 4, impact: 4, note: "Ba lần mất mạng trong tháng 7; UPS chỉ giữ máy được 30 phút, chưa có đường truyền dự phòng.", next: "2025-12-01" },
    ],
  },
  {
    kind: "risk",
    process: "QT-01",
    title: "Thay đổi nghị định, thông tư về cơ chế một cửa làm quy trình, biểu mẫu không còn phù hợp",
    description: "Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP thay thế Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP từ 01/7/2025.",
    cause: "Văn bản mới ban hành sát ngày hiệu lực; quy trình QT-07 và biểu mẫu theo quy định cũ.",
    consequence: "Phiếu tiếp nhận, phiếu kiểm soát sai mẫu; hồ sơ bị trả lại, đánh giá không phù hợp.",
    likelihood: 4,
    impact: 3,
    owner: "chatluong",
    recordedOn: "2025-04-15",
    reviewDate: "2025-08-05",
    treatments: [
      {
        description: "Rà soát, sửa đổi QT-07 và bảy biểu mẫu theo Thông tư 03/2025/TT-VPCP",
        owner: "chatluong",
        due: "2025-06-30",
        done: { on: "2025-06-27", evidence: "QT-07 lần ban hành 3, hiệu lực 01/07/2025" },
      },
    ],
    reviews: [{ on: "2025-08-05", likelihood: 2, impact: 3, note: "Biểu mẫu mới dùng từ 01/7/2025; đánh giá tháng 9 không phát hiện sai mẫu.", next: "2026-07-01" }],
  },
  {
    kind: "risk",
    process: "QT-07",
    title: "Sáp nhập xã và chính quyền địa phương hai cấp từ 01/7/2025",
    description: "Xã mới hình thành từ các xã cũ; không còn cấp huyện; Bộ phận Một cửa trở thành Trung tâm Phục vụ hành chính công xã.",
    cause: "Địa giới, con dấu, mã đơn vị, tài khoản trên Cổng dịch vụ công và cơ quan liên thông đều thay đổi cùng lúc.",
    consequence: "Hồ sơ gửi nhầm nơi, liên thông bị từ chối, người dân không biết nộp ở đâu.",
    likelihood: 5,
    impact: 4,
    owner: "lanhdao",
    recordedOn: "2025-05-05",
    reviewDate: "2025-09-30",
    treatments: [
      {
        description: "Chuyển đổi tài khoản, con dấu, mã đơn vị trên Cổng dịch vụ công; niêm yết và thông báo địa chỉ tiếp nhận mới",
        owner: "motcua",
        due: "2025-07-01",
        done: { on: "2025-06-30", evidence: "Thông báo số 12/TB-UBND; ảnh niêm yết tại trụ sở và nhà văn hóa các bản" },
      },
      {
        description: "Hướng dẫn lại công chức các xã cũ về quy trình tiếp nhận và cơ quan liên thông mới",
        owner: "chatluong",
        due: "2025-08-31",
        done: { on: "2025-08-28", evidence: "Danh sách tham dự buổi hướng dẫn ngày 28/08/2025" },
      },
    ],
    reviews: [{ on: "2025-09-30", likelihood: 3, impact: 3, note: "Liên thông với Sở Tư pháp, Chi nhánh VPĐKĐĐ khu vực ổn định; còn ít hồ sơ gửi nhầm.", next: "2026-06-30" }],
  },
  {
    kind: "opportunity",
    process: "QT-07",
    field: "civil_status",
    title: "Mở rộng dịch vụ công trực tuyến toàn trình cho hộ tịch, chứng thực",
    description: "Người dân có tài khoản định danh điện tử mức 2 ngày càng nhiều; thủ tục hộ tịch, chứng thực bản sao đủ điều kiện toàn trình.",
    cause: "Đề án 06; tổ công nghệ số cộng đồng ở các bản.",
    consequence: "Giảm đi lại cho người dân vùng cao, tăng tỷ lệ hồ sơ trực tuyến.",
    likelihood: 3,
    impact: 4,
    owner: "chatluong",
    recordedOn: "2025-06-10",
    reviewDate: "2025-12-05",
    treatments: [
      {
        description: "Hướng dẫn người dân nộp hồ sơ trực tuyến tại quầy và qua tổ công nghệ số cộng đồng",
        owner: "motcua",
        due: "2025-11-30",
        done: { on: "2025-11-25", evidence: "Báo cáo kết quả hướng dẫn của tổ công nghệ số cộng đồng" },
      },
    ],
    reviews: [{ on: "2025-12-05", likelihood: 4, impact: 4, note: "Tỷ lệ hồ sơ hộ tịch trực tuyến tăng từ 52% lên 70% trong quý IV.", next: "2026-06-30" }],
  },
  {
    kind: "risk",
    process: "QT-07",
    field: "land_construction",
    title: "Hồ sơ đất đai trễ hạn do chờ kết quả liên thông",
    description: "Hồ sơ đăng ký biến động đất đai chờ Chi nhánh Văn phòng đăng ký đất đai khu vực trả kết quả.",
    cause: "Cơ quan liên thông mới sau sáp nhập; chưa thống nhất thời hạn từng bước.",
    consequence: "Hồ sơ trễ hạn, phải xin lỗi người dân và hẹn lại.",
    likelihood: 3,
    impact: 3,
    owner: "motcua",
    recordedOn: "2025-09-22",
    reviewDate: "2026-04-15",
    treatments: [{ description: "Thống nhất với Chi nhánh VPĐKĐĐ khu vực lịch chuyển, nhận hồ sơ hai lần mỗi tuần", owner: "motcua", due: "2026-03-31" }],
    reviews: [],
  },
];

interface DemoCompetence {
  code: string;
  title: string;
  validityMonths?: number;
  requiredFor: string[];
}

export const DEMO_COMPETENCES: readonly DemoCompetence[] = [
  { code: "NL-DGNB", title: "Đánh giá viên nội bộ TCVN ISO 9001:2015", validityMonths: 36, requiredFor: ["role:auditor", "role:quality_lead"] },
  { code: "NL-ISO", title: "Nhận thức về hệ thống quản lý chất lượng TCVN ISO 9001:2015", requiredFor: ["role:officer", "role:leader", "role:quality_lead", "role:auditor"] },
  { code: "NL-GT", title: "Kỹ năng giao tiếp, ứng xử với người dân", validityMonths: 24, requiredFor: ["process:QT-07"] },
  { code: "NL-HT", title: "Nghiệp vụ hộ tịch", requiredFor: ["field:civil_status"] },
  { code: "NL-CKS", title: "Sử dụng chữ ký số và Hệ thống thông tin giải quyết TTHC", validityMonths: 12, requiredFor: ["process:QT-07"] },
];

export async function seedIsoDemo(db: Kysely<Database>, unitId: number, now = new Date()): Promise<{ seeded: boolean }> {
  const today = businessDateOf(now);
  // Like the 2025 management review: a database seeded before 2026 (the tests' reference data) has none.
  if (today < "2026-01-01") return { seeded: false };
  const users = new Map(
    (await db.selectFrom("user").select(["id", "username"]).where("unit_id", "=", unitId).execute()).map((u) => [u.username, u.id] as const),
  );
  const id = (username: string) => {
    const found = users.get(username);
    if (found === undefined) throw new Error(`demo user ${username} missing`);
    return found;
  };
  const lead = { kind: "user", userId: id("chatluong") } as const;
  const must = <T extends { ok: boolean }>(result: T, what: string): T => {
    if (!result.ok) throw new Error(`iso demo: ${what}: ${JSON.stringify(result)}`);
    return result;
  };

  for (const r of DEMO_RISKS) {
    if (r.recordedOn > today) continue;
    const first = r.treatments[0];
    const input = NewRiskSchema.parse({
      kind: r.kind,
      process: r.process,
      field: r.field ?? "",
      title: r.title,
      description: r.description,
      cause: r.cause,
      consequence: r.consequence,
      likelihood: String(r.likelihood),
      impact: String(r.impact),
      ownerUserId: String(id(r.owner)),
      reviewDate: r.reviewDate,
      recordedOn: r.recordedOn,
      treatment: first?.description ?? "",
      treatmentOwnerUserId: first ? String(id(first.owner)) : "",
      treatmentDue: first?.due ?? "",
    });
    const { code } = must(await recordRisk(db, lead, unitId, input, at(r.recordedOn)), r.title) as { ok: true; code: string };
    for (const extra of r.treatments.slice(1)) {
      const step = RiskStepSchema.parse({ op: "add_treatment", description: extra.description, ownerUserId: String(id(extra.owner)), dueDate: extra.due });
      must(await applyRiskStep(db, lead, unitId, code, step, at(r.recordedOn, "11:00")), extra.description);
    }
    const stored = (await getRisk(db, unitId, code))!;
    // Done treatments and reviews in date order, as they happened; none after the seed's day.
    const events = [
      ...r.treatments.flatMap((tr) => (tr.done && tr.done.on <= today ? [{ on: tr.done.on, kind: "done" as const, tr }] : [])),
      ...r.reviews.filter((rv) => rv.on <= today).map((rv) => ({ on: rv.on, kind: "review" as const, rv })),
    ].sort((a, b) => a.on.localeCompare(b.on));
    for (const e of events) {
      if (e.kind === "done") {
        const treatmentId = stored.treatments.find((x) => x.description === e.tr.description)!.id;
        must(await applyRiskStep(db, lead, unitId, code, { op: "treatment_done", treatmentId, doneOn: e.on, evidence: e.tr.done!.evidence }, at(e.on, "15:00")), "done");
      } else {
        const step = { op: "review", reviewedOn: e.on, likelihood: e.rv.likelihood, impact: e.rv.impact, note: e.rv.note, nextReviewDate: e.rv.next } as const;
        must(await applyRiskStep(db, lead, unitId, code, step, at(e.on, "16:00")), "review");
      }
    }
  }

  const competenceIds = new Map<string, number>();
  for (const c of DEMO_COMPETENCES) {
    const saved = must(await saveCompetence(db, lead, unitId, CompetenceSchema.parse({ ...c, requiredFor: c.requiredFor.join("\n") }), at("2025-01-03")), c.code);
    if (saved.ok) competenceIds.set(c.code, saved.id);
  }
  const training = async (username: string, competence: string | null, course: string, provider: string, start: string, end: string, hours: number, expiresOn?: string) => {
    if (end > today) return;
    const input = TrainingRecordSchema.parse({
      userId: String(id(username)),
      competenceId: competence ? String(competenceIds.get(competence)) : "",
      course,
      provider,
      startDate: start,
      endDate: end,
      hours: String(hours),
      expiresOn: expiresOn ?? "",
    });
    must(await recordTraining(db, lead, unitId, input, null, at(end, "17:00")), course);
  };
  const ISO_CENTRE = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Sơn La";
  // The quality lead's auditor certificate (2022) lapsed in October 2025: she may no longer sit on an audit team.
  await training("chatluong", "NL-DGNB", "Đánh giá viên nội bộ TCVN ISO 9001:2015", "Trung tâm Năng suất Việt Nam", "2022-10-10", "2022-10-12", 24, "2025-10-12");
  await training("danhgia", "NL-DGNB", "Đánh giá viên nội bộ TCVN ISO 9001:2015", "Trung tâm Năng suất Việt Nam", "2024-11-20", "2024-11-22", 24, "2027-11-22");
  for (const username of ["chatluong", "motcua", "lanhdao", "danhgia"]) {
    await training(username, "NL-ISO", "Nhận thức và áp dụng TCVN ISO 9001:2015 trong cơ quan hành chính", ISO_CENTRE, "2024-03-18", "2024-03-19", 16);
  }
  await training("danhgia", "NL-HT", "Bồi dưỡng nghiệp vụ hộ tịch", "Sở Tư pháp tỉnh Sơn La", "2024-05-06", "2024-05-10", 40);
  // The desk officer's digital-signature training is yearly; the current one lapses within the month.
  await training("motcua", "NL-CKS", "Sử dụng chữ ký số chuyên dùng và Hệ thống thông tin giải quyết TTHC", "Sở Khoa học và Công nghệ tỉnh Sơn La", addDays(today, -340), addDays(today, -339), 8, addDays(today, 25));

  // The 2025 training plan, attendance marked (records follow); this year's course still to attend.
  const communication = await addPlanItem(
    db,
    lead,
    unitId,
    { year: 2025, competenceId: competenceIds.get("NL-GT"), course: "Kỹ năng giao tiếp, ứng xử của công chức với người dân", provider: "Sở Nội vụ tỉnh Sơn La", plannedDate: "2025-04-15", hours: 16 },
    [id("motcua"), id("chatluong"), id("danhgia")],
    at("2025-01-10"),
  );
  await markAttendance(db, lead, unitId, communication, [id("motcua"), id("danhgia")], at("2025-04-16"));
  const upcoming = addDays(today, 15);
  await addPlanItem(
    db,
    lead,
    unitId,
    { year: Number(upcoming.slice(0, 4)), competenceId: competenceIds.get("NL-HT"), course: "Bồi dưỡng nghiệp vụ hộ tịch cho công chức một cửa", provider: "Sở Tư pháp tỉnh Sơn La", plannedDate: upcoming, hours: 24 },
    [id("motcua")],
    now,
  );
  return { seeded: true };
}
