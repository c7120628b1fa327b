import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { addDays, instantAt } from "../../app/domain/calendar/business-date";
import type { WorkingCalendar } from "../../app/domain/calendar/working-calendar";
import type { FeedbackKind } from "../../app/domain/feedback/feedback";
import { mulberry32 } from "../../app/domain/shared/seeded-random";
import { getDueContext } from "../../app/models/dossiers.server";
import { applyFeedbackAction, submitFeedback, type StaffFeedbackAction } from "../../app/models/feedback.server";
import { businessDateOf } from "../../app/utils/clock";
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, HAMLETS } from "./demo-names";

/*
 * The citizens' side of the demo: feedback, recommendations, compliments and a few complaints from
 * 2022 to the seed's day, filed and handled through the same model functions the public form and the
 * desk's inbox call, so every derived record exists (events, outbox messages, deadlines, audit rows,
 * the nonconformity of an upheld complaint). 2021 stays without any, as the commune reported.
 * A commune of ~4,800 dossiers a year hears from a few dozen citizens a year: most items are answered
 * within their legal time, a few late, a few refused or forwarded, the latest still open.
 */
export const DEMO_FEEDBACK_SEED = 20220103;
const FIRST_YEAR = 2022;

/** Items a year by kind (the remote commune's scale). */
const PER_YEAR: Record<FeedbackKind, number> = { feedback: 11, recommendation: 6, compliment: 4, complaint: 2 };

interface Topic {
  subject: string;
  description: string;
  answer: string;
  /** About one of the citizen's dossiers. */
  aboutDossier?: boolean;
}

