import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackDeadlines } from "~/domain/feedback/deadlines";
import { TrackingCodeSchema, type FeedbackKind } from "~/domain/feedback/feedback";
import { acknowledgementText, answerText } from "~/domain/feedback/messages";
import { getDueContext, type DueContext } from "~/models/dossiers.server";
import {
  addCitizenReply,
  applyFeedbackAction,
  getFeedbackDetail,
  getPublicFeedback,
  listInbox,
  submitFeedback,
  type NewFeedback,
  type StaffFeedbackAction,
} from "~/models/feedback.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { insertOtherUnit, seedReferenceData } from "../models/dossier-fixtures";
import { refuseInserts } from "../../setup/db-faults";

/** Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();

const ORIGIN = "https://motcua.example.vn";
const statusUrl = (code: string) => `${ORIGIN}/feedback/${code}`;

const CONTACT = {
  name: "Lò Văn Pằng",
  phone: "0912345678",
  email: "pang.lo@example.vn",
  address: "Bản Nà Sài, xã Mường Sai",
  idNumber: "014095001234",
};

let t: TestDb;
let unitId: number;
let unitName: string;
let officerId: number;
let leaderId: number;
let context: DueContext;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  unitName = seeded.unit.name;
  officerId = seeded.officerId;
  leaderId = seeded.leaderId;
  context = await getDueContext(t.db, unitId);
  // The demo commune (Mường Sai) is a remote area and counts complaint days on the calendar.
  expect(context.unit.is_remote_area).toBe(1);
  expect(context.unit.complaint_days).toBe("calendar");
});

afterAll(async () => {
  await t.cleanup();
});

function newFeedback(kind: FeedbackKind, extra: Partial<NewFeedback> = {}): NewFeedback {
  return {
    kind,
    subject: `Chủ đề ${kind}`,
    description: "Nội dung chi tiết của công dân.",
    contact: {},
    consent: true,
    source: "web",
    sourceAddressHash: "hash-of-203.0.113.5",
    attachments: [],
    ...extra,
  };
}

const submit = (kind: FeedbackKind, receivedAt: Date, extra: Partial<NewFeedback> = {}, onUnit = unitId) =>
  submitFeedback(t.db, onUnit, newFeedback(kind, extra), statusUrl, receivedAt);

const staff = (userId: number) => ({ kind: "user" as const, userId });
const act = (id: number, action: StaffFeedbackAction, now: Date, onUnit = unitId, userId = officerId) =>
  applyFeedbackAction(t.db, staff(userId), onUnit, id, action, statusUrl, now);

const itemRow = (id: number) => t.db.selectFrom("feedback_item").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const eventsOf = (id: number) => t.db.selectFrom("feedback_event").selectAll().where("feedback_id", "=", id).orderBy("id").execute();
const attachmentsOf = (id: number) => t.db.selectFrom("feedback_attachment").selectAll().where("feedback_id", "=", id).orderBy("id").execute();
const outboxOf = (code: string) =>
  t.db.selectFrom("outbox_message").selectAll().where("entity_type", "=", "feedback").where("entity_id", "=", code).orderBy("id").execute();
const auditOf = (id: number) =>
  t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "feedback").where("entity_id", "=", String(id)).orderBy("id").execute();
const json = (text: string | null | undefined) => (text == null ? null : (JSON.parse(text) as Record<string, unknown>));

const TABLES = ["feedback_item", "feedback_event", "feedback_attachment", "outbox_message", "audit_log"] as const;
async function counts() {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    result[table] = Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }
  return result;
}

function expectedDeadlines(kind: FeedbackKind, receivedAt: Date, acceptedAt: Date | null = null, isComplex = false) {
  const d = feedbackDeadlines({
    kind,
    instance: "first",
    receivedAt,
    acceptedAt,
    isComplex,
    settings: { isRemoteArea: true, complaintDays: "calendar" },
    calendar: context.calendar,
    dueSettings: context.settings,
  });
  return { acceptance_due_at: d.acceptanceDueAt?.toISOString() ?? null, resolution_due_at: d.resolutionDueAt?.toISOString() ?? null };
}

const ATTACHMENT = (storedName: string, originalName = "anh-chup.png") => ({
  storedName,
  originalName,
  mime: "image/png",
  size: 1234,
  sha256: "a".repeat(64),
});

describe("submitFeedback", () => {
  it("writes the item, its received event, its attachments, one SMS acknowledgement and a citizen audit row", async () => {
    const receivedAt = vn("2026-03-02T09:00:00");
    const before = await counts();
    const { id, code } = await submit("complaint", receivedAt, {
      contact: CONTACT,
      attachments: [ATTACHMENT("0123456789abcdef0123456789abcdef.png"), ATTACHMENT("fedcba9876543210fedcba9876543210.pdf", "don.pdf")],
    });

    expect(TrackingCodeSchema.parse(code)).toBe(code);
    const row = await itemRow(id);
    expect(row).toMatchObject({
      unit_id: unitId,
      code,
      kind: "complaint",
      state: "received",
      subject: "Chủ đề complaint",
      contact_name: CONTACT.name,
      contact_phone: CONTACT.phone,
      contact_email: CONTACT.email,
      contact_address: CONTACT.address,
      contact_id_number: CONTACT.idNumber,
      consent_at: receivedAt.toISOString(),
      received_at: receivedAt.toISOString(),
      accepted_at: null,
      is_complex: 0,
      source: "web",
      source_address_hash: "hash-of-203.0.113.5",
      hidden_reason: null,
    });
    // 10 calendar days from receipt, at office close; no resolution deadline before acceptance.
    expect(row.acceptance_due_at).toBe(iso("2026-03-12T17:00:00"));
    expect(row.resolution_due_at).toBeNull();
    expect({ acceptance_due_at: row.acceptance_due_at, resolution_due_at: row.resolution_due_at }).toEqual(
      expectedDeadlines("complaint", receivedAt),
    );

    const events = await eventsOf(id);
    expect(events).toEqual([
      expect.objectContaining({
        at: receivedAt.toISOString(),
        actor_kind: "citizen",
        actor_user_id: null,
        kind: "received",
        from_state: null,
        to_state: "received",
        public_text: null,
        internal_note: null,
      }),
    ]);

    const attachments = await attachmentsOf(id);
    expect(attachments.map((a) => [a.stored_name, a.original_name, a.mime, a.size, a.sha256])).toEqual([
      ["0123456789abcdef0123456789abcdef.png", "anh-chup.png", "image/png", 1234, "a".repeat(64)],
      ["fedcba9876543210fedcba9876543210.pdf", "don.pdf", "image/png", 1234, "a".repeat(64)],
    ]);

    const outbox = await outboxOf(code);
    expect(outbox).toEqual([
      expect.objectContaining({
        unit_id: unitId,
        channel: "sms", // the phone wins when both are given
        recipient: CONTACT.phone,
        subject: null,
        body: acknowledgementText({ unitName, kind: "complaint", code, statusUrl: statusUrl(code) }),
        purpose: "acknowledgement",
        status: "pending",
        created_at: receivedAt.toISOString(),
        sent_at: null,
      }),
    ]);

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ unit_id: unitId, actor_kind: "citizen", actor_user_id: null, action: "received", at: receivedAt.toISOString() });
    expect(json(audit[0]?.after_json)).toEqual({ code, kind: "complaint", state: "received", subject: "Chủ đề complaint", source: "web", attachments: 2 });
    // The audit row does not copy the citizen's personal data.
    for (const value of Object.values(CONTACT)) expect(audit[0]?.after_json).not.toContain(value);

    expect(await counts()).toEqual({
      feedback_item: (before.feedback_item ?? 0) + 1,
      feedback_event: (before.feedback_event ?? 0) + 1,
      feedback_attachment: (before.feedback_attachment ?? 0) + 2,
      outbox_message: (before.outbox_message ?? 0) + 1,
      audit_log: (before.audit_log ?? 0) + 1,
    });
  });

  it("acknowledges by email, with the code as subject, when only an email is given", async () => {
    const { code } = await submit("recommendation", vn("2026-03-02T10:00:00"), { contact: { email: "citizen@example.vn" } });
    const outbox = await outboxOf(code);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: "email", recipient: "citizen@example.vn", subject: `Mã theo dõi ${code}`, purpose: "acknowledgement" });
    expect(outbox[0]?.body).toContain(statusUrl(code));
  });

  it("queues nothing for an anonymous item, but still records it and its audit row", async () => {
    const before = await counts();
    const { id, code } = await submit("feedback", vn("2026-03-02T11:00:00"), { contact: { name: "Không để lại liên lạc" } });
    expect(await outboxOf(code)).toEqual([]);
    expect(await eventsOf(id)).toHaveLength(1);
    expect(await auditOf(id)).toHaveLength(1);
    const after = await counts();
    expect(after.outbox_message).toBe(before.outbox_message);
    expect(after.feedback_item).toBe((before.feedback_item ?? 0) + 1);
  });

  it.each([
    // Working days of the national calendar: March 2026 has no holiday.
    ["feedback", "2026-03-02T09:00:00", "2026-03-04T17:00:00", "2026-03-23T17:00:00"],
    ["recommendation", "2026-03-06T16:00:00", "2026-03-10T17:00:00", "2026-03-27T17:00:00"],
    // Across Hùng Kings' day (Sun 26 Apr 2026, day off Mon 27), 30 Apr and 1 May.
    // Tue 28 (1), Wed 29 (2); [30 Apr, 1 May], Mon 4 May (3) … Fri 15 (12), Mon 18, Tue 19, Wed 20 (15).
    ["feedback", "2026-04-24T09:00:00", "2026-04-29T17:00:00", "2026-05-20T17:00:00"],
    ["compliment", "2026-03-02T09:00:00", null, null],
  ] as const)("stores the legal deadlines of a %s received %s", async (kind, received, acceptanceDue, resolutionDue) => {
    const receivedAt = vn(received);
    const { id } = await submit(kind, receivedAt);
    const row = await itemRow(id);
    const stored = { acceptance_due_at: row.acceptance_due_at, resolution_due_at: row.resolution_due_at };
    expect(stored).toEqual(expectedDeadlines(kind, receivedAt));
    expect(stored).toEqual({
      acceptance_due_at: acceptanceDue === null ? null : iso(acceptanceDue),
      resolution_due_at: resolutionDue === null ? null : iso(resolutionDue),
    });
  });

  it("links a procedure of the unit by code, and ignores an unknown dossier code", async () => {
    const procedure = await t.db.selectFrom("procedure").select(["id", "code"]).where("unit_id", "=", unitId).orderBy("id").executeTakeFirstOrThrow();
    const { id } = await submit("feedback", vn("2026-03-03T09:00:00"), { procedureCode: procedure.code, dossierCode: "000.00.00.H53-260303-9999" });
    expect(await itemRow(id)).toMatchObject({ procedure_id: procedure.id, dossier_id: null });
  });

  it("is all or nothing: a failing attachment row leaves no item, event, message or audit row", async () => {
    const before = await counts();
    const codesBefore = await t.db.selectFrom("feedback_item").select("code").execute();
    const duplicate = "00000000000000000000000000000000.png";
    await expect(
      submit("complaint", vn("2026-03-04T09:00:00"), {
        subject: "Sẽ không được lưu",
        contact: CONTACT,
        attachments: [ATTACHMENT(duplicate), ATTACHMENT(duplicate, "lan-hai.png")],
      }),
    ).rejects.toThrow(/UNIQUE/i);
    expect(await counts()).toEqual(before);
    expect(await t.db.selectFrom("feedback_item").select("code").execute()).toEqual(codesBefore);
    expect(await t.db.selectFrom("feedback_item").select("id").where("subject", "=", "Sẽ không được lưu").execute()).toEqual([]);
  });

  it("is all or nothing when the last write (the audit row) fails", async () => {
    const allow = await refuseInserts(t.db, "audit_log", "audit refused", "new.entity_type = 'feedback' and new.action = 'received'");
    try {
      const before = await counts();
      await expect(
        submit("complaint", vn("2026-03-04T09:30:00"), { contact: CONTACT, attachments: [ATTACHMENT("33333333333333333333333333333333.png")] }),
      ).rejects.toThrow(/audit refused/);
      expect(await counts()).toEqual(before);
    } finally {
      await allow();
    }
  });

  it("refuses, and rolls back, an attachment whose stored name another item already uses", async () => {
    const storedName = "11111111111111111111111111111111.jpg";
    await submit("feedback", vn("2026-03-04T10:00:00"), { attachments: [ATTACHMENT(storedName)] });
    const before = await counts();
    await expect(submit("feedback", vn("2026-03-04T10:05:00"), { contact: { phone: "0987654321" }, attachments: [ATTACHMENT(storedName)] })).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("gives every item its own tracking code", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const { code } = await submit("compliment", new Date(vn("2026-03-05T08:00:00").getTime() + i * 60_000));
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      codes.add(code);
    }
    expect(codes.size).toBe(40);
    const all = await t.db.selectFrom("feedback_item").select("code").execute();
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
  });
});

describe("applyFeedbackAction", () => {
  it("takes a complaint through accept (complex) → assign → investigate → answer → close, with events and audit rows", async () => {
    const receivedAt = vn("2026-03-02T09:00:00");
    const { id, code } = await submit("complaint", receivedAt, { contact: CONTACT });
    const acceptedAt = vn("2026-03-09T10:00:00");

    expect(await act(id, { op: "accept", complex: true }, acceptedAt)).toEqual({ ok: true });
    let row = await itemRow(id);
    // Remote area, complex: 60 days from acceptance (not from receipt).
    expect(row).toMatchObject({ state: "accepted", accepted_at: acceptedAt.toISOString(), is_complex: 1 });
    expect(row.resolution_due_at).toBe(iso("2026-05-08T17:00:00"));
    expect(row.resolution_due_at).toBe(expectedDeadlines("complaint", receivedAt, acceptedAt, true).resolution_due_at);
    expect(row.acceptance_due_at).toBe(iso("2026-03-12T17:00:00"));

    expect(await act(id, { op: "assign", assigneeUserId: leaderId }, vn("2026-03-09T11:00:00"))).toEqual({ ok: true });
    expect(await itemRow(id)).toMatchObject({ state: "assigned", assignee_user_id: leaderId });
    expect(await act(id, { op: "investigate" }, vn("2026-03-10T08:00:00"), unitId, leaderId)).toEqual({ ok: true });
    expect((await itemRow(id)).state).toBe("investigating");

    const answeredAt = vn("2026-04-20T15:00:00");
    const answer = "UBND xã đã xem xét lại và chấp nhận hồ sơ của ông.";
    expect(await act(id, { op: "answer", answer, upheld: false }, answeredAt, unitId, leaderId)).toEqual({ ok: true });
    row = await itemRow(id);
    expect(row).toMatchObject({ state: "answered", public_answer: answer, answered_at: answeredAt.toISOString() });
    const outbox = await outboxOf(code);
    expect(outbox.map((m) => m.purpose)).toEqual(["acknowledgement", "answer"]);
    expect(outbox[1]).toMatchObject({
      channel: "sms",
      recipient: CONTACT.phone,
      status: "pending",
      body: answerText({ unitName, kind: "complaint", code, statusUrl: statusUrl(code) }),
      created_at: answeredAt.toISOString(),
    });

    const closedAt = vn("2026-04-22T09:00:00");
    expect(await act(id, { op: "close" }, closedAt)).toEqual({ ok: true });
    expect(await itemRow(id)).toMatchObject({ state: "closed", closed_at: closedAt.toISOString(), public_answer: answer });

    const events = await eventsOf(id);
    expect(events.map((e) => [e.kind, e.from_state, e.to_state, e.actor_kind, e.actor_user_id])).toEqual([
      ["received", null, "received", "citizen", null],
      ["accept", "received", "accepted", "user", officerId],
      ["assign", "accepted", "assigned", "user", officerId],
      ["investigate", "assigned", "investigating", "user", leaderId],
      ["answer", "investigating", "answered", "user", leaderId],
      ["close", "answered", "closed", "user", officerId],
    ]);
    expect(events.find((e) => e.kind === "answer")?.public_text).toBe(answer);

    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.actor_kind, a.actor_user_id])).toEqual([
      ["received", "citizen", null],
      ["accept", "user", officerId],
      ["assign", "user", officerId],
      ["investigate", "user", leaderId],
      ["answer", "user", leaderId],
      ["close", "user", officerId],
    ]);
    expect(json(audit[1]?.before_json)).toMatchObject({ state: "received", isComplex: false, resolutionDueAt: null });
    expect(json(audit[1]?.after_json)).toMatchObject({ state: "accepted", isComplex: true, resolutionDueAt: iso("2026-05-08T17:00:00") });
    expect(json(audit[2]?.after_json)).toMatchObject({ state: "assigned", assigneeUserId: leaderId });
    expect(json(audit[4]?.after_json)).toMatchObject({ state: "answered", answered: true });
  });

  it.each([
    [false, "2026-04-23T17:00:00"], // remote: 45 days
    [true, "2026-05-08T17:00:00"], // remote, complex: 60 days
  ])("accepting a complaint (complex %s) on 9 Mar sets resolution due %s", async (complex, due) => {
    const { id } = await submit("complaint", vn("2026-03-02T09:00:00"), { contact: CONTACT });
    await act(id, { op: "accept", complex }, vn("2026-03-09T10:00:00"));
    expect((await itemRow(id)).resolution_due_at).toBe(iso(due));
  });

  it.each([
    // [complex, resolution due] — remote area, calendar days from Mon 9 Mar
    [false, "2026-05-08T17:00:00"], // second instance, remote: 60 days (first instance: 45)
    [true, "2026-05-18T17:00:00"], // second instance, remote, complex: 70 days (first instance: 60)
  ])("accepting a second-instance complaint (complex %s) on 9 Mar sets resolution due %s, with its audit row", async (complex, due) => {
    const { id } = await submit("complaint", vn("2026-03-02T09:00:00"), { contact: CONTACT, complaint: { instance: "second", knewOn: "2026-02-20" } });
    expect(await itemRow(id)).toMatchObject({ complaint_instance: "second", resolution_due_at: null, acceptance_due_at: iso("2026-03-12T17:00:00") });
    await act(id, { op: "accept", complex }, vn("2026-03-09T10:00:00"));
    const row = await itemRow(id);
    expect(row.resolution_due_at).toBe(iso(due));
    const accept = (await auditOf(id)).find((a) => a.action === "accept");
    expect(json(accept?.after_json)).toMatchObject({ resolutionDueAt: iso(due) });
    // The stored deadline agrees with the clock the officer sees.
    const shown = (await getFeedbackDetail(t.db, unitId, row.code))?.clocks.find((c) => c.key === "complaintResolution");
    expect(shown?.dueAt.toISOString()).toBe(iso(due));
  });

  it("keeps a feedback item's 15-working-day clock from receipt when it is accepted", async () => {
    const receivedAt = vn("2026-03-02T09:00:00");
    const { id } = await submit("feedback", receivedAt);
    await act(id, { op: "accept", complex: true }, vn("2026-03-04T10:00:00"));
    expect((await itemRow(id)).resolution_due_at).toBe(iso("2026-03-23T17:00:00"));
  });

  it("answers an anonymous item without queueing a message", async () => {
    const { id, code } = await submit("feedback", vn("2026-03-02T09:00:00"));
    for (const [action, at] of [
      [{ op: "accept", complex: false }, "2026-03-03T09:00:00"],
      [{ op: "assign", assigneeUserId: officerId }, "2026-03-03T09:05:00"],
      [{ op: "investigate" }, "2026-03-03T09:10:00"],
      [{ op: "answer", answer: "Đã thay bảng niêm yết mới.", upheld: false }, "2026-03-05T09:00:00"],
    ] as const) {
      expect(await act(id, action, vn(at))).toEqual({ ok: true });
    }
    expect(await outboxOf(code)).toEqual([]);
  });

  it("emails the answer when only an email was given", async () => {
    const { id, code } = await submit("recommendation", vn("2026-03-02T09:00:00"), { contact: { email: "kn@example.vn" } });
    await act(id, { op: "accept", complex: false }, vn("2026-03-03T09:00:00"));
    await act(id, { op: "assign", assigneeUserId: officerId }, vn("2026-03-03T09:00:00"));
    await act(id, { op: "investigate" }, vn("2026-03-03T09:00:00"));
    await act(id, { op: "answer", answer: "Cảm ơn kiến nghị.", upheld: false }, vn("2026-03-04T09:00:00"));
    const answerMessage = (await outboxOf(code)).filter((m) => m.purpose === "answer");
    expect(answerMessage).toEqual([expect.objectContaining({ channel: "email", recipient: "kn@example.vn", subject: `Mã theo dõi ${code}` })]);
  });

  it("records a refusal and a forward, with their public text", async () => {
    const refused = await submit("feedback", vn("2026-03-02T09:00:00"));
    expect(await act(refused.id, { op: "not_accept", reason: "Không thuộc thẩm quyền của xã." }, vn("2026-03-03T09:00:00"))).toEqual({ ok: true });
    expect(await itemRow(refused.id)).toMatchObject({ state: "not_accepted", not_accepted_reason: "Không thuộc thẩm quyền của xã." });
    expect((await eventsOf(refused.id)).at(-1)).toMatchObject({ kind: "not_accept", public_text: "Không thuộc thẩm quyền của xã.", internal_note: null });

    const forwarded = await submit("recommendation", vn("2026-03-02T09:00:00"));
    expect(await act(forwarded.id, { op: "forward", agency: "UBND tỉnh Sơn La" }, vn("2026-03-03T09:00:00"))).toEqual({ ok: true });
    expect(await itemRow(forwarded.id)).toMatchObject({ state: "forwarded", forwarded_to: "UBND tỉnh Sơn La" });
    expect(await act(forwarded.id, { op: "close" }, vn("2026-03-04T09:00:00"))).toEqual({ ok: true });
  });

  it.each([
    ["answer", { op: "answer", answer: "Trả lời sớm", upheld: false }],
    ["close", { op: "close" }],
    ["investigate", { op: "investigate" }],
    ["assign", { op: "assign", assigneeUserId: 1 }],
  ] as const)("refuses %s on a received item and writes nothing", async (_name, action) => {
    const { id, code } = await submit("complaint", vn("2026-03-02T09:00:00"), { contact: CONTACT });
    const rowBefore = await itemRow(id);
    const before = await counts();
    expect(await act(id, action, vn("2026-03-03T09:00:00"))).toEqual({ ok: false, error: "feedback.error.illegalTransition" });
    expect(await itemRow(id)).toEqual(rowBefore);
    expect(await counts()).toEqual(before);
    expect(await outboxOf(code)).toHaveLength(1); // the acknowledgement only
  });

  it("refuses any step after closing", async () => {
    const { id } = await submit("feedback", vn("2026-03-02T09:00:00"));
    await act(id, { op: "not_accept", reason: "Trùng nội dung" }, vn("2026-03-02T10:00:00"));
    await act(id, { op: "close" }, vn("2026-03-02T11:00:00"));
    const before = await counts();
    for (const action of [{ op: "accept", complex: false }, { op: "close" }, { op: "forward", agency: "Huyện" }] as const) {
      expect(await act(id, action, vn("2026-03-03T09:00:00"))).toEqual({ ok: false, error: "feedback.error.illegalTransition" });
    }
    expect(await counts()).toEqual(before);
    expect((await itemRow(id)).state).toBe("closed");
  });

  it("writes a note as an internal event, without changing the state", async () => {
    const { id } = await submit("feedback", vn("2026-03-02T09:00:00"));
    const rowBefore = await itemRow(id);
    expect(await act(id, { op: "note", note: "Đã gọi điện cho trưởng bản." }, vn("2026-03-02T14:00:00"))).toEqual({ ok: true });
    const row = await itemRow(id);
    expect(row.state).toBe("received");
    expect(row.updated_at).toBe(iso("2026-03-02T14:00:00"));
    expect({ ...row, updated_at: rowBefore.updated_at }).toEqual(rowBefore);
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      kind: "note",
      from_state: "received",
      to_state: "received",
      actor_kind: "user",
      actor_user_id: officerId,
      internal_note: "Đã gọi điện cho trưởng bản.",
      public_text: null,
    });
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "note", actor_user_id: officerId });
  });

  it("hides spam and un-hides it, with audit rows, in any state", async () => {
    const { id, code } = await submit("feedback", vn("2026-03-02T09:00:00"));
    expect(await act(id, { op: "hide", reason: "spam", duplicateOfId: null }, vn("2026-03-02T10:00:00"))).toEqual({ ok: true });
    expect(await itemRow(id)).toMatchObject({ state: "received", hidden_reason: "spam", duplicate_of_id: null });
    expect(await getPublicFeedback(t.db, code)).toBeNull();

    expect(await act(id, { op: "unhide" }, vn("2026-03-02T11:00:00"))).toEqual({ ok: true });
    expect(await itemRow(id)).toMatchObject({ state: "received", hidden_reason: null });
    expect(await getPublicFeedback(t.db, code)).not.toBeNull();

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["received", "hide", "unhide"]);
    expect(json(audit[1]?.before_json)).toMatchObject({ hiddenReason: null });
    expect(json(audit[1]?.after_json)).toMatchObject({ hiddenReason: "spam" });
    expect(json(audit[2]?.after_json)).toMatchObject({ hiddenReason: null });
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["received", "hide", "unhide"]);
  });

  it("marks a duplicate of another item, and clears the link when un-hidden", async () => {
    const original = await submit("feedback", vn("2026-03-02T09:00:00"));
    const copy = await submit("feedback", vn("2026-03-02T09:05:00"));
    expect(await act(copy.id, { op: "hide", reason: "duplicate", duplicateOfId: original.id }, vn("2026-03-02T10:00:00"))).toEqual({ ok: true });
    expect(await itemRow(copy.id)).toMatchObject({ hidden_reason: "duplicate", duplicate_of_id: original.id });
    expect((await getFeedbackDetail(t.db, unitId, copy.code))?.item.duplicate_of_code).toBe(original.code);
    expect((await auditOf(copy.id)).at(-1)).toMatchObject({ action: "hide" });
    expect(json((await auditOf(copy.id)).at(-1)?.after_json)).toMatchObject({ hiddenReason: "duplicate" });

    await act(copy.id, { op: "unhide" }, vn("2026-03-02T11:00:00"));
    expect(await itemRow(copy.id)).toMatchObject({ hidden_reason: null, duplicate_of_id: null });
  });
});

describe("getPublicFeedback", () => {
  const PUBLIC_KEYS = [
    "accepted_at",
    "answered_at",
    "clocks",
    "closed_at",
    "code",
    "forwarded_to",
    "kind",
    "not_accepted_reason",
    "public_answer",
    "received_at",
    "resolution_due_at",
    "state",
    "subject",
    "thread",
  ];

  it("shows status, dates, the answer and the public thread, never contact data nor internal notes", async () => {
    const description = "Mô tả có thông tin riêng: nhà tôi ở cạnh trường tiểu học.";
    const { id, code } = await submit("complaint", vn("2026-03-02T09:00:00"), {
      description,
      contact: CONTACT,
      attachments: [ATTACHMENT("22222222222222222222222222222222.png")],
    });
    const note = "Ghi chú nội bộ: người này đã khiếu nại nhiều lần.";
    await act(id, { op: "note", note }, vn("2026-03-02T10:00:00"));
    await act(id, { op: "accept", complex: false }, vn("2026-03-03T09:00:00"));
    await act(id, { op: "assign", assigneeUserId: leaderId }, vn("2026-03-03T09:00:00"));
    await act(id, { op: "investigate" }, vn("2026-03-04T09:00:00"), unitId, leaderId);
    await act(id, { op: "note", note: "Ghi chú thứ hai" }, vn("2026-03-05T09:00:00"), unitId, leaderId);
    await act(id, { op: "answer", answer: "Nội dung trả lời công khai.", upheld: false }, vn("2026-03-20T09:00:00"), unitId, leaderId);

    const item = await getPublicFeedback(t.db, code);
    if (!item) throw new Error("expected the item");
    expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    expect(item).toMatchObject({
      code,
      kind: "complaint",
      state: "answered",
      public_answer: "Nội dung trả lời công khai.",
      accepted_at: iso("2026-03-03T09:00:00"),
      answered_at: iso("2026-03-20T09:00:00"),
      resolution_due_at: iso("2026-04-17T17:00:00"), // remote: 45 days from 3 Mar
    });
    expect(item.thread).toEqual([{ at: iso("2026-03-20T09:00:00"), kind: "answer", public_text: "Nội dung trả lời công khai." }]);
    // The citizen sees the clocks that bind the unit, not the late-filing flag (that is for the officer).
    expect(item.clocks.map((c) => c.key)).toEqual(["complaintAcceptance", "complaintResolution"]);
    expect(item.clocks[1]).toEqual({ key: "complaintResolution", dueAt: iso("2026-04-17T17:00:00"), done: true });
    for (const entry of item.thread) expect(Object.keys(entry).sort()).toEqual(["at", "kind", "public_text"]);

    const text = JSON.stringify(item);
    for (const value of [...Object.values(CONTACT), "0912345678", "912345678", note, "Ghi chú thứ hai", description, "22222222222222222222222222222222"]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain("assignee");
  });

  it("gives the officer every legal clock and flags a complaint filed after its 90-day window (second instance: 45 days, remote)", async () => {
    const first = await submit("complaint", vn("2026-03-02T09:00:00"));
    await t.db.updateTable("feedback_item").set({ knew_on: "2025-11-01" }).where("id", "=", first.id).execute();
    const detail = await getFeedbackDetail(t.db, unitId, first.code);
    const filing = detail?.clocks.find((c) => c.key === "complaintFiling");
    expect(filing?.late).toBe(true);
    expect(filing?.dueAt.toISOString()).toBe(iso("2026-01-30T17:00:00")); // 1 Nov + 90 days = Fri 30 Jan
    const second = await submit("complaint", vn("2026-03-02T09:00:00"));
    await t.db.updateTable("feedback_item").set({ knew_on: "2026-01-20", complaint_instance: "second" }).where("id", "=", second.id).execute();
    const secondFiling = (await getFeedbackDetail(t.db, unitId, second.code))?.clocks.find((c) => c.key === "complaintFiling");
    expect(secondFiling?.late).toBe(false); // remote: 45 days → 6 Mar
    expect(secondFiling?.dueAt.toISOString()).toBe(iso("2026-03-06T17:00:00"));
  });

  it("shows the citizen's reply and a refusal's reason in the thread", async () => {
    const { id, code } = await submit("feedback", vn("2026-03-02T09:00:00"));
    await act(id, { op: "not_accept", reason: "Không thuộc thẩm quyền." }, vn("2026-03-03T09:00:00"));
    const item = await getPublicFeedback(t.db, code);
    expect(item).toMatchObject({ state: "not_accepted", not_accepted_reason: "Không thuộc thẩm quyền." });
    expect(item?.thread).toEqual([{ at: iso("2026-03-03T09:00:00"), kind: "not_accept", public_text: "Không thuộc thẩm quyền." }]);
  });

  it("is null for spam and for an unknown code; a duplicate stays visible to its author", async () => {
    const spam = await submit("feedback", vn("2026-03-02T09:00:00"));
    await act(spam.id, { op: "hide", reason: "spam", duplicateOfId: null }, vn("2026-03-02T09:30:00"));
    expect(await getPublicFeedback(t.db, spam.code)).toBeNull();
    expect(await getPublicFeedback(t.db, "2222-2222-2223")).toBeNull();

    const original = await submit("feedback", vn("2026-03-02T09:00:00"));
    const duplicate = await submit("feedback", vn("2026-03-02T09:01:00"));
    await act(duplicate.id, { op: "hide", reason: "duplicate", duplicateOfId: original.id }, vn("2026-03-02T09:30:00"));
    const shown = await getPublicFeedback(t.db, duplicate.code);
    expect(shown?.code).toBe(duplicate.code);
    expect(Object.keys(shown ?? {})).not.toContain("hidden_reason");
  });
});

describe("addCitizenReply", () => {
  async function answered() {
    const item = await submit("feedback", vn("2026-03-02T09:00:00"), { contact: { phone: "0977000111" } });
    await act(item.id, { op: "accept", complex: false }, vn("2026-03-03T09:00:00"));
    await act(item.id, { op: "assign", assigneeUserId: officerId }, vn("2026-03-03T09:00:00"));
    await act(item.id, { op: "investigate" }, vn("2026-03-03T09:00:00"));
    await act(item.id, { op: "answer", answer: "Đã xử lý.", upheld: false }, vn("2026-03-10T09:00:00"));
    return item;
  }

  it("re-opens an answered item to investigating, keeping the reply as public text", async () => {
    const { id, code } = await answered();
    const reply = "Tôi chưa đồng ý, bảng vẫn chưa được thay.";
    expect(await addCitizenReply(t.db, code, reply, vn("2026-03-11T08:00:00"))).toEqual({ ok: true });
    const row = await itemRow(id);
    expect(row).toMatchObject({ state: "investigating", public_answer: "Đã xử lý.", closed_at: null, updated_at: iso("2026-03-11T08:00:00") });
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      kind: "citizen_reply",
      actor_kind: "citizen",
      actor_user_id: null,
      from_state: "answered",
      to_state: "investigating",
      public_text: reply,
      internal_note: null,
    });
    const audit = (await auditOf(id)).at(-1);
    expect(audit).toMatchObject({ action: "citizen_reply", actor_kind: "citizen", actor_user_id: null });
    expect(json(audit?.before_json)).toEqual({ state: "answered" });
    expect(json(audit?.after_json)).toEqual({ state: "investigating" });
    expect((await getPublicFeedback(t.db, code))?.thread.map((e) => e.public_text)).toEqual(["Đã xử lý.", reply]);
  });

  it("re-opens a closed item and clears its closing date", async () => {
    const { id, code } = await answered();
    await act(id, { op: "close" }, vn("2026-03-12T09:00:00"));
    expect((await itemRow(id)).closed_at).toBe(iso("2026-03-12T09:00:00"));
    expect(await addCitizenReply(t.db, code, "Xin xem lại.", vn("2026-03-13T09:00:00"))).toEqual({ ok: true });
    expect(await itemRow(id)).toMatchObject({ state: "investigating", closed_at: null });
  });

  it.each([
    ["received", 0],
    ["accepted", 1],
    ["assigned", 2],
    ["investigating", 3],
  ] as const)("refuses a reply to a %s item and writes nothing", async (state, stepCount) => {
    const { id, code } = await submit("feedback", vn("2026-03-02T09:00:00"));
    const steps: StaffFeedbackAction[] = [{ op: "accept", complex: false }, { op: "assign", assigneeUserId: officerId }, { op: "investigate" }];
    for (const step of steps.slice(0, stepCount)) expect(await act(id, step, vn("2026-03-03T09:00:00"))).toEqual({ ok: true });
    const rowBefore = await itemRow(id);
    expect(rowBefore.state).toBe(state);
    const before = await counts();
    expect(await addCitizenReply(t.db, code, "Còn chờ đến bao giờ?", vn("2026-03-04T09:00:00"))).toEqual({
      ok: false,
      error: "feedback.error.illegalTransition",
    });
    expect(await itemRow(id)).toEqual(rowBefore);
    expect(await counts()).toEqual(before);
  });

  it("answers notFound for an unknown code", async () => {
    expect(await addCitizenReply(t.db, "ZZZZ-ZZZZ-ZZZ9", "Xin chào")).toEqual({ ok: false, error: "feedback.error.notFound" });
  });
});

describe("listInbox", () => {
  // A unit of its own, so the items above do not crowd the list; not a remote area, calendar days.
  let otherUnitId: number;
  const codes: Record<string, string> = {};
  const now = vn("2026-03-20T10:00:00");

  beforeAll(async () => {
    otherUnitId = await insertOtherUnit(t.db);
    const on = otherUnitId;
    const add = async (name: string, kind: FeedbackKind, received: string, steps: Array<[StaffFeedbackAction, string, number?]> = []) => {
      const { id, code } = await submit(kind, vn(received), { subject: `Mục ${name}` }, on);
      for (const [action, at, userId] of steps) expect(await act(id, action, vn(at), on, userId ?? officerId)).toEqual({ ok: true });
      codes[name] = code;
    };
    // Acceptance due 12 Mar: overdue.
    await add("A", "complaint", "2026-03-02T09:00:00");
    // Acceptance (2 working days) due Fri 20 Mar 17:00: seven hours left, soon.
    await add("B", "feedback", "2026-03-18T09:00:00");
    // Accepted and assigned: answer (15 working days) due 9 Apr: ok.
    await add("C", "recommendation", "2026-03-19T09:00:00", [
      [{ op: "accept", complex: false }, "2026-03-19T10:00:00"],
      [{ op: "assign", assigneeUserId: officerId }, "2026-03-19T10:00:00"],
    ]);
    // A compliment: no deadline.
    await add("D", "compliment", "2026-03-19T08:00:00");
    // Answered: no running deadline even though it was late.
    await add("E", "feedback", "2026-02-02T09:00:00", [
      [{ op: "accept", complex: false }, "2026-02-03T09:00:00"],
      [{ op: "assign", assigneeUserId: officerId }, "2026-02-03T09:00:00"],
      [{ op: "investigate" }, "2026-02-03T09:00:00"],
      [{ op: "answer", answer: "Xong.", upheld: false }, "2026-03-10T09:00:00"],
    ]);
    // Spam, hidden, and overdue.
    await add("F", "feedback", "2026-03-01T09:00:00", [[{ op: "hide", reason: "spam", duplicateOfId: null }, "2026-03-01T10:00:00"]]);
    // Accepted on 6 Jan: resolution (30 calendar days) due 5 Feb, overdue; with the leader, investigating.
    await add("G", "complaint", "2026-01-05T09:00:00", [
      [{ op: "accept", complex: false }, "2026-01-06T09:00:00"],
      [{ op: "assign", assigneeUserId: leaderId }, "2026-01-06T09:00:00"],
      [{ op: "investigate" }, "2026-01-07T09:00:00", leaderId],
    ]);
  });

  const list = async (filter: Parameters<typeof listInbox>[2] = {}) => (await listInbox(t.db, otherUnitId, filter, now)).map((r) => r.code);
  const named = (...names: string[]) => names.map((n) => codes[n]);

  it("lists the unit's visible items, overdue first, then soon, ok and none, newest first within each", async () => {
    expect(await list()).toEqual(named("A", "G", "B", "C", "D", "E"));
  });

  it("reports each item's next deadline and urgency", async () => {
    const rows = await listInbox(t.db, otherUnitId, {}, now);
    const byName = (n: string) => rows.find((r) => r.code === codes[n]);
    expect(byName("A")).toMatchObject({ state: "received", nextDueAt: iso("2026-03-12T17:00:00"), urgency: "overdue", assignee_name: null });
    expect(byName("B")).toMatchObject({ nextDueAt: iso("2026-03-20T17:00:00"), urgency: "soon" });
    expect(byName("C")).toMatchObject({ state: "assigned", nextDueAt: iso("2026-04-09T17:00:00"), urgency: "ok", assignee_name: expect.any(String) });
    expect(byName("D")).toMatchObject({ nextDueAt: null, urgency: "none" });
    expect(byName("E")).toMatchObject({ state: "answered", nextDueAt: null, urgency: "none" });
    expect(byName("G")).toMatchObject({ state: "investigating", nextDueAt: iso("2026-02-05T17:00:00"), urgency: "overdue" });
  });

  it.each([
    ["kind complaint", { kind: "complaint" }, ["A", "G"]],
    ["kind feedback", { kind: "feedback" }, ["B", "E"]],
    ["state assigned", { state: "assigned" }, ["C"]],
    ["state received", { state: "received" }, ["A", "B", "D"]],
    ["assignee officer", "officer", ["C", "E"]],
    ["assignee leader", "leader", ["G"]],
    ["overdue", { overdue: true }, ["A", "G"]],
    ["overdue feedback", { overdue: true, kind: "feedback" }, []],
    ["hidden shown", { showHidden: true }, ["A", "F", "G", "B", "C", "D", "E"]],
    ["hidden shown, overdue", { showHidden: true, overdue: true }, ["A", "F", "G"]],
  ] as const)("filters by %s", async (_name, filter, expected) => {
    const resolved =
      filter === "officer" ? { assignee: officerId } : filter === "leader" ? { assignee: leaderId } : filter;
    expect(await list(resolved)).toEqual(named(...expected));
  });

  it("marks hidden items when asked to show them", async () => {
    const rows = await listInbox(t.db, otherUnitId, { showHidden: true }, now);
    expect(rows.find((r) => r.code === codes.F)).toMatchObject({ hidden_reason: "spam", urgency: "overdue" });
  });

  it("never lists another unit's items", async () => {
    const ours = new Set(Object.values(codes));
    const elsewhere = await listInbox(t.db, unitId, { showHidden: true }, now);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.filter((r) => ours.has(r.code))).toEqual([]);
  });
});
