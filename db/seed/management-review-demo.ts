import type { Kysely } from "kysely";
import type { Database } from "../schema";
import {
  addReviewDecision,
  createManagementReview,
  recordManagementReview,
  updateReviewNotes,
} from "../../app/models/management-reviews.server";
import type { NewDecision } from "../../app/domain/management-review/schema";
import { businessDateOf } from "../../app/utils/clock";
import { DEMO_ORIGIN } from "./audit-demo";


/** The commune's 2025 review (QT-05 §5.1: once a year, in December, after the internal audit). */
export const DEMO_REVIEW = {
  periodFrom: "2025-01-01",
  periodTo: "2025-12-31",
  meetingDate: "2025-12-16",
  location: "Phòng họp UBND xã Mường Sai",
  // QT-05 steps 1, 3 and 4: planned ten working days before, inputs sent three days before, recorded after the meeting.
  plannedAt: new Date("2025-12-02T09:00:00+07:00"),
  notesAt: new Date("2025-12-11T15:00:00+07:00"),
  meetingAt: new Date("2025-12-16T10:00:00+07:00"),
  recordedAt: new Date("2025-12-16T16:30:00+07:00"),
} as const;

const ATTENDEES = [
  "Quàng Văn Minh, Chủ tịch UBND xã (chủ trì)",
  "Lò Thị Hoa, thư ký ISO (thư ký cuộc họp)",
  "Cầm Văn Thắng, công chức một cửa",
  "Tòng Thị Lan, công chức Tư pháp – Hộ tịch, đánh giá viên nội bộ",
  "Công chức Địa chính – Xây dựng, Văn hóa – Xã hội",
].join("\n");

const CHANGES_NOTE = [
  "Từ ngày 01/7/2025 thực hiện chính quyền địa phương hai cấp: không còn cấp huyện, Bộ phận Một cửa xã trở thành Trung tâm Phục vụ hành chính công xã.",
  "Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP thay thế Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP: bảy biểu mẫu mới, áp dụng cho hồ sơ tiếp nhận từ 01/7/2025.",
  "Các cơ quan liên thông đổi tên (Chi nhánh Văn phòng đăng ký đất đai khu vực Sông Mã; Sở Tư pháp, Sở Y tế tỉnh Sơn La).",
].join("\n");

const RESOURCES_NOTE = [
  "Trung tâm có 03 công chức thường trực; máy quét hiện có quá tải khi số hóa hồ sơ chứng thực.",
  "Đường truyền tại xã chập chờn vào mùa mưa; cần phương án dự phòng (4G).",
  "Chứng thư chữ ký số của 02 công chức hết hạn trong quý I/2026.",
].join("\n");

const CONCLUSIONS = [
  "Hệ thống quản lý chất lượng của UBND xã Mường Sai thích hợp với chức năng, nhiệm vụ sau khi sắp xếp chính quyền địa phương hai cấp; thỏa đáng về quy trình, biểu mẫu và có hiệu lực: các mục tiêu chất lượng năm 2025 cơ bản đạt.",
  "Cần điều chỉnh: cập nhật chính sách và mục tiêu chất lượng năm 2026 theo mô hình mới; tiếp tục giảm hồ sơ trễ hạn ở lĩnh vực đất đai; nâng tỷ lệ hồ sơ trực tuyến toàn trình.",
].join("\n");

