import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { submitFeedback } from "~/models/feedback.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";
import type * as AttachmentRoute from "~/routes/staff.feedback.attachments.$id";
import type * as AuthModule from "~/utils/auth.server";
import type * as Uploads from "~/utils/uploads.server";

let t: TestDb;
let route: typeof AttachmentRoute;
let auth: typeof AuthModule;
let uploads: typeof Uploads;
let code: string;
let ids: number[];
let storedNames: string[];

// A PDF that is also an HTML page: checked as a PDF at upload, named `.html` by the citizen.
const POLYGLOT = new TextEncoder().encode("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n");

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  uploads = await import("~/utils/uploads.server");
  const pdf = await uploads.storeUpload(POLYGLOT, "pdf");
  const other = await uploads.storeUpload(POLYGLOT, "pdf");
  storedNames = [pdf.storedName, other.storedName];
  const item = await submitFeedback(
    t.db,
    seeded.unit.id,
    {
      kind: "feedback",
      subject: "Thử",
      description: "Thử",
      contact: {},
      consent: true,
      source: "web",
      sourceAddressHash: null,
      attachments: [
        { ...pdf, originalName: "giay-to.html", mime: "application/pdf" },
        { ...other, originalName: "anh.png", mime: "application/pdf" },
      ],
    },
    (c) => c,
  );
  code = item.code;
  ids = (await t.db.selectFrom("feedback_attachment").select("id").orderBy("id").execute()).map((r) => r.id);
  route = await import("~/routes/staff.feedback.attachments.$id");
  auth = await import("~/utils/auth.server");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

async function get(id: number) {
  const login = await auth.logIn(new Request("http://localhost/login"), { username: "motcua", password: DEMO_PASSWORD }, "198.51.100.9");
  if (!login.ok) throw new Error("login failed");
  const request = new Request(`http://localhost/staff/feedback/attachments/${id}`, { headers: { Cookie: login.setCookie.split(";")[0]! } });
  try {
    return await route.loader({ request, params: { id: String(id) }, context: { clientAddress: "127.0.0.1" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("an attachment downloaded by staff", () => {
  it("is named by the item's code with its checked type's extension, never the citizen's name", async () => {
    const response = await get(ids[0]!);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${code}-${ids[0]}.pdf"`);
    expect(response.headers.get("Content-Disposition")).not.toContain("html");
    expect(response.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("is checked again: a stored file that no longer matches its type is not served", async () => {
    writeFileSync(uploads.uploadPath(storedNames[1]!), "<html>changed on disk</html>");
    expect((await get(ids[1]!)).status).toBe(409);
  });
});
