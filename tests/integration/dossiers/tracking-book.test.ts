import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { TRACKING_BOOK_COLUMNS } from "#reports/dossier-slips";
import { TRACKING_BOOK_ROW_CAP } from "~/models/tracking-book.server";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
import type * as BookRoute from "~/routes/staff.dossiers.tracking-book[.pdf]";
import type * as CsvRoute from "~/routes/staff.dossiers.export[.csv]";
import type * as AuthModule from "~/utils/auth.server";

/*
 * Issue 17: the tracking book (Mẫu 06 of Circular 01/2018, Mẫu 07 of Circular 03/2025) for any period
 * and field, read back through pdftotext; a period across 1 July 2025 prints one book per rule set.
 */

const NOW = new Date("2026-12-01T03:00:00Z");

let t: TestDb;
let route: typeof BookRoute;
let csvRoute: typeof CsvRoute;
let auth: typeof AuthModule;
let cookie = "";
let unitId = 0;

beforeAll(async () => {
  t = createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  auth = await import("~/utils/auth.server");
  route = await import("~/routes/staff.dossiers.tracking-book[.pdf]");
  csvRoute = await import("~/routes/staff.dossiers.export[.csv]");
  const login = await auth.logIn(new Request("http://localhost/login"), { username: "motcua", password: DEMO_PASSWORD }, "198.51.100.7");
  if (!login.ok) throw new Error("login failed");
  cookie = login.setCookie.split(";")[0] ?? "";
}, 180_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

async function getBook(query: string) {
  const response = await route.loader({
    request: new Request(`http://localhost/staff/dossiers/tracking-book.pdf${query}`, { headers: { Cookie: cookie } }),
    params: {},
    context: { clientAddress: "127.0.0.1" },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Words joined without spaces: a header cell wraps over several lines in its narrow column. */
const tight = (text: string) => text.replace(/\s+/g, "");

describe("tracking book PDF", () => {
  it("prints one book per rule set across 1 July 2025, with the header, the columns and the dossiers", async () => {
    const { response, bytes } = await getBook("?from=2025-06-23&to=2025-07-04");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, bytes);
    const pages = pdfPages(bytes);
    const text = pdfPages(bytes, "raw").join("\n");
    const first = pages[0] ?? "";
    expect(first).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first).toContain("SỔ THEO DÕI HỒ SƠ");
    expect(first).toContain("Từ ngày 23/06/2025 đến ngày 30/06/2025");
    expect(first).toContain("Mẫu số 06");
    expect(tight(first)).toContain(tight("Thông tư số 01/2018/TT-VPCP"));
    const raw = tight(pdfPages(bytes, "raw")[0] ?? "");
    for (const column of TRACKING_BOOK_COLUMNS) expect(raw).toContain(tight(column));

    // The 03/2025 book starts on a page of its own.
    const second = pages.findIndex((p) => p.includes("Từ ngày 01/07/2025 đến ngày 04/07/2025"));
    expect(second).toBeGreaterThan(0);
    expect(pages[second]).toContain("Mẫu số 07");
    expect(tight(pages[second] ?? "")).toContain(tight("Thông tư số 03/2025/TT-VPCP"));
    expect(tight(pages[second] ?? "")).not.toContain(tight("Bộ phận Tiếp nhận và Trả kết quả"));

    // A dossier's row: code, applicant, received time; a transferred one names the agency it went to.
    const dossiers = await t.db
      .selectFrom("dossier")
      .select(["id", "code", "applicant_name", "received_date", "transfer_count"])
      .where("unit_id", "=", unitId)
      .where("received_date", ">=", "2025-06-23")
      .where("received_date", "<=", "2025-07-04")
      .orderBy("received_at")
      .execute();
    expect(dossiers.length).toBeGreaterThan(20);
    for (const d of [dossiers[0]!, dossiers.at(-1)!]) {
      expect(tight(text)).toContain(tight(d.code));
      expect(tight(text)).toContain(tight(d.applicant_name));
    }
    const transferred = dossiers.find((d) => d.transfer_count > 0 && d.received_date >= "2025-07-01");
    if (transferred) {
      const event = await t.db.selectFrom("dossier_event").select("agency").where("dossier_id", "=", transferred.id).where("kind", "=", "transfer").executeTakeFirstOrThrow();
      expect(tight(text)).toContain(tight(event.agency ?? ""));
    }
  }, 60_000);

  it("limits the book to one field", async () => {
    const { response, bytes } = await getBook("?from=2025-07-01&to=2025-07-31&field=civil_status");
    expect(response.status).toBe(200);
    const text = pdfPages(bytes, "raw").join("\n");
    expect(text).toContain("Lĩnh vực: Hộ tịch");
    const other = await t.db
      .selectFrom("dossier")
      .select("code")
      .where("unit_id", "=", unitId)
      .where("field", "=", "land_construction")
      .where("received_date", ">=", "2025-07-01")
      .where("received_date", "<=", "2025-07-31")
      .executeTakeFirstOrThrow();
    expect(tight(text)).not.toContain(tight(other.code));
  }, 60_000);

  it("caps a long period with a message saying what was left out", async () => {
    const { response, bytes } = await getBook("?from=2024-01-01&to=2024-12-31");
    expect(response.status).toBe(200);
    const pages = pdfPages(bytes, "raw");
    const match = /Kỳđãchọncó([\d.]+)hồsơ;bảninnàygồm([\d.]+)hồsơđầutiên/.exec(tight(pages[0] ?? ""));
    expect(match?.[2]?.replace(/\./g, "")).toBe(String(TRACKING_BOOK_ROW_CAP));
    expect(Number(match?.[1]?.replace(/\./g, ""))).toBeGreaterThan(TRACKING_BOOK_ROW_CAP);
  }, 120_000);

  it.each([
    ["?from=2025-13-01&to=2025-12-31", "Ngày không hợp lệ"],
    ["?from=2025-07-01", "Cần ngày bắt đầu (from) và ngày kết thúc (to)"],
    ["?from=2025-07-31&to=2025-07-01", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc"],
    ["?from=2023-01-01&to=2025-07-01", "dài nhất 366 ngày"],
    ["?from=2025-07-01&to=2025-07-31&field=weather", "Giá trị không hợp lệ"],
  ])("answers %s with 400 and a message", async (query, message) => {
    const { response, bytes } = await getBook(query);
    expect(response.status).toBe(400);
    const text = bytes.toString("utf8");
    expect(text).toContain("Không in được sổ theo dõi hồ sơ");
    expect(text).toContain(message);
  });
});

describe("register CSV", () => {
  it("has the tracking book's columns: lead agency, sent to agency, result back from agency", async () => {
    const response = (await csvRoute.loader({
      request: new Request("http://localhost/staff/dossiers/export.csv?from=2025-07-01&to=2025-07-31", { headers: { Cookie: cookie } }),
      params: {},
      context: { clientAddress: "127.0.0.1" },
    })) as Response;
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const header = lines[0]!.split(",");
    for (const column of ["Cơ quan chủ trì giải quyết", "Chuyển hồ sơ đến cơ quan giải quyết", "Thời điểm chuyển", "Nhận kết quả từ cơ quan giải quyết"]) {
      expect(header).toContain(column);
    }
    const transferred = await t.db
      .selectFrom("dossier")
      .innerJoin("dossier_event as e", "e.dossier_id", "dossier.id")
      .select(["dossier.code", "e.agency"])
      .where("dossier.unit_id", "=", unitId)
      .where("e.kind", "=", "transfer")
      .where("dossier.received_date", ">=", "2025-07-01")
      .where("dossier.received_date", "<=", "2025-07-31")
      .executeTakeFirstOrThrow();
    const line = lines.find((l) => l.includes(transferred.code))!;
    expect(line).toContain(transferred.agency!);
    expect(line).toContain("UBND xã Mường Sai");
    // A dossier handled in the commune was handed to the lead agency's officer.
    const local = lines.slice(1).find((l) => !l.includes(transferred.agency!))!;
    expect(local.split(",").filter((cell) => cell === "UBND xã Mường Sai").length).toBeGreaterThanOrEqual(2);
  });
});
