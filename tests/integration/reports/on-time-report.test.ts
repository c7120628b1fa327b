import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "#db/seed/demo";
import type { Period } from "~/domain/metrics/on-time";
import { makePeriod, monthPeriod, quarterPeriod, yearPeriod } from "~/domain/metrics/period";
import { maskPersonName } from "~/domain/reports/on-time-report";
import { getOnTimeStatement } from "~/models/metrics-report.server";
import { getOnTimeReportFigures, listLateDossiers } from "~/models/on-time-report.server";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as ReportRoute from "~/routes/reports.on-time[.pdf]";
import type * as VerifyCodeRoute from "~/routes/verify.$code";
import type * as VerifyRoute from "~/routes/verify._index";
import type * as AuthModule from "~/utils/auth.server";

const SEED_NOW = new Date("2026-11-25T03:00:00Z");

let t: TestDb;
let unitId: number;
let report: typeof ReportRoute;
let verifyCode: typeof VerifyCodeRoute;
let verify: typeof VerifyRoute;
let auth: typeof AuthModule;
const userIds: Record<string, number> = {};

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, SEED_NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  for (const u of await t.db.selectFrom("user").select(["id", "username"]).execute()) userIds[u.username] = u.id;
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  // Every call here comes from one address; the limits themselves are tested in security/.
  vi.stubEnv("VERIFY_LIMIT_PER_MINUTE", "1000");
  vi.stubEnv("REPORTS_LIMIT_PER_MINUTE", "1000");
  auth = await import("~/utils/auth.server");
  report = await import("~/routes/reports.on-time[.pdf]");
  verifyCode = await import("~/routes/verify.$code");
  verify = await import("~/routes/verify._index");
}, 60_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

let nextHost = 1;
async function cookieOf(username: string) {
  const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${nextHost++}`);
  if (!result.ok) throw new Error(`login of ${username} failed`);
  return result.setCookie.split(";")[0] ?? "";
}

/** What a loader or action returned or threw. */
async function outcome<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const args = (url: string, init: RequestInit = {}) => ({
  request: new Request(`http://localhost${url}`, init),
  params: {},
  context: { clientAddress: "127.0.0.1" },
});

async function getReport(query: string, cookie?: string) {
  const response = await outcome(() => report.loader(args(`/reports/on-time.pdf${query}`, { headers: cookie ? { Cookie: cookie } : {} })));
  if (!(response instanceof Response)) throw new Error("the report route answers with a Response");
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, code: response.headers.get("X-Verification-Code") ?? "" };
}

/** The words of a PDF in reading order, any run of spaces and line breaks as one space. */
const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const issued = (code: string) => t.db.selectFrom("issued_document").selectAll().where("verification_code", "=", code).executeTakeFirstOrThrow();

