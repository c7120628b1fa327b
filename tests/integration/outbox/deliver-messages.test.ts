import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueMessages } from "~/jobs/deliver-messages";
import { httpGatewayTransport, smtpTransport } from "~/utils/transports.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";

let t: TestDb;
let unitId: number;
const mails: string[] = [];
const posts: Array<{ auth: string | undefined; body: unknown }> = [];
let smtp: SMTPServer;
let smtpPort: number;
let gateway: Server;
let gatewayUrl: string;
let gatewayStatus = 200;
const now = new Date("2026-12-02T08:00:00.000Z");
const TEXT = "Hồ sơ H53-261202-0001 đã có kết quả. Mời ông/bà đến nhận tại Bộ phận một cửa.";

beforeAll(async () => {
  t = createTestDb();
  await seedReferenceData(t.db);
  unitId = (await t.db.selectFrom("unit").select("id").executeTakeFirstOrThrow()).id;
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
  gateway = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (gatewayStatus === 200) posts.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.statusCode = gatewayStatus;
      res.end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
  await t.cleanup();
});

beforeEach(async () => {
  mails.length = 0;
  posts.length = 0;
  gatewayStatus = 200;
  await t.db.deleteFrom("outbox_message").execute();
});

async function queue(channel: "sms" | "email", recipient: string) {
  const row = await t.db
    .insertInto("outbox_message")
    .values({ unit_id: unitId, channel, recipient, subject: channel === "email" ? "Kết quả hồ sơ" : null, body: TEXT, entity_type: "dossier", entity_id: "H53-261202-0001", purpose: "result_ready", status: "pending", created_at: now.toISOString(), sent_at: null, last_error: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
const stateOf = (id: number) => t.db.selectFrom("outbox_message").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const transports = () => ({
  email: smtpTransport(`smtp://127.0.0.1:${smtpPort}`, "motcua@example.vn"),
  sms: httpGatewayTransport(gatewayUrl, "tok-123", '{"phone":"{to}","message":"{text}","kind":"sms"}'),
});

describe("deliverDueMessages", () => {
  it("delivers e-mail to an SMTP server and SMS to an HTTP gateway, in Vietnamese", async () => {
    const mail = await queue("email", "citizen@example.vn");
    const sms = await queue("sms", "0912345678");
    const r = await deliverDueMessages(t.db, now, transports());
    expect(r).toEqual({ sent: 2, failed: 0, givenUp: 0 });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("citizen@example.vn");
    // nodemailer encodes non-ASCII text as quoted-printable or base64: decode what was received.
    const { simpleParser } = await import("./mail-parse");
    expect(simpleParser(mails[0]!)).toContain(TEXT);
    expect(posts).toEqual([{ auth: "Bearer tok-123", body: { phone: "0912345678", message: TEXT, kind: "sms" } }]);
    expect((await stateOf(mail)).delivery_state).toBe("sent");
    expect((await stateOf(sms)).delivery_state).toBe("sent");
  });

  it("keeps messages queued without a transport", async () => {
    const id = await queue("email", "citizen@example.vn");
    expect(await deliverDueMessages(t.db, now, {})).toEqual({ sent: 0, failed: 0, givenUp: 0 });
    expect((await stateOf(id)).delivery_state).toBe("queued");
  });

  it("backs off after a failure and gives up after the last attempt", async () => {
    gatewayStatus = 503;
    const id = await queue("sms", "0912345678");
    await deliverDueMessages(t.db, now, transports());
    let row = await stateOf(id);
    expect(row).toMatchObject({ delivery_state: "failed", attempts: 1, last_error: "gateway answered 503", next_attempt_at: "2026-12-02T08:01:00.000Z" });
    // Not due yet: nothing is tried.
    await deliverDueMessages(t.db, new Date("2026-12-02T08:00:30.000Z"), transports());
    expect((await stateOf(id)).attempts).toBe(1);
    let at = now;
    for (let i = 0; i < 10; i++) {
      at = new Date(at.getTime() + 7 * 3600_000);
      await deliverDueMessages(t.db, at, transports());
    }
    row = await stateOf(id);
    expect(row).toMatchObject({ delivery_state: "given_up", attempts: 6 });
  });

  it("two concurrent runs send each message once", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await queue("sms", `09000000${i}`));
    const [a, b] = await Promise.all([deliverDueMessages(t.db, now, transports()), deliverDueMessages(t.db, now, transports())]);
    expect(a.sent + b.sent).toBe(6);
    expect(posts).toHaveLength(6);
    expect(new Set(posts.map((p) => (p.body as { phone: string }).phone)).size).toBe(6);
  });
});
