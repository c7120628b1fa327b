import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_FEEDBACK_REQUEST_BYTES } from "~/models/feedback-intake.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";
// Types only: the modules are loaded in beforeAll, once the environment is set.
import type * as FormRoute from "~/routes/feedback._index";
import type * as ClientAddress from "~/utils/client-address.server";
import { refuseInserts } from "../../setup/db-faults";

// The route works on the app's own database, `getDb()`, opened from DATABASE_URL on first use, and
// reads FEEDBACK_LIMIT_PER_HOUR once: the environment is set before the modules are loaded.
const KIOSK = "198.51.100.7";
let route: typeof FormRoute;
let hashClientAddress: typeof ClientAddress.hashClientAddress;
let t: TestDb;
let uploads: string;

beforeAll(async () => {
  t = createTestDb();
  await seedReferenceData(t.db);
  uploads = join(t.dataDir, "uploads");
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("FEEDBACK_LIMIT_PER_HOUR", "2");
  vi.stubEnv("KIOSK_ADDRESSES", `${KIOSK}, 198.51.100.99`);
  vi.stubEnv("KIOSK_FEEDBACK_LIMIT_PER_HOUR", "5");
  route = await import("~/routes/feedback._index");
  hashClientAddress = (await import("~/utils/client-address.server")).hashClientAddress;
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

/** A complete 1×1 PNG. */
const PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);

const VALID = {
  kind: "feedback",
  subject: "Đèn đường bản Nà Sài bị hỏng",
  description: "Ba cột đèn đầu bản không sáng từ tuần trước.",
  phone: "0912345678",
  consent: "on",
};

interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

function formData(fields: Record<string, string>, files: Upload[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const f of files) form.append("attachments", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return form;
}

interface Outcome {
  status: number;
  location: string | null;
  body: unknown;
}

/** Calls the action as Remix would, and reads what it answered (a redirect Response or `data()`). */
async function post(body: FormData | URLSearchParams, clientAddress: string): Promise<Outcome> {
  const request = new Request("http://localhost/feedback", { method: "POST", body });
  const result: unknown = await route.action({ request, params: {}, context: { clientAddress } });
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
  const reply = result as { data: unknown; init: ResponseInit | null };
  return { status: reply.init?.status ?? 200, location: null, body: reply.data };
}

/** The conform reply's errors, by field ("" for the form). */
const errorsOf = (outcome: Outcome) => (outcome.body as { error?: Record<string, string[] | null> } | null)?.error ?? {};

const TABLES = ["feedback_item", "feedback_event", "feedback_attachment", "outbox_message", "audit_log"] as const;
async function counts() {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    result[table] = Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }
  return result;
}

/** The files in the uploads folder; [] when it does not exist. */
const uploadedFiles = () => (existsSync(uploads) ? readdirSync(uploads).sort() : []);

let nextHost = 1;
const freshIp = () => `203.0.113.${nextHost++}`;

const codeFromLocation = (location: string | null) => {
  const match = /^\/feedback\/([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\?sent=1$/.exec(location ?? "");
  if (!match?.[1]) throw new Error(`unexpected redirect ${location}`);
  return match[1];
};

// These refusals run first, while no file has been stored: the uploads folder must stay empty or absent.
describe("refused submissions store nothing", () => {
  it("a filled honeypot gets 400 and stores nothing", async () => {
    const before = await counts();
    const outcome = await post(formData({ ...VALID, website: "x" }, [{ name: "anh.png", type: "image/png", bytes: PNG }]), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).website).toEqual(["error.spamDetected"]);
    expect(await counts()).toEqual(before);
    expect(uploadedFiles()).toEqual([]);
  });

  it("a filled honeypot in a url-encoded post gets 400 too", async () => {
    const before = await counts();
    const outcome = await post(new URLSearchParams({ ...VALID, website: "http://spam.example" }), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).website).toEqual(["error.spamDetected"]);
    expect(await counts()).toEqual(before);
  });

  it("a text file named x.png and declared image/png gets 400 attachmentType, and no file is written", async () => {
    const before = await counts();
    const text = new TextEncoder().encode("Đây không phải là ảnh.\n");
    const outcome = await post(formData(VALID, [{ name: "x.png", type: "image/png", bytes: text }]), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).attachments).toEqual(["feedback.error.attachmentType"]);
    expect(await counts()).toEqual(before);
    expect(uploadedFiles()).toEqual([]);
  });

  it("one bad file among good ones refuses the whole submission", async () => {
    const before = await counts();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const outcome = await post(
      formData(VALID, [
        { name: "a.png", type: "image/png", bytes: PNG },
        { name: "b.pdf", type: "application/pdf", bytes: html },
      ]),
      freshIp(),
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).attachments).toEqual(["feedback.error.attachmentType"]);
    expect(await counts()).toEqual(before);
    expect(uploadedFiles()).toEqual([]);
  });

  it("more than 3 files get 400 attachmentCount", async () => {
    const before = await counts();
    const four = [1, 2, 3, 4].map((i) => ({ name: `anh-${i}.png`, type: "image/png", bytes: PNG }));
    const outcome = await post(formData(VALID, four), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).attachments).toEqual(["feedback.error.attachmentCount"]);
    expect(await counts()).toEqual(before);
    expect(uploadedFiles()).toEqual([]);
  });

  it("a part over 5 MB gets 400 attachmentSize", async () => {
    const before = await counts();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const outcome = await post(formData(VALID, [{ name: "lon.png", type: "image/png", bytes: big }]), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).attachments).toEqual(["feedback.error.attachmentSize"]);
    expect(await counts()).toEqual(before);
    expect(uploadedFiles()).toEqual([]);
  });

  it("an invalid complaint (no identity) gets 400 with the schema's keys", async () => {
    const before = await counts();
    const outcome = await post(formData({ ...VALID, kind: "complaint" }), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toMatchObject({
      name: ["error.complaintNeedsIdentity"],
      address: ["error.complaintNeedsIdentity"],
      idNumber: ["error.complaintNeedsIdentity"],
    });
    expect(await counts()).toEqual(before);
  });

  it("a submission without consent gets 400", async () => {
    const { consent: _consent, ...withoutConsent } = VALID;
    const outcome = await post(formData(withoutConsent), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).consent).toEqual(["error.consentRequired"]);
  });
});