describe("the report's figures", () => {
  const periods: [string, Period][] = [
    ["2021", yearPeriod(2021)],
    ["2024", yearPeriod(2024)],
    ["2025", yearPeriod(2025)],
    ["2025-Q3", quarterPeriod(2025, 3)],
    ["2024-02", monthPeriod(2024, 2)],
    ["a range across years", makePeriod("2023-11-15", "2024-03-10")],
    ["2026 to the seed's day", makePeriod("2026-01-01", "2026-11-25")],
  ];

  it.each(periods)("are the on-time engine's for %s, and its late dossiers are listed one by one", async (_label, period) => {
    const [figures, statement] = await Promise.all([
      getOnTimeReportFigures(t.db, unitId, period, SEED_NOW, { lateList: true }),
      getOnTimeStatement(t.db, unitId, period, SEED_NOW),
    ]);
    const { period: _p, status: _s, measuredTo: _m, judgedAt: _j, byField, byChannel, overdueNow, onTimeRate: _r, onlineRate: _o, eTransferRate: _e, ...engineTotals } = statement;
    expect(figures.totals).toEqual(engineTotals);
    expect(figures.overdueNow).toBe(overdueNow);
    expect(Object.fromEntries(figures.byField)).toEqual(Object.fromEntries(byField.map(({ field, onTimeRate: _a, onlineRate: _b, eTransferRate: _c, ...f }) => [field, f])));
    expect(Object.fromEntries(figures.byChannel)).toEqual(
      Object.fromEntries(byChannel.map(({ channel, onTimeRate: _a, onlineRate: _b, eTransferRate: _c, ...f }) => [channel, f])),
    );
    expect(figures.lateDossiers).toHaveLength(statement.late);
    expect(figures.byProcedure.reduce((n, p) => n + p.received, 0)).toBe(statement.received);
    expect(figures.byProcedure.reduce((n, p) => n + p.late, 0)).toBe(statement.late);
    expect(figures.chart.buckets.reduce((n, b) => n + b.received, 0)).toBe(statement.received);
  });

  it("lists the late dossiers with their apology slips", async () => {
    const late = await listLateDossiers(t.db, unitId, yearPeriod(2025));
    expect(late.length).toBeGreaterThan(0);
    for (const d of late) {
      expect(d.daysLate).toBeGreaterThanOrEqual(d.supplementCount > 1 ? 0 : 1);
      expect(d.apologyReason).toBeTruthy();
      expect(d.newAppointmentAt).toBeTruthy();
    }
  });

  it("rates satisfaction over the ratings given in the period, as the dashboard does", async () => {
    const { satisfaction } = await getOnTimeReportFigures(t.db, unitId, yearPeriod(2021), SEED_NOW, { lateList: false });
    const given = await t.db
      .selectFrom("dossier_rating")
      .innerJoin("dossier", "dossier.id", "dossier_rating.dossier_id")
      .select([
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.sum<number>(eb.case().when("dossier_rating.rating", "in", ["very_satisfied", "satisfied"]).then(1).else(0).end()).as("ok"),
      ])
      .where("dossier.unit_id", "=", unitId)
      .where("dossier_rating.rated_at", ">=", "2020-12-31T17:00:00.000Z")
      .where("dossier_rating.rated_at", "<", "2021-12-31T17:00:00.000Z")
      .executeTakeFirstOrThrow();
    expect(satisfaction.rated).toBe(Number(given.n));
    expect(satisfaction.satisfied).toBe(Number(given.ok));
    expect(satisfaction.rated).toBeGreaterThan(0);
  });
});