const DECISIONS: ReadonlyArray<{ owner: string; decision: NewDecision }> = [
  {
    owner: "chatluong",
    decision: {
      category: "qms_change",
      description: "Sửa đổi CS-01, ban hành mục tiêu chất lượng năm 2026 (MT-2026) và rà soát các quy trình QT-01 đến QT-12 theo Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP.",
      ownerUserId: 0,
      dueDate: "2026-01-05",
    },
  },
  {
    owner: "motcua",
    decision: {
      category: "improvement",
      description: "Mở rộng dịch vụ công trực tuyến toàn trình cho thủ tục chứng thực bản sao; hỗ trợ người dân các bản xa nộp hồ sơ trực tuyến tại nhà văn hóa bản.",
      ownerUserId: 0,
      dueDate: "2026-06-30",
    },
  },
  {
    owner: "lanhdao",
    decision: {
      category: "resources",
      description: "Trang bị thêm 01 máy quét tốc độ cao, 01 thiết bị phát 4G dự phòng và gia hạn chứng thư chữ ký số cho công chức Trung tâm.",
      ownerUserId: 0,
      dueDate: "2026-03-31",
    },
  },
  {
    owner: "chatluong",
    decision: {
      category: "improvement",
      description: "Tập huấn công chức về xử lý phản ánh, kiến nghị (QT-04) và bảo vệ dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân (hiệu lực từ 01/01/2026).",
      ownerUserId: 0,
      dueDate: "2026-02-27",
    },
  },
];

/**
 * The demo's recorded management review of 2025, made through the model (planned by the quality
 * lead, recorded by the chair) so its record PDF is stored and served as any other. Only when the
 * demo runs in 2026 or later, and once.
 */
export async function seedManagementReviewDemo(
  db: Kysely<Database>,
  unitId: number,
  now = new Date(),
  origin = DEMO_ORIGIN,
): Promise<{ seeded: boolean; code?: string }> {
  if (businessDateOf(now) < "2026-01-01") return { seeded: false };
  const existing = await db
    .selectFrom("management_review")
    .select("code")
    .where("unit_id", "=", unitId)
    .where("period_from", "=", DEMO_REVIEW.periodFrom)
    .executeTakeFirst();
  if (existing) return { seeded: false, code: existing.code };

  const users = await db.selectFrom("user").select(["id", "username", "display_name"]).where("unit_id", "=", unitId).execute();
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`demo user ${username} missing`);
    return found;
  };
  const secretary = { kind: "user", userId: user("chatluong").id } as const;
  const chair = user("lanhdao");
  const chairActor = { kind: "user", userId: chair.id } as const;
  const ok = <T extends { ok: boolean }>(result: T, step: string): T => {
    if (!result.ok) throw new Error(`management review demo: ${step} refused (${JSON.stringify(result)})`);
    return result;
  };

  const created = await createManagementReview(
    db,
    secretary,
    unitId,
    {
      periodFrom: DEMO_REVIEW.periodFrom,
      periodTo: DEMO_REVIEW.periodTo,
      meetingDate: DEMO_REVIEW.meetingDate,
      location: DEMO_REVIEW.location,
      chairUserId: chair.id,
      attendees: ATTENDEES,
    },
    DEMO_REVIEW.plannedAt,
  );
  if (!created.ok) throw new Error(`management review demo: planning refused (${created.error})`);
  ok(
    await updateReviewNotes(db, secretary, unitId, created.id, { attendees: ATTENDEES, changesNote: CHANGES_NOTE, resourcesNote: RESOURCES_NOTE }, DEMO_REVIEW.notesAt),
    "inputs",
  );
  for (const { owner, decision } of DECISIONS) {
    ok(await addReviewDecision(db, chairActor, unitId, created.id, { ...decision, ownerUserId: user(owner).id }, DEMO_REVIEW.meetingAt), "decision");
  }
  ok(
    await updateReviewNotes(
      db,
      chairActor,
      unitId,
      created.id,
      { attendees: ATTENDEES, changesNote: CHANGES_NOTE, resourcesNote: RESOURCES_NOTE, conclusions: CONCLUSIONS },
      DEMO_REVIEW.meetingAt,
    ),
    "conclusions",
  );
  ok(
    await recordManagementReview(db, unitId, created.id, {
      actor: { userId: chair.id, name: chair.display_name, roles: ["leader"] },
      // The ISO secretary kept the minutes (see ATTENDEES); the chair records them.
      secretaryName: user("chatluong").display_name,
      origin,
      now: DEMO_REVIEW.recordedAt,
    }),
    "recording",
  );
  return { seeded: true, code: created.code };
}
