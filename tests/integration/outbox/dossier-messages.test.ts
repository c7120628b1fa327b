import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueMessages } from "~/jobs/deliver-messages";
import { getDueContext, receiveDossier, type IntakeData } from "~/models/dossiers.server";
import { channelsWithoutTransport, listOutboxMessages, resendOutboxMessage } from "~/models/outbox.server";
import { getProcedureByCode } from "~/models/procedures.server";
import { configuredTransports, smtpTransport } from "~/utils/transports.server";
import type { Env } from "~/utils/env.server";
import { createTestDb, testEngine, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";
import { simpleParser } from "./mail-parse";

let t: TestDb;
let unitId: number;
let officerId: number;
let smtp: SMTPServer;
let smtpPort: number;
const mails: string[] = [];
const now = new Date("2026-12-02T02:00:00.000Z");

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  officerId = seeded.officerId;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.cleanup();
});

async function receive(extra: Partial<IntakeData>) {
  const procedure = (await getProcedureByCode(t.db, unitId, "1.001193"))!;
  return receiveDossier(
    t.db,
    { kind: "user", userId: officerId },
    await getDueContext(t.db, unitId),
    { procedure, applicantName: "Cầm Thị Xuân", applicantPhone: null, applicantIdNumber: null, applicantAddress: "Bản Hặp", channel: "direct", receivedAt: now, documents: [{ name: "Tờ khai" }], ...extra },
    now,
  );
}
const messagesOf = (code: string) => t.db.selectFrom("outbox_message").selectAll().where("entity_type", "=", "dossier").where("entity_id", "=", code).execute();

describe(`messages about a dossier (${testEngine()})`, () => {
  it("a consented dossier's receipt reaches the SMTP server in Vietnamese", async () => {
    const { code } = await receive({ applicantEmail: "xuan@example.vn", notifyConsent: true });
    const queued = await messagesOf(code);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ channel: "email", recipient: "xuan@example.vn", purpose: "dossier_received", delivery_state: "queued" });
    await deliverDueMessages(t.db, now, { email: smtpTransport(`smtp://127.0.0.1:${smtpPort}`, "motcua@example.vn") });
    const mail = mails.find((m) => m.includes("xuan@example.vn"));
    expect(mail).toBeDefined();
    const text = simpleParser(mail!);
    expect(text).toContain(`đã tiếp nhận hồ sơ ${code}`);
    expect(text).toContain("Hẹn trả kết quả");
    expect((await messagesOf(code))[0]!.delivery_state).toBe("sent");
  });

  it("queues nothing without consent, even with a contact", async () => {
    const { code } = await receive({ applicantEmail: "khong@example.vn", applicantPhone: "0912345678", notifyConsent: false });
    expect(await messagesOf(code)).toEqual([]);
  });

  it("resend requeues a given-up message, due now, with an audit row; the list masks the recipient", async () => {
    const { code } = await receive({ applicantPhone: "0912345678", notifyConsent: true });
    const [msg] = await messagesOf(code);
    expect(msg).toMatchObject({ channel: "sms" });
    await t.db.updateTable("outbox_message").set({ delivery_state: "given_up", attempts: 6, last_error: "gateway answered 503" }).where("id", "=", msg!.id).execute();
    const later = new Date(now.getTime() + 3600_000);
    expect(await resendOutboxMessage(t.db, { kind: "user", userId: officerId }, unitId, msg!.id, later)).toBe(true);
    expect((await messagesOf(code))[0]).toMatchObject({ delivery_state: "queued", next_attempt_at: later.toISOString() });
    const audit = await t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "outbox_message").where("entity_id", "=", String(msg!.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "resend", unit_id: unitId });
    // A queued message is not resendable again.
    expect(await resendOutboxMessage(t.db, { kind: "user", userId: officerId }, unitId, msg!.id, later)).toBe(false);
    const page = await listOutboxMessages(t.db, unitId, null);
    expect(page.messages.find((m) => m.id === msg!.id)?.recipient).toBe("09******78");
  });

  it("names the channels without a transport (the page's banner)", () => {
    expect(channelsWithoutTransport(configuredTransports({} as Env))).toEqual(["email", "sms"]);
    expect(channelsWithoutTransport(configuredTransports({ SMTP_URL: "smtp://127.0.0.1:1", MAIL_FROM: "a@b.vn" } as Env))).toEqual(["sms"]);
  });
});