describe("/reports/on-time.pdf", () => {
  it("states the demo's 2021: 4,492 received and 100% on time, in the public version", async () => {
    const { response, bytes, code } = await getReport("?year=2021");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('inline; filename="bao-cao-giai-quyet-tthc-2021-01-01-2021-12-31.pdf"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const text = words(bytes);
    expect(text).toContain("BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    expect(text).toContain("Kỳ báo cáo: Năm 2021");
    expect(text).toContain("4.492 4.492 100%"); // received, resolved, on-time rate
    expect(text).toContain("Trong kỳ báo cáo, UBND xã Mường Sai tiếp nhận 4.492 hồ sơ");
    expect(text).toContain("trễ hạn 0; tỷ lệ giải quyết đúng hạn 100%");
    expect(text).toContain("Không có khiếu nại trong kỳ.");
    expect(text).toContain("Bản công khai (chỉ số liệu tổng hợp)");
    expect(text).toContain(`Mã xác minh: ${code} – kiểm tra tại http://localhost/verify/${code}`);
    expect(text).not.toContain("HỒ SƠ TRỄ HẠN VÀ PHIẾU XIN LỖI");

    // The bytes served are the bytes recorded.
    const row = await issued(code);
    expect(row.sha256).toBe(sha256(bytes));
    expect(row.size_bytes).toBe(bytes.byteLength);
    expect(row).toMatchObject({ kind: "on_time_report", variant: "public", issued_by_user_id: null, issued_by_label: "Công khai" });
    expect(JSON.parse(row.parameters_json)).toEqual({ from: "2021-01-01", to: "2021-12-31" });
    expect(Buffer.from(row.pdf!).equals(bytes)).toBe(true);
  });

  it("serves the same public copy again the same day", async () => {
    const first = await getReport("?from=2021-01-01&to=2021-03-31");
    const again = await getReport("?from=2021-01-01&to=2021-03-31");
    expect(again.code).toBe(first.code);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const rows = await t.db.selectFrom("issued_document").select("id").where("parameters_json", "=", JSON.stringify({ from: "2021-01-01", to: "2021-03-31" })).execute();
    expect(rows).toHaveLength(1);
  });

  it("answers 400 with the field at fault for a bad query", async () => {
    for (const [query, path] of [
      ["", "from"],
      ["?from=2025-01-01", "to"],
      ["?from=2025-12-31&to=2025-01-01", "to"],
      ["?year=20x1", "year"],
      ["?year=2021&from=2021-01-01", "year"],
      ["?year=2101", "year"],
      ["?from=2010-01-01&to=2025-12-31", "to"],
      ["?from=0001-01-01&to=0001-12-31", "from"],
    ] as const) {
      const { response, bytes } = await getReport(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("Content-Type"), query).toMatch(/^application\/json/);
      const body = JSON.parse(bytes.toString("utf8")) as { error: string; issues: { path: string; message: string }[] };
      expect(body.error).toBe("validation_failed");
      expect(body.issues.map((i) => i.path), query).toContain(path);
    }
  });

  it("gives staff the full version with the late dossiers and their applicants", async () => {
    const { bytes, code } = await getReport("?year=2025", await cookieOf("motcua"));
    const text = words(bytes);
    const late = await listLateDossiers(t.db, unitId, yearPeriod(2025));
    expect(late.length).toBeGreaterThan(0);
    expect(text).toContain("NỘI BỘ");
    expect(text).toContain("HỒ SƠ TRỄ HẠN VÀ PHIẾU XIN LỖI, HẸN LẠI");
    expect(text).toContain(`${late.length} hồ sơ trễ hạn`);
    for (const d of late) {
      expect(text).toContain(d.code);
      expect(text).toContain(d.applicantName);
    }
    const row = await issued(code);
    expect(row).toMatchObject({ variant: "full", issued_by_user_id: userIds.motcua, issued_by_label: "Cầm Văn Thắng", pdf: null, reuse_key: null });
    expect(row.sha256).toBe(sha256(bytes));
    // Only inspectors' downloads are written to the audit log.
    const audit = await t.db.selectFrom("audit_log").select("id").where("entity_type", "=", "report").where("entity_id", "=", code).execute();
    expect(audit).toHaveLength(0);
  });

  it("masks citizens' names for an inspector and logs each of the inspector's downloads", async () => {
    const cookie = await cookieOf("thanhtra");
    const { bytes, code } = await getReport("?year=2025", cookie);
    const text = words(bytes);
    const late = await listLateDossiers(t.db, unitId, yearPeriod(2025));
    expect(text).toContain("BẢN CHO THANH TRA");
    for (const d of late) {
      expect(text).toContain(d.code);
      expect(text).toContain(maskPersonName(d.applicantName));
      expect(text).not.toContain(d.applicantName);
    }
    const row = await issued(code);
    expect(row).toMatchObject({ variant: "masked", issued_by_user_id: userIds.thanhtra, pdf: null });
    expect(row.sha256).toBe(sha256(bytes));

    const second = await getReport("?from=2025-07-01&to=2025-09-30", cookie);
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", "report")
      .where("action", "=", "downloaded")
      .where("actor_user_id", "=", userIds.thanhtra!)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual([code, second.code]);
    expect(audit[0]).toMatchObject({ unit_id: unitId, actor_kind: "user" });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({
      kind: "on_time_report",
      variant: "masked",
      parameters: { from: "2025-01-01", to: "2025-12-31" },
      sha256: sha256(bytes),
    });
  });
});

describe("/verify/<code>", () => {
  it("shows what was issued, when, by whom, and the file's SHA-256", async () => {
    const { bytes, code } = await getReport("?year=2021");
    const data = await verifyCode.loader({ ...args(`/verify/${code}`), params: { code } });
    expect(data.document).toMatchObject({
      code,
      kind: "on_time_report",
      variant: "public",
      title: "Báo cáo kết quả giải quyết TTHC – Năm 2021",
      unitName: "UBND xã Mường Sai",
      parameters: { from: "2021-01-01", to: "2021-12-31" },
      issuedBy: null,
      sha256: sha256(bytes),
      sizeBytes: bytes.byteLength,
    });
    expect(JSON.stringify(data)).not.toContain("pdf");
  });

  it("names the staff member who downloaded a full copy", async () => {
    const { code } = await getReport("?year=2024", await cookieOf("chatluong"));
    const data = await verifyCode.loader({ ...args(`/verify/${code}`), params: { code } });
    expect(data.document).toMatchObject({ variant: "full", issuedBy: "Lò Thị Hoa" });
  });

  it("answers 404 for an unknown or malformed code, and sends a typed code to its canonical address", async () => {
    for (const code of ["ZZZZ-ZZZZ-ZZZZ", "abc", "0000-0000-0000", "K7QM-3XPD-9HWTX"]) {
      const response = await outcome(() => verifyCode.loader({ ...args(`/verify/${code}`), params: { code } }));
      expect(response instanceof Response && response.status, code).toBe(404);
    }
    const { code } = await getReport("?year=2021");
    const typed = code.toLowerCase().replace(/-/g, "");
    const response = await outcome(() => verifyCode.loader({ ...args(`/verify/${typed}`), params: { code: typed } }));
    expect(response instanceof Response && [response.status, response.headers.get("Location")]).toEqual([302, `/verify/${code}`]);
  });
});

describe("/verify", () => {
  const upload = (content: Uint8Array<ArrayBuffer> | string, name = "bao-cao.pdf") => {
    const form = new FormData();
    form.append("file", new Blob([content], { type: "application/pdf" }), name);
    return outcome(() => verify.action(args("/verify", { method: "POST", body: form })));
  };

  it("confirms an uploaded copy that matches a recorded issue", async () => {
    const { bytes, code } = await getReport("?year=2021");
    const result = await upload(new Uint8Array(bytes));
    expect(result).toEqual({
      status: "checked",
      sha256: sha256(bytes),
      matches: [{ code, title: "Báo cáo kết quả giải quyết TTHC – Năm 2021", issuedAt: (await issued(code)).issued_at }],
    });
  });

  it("finds no match for an altered copy", async () => {
    const { bytes } = await getReport("?year=2021");
    const altered = Buffer.from(bytes);
    altered[altered.length - 10] = (altered[altered.length - 10]! + 1) % 256;
    const result = await upload(new Uint8Array(altered));
    expect(result).toMatchObject({ status: "checked", matches: [] });
  });

  /** An action's `data(value, init)`: the value and the status. */
  const answered = (result: unknown) => {
    const { data, init } = result as { data: unknown; init: ResponseInit | null };
    return { data, status: init?.status };
  };

  it("refuses what is not a PDF, whatever its name, and a missing file", async () => {
    for (const [content, error] of [
      ["<html>not a report</html>", "verify.error.notPdf"],
      ["", "verify.error.noFile"],
    ] as const) {
      expect(answered(await upload(content))).toEqual({ data: { status: "error", error }, status: 400 });
    }
    const empty = await outcome(() => verify.action(args("/verify", { method: "POST", body: new FormData() })));
    expect(answered(empty)).toEqual({ data: { status: "error", error: "verify.error.noFile" }, status: 400 });
    const notMultipart = await outcome(() => verify.action(args("/verify", { method: "POST", body: new URLSearchParams({ file: "x" }) })));
    expect(answered(notMultipart)).toEqual({ data: { status: "error", error: "verify.error.noFile" }, status: 400 });
  });

  it("looks a code up, sending a known one to its page", async () => {
    const { code } = await getReport("?year=2021");
    const found = await outcome(() => verify.loader(args(`/verify?code=${code.toLowerCase()}`)));
    expect(found instanceof Response && [found.status, found.headers.get("Location")]).toEqual([302, `/verify/${code}`]);
    expect(await verify.loader(args("/verify?code=ZZZZ-ZZZZ-ZZZZ"))).toEqual({ code: "ZZZZ-ZZZZ-ZZZZ", error: "verify.lookup.notFound" });
    expect(await verify.loader(args("/verify?code=nope"))).toEqual({ code: "nope", error: "error.invalid" });
    expect(await verify.loader(args("/verify"))).toEqual({ code: "", error: null });
  });
});
