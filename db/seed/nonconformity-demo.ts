import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { addDays } from "../../app/domain/calendar/business-date";
import { mulberry32 } from "../../app/domain/shared/seeded-random";
import type { Actor } from "../../app/models/audit-log.server";
import { addCorrectiveAction, applyNcStep, completeCorrectiveAction, raiseOrJoinForDossier, type NcStep } from "../../app/models/nonconformities.server";
import { businessDateOf } from "../../app/utils/clock";

/*
 * The demo's nonconformities (ISO 9001 §10.2), as the live desk makes them: each late dossier of the
 * history raises or joins the open "late dossier" nonconformity of its procedure at the moment it
 * was found late (its apology slip), through `raiseOrJoinForDossier`, the function the desk's action
 * calls. Every nonconformity, these and those of upheld complaints, is then handled through the
 * register's own steps (correction, cause, actions, completion, verification by someone else,
 * closure) at plausible intervals, so most of the older ones are closed and verified and the latest
 * are still being handled. Events are replayed in time order, so a late dossier joins only a
 * nonconformity that was open when it happened.
 */
export const DEMO_NC_SEED = 10_2_2015;

const DAY = 86_400_000;
const at = (from: Date, days: number, hour = 9) => {
  const d = new Date(from.getTime() + days * DAY);
  return new Date(`${businessDateOf(d)}T${String(hour).padStart(2, "0")}:${String((days * 7) % 60).padStart(2, "0")}:00+07:00`);
};

type Milestone = { at: Date; run: () => Promise<void> };

