import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { yearPeriod } from "~/domain/metrics/period";
import { CitizenDataQuerySchema } from "~/domain/shared/citizen-data";
import { verifyAuditChain } from "~/models/audit-log.server";
import { getTransparency } from "~/models/dashboard.server";
import { applyFeedbackAction, submitFeedback } from "~/models/feedback.server";
import { findCitizenData, recordCitizenDataExport } from "~/models/personal-data.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import type * as RetentionJob from "~/jobs/retention";

const SETTINGS = { dossier: 1825, feedback: 1095, attachment: 365 };
const SEED_NOW = new Date("2026-11-25T03:00:00Z");

let t: TestDb;
let unitId: number;
let officerId: number;
let job: typeof RetentionJob;
let oldFeedbackId: number;
let recentFeedbackId: number;

beforeAll(async () => {
  t = createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  await seedDemo(t.db, SEED_NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  officerId = (await t.db.selectFrom("user").select("id").where("username", "=", "motcua").executeTakeFirstOrThrow()).id;
  const officer = { kind: "user" as const, userId: officerId };
  const file = async (at: Date, text: string) => {
    const { id } = await submitFeedback(
      t.db,
      unitId,
      {
        kind: "feedback",
        subject: `Ông Tòng Văn Hưng (0912 345 678) phản ánh`,
        description: text,
        contact: { name: "Tòng Văn Hưng", phone: "0912345678", email: "hung.tong@example.vn", address: "Bản Hặp", idNumber: "014099123456" },
        consent: true,
        source: "web",
        sourceAddressHash: "abc",
        attachments: [{ storedName: `${randomBytes(16).toString("hex")}.png`, originalName: "anh-cua-hung.png", mime: "image/png", size: 10, sha256: "0".repeat(64) }],
      },
      (c) => c,
      at,
    );
    for (const step of [{ op: "accept", complex: false }, { op: "assign", assigneeUserId: officerId }, { op: "investigate" }, { op: "answer", answer: "Kính gửi ông Tòng Văn Hưng: đã sửa.", upheld: false }, { op: "close" }] as const) {
      expect(await applyFeedbackAction(t.db, officer, unitId, id, step, (c) => c, new Date(at.getTime() + 86_400_000))).toEqual({ ok: true });
    }
    return id;
  };
  oldFeedbackId = await file(new Date("2022-03-01T03:00:00Z"), "Tôi là Tòng Văn Hưng, gọi 0912 345 678.");
  recentFeedbackId = await file(new Date("2026-03-01T03:00:00Z"), "Tôi là Tòng Văn Hưng, gọi 0912 345 678.");
  job = await import("~/jobs/retention");
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await t.cleanup();
});

const figures = async () => {
  const years = [2021, 2022, 2023, 2024, 2025, 2026];
  return Promise.all(years.map((y) => getTransparency(t.db, unitId, yearPeriod(y), SEED_NOW)));
};

describe("retention", () => {
  it("erases closed records' personal data after their period, and the figures stay the same", { timeout: 120_000 }, async () => {
    const before = await figures();
    const erased = await job.runRetention(t.db, SEED_NOW, SETTINGS);
    expect(erased.dossiers).toBeGreaterThan(3000);
    expect(erased.feedback).toBeGreaterThanOrEqual(1);
    expect(erased.attachments).toBeGreaterThanOrEqual(1);
    expect(await figures()).toEqual(before);

    // A 2021 dossier: nothing of its applicant is left.
    const old = await t.db.selectFrom("dossier").select(["applicant_name", "applicant_phone", "applicant_id_number", "applicant_address", "personal_data_erased_at"]).where("received_date", "<", "2021-06-01").executeTakeFirstOrThrow();
    expect(old).toEqual({ applicant_name: "***", applicant_phone: null, applicant_id_number: null, applicant_address: null, personal_data_erased_at: SEED_NOW.toISOString() });
    // One returned this year keeps them.
    const recent = await t.db.selectFrom("dossier").select(["applicant_name", "personal_data_erased_at"]).where("received_date", ">=", "2026-09-01").where("state", "=", "returned").executeTakeFirstOrThrow();
    expect(recent.personal_data_erased_at).toBeNull();
    expect(recent.applicant_name).not.toBe("***");

    const item = await t.db.selectFrom("feedback_item").selectAll().where("id", "=", oldFeedbackId).executeTakeFirstOrThrow();
    expect([item.contact_name, item.contact_phone, item.contact_email, item.contact_address, item.contact_id_number]).toEqual([null, null, null, null, null]);
    expect(item.subject).toBe("Ông T*** V*** H*** (09******78) phản ánh");
    expect(item.public_answer).toBe("Kính gửi ông T*** V*** H***: đã sửa.");
    const attachment = await t.db.selectFrom("feedback_attachment").select(["original_name", "erased_at"]).where("feedback_id", "=", oldFeedbackId).executeTakeFirstOrThrow();
    expect(attachment).toEqual({ original_name: "***", erased_at: SEED_NOW.toISOString() });
    const events = await t.db.selectFrom("feedback_event").select("public_text").where("feedback_id", "=", oldFeedbackId).where("public_text", "is not", null).execute();
    expect(events.map((e) => e.public_text).join(" ")).not.toContain("Hưng");
    const messages = await t.db.selectFrom("outbox_message").select(["recipient", "body"]).where("entity_id", "=", String(oldFeedbackId)).execute();
    expect(messages.every((m) => m.recipient === "***" && m.body === "***")).toBe(true);

    // The recent feedback is untouched; each erasure left an audit row, and the chain holds.
    expect((await t.db.selectFrom("feedback_item").select("contact_name").where("id", "=", recentFeedbackId).executeTakeFirstOrThrow()).contact_name).toBe("Tòng Văn Hưng");
    const audits = await t.db.selectFrom("audit_log").select((e) => e.fn.countAll().as("n")).where("action", "=", "personal_data_erased").executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(erased.dossiers + erased.feedback + erased.attachments);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // A second run finds nothing more.
    expect(await job.runRetention(t.db, SEED_NOW, SETTINGS)).toEqual({ dossiers: 0, feedback: 0, attachments: 0 });
  });
});

describe("a citizen's request for their data", () => {
  it("finds everything held by phone (either spelling) or by ID number, and the export is audited", async () => {
    const byPhone = await findCitizenData(t.db, unitId, CitizenDataQuerySchema.parse({ phone: "+84 912 345 678" }));
    expect(byPhone.feedback.map((f) => f.code)).toHaveLength(1);
    expect(byPhone.feedback[0]).toMatchObject({ contact_name: "Tòng Văn Hưng", contact_email: "hung.tong@example.vn" });
    expect(byPhone.feedback[0]!.thread.length).toBeGreaterThan(0);
    const byId = await findCitizenData(t.db, unitId, CitizenDataQuerySchema.parse({ idNumber: "014099123456" }));
    expect(byId.feedback).toHaveLength(1);
    await recordCitizenDataExport(t.db, { kind: "user", userId: officerId }, unitId, CitizenDataQuerySchema.parse({ phone: "0912345678" }), byPhone);
    const row = await t.db.selectFrom("audit_log").select(["entity_type", "entity_id", "action", "after_json"]).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(row).toEqual({ entity_type: "personal_data", entity_id: "phone:09******78", action: "exported", after_json: JSON.stringify({ by: "phone", dossiers: 0, feedback: 1 }) });
  });

  it("asks for one number, not both or none", () => {
    expect(CitizenDataQuerySchema.safeParse({}).success).toBe(false);
    expect(CitizenDataQuerySchema.safeParse({ phone: "0912345678", idNumber: "014099123456" }).success).toBe(false);
  });
});