describe("request size", () => {
  it("a declared Content-Length over the limit gets 413 tooLarge without reading the body", async () => {
    const before = await counts();
    const request = new Request("http://localhost/feedback", {
      method: "POST",
      body: "--x--\r\n",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(MAX_FEEDBACK_REQUEST_BYTES + 1) },
    });
    const result: unknown = await route.action({ request, params: {}, context: { clientAddress: freshIp() } });
    const reply = result as { data: { error: Record<string, string[]> }; init: ResponseInit | null };
    expect(reply.init?.status).toBe(413);
    expect(reply.data.error[""]).toEqual(["feedback.error.tooLarge"]);
    expect(request.bodyUsed).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("a body over the request limit without Content-Length is refused with 413", async () => {
    const boundary = "----motcua-test-boundary";
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const filler = "x".repeat(4 * 1024 * 1024);
    const text =
      Object.entries(VALID)
        .map(([k, v]) => part(k, v))
        .join("") +
      [1, 2, 3, 4, 5].map((i) => part(`filler${i}`, filler)).join("") +
      `--${boundary}--\r\n`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBeGreaterThan(16 * 1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.byteLength; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const request = new Request("http://localhost/feedback", {
      method: "POST",
      body: stream,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("Content-Length")).toBeNull();
    const result: unknown = await route.action({ request, params: {}, context: { clientAddress: freshIp() } });
    const status = result instanceof Response ? result.status : ((result as { init: ResponseInit | null }).init?.status ?? 200);
    expect(status).toBe(413);
  });
});

describe("accepted submissions", () => {
  it("store the item from the web form and redirect to its status page", async () => {
    const ip = freshIp();
    const outcome = await post(formData(VALID), ip);
    expect(outcome.status).toBe(302);
    const code = codeFromLocation(outcome.location);
    const item = await t.db.selectFrom("feedback_item").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      kind: "feedback",
      state: "received",
      subject: VALID.subject,
      contact_phone: "0912345678",
      source: "web",
      source_address_hash: hashClientAddress(ip),
    });
    expect(item.consent_at).not.toBeNull();
    // The address is kept only as a keyed hash.
    expect(JSON.stringify(item)).not.toContain(ip);
    expect(item.source_address_hash).toMatch(/^[0-9a-f]{64}$/);
    const outbox = await t.db.selectFrom("outbox_message").selectAll().where("entity_id", "=", code).execute();
    expect(outbox).toEqual([expect.objectContaining({ channel: "sms", recipient: "0912345678", purpose: "acknowledgement" })]);
    expect(outbox[0]?.body).toContain(`http://localhost/feedback/${code}`);
  });

  it("ignore an empty file input (what a browser sends when no file is chosen)", async () => {
    const outcome = await post(formData(VALID, [{ name: "", type: "application/octet-stream", bytes: new Uint8Array(0) }]), freshIp());
    expect(outcome.status).toBe(302);
    const code = codeFromLocation(outcome.location);
    const item = await t.db.selectFrom("feedback_item").select("id").where("code", "=", code).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom("feedback_attachment").select("id").where("feedback_id", "=", item.id).execute()).toEqual([]);
    expect(uploadedFiles()).toEqual([]);
  });

  it("store a valid PNG under a random name, beside the database and outside any public folder, with its SHA-256", async () => {
    const before = uploadedFiles();
    const pdfLike = new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), ...randomBytes(64)]);
    const outcome = await post(
      formData(VALID, [
        { name: "ảnh giấy tờ.png", type: "image/png", bytes: PNG },
        // Declared and named as an image, but its bytes are a PDF: stored as what it is.
        { name: "scan.jpg", type: "image/jpeg", bytes: pdfLike },
      ]),
      freshIp(),
    );
    expect(outcome.status).toBe(302);
    const code = codeFromLocation(outcome.location);
    const item = await t.db.selectFrom("feedback_item").select("id").where("code", "=", code).executeTakeFirstOrThrow();
    const rows = await t.db.selectFrom("feedback_attachment").selectAll().where("feedback_id", "=", item.id).orderBy("id").execute();
    expect(rows.map((r) => [r.original_name, r.mime, r.size])).toEqual([
      ["ảnh giấy tờ.png", "image/png", PNG.byteLength],
      ["scan.jpg", "application/pdf", pdfLike.byteLength],
    ]);
    const [png, pdf] = rows;
    expect(png?.stored_name).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(pdf?.stored_name).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(png?.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(pdf?.sha256).toBe(createHash("sha256").update(pdfLike).digest("hex"));

    const added = uploadedFiles().filter((f) => !before.includes(f));
    expect(added.sort()).toEqual([png?.stored_name, pdf?.stored_name].sort());
    for (const name of added) expect(name).not.toMatch(/ảnh|giấy|scan/);
    const stored = join(uploads, png?.stored_name ?? "");
    expect(new Uint8Array(readFileSync(stored))).toEqual(PNG);
    expect(statSync(stored).mode & 0o777).toBe(0o600);

    // Beside the database, not under the app's public or build folders.
    expect(dirname(stored)).toBe(join(t.dataDir, "uploads"));
    for (const publicFolder of ["public", "build"]) {
      expect(relative(resolve(publicFolder), stored).startsWith("..")).toBe(true);
    }
  });

  it("remove the stored files when the item cannot be saved", async () => {
    const allow = await refuseInserts(t.db, "feedback_attachment", "attachment refused");
    try {
      const before = await counts();
      const filesBefore = uploadedFiles();
      await expect(post(formData(VALID, [{ name: "anh.png", type: "image/png", bytes: PNG }]), freshIp())).rejects.toThrow(/attachment refused/);
      expect(await counts()).toEqual(before);
      expect(uploadedFiles()).toEqual(filesBefore);
    } finally {
      await allow();
    }
  });

  it("accept a file of exactly 5 MB", async () => {
    const exact = new Uint8Array(5 * 1024 * 1024);
    exact.set(PNG);
    const outcome = await post(formData(VALID, [{ name: "vua-du.png", type: "image/png", bytes: exact }]), freshIp());
    expect(outcome.status).toBe(302);
  });
});