export async function seedDemoNonconformities(db: Kysely<Database>, unitId: number, now: Date): Promise<{ raised: number; closed: number }> {
  const random = mulberry32(DEMO_NC_SEED);
  const userId = async (username: string) => (await db.selectFrom("user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
  const officerId = await userId("motcua");
  const qualityLeadId = await userId("chatluong");
  const officer = { kind: "user" as const, userId: officerId };
  const qualityLead = { kind: "user" as const, userId: qualityLeadId };
  const system: Actor = { kind: "system" };

  const late = await db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select(["dossier.id", "dossier.code", "dossier.apology_issued_at", "procedure.code as procedure_code", "procedure.name as procedure_name"])
    .where("dossier.unit_id", "=", unitId)
    .where("dossier.apology_issued_at", "is not", null)
    .orderBy("dossier.apology_issued_at")
    .execute();

  const scheduled = new Set<number>();
  const queue: Milestone[] = [];
  let closed = 0;
  const step = async (ncId: number, actor: { kind: "user"; userId: number }, s: NcStep, when: Date) => {
    const result = await applyNcStep(db, actor, unitId, ncId, s, when);
    if (!result.ok) throw new Error(`demo NC ${ncId}: ${s.action} refused (${result.error})`);
  };
  const actionsOf = (ncId: number) =>
    db.selectFrom("corrective_action").select("id").where("nonconformity_id", "=", ncId).where("status", "=", "planned").execute();

  /** The handling of one nonconformity from the day it was found; steps after `now` stay undone. */
  function schedule(ncId: number, foundAt: Date, lateDossier: boolean) {
    if (scheduled.has(ncId)) return;
    scheduled.add(ncId);
    const ineffectiveFirst = random() < 0.12;
    const plan = async (when: Date, round: number) => {
      await addCorrectiveAction(
        db,
        qualityLead,
        unitId,
        ncId,
        {
          description: lateDossier
            ? round === 1
              ? "Theo dõi hạn giải quyết hằng ngày trên sổ theo dõi; báo lãnh đạo trước 2 ngày làm việc khi hồ sơ có nguy cơ trễ hạn."
              : "Phân công cán bộ dự phòng tiếp nhận, xử lý khi cán bộ chính vắng; lịch trực được lãnh đạo phê duyệt."
            : "Rà soát, niêm yết lại mức phí, lệ phí theo nghị quyết của HĐND tỉnh; tập huấn cán bộ thu phí.",
          ownerUserId: officerId,
          dueDate: addDays(businessDateOf(when), 21),
        },
        when,
      );
      // An ineffective verification re-opens the plan itself: only the first round is planned by a step.
      if (round === 1) await step(ncId, qualityLead, { action: "plan_actions" }, new Date(when.getTime() + 3_600_000));
    };
    const complete = async (when: Date) => {
      for (const a of await actionsOf(ncId)) {
        const result = await completeCorrectiveAction(db, { ...officer, roles: ["officer"] }, unitId, a.id, "Sổ theo dõi hạn giải quyết, biên bản họp giao ban tuần.", when, ncId);
        if (!result.ok) throw new Error(`demo NC ${ncId}: action ${a.id} not completed (${result.error})`);
      }
      await step(ncId, qualityLead, { action: "complete_actions" }, new Date(when.getTime() + 3_600_000));
    };
    const milestones: Array<[Date, () => Promise<void>]> = [
      [at(foundAt, 1), () => step(ncId, qualityLead, { action: "record_correction", correction: lateDossier ? "Gửi phiếu xin lỗi và hẹn lại cho người dân; ưu tiên giải quyết hồ sơ." : "Hoàn trả khoản thu sai cho người dân." }, at(foundAt, 1))],
      [
        at(foundAt, 4, 14),
        () =>
          step(
            ncId,
            qualityLead,
            {
              action: "analyse_cause",
              method: "five_whys",
              analysis: lateDossier
                ? ["Hồ sơ trễ hạn", "Phải lấy ý kiến cơ quan liên quan", "Văn bản gửi xin ý kiến đi muộn", "Không theo dõi hạn hằng ngày"]
                : ["Thu sai mức lệ phí", "Bảng niêm yết chưa cập nhật", "Chưa rà soát khi nghị quyết mới có hiệu lực"],
              rootCause: lateDossier ? "Chưa theo dõi hạn giải quyết hằng ngày nên không phát hiện sớm hồ sơ có nguy cơ trễ." : "Chưa rà soát niêm yết khi văn bản mới có hiệu lực.",
            },
            at(foundAt, 4, 14),
          ),
      ],
      [at(foundAt, 5, 10), () => plan(at(foundAt, 5, 10), 1)],
      [at(foundAt, 19, 15), () => complete(at(foundAt, 19, 15))],
    ];
    if (ineffectiveFirst) {
      milestones.push(
        [at(foundAt, 35, 10), () => step(ncId, qualityLead, { action: "verify", effective: false, note: "Trong tháng vẫn có hồ sơ trễ hạn cùng nguyên nhân: hành động chưa hiệu quả." }, at(foundAt, 35, 10))],
        [at(foundAt, 36, 10), () => plan(at(foundAt, 36, 10), 2)],
        [at(foundAt, 50, 15), () => complete(at(foundAt, 50, 15))],
        [at(foundAt, 80, 10), () => step(ncId, qualityLead, { action: "verify", effective: true, note: "Ba tháng liền không có hồ sơ trễ hạn của thủ tục này." }, at(foundAt, 80, 10))],
        [at(foundAt, 80, 11), () => step(ncId, qualityLead, { action: "close" }, at(foundAt, 80, 11)).then(() => void (closed += 1))],
      );
    } else {
      milestones.push(
        [at(foundAt, 40, 10), () => step(ncId, qualityLead, { action: "verify", effective: true, note: "Kiểm tra sổ theo dõi: không còn hồ sơ trễ hạn cùng nguyên nhân sau khi thực hiện hành động." }, at(foundAt, 40, 10))],
        [at(foundAt, 40, 11), () => step(ncId, qualityLead, { action: "close" }, at(foundAt, 40, 11)).then(() => void (closed += 1))],
      );
    }
    // Each step waits for the one before: a milestone is queued once its predecessor has run.
    const chain = milestones.filter(([when]) => when <= now);
    const enqueue = (index: number) => {
      const next = chain[index];
      if (next) queue.push({ at: next[0], run: () => next[1]().then(() => enqueue(index + 1)) });
    };
    enqueue(0);
  }

  const runDueMilestones = async (until: Date) => {
    for (;;) {
      queue.sort((a, b) => a.at.getTime() - b.at.getTime());
      const next = queue[0];
      if (!next || next.at > until) return;
      queue.shift();
      await next.run();
    }
  };

  // Nonconformities raised before this replay (upheld complaints) are handled too.
  for (const nc of await db.selectFrom("nonconformity").select(["id", "found_at"]).where("unit_id", "=", unitId).execute()) {
    schedule(nc.id, new Date(nc.found_at), false);
  }
  let raised = 0;
  for (const d of late) {
    const when = new Date(d.apology_issued_at!);
    await runDueMilestones(when);
    const result = await raiseOrJoinForDossier(db, system, { id: d.id, unitId, code: d.code, procedureCode: d.procedure_code, procedureName: d.procedure_name }, "late", when);
    if (!result.joined) {
      raised += 1;
      schedule(result.id, when, true);
    }
  }
  await runDueMilestones(now);
  return { raised, closed };
}