const TOPICS: Record<FeedbackKind, Topic[]> = {
  feedback: [
    {
      subject: "Thời gian chờ tại bộ phận một cửa lâu",
      description: "Buổi sáng tôi đến nộp hồ sơ chứng thực nhưng phải chờ hơn một giờ vì chỉ có một cán bộ tiếp nhận.",
      answer: "UBND xã đã bố trí thêm một cán bộ hỗ trợ tiếp nhận vào các buổi sáng đông người và niêm yết giờ cao điểm để người dân chủ động.",
    },
    {
      subject: "Bảng niêm yết thủ tục chưa ghi lệ phí",
      description: "Bảng niêm yết thủ tục đăng ký khai sinh tại trụ sở chưa ghi mức lệ phí và thời hạn giải quyết.",
      answer: "Bộ phận một cửa đã cập nhật bảng niêm yết theo danh mục thủ tục hành chính được công bố, ghi đủ thời hạn, phí và lệ phí.",
    },
    {
      subject: "Hướng dẫn thành phần hồ sơ chưa đầy đủ",
      description: "Tôi phải bổ sung giấy tờ hai lần vì lần hướng dẫn đầu không nói hết các giấy tờ cần có.",
      answer: "UBND xã đã nhắc nhở cán bộ hướng dẫn một lần, đầy đủ thành phần hồ sơ bằng phiếu hướng dẫn in sẵn theo từng thủ tục.",
      aboutDossier: true,
    },
    {
      subject: "Trả kết quả chậm so với giấy hẹn",
      description: "Hồ sơ của tôi có giấy hẹn trả kết quả nhưng đến ngày hẹn vẫn chưa có kết quả và không được báo trước.",
      answer: "Hồ sơ phải lấy ý kiến cơ quan liên quan nên chậm; UBND xã xin lỗi ông/bà và đã trả kết quả. Việc gửi phiếu xin lỗi, hẹn lại được chấn chỉnh.",
      aboutDossier: true,
    },
    {
      subject: "Không nộp được hồ sơ trực tuyến",
      description: "Buổi tối tôi không nộp được hồ sơ trên Cổng dịch vụ công, trang báo lỗi khi tải giấy tờ lên.",
      answer: "Lỗi do tệp đính kèm vượt dung lượng cho phép. Bộ phận một cửa đã đăng hướng dẫn chụp, nén giấy tờ và hỗ trợ nộp trực tuyến tại quầy.",
    },
    {
      subject: "Máy lấy số thứ tự bị hỏng",
      description: "Máy lấy số thứ tự tại bộ phận một cửa không hoạt động, người dân phải xếp hàng tự phát.",
      answer: "Máy đã được sửa chữa; trong thời gian sửa, cán bộ phát số thứ tự bằng phiếu giấy.",
    },
  ],
  recommendation: [
    {
      subject: "Đề nghị bố trí thêm ghế chờ",
      description: "Đề nghị UBND xã bố trí thêm ghế chờ và nước uống tại khu vực bộ phận một cửa, nhất là cho người cao tuổi.",
      answer: "UBND xã tiếp thu, đã bổ sung ghế chờ và bình nước tại khu vực tiếp nhận.",
    },
    {
      subject: "Đề nghị hướng dẫn nộp hồ sơ trực tuyến",
      description: "Đề nghị có cán bộ hướng dẫn người cao tuổi nộp hồ sơ trực tuyến ngay tại trụ sở.",
      answer: "UBND xã tiếp thu; Đoàn thanh niên xã hỗ trợ hướng dẫn dịch vụ công trực tuyến tại trụ sở vào sáng thứ Hai và thứ Năm hằng tuần.",
    },
    {
      subject: "Đề nghị niêm yết mã QR tra cứu hồ sơ",
      description: "Đề nghị in mã QR tra cứu tình trạng hồ sơ trên giấy hẹn để người dân tra cứu bằng điện thoại.",
      answer: "Giấy tiếp nhận và hẹn trả kết quả đã có mã QR và địa chỉ tra cứu; bộ phận một cửa hướng dẫn người dân khi trả giấy hẹn.",
    },
    {
      subject: "Đề nghị tiếp nhận hồ sơ vào sáng thứ Bảy",
      description: "Nhiều người đi làm xa, đề nghị bộ phận một cửa tiếp nhận hồ sơ vào sáng thứ Bảy.",
      answer: "UBND xã ghi nhận; trước mắt tăng cường tiếp nhận trực tuyến và trả kết quả qua bưu chính, sẽ xem xét khi bố trí được nhân lực.",
    },
  ],
  compliment: [
    {
      subject: "Cán bộ một cửa nhiệt tình",
      description: "Tôi cảm ơn cán bộ bộ phận một cửa đã hướng dẫn tận tình, giải quyết hồ sơ cho gia đình tôi nhanh chóng.",
      answer: "UBND xã cảm ơn ông/bà đã ghi nhận; ý kiến được chuyển đến cán bộ và đưa vào đánh giá thi đua.",
      aboutDossier: true,
    },
    {
      subject: "Trả kết quả trước hẹn",
      description: "Hồ sơ của tôi được trả kết quả trước ngày hẹn, tôi rất hài lòng.",
      answer: "UBND xã cảm ơn ông/bà và mong tiếp tục nhận được ý kiến đóng góp.",
      aboutDossier: true,
    },
  ],
  complaint: [
    {
      subject: "Khiếu nại việc thu lệ phí chứng thực",
      description: "Tôi khiếu nại việc bộ phận một cửa thu lệ phí chứng thực bản sao cao hơn mức quy định của tỉnh.",
      answer: "Qua xác minh, việc thu lệ phí cao hơn mức quy định là có. UBND xã đã hoàn trả số tiền thu thừa, chấn chỉnh cán bộ và niêm yết lại mức lệ phí.",
      aboutDossier: true,
    },
    {
      subject: "Khiếu nại việc từ chối tiếp nhận hồ sơ",
      description: "Tôi khiếu nại việc cán bộ từ chối tiếp nhận hồ sơ đăng ký biến động đất đai của gia đình tôi.",
      answer: "Hồ sơ thiếu giấy tờ bắt buộc theo quy định; việc từ chối tiếp nhận là đúng. UBND xã đã hướng dẫn bằng văn bản các giấy tờ cần bổ sung.",
      aboutDossier: true,
    },
    {
      subject: "Khiếu nại việc chậm giải quyết hồ sơ",
      description: "Hồ sơ của tôi quá hạn mà không được thông báo lý do, tôi khiếu nại việc chậm giải quyết.",
      answer: "Hồ sơ chậm do phải xác minh tại cơ quan liên quan; UBND xã đã có phiếu xin lỗi, hẹn lại và trả kết quả. Khiếu nại đúng một phần về việc thông báo chậm.",
      aboutDossier: true,
    },
  ],
};