describe("rate limit (FEEDBACK_LIMIT_PER_HOUR=2)", () => {
  it("refuses the third submission within the hour from one address with 429, while another address still gets through", async () => {
    const ip = freshIp();
    expect((await post(formData({ ...VALID, subject: "Lần 1" }), ip)).status).toBe(302);
    expect((await post(formData({ ...VALID, subject: "Lần 2" }), ip)).status).toBe(302);

    const before = await counts();
    const filesBefore = uploadedFiles();
    const third = await post(formData({ ...VALID, subject: "Lần 3" }, [{ name: "anh.png", type: "image/png", bytes: PNG }]), ip);
    expect(third.status).toBe(429);
    // What to do next, not "your address" (read as a home address): wait, or come to the desk.
    expect(errorsOf(third)[""]).toHaveLength(1);
    expect(errorsOf(third)[""]![0]).toMatch(/^Hệ thống đã nhận nhiều phản ánh từ máy này trong giờ qua\. Vui lòng thử lại sau (60|59) phút, hoặc đến Bộ phận Một cửa của xã/);
    expect(errorsOf(third)[""]![0]).not.toMatch(/địa chỉ/i);
    expect(await counts()).toEqual(before);
    expect(uploadedFiles()).toEqual(filesBefore);
    expect(await t.db.selectFrom("feedback_item").select("id").where("subject", "=", "Lần 3").execute()).toEqual([]);

    const other = await post(formData({ ...VALID, subject: "Người khác" }), freshIp());
    expect(other.status).toBe(302);
    // And the limited address stays limited.
    expect((await post(formData({ ...VALID, subject: "Lần 4" }), ip)).status).toBe(429);
  });

  it("the commune's kiosk takes more citizens an hour (KIOSK_ADDRESSES, KIOSK_FEEDBACK_LIMIT_PER_HOUR=5), each form its own share", async () => {
    const token = (n: number) => n.toString(16).padStart(32, "0");
    // Five citizens, each with the form their visit made: the sixth citizen at an ordinary address
    // would have been refused after two.
    for (let citizen = 1; citizen <= 5; citizen++) {
      expect((await post(formData({ ...VALID, subject: `Quầy ${citizen}`, formToken: token(citizen) }), KIOSK)).status).toBe(302);
    }
    // The kiosk's hour is spent: the next one is refused, whatever its token.
    expect((await post(formData({ ...VALID, subject: "Quầy 6", formToken: token(6) }), KIOSK)).status).toBe(429);
    // The same kiosk seen through an IPv6 socket is the same kiosk.
    expect((await post(formData({ ...VALID, subject: "Quầy 7", formToken: token(7) }), `::ffff:${KIOSK}`)).status).toBe(429);
  });

  it("one form left open at a kiosk cannot use up the kiosk's hour (address and form token)", async () => {
    const kiosk = "198.51.100.99";
    const same = { formToken: "ab".repeat(16) };
    expect((await post(formData({ ...VALID, subject: "Một", ...same }), kiosk)).status).toBe(302);
    expect((await post(formData({ ...VALID, subject: "Hai", ...same }), kiosk)).status).toBe(302);
    expect((await post(formData({ ...VALID, subject: "Ba", ...same }), kiosk)).status).toBe(429);
    // The next citizen's form still gets through.
    expect((await post(formData({ ...VALID, subject: "Người sau", formToken: "cd".repeat(16) }), kiosk)).status).toBe(302);
  });

  it("a token does not buy an ordinary address more submissions", async () => {
    const ip = freshIp();
    expect((await post(formData({ ...VALID, formToken: "1".repeat(32) }), ip)).status).toBe(302);
    expect((await post(formData({ ...VALID, formToken: "2".repeat(32) }), ip)).status).toBe(302);
    expect((await post(formData({ ...VALID, formToken: "3".repeat(32) }), ip)).status).toBe(429);
  });

  it("does not count refused submissions", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await post(formData({ ...VALID, website: "spam" }), ip)).status).toBe(400);
    expect((await post(formData(VALID), ip)).status).toBe(302);
  });
});

