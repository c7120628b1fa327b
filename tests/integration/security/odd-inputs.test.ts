import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { createApiClient } from "~/models/api-clients.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as ApiRoute from "~/routes/api.v1.dossiers";
import type * as DocumentsRoute from "~/routes/staff.documents._index";
import type * as FeedbackRoute from "~/routes/feedback._index";
import type * as NcRoute from "~/routes/staff.nonconformities.$code";
import type * as VerifyRoute from "~/routes/verify._index";
import type * as AuthModule from "~/utils/auth.server";

/* What a client can send must never be a 500 (issue 13, "Low"). */

let t: TestDb;
let token: string;
let unitId: number;
let api: typeof ApiRoute;
let documents: typeof DocumentsRoute;
let feedback: typeof FeedbackRoute;
let nc: typeof NcRoute;
let verify: typeof VerifyRoute;
let auth: typeof AuthModule;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  token = (await createApiClient(t.db, { kind: "system" }, unitId, "Cổng thử", ["dossiers"])).token;
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  api = await import("~/routes/api.v1.dossiers");
  documents = await import("~/routes/staff.documents._index");
  feedback = await import("~/routes/feedback._index");
  nc = await import("~/routes/staff.nonconformities.$code");
  verify = await import("~/routes/verify._index");
  auth = await import("~/utils/auth.server");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

let nextHost = 1;
const context = () => ({ clientAddress: `192.0.2.${nextHost++}` });

async function cookieOf(username: string) {
  const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${nextHost++}`);
  if (!result.ok) throw new Error(`login of ${username} failed`);
  return result.setCookie.split(";")[0] ?? "";
}

async function outcome(fn: () => Promise<unknown>) {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, body: await result.text() };
    const reply = result as { type?: string; data?: unknown; init?: ResponseInit | null };
    if (reply?.type === "DataWithResponseInit") return { status: reply.init?.status ?? 200, body: JSON.stringify(reply.data) };
    return { status: 200, body: JSON.stringify(result) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

/** A multipart body by hand, with a file name as a client may really send it. */
function multipart(fields: Record<string, string>, file: { field: string; name: string; type: string; bytes: Uint8Array }) {
  const boundary = "----motcua" + randomBytes(6).toString("hex");
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const [k, v] of Object.entries(fields)) parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.bytes, enc.encode(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));

describe("multipart file names with '=' in them", () => {
  it("the feedback form takes the file (it was a 500)", async () => {
    const { body, contentType } = multipart(
      { kind: "feedback", subject: "Đèn đường hỏng", description: "Ba cột đèn không sáng.", consent: "on" },
      { field: "attachments", name: "a=b.png", type: "image/png", bytes: PNG },
    );
    const request = new Request("http://localhost/feedback", { method: "POST", headers: { "Content-Type": contentType }, body });
    const result = await outcome(() => feedback.action({ request, params: {}, context: context() }));
    expect(result.status).toBe(302);
  });

  it("the verification upload reads it", async () => {
    const { body, contentType } = multipart({}, { field: "file", name: "bao%22cao=1.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF\n") });
    const request = new Request("http://localhost/verify", { method: "POST", headers: { "Content-Type": contentType }, body });
    const result = await outcome(() => verify.action({ request, params: {}, context: context() }));
    expect(result.status).toBe(200);
    expect(result.body).toContain("checked");
  });

  it("a document upload is read, not answered 413 (it was, for any parse error)", async () => {
    const { body, contentType } = multipart({}, { field: "file", name: "a=b.md", type: "text/markdown", bytes: new TextEncoder().encode("no front matter") });
    const request = new Request("http://localhost/staff/documents", { method: "POST", headers: { "Content-Type": contentType, Cookie: await cookieOf("chatluong") }, body });
    const result = await outcome(() => documents.action({ request, params: {}, context: context() }));
    expect(result.status).toBe(400);
    expect(result.body).not.toContain("error.tooLong");
  });

  it("a broken multipart body is a 400 with a message, not a 500", async () => {
    const request = new Request("http://localhost/verify", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=nope" }, body: "garbage" });
    const result = await outcome(() => verify.action({ request, params: {}, context: context() }));
    expect(result.status).toBe(400);
    expect(result.body).toContain("error.malformedForm");
  });
});

describe("the dossier API's receivedAt", () => {
  const submit = (receivedAt: string, name = "Nguyễn Văn Tèo") =>
    api.action({
      request: new Request("http://localhost/api/v1/dossiers", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          procedureCode: "1.001193",
          receivedAt,
          applicant: { name, phone: "0912345678", address: "Bản Nà Sài" },
          documents: [{ name: "Tờ khai" }],
        }),
      }),
      params: {},
      context: context(),
    });

  it.each(["0001-01-01T08:00:00+07:00", "1900-01-01T08:00:00+07:00", "2018-06-20T08:00:00+07:00"])("%s is a 400 with the field's path", async (receivedAt) => {
    const response = await submit(receivedAt);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [{ path: "receivedAt", code: "error.receivedTooEarly" }] });
  });

  it("a year the calendar does not hold, but allowed, is received", async () => {
    expect((await submit("2019-03-01T08:00:00+07:00")).status).toBe(201);
  });

  it.each([
    ["a NUL", "Nguyễn\u0000Văn"],
    ["a zero-width space", "Nguyễn\u200bVăn Tèo"],
    ["a bidi override", "\u202eoèT năV nễyugN"],
    ["a lone surrogate", "Tèo \ud800"],
  ])("a name with %s is refused beside the field", async (_what, name) => {
    const response = await submit("2026-03-02T08:00:00+07:00", name);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [{ path: "applicant.name", code: "error.invalidCharacters" }] });
  });

  it("a name typed decomposed (NFD) is stored composed (NFC)", async () => {
    const response = await submit("2026-03-02T09:00:00+07:00", "Nguye\u0302\u0303n Va\u0306n Te\u0300o");
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    const row = await t.db.selectFrom("dossier").select("applicant_name").where("code", "=", code).executeTakeFirstOrThrow();
    expect(row.applicant_name).toBe("Nguyễn Văn Tèo");
  });
});

describe("a corrective action that does not exist", () => {
  it("marking it done is refused, not a 500, for an inspector as for anyone", async () => {
    const code = (await t.db.selectFrom("nonconformity").select("code").executeTakeFirst())?.code;
    const ncCode =
      code ??
      (
        await (await import("~/models/nonconformities.server")).raiseNonconformity(
          t.db,
          { kind: "user", userId: (await t.db.selectFrom("user").select("id").where("username", "=", "chatluong").executeTakeFirstOrThrow()).id },
          unitId,
          { source: "internal_audit", process: "QT-01", isoClause: "8.5.1", grade: "minor", title: "Thử", description: "Thử", foundAt: new Date(), foundByUserId: null, links: [] },
        )
      ).code;
    for (const username of ["thanhtra", "chatluong"]) {
      const request = new Request(`http://localhost/staff/nonconformities/${ncCode}`, {
        method: "POST",
        headers: { Cookie: await cookieOf(username) },
        body: new URLSearchParams({ op: "action_done", actionId: "999999", evidence: "x" }),
      });
      const result = await outcome(() => nc.action({ request, params: { code: ncCode }, context: context() }));
      expect(result.status, username).toBeGreaterThanOrEqual(400);
      expect(result.status, username).toBeLessThan(500);
    }
  });
});