/**
 * The complaints' filing clocks, without drawing from the generator (the other demo items stay as
 * they were): in turn filed 15 and 40 days after the complainant learnt of the decision (in time),
 * 120 days after (past the 90-day window: flagged for the officer), and a second-instance complaint
 * 30 days after the first-instance decision (in time: 45 days in this remote commune).
 */
export function demoComplaintClock(index: number, receivedDay: string): { instance: "first" | "second"; knewOn: string } {
  const turn = index % 4;
  return { instance: turn === 3 ? "second" : "first", knewOn: addDays(receivedDay, -[15, 40, 120, 30][turn]!) };
}

type Random = ReturnType<typeof mulberry32>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function workingDays(calendar: WorkingCalendar, from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  return days;
}

/** A working-hours instant on the n-th working day after `from` (0: `from` itself). */
const workingInstant = (calendar: WorkingCalendar, random: Random, from: string, n: number) =>
  instantAt(n === 0 ? from : calendar.addWorkingDays(from, n), `${String(between(random, 8, 16)).padStart(2, "0")}:${String(between(random, 0, 59)).padStart(2, "0")}`);

export async function seedDemoFeedback(
  db: Kysely<Database>,
  unitId: number,
  now: Date,
  origin: string,
): Promise<{ items: number }> {
  const random = mulberry32(DEMO_FEEDBACK_SEED);
  const { calendar } = await getDueContext(db, unitId);
  const statusUrlFor = (code: string) => `${origin}/feedback/${code}`;
  const userId = async (username: string) => (await db.selectFrom("user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
  const officer = { kind: "user" as const, userId: await userId("motcua") };
  const qualityLead = { kind: "user" as const, userId: await userId("chatluong") };
  const leader = { kind: "user" as const, userId: await userId("lanhdao") };
  const open311 = await db.selectFrom("api_client").select("id").where("unit_id", "=", unitId).where("scopes_json", "like", "%open311%").executeTakeFirst();
  const today = businessDateOf(now);
  let items = 0;
  let complaints = 0;

  for (let year = FIRST_YEAR; year <= Number(today.slice(0, 4)); year += 1) {
    const days = workingDays(calendar, `${year}-01-01`, `${year}-12-31` < today ? `${year}-12-31` : today);
    if (days.length === 0) continue;
    const share = days.length / workingDays(calendar, `${year}-01-01`, `${year}-12-31`).length;
    for (const kind of Object.keys(PER_YEAR) as FeedbackKind[]) {
      const count = Math.max(year === Number(today.slice(0, 4)) && share < 1 ? 1 : 0, Math.round(PER_YEAR[kind] * share));
      for (let i = 0; i < count; i += 1) {
        const day = pick(random, days);
        const receivedAt = workingInstant(calendar, random, day, 0);
        if (receivedAt > now) continue;
        const topic = pick(random, TOPICS[kind]);
        const female = random() < 0.5;
        const name = `${pick(random, FAMILY)} ${pick(random, female ? GIVEN_FEMALE : GIVEN_MALE)}`;
        const dossier = topic.aboutDossier
          ? await db
              .selectFrom("dossier")
              .select("code")
              .where("unit_id", "=", unitId)
              .where("received_date", "<", day)
              .where("received_date", ">=", addDays(day, -40))
              .orderBy("id")
              .offset(between(random, 0, 150))
              .limit(1)
              .executeTakeFirst()
          : undefined;
        const fromOpen311 = kind !== "complaint" && open311 !== undefined && random() < 0.15;
        const complaint = kind === "complaint" ? demoComplaintClock(complaints++, day) : undefined;
        const { id } = await submitFeedback(
          db,
          unitId,
          {
            kind,
            subject: topic.subject,
            description: topic.description,
            dossierCode: dossier?.code,
            contact: {
              name,
              phone: random() < 0.8 || kind === "complaint" ? `09${String(between(random, 10_000_000, 99_999_999))}` : undefined,
              address: kind === "complaint" || random() < 0.3 ? `Bản ${pick(random, HAMLETS)}, xã Mường Sai, tỉnh Sơn La` : undefined,
              idNumber: kind === "complaint" ? `0140${female ? 9 : 8}${String(between(random, 1_000_000, 9_999_999))}`.padEnd(12, "0").slice(0, 12) : undefined,
            },
            complaint,
            consent: true,
            source: fromOpen311 ? "open311" : random() < 0.6 ? "web" : "desk",
            sourceAddressHash: null,
            apiClientId: fromOpen311 ? open311!.id : null,
            location: fromOpen311 ? { addressString: `Bản ${pick(random, HAMLETS)}, xã Mường Sai` } : undefined,
            attachments: [],
          },
          statusUrlFor,
          receivedAt,
        );
        items += 1;
        await handle(id, kind, topic, day);
      }
    }
  }

  /** The desk's handling, step by step at plausible times; steps after `now` are left to be done. */
  async function handle(id: number, kind: FeedbackKind, topic: Topic, receivedDay: string) {
    const act = async (actor: { kind: "user"; userId: number }, action: StaffFeedbackAction, at: Date) => {
      if (at > now) return false;
      const result = await applyFeedbackAction(db, actor, unitId, id, action, statusUrlFor, at);
      if (!result.ok) throw new Error(`demo feedback ${id}: ${action.op} refused (${result.error})`);
      return true;
    };
    const roll = random();
    // A few are not for the commune: refused with the reason, or forwarded to the competent agency.
    if (kind !== "compliment" && roll < 0.05) {
      await act(officer, { op: "not_accept", reason: "Nội dung không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính." }, workingInstant(calendar, random, receivedDay, 1));
      await act(officer, { op: "close" }, workingInstant(calendar, random, receivedDay, 3));
      return;
    }
    if (kind !== "compliment" && kind !== "complaint" && roll < 0.1) {
      await act(officer, { op: "forward", agency: "Sở Nông nghiệp và Môi trường tỉnh Sơn La" }, workingInstant(calendar, random, receivedDay, 1));
      await act(officer, { op: "close" }, workingInstant(calendar, random, receivedDay, 4));
      return;
    }
    const accepted = workingInstant(calendar, random, receivedDay, kind === "complaint" ? between(random, 2, 6) : between(random, 0, 1));
    if (!(await act(kind === "complaint" ? qualityLead : officer, { op: "accept", complex: false }, accepted))) return;
    const acceptedDay = businessDateOf(accepted);
    if (!(await act(qualityLead, { op: "assign", assigneeUserId: officer.userId }, new Date(accepted.getTime() + 30 * 60_000)))) return;
    if (!(await act(officer, { op: "investigate" }, workingInstant(calendar, random, acceptedDay, 1)))) return;
    // Most answers come within the legal time (15 working days; complaints 45 days in this remote
    // commune), about one in ten late.
    const late = random() < 0.1;
    const answerDay =
      kind === "complaint"
        ? calendar.nextWorkingDay(addDays(acceptedDay, late ? between(random, 46, 52) : between(random, 12, 38)))
        : calendar.addWorkingDays(receivedDay, late ? between(random, 16, 20) : between(random, 3, 13));
    const answerer = kind === "complaint" ? leader : officer;
    const upheld = kind === "complaint" && topic.subject.includes("lệ phí");
    if (!(await act(answerer, { op: "answer", answer: topic.answer, upheld }, workingInstant(calendar, random, answerDay, 0)))) return;
    await act(officer, { op: "close" }, workingInstant(calendar, random, answerDay, between(random, 3, 8)));
  }

  return { items };
}