describe("a complaint's clocks at intake (issue 17)", () => {
  const COMPLAINT = {
    ...VALID,
    kind: "complaint",
    subject: "Khiếu nại quyết định thu hồi đất",
    name: "Lò Văn Pằng",
    address: "Bản Nà Sài, xã Mường Sai",
    idNumber: "014090001234",
  };

  it("records the instance and the day the complainant learnt of the decision", async () => {
    const outcome = await post(formData({ ...COMPLAINT, complaintInstance: "second", knewOn: "2025-01-06" }), freshIp());
    expect(outcome.status).toBe(302);
    const item = await t.db.selectFrom("feedback_item").select(["complaint_instance", "knew_on"]).where("code", "=", codeFromLocation(outcome.location)).executeTakeFirstOrThrow();
    expect(item).toEqual({ complaint_instance: "second", knew_on: "2025-01-06" });
  });

  it("refuses a date still to come, beside the field, and stores nothing", async () => {
    const before = await counts();
    const outcome = await post(formData({ ...COMPLAINT, knewOn: "2999-01-01" }), freshIp());
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).knewOn).toEqual(["feedback.error.knewOnFuture"]);
    expect(await counts()).toEqual(before);
  });

  it("keeps neither for feedback that is not a complaint", async () => {
    const outcome = await post(formData({ ...VALID, complaintInstance: "second", knewOn: "2025-01-06" }), freshIp());
    expect(outcome.status).toBe(302);
    const item = await t.db.selectFrom("feedback_item").select(["complaint_instance", "knew_on"]).where("code", "=", codeFromLocation(outcome.location)).executeTakeFirstOrThrow();
    expect(item).toEqual({ complaint_instance: "first", knew_on: null });
  });
});
