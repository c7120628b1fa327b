import { randomBytes } from "node:crypto";
import type { Insertable } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DossierTable } from "#db/schema";
import { DEMO_PASSWORD, DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { formatRate } from "#reports/on-time-report";
import { formatDossierCode } from "~/domain/dossiers/dossier-code";
import { displayPercent } from "~/domain/metrics/rate-display";
import { businessDateOf } from "~/utils/clock";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as OnTimeApi from "~/routes/api.v1.metrics.on-time";
import type * as ServiceIndexApi from "~/routes/api.v1.metrics.service-index";
import type * as DashboardRoute from "~/routes/staff.dashboard._index";
import type * as ExportRoute from "~/routes/staff.dashboard.export.$table";
import type * as StaffHome from "~/routes/staff._index";
import type * as RegisterRoute from "~/routes/staff.dossiers._index";
import type * as TransparencyRoute from "~/routes/transparency";
import type * as ReportRoute from "~/routes/reports.on-time[.pdf]";
import type * as AuthModule from "~/utils/auth.server";

/*
 * Issue 12: the same period gives the same numbers on every surface — the metrics API, the dashboard
 * and its CSV, the staff home, the register, /transparency and the on-time PDF — for a past, the
 * current and a future period, with a fixed clock inside a working day on which dossiers fall due
 * later that day. Each surface is called through its route module, as the browser reaches it.
 */

// Wednesday 2 December 2026, 06:40 in Vietnam.
const NOW = new Date("2026-12-01T23:40:00.000Z");
const TODAY = businessDateOf(NOW);
const TOMORROW_MORNING = new Date("2026-12-03T01:00:00.000Z");

let t: TestDb;
let unitId: number;
let cookie = "";
let auth: typeof AuthModule;

async function signIn() {
  const login = await auth.logIn(new Request("http://localhost/login"), { username: "chatluong", password: DEMO_PASSWORD }, "198.51.100.7");
  if (!login.ok) throw new Error("login failed");
  cookie = login.setCookie.split(";")[0] ?? "";
}
const routes: {
  onTime?: typeof OnTimeApi;
  serviceIndex?: typeof ServiceIndexApi;
  dashboard?: typeof DashboardRoute;
  exportTable?: typeof ExportRoute;
  home?: typeof StaffHome;
  register?: typeof RegisterRoute;
  transparency?: typeof TransparencyRoute;
  report?: typeof ReportRoute;
} = {};

/** Dossiers that make the current day interesting: two due at 17:00 today, one waiting for its supplement. */
async function addTodaysDossiers() {
  const procedure = await t.db.selectFrom("procedure").select(["id", "field", "processing_days"]).where("unit_id", "=", unitId).where("code", "=", "1.001193").executeTakeFirstOrThrow();
  const row = (n: number, over: Partial<Insertable<DossierTable>>): Insertable<DossierTable> => ({
    unit_id: unitId,
    code: formatDossierCode(DEMO_UNIT.code, "2026-11-25", 9000 + n),
    procedure_id: procedure.id,
    field: procedure.field,
    processing_days: 5,
    channel: "direct",
    rule_set: "nd118-2025",
    applicant_name: `Người nộp thử ${n}`,
    applicant_phone: null,
    applicant_id_number: null,
    applicant_address: null,
    documents_json: "[]",
    received_at: "2026-11-25T02:00:00.000Z",
    received_date: "2026-11-25",
    due_at: "2026-12-02T10:00:00.000Z",
    due_date: "2026-12-02",
    due_rule: "working_days",
    state: "in_progress",
    supplement_count: 0,
    transfer_count: 0,
    e_transfer_count: 0,
    open_transfer_count: 0,
    clock_stopped_at: null,
    clock_stopped_date: null,
    created_at: "2026-11-25T02:00:00.000Z",
    updated_at: "2026-11-25T02:00:00.000Z",
    ...over,
  });
  await t.db
    .insertInto("dossier")
    .values([
      row(1, {}),
      row(2, { channel: "online_full" }),
      // Waiting since 27 November for a supplement asked before its due day (30 November) was over.
      row(3, {
        state: "supplement_requested",
        supplement_count: 1,
        due_at: "2026-11-30T10:00:00.000Z",
        due_date: "2026-11-30",
        clock_stopped_at: "2026-11-27T03:00:00.000Z",
        clock_stopped_date: "2026-11-27",
      }),
    ])
    .execute();
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  t = createTestDb();
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  await addTodaysDossiers();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  // Every call here comes from one address; the limits themselves are tested in security/.
  vi.stubEnv("REPORTS_LIMIT_PER_MINUTE", "10000");
  vi.stubEnv("LOOKUP_LIMIT_PER_MINUTE", "10000");
  auth = await import("~/utils/auth.server");
  routes.onTime = await import("~/routes/api.v1.metrics.on-time");
  routes.serviceIndex = await import("~/routes/api.v1.metrics.service-index");
  routes.dashboard = await import("~/routes/staff.dashboard._index");
  routes.exportTable = await import("~/routes/staff.dashboard.export.$table");
  routes.home = await import("~/routes/staff._index");
  routes.register = await import("~/routes/staff.dossiers._index");
  routes.transparency = await import("~/routes/transparency");
  routes.report = await import("~/routes/reports.on-time[.pdf]");
  await signIn();
}, 120_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await t.cleanup();
});

const args = (url: string, signedIn: boolean, params: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`, { headers: signedIn ? { Cookie: cookie } : {} }),
  params,
  context: { clientAddress: "127.0.0.1" },
});

interface Figures {
  received: number;
  resolved: number;
  late: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  overdueNow: number | null;
}

async function api(query: string): Promise<Figures & { status: string; judgedAt: string | null }> {
  const response = (await routes.onTime!.loader(args(`/api/v1/metrics/on-time?${query}`, false))) as Response;
  expect(response.status).toBe(200);
  return response.json();
}

async function dashboard(query: string): Promise<Figures & { serviceTotal: number | null }> {
  const data = await routes.dashboard!.loader(args(`/staff/dashboard?${query}`, true));
  const figure = (key: string) => data.figures.find((f) => f.key === key)!.value;
  return {
    received: figure("received")!,
    resolved: figure("resolved")!,
    late: data.totals.late,
    onTimeRate: figure("on_time_rate"),
    onlineRate: figure("online_rate"),
    overdueNow: figure("overdue_now"),
    serviceTotal: data.serviceIndex.scorecard?.total ?? null,
  };
}

/** The dashboard's key-figure table as CSV, keyed by the figure's translated label. */
async function csvFigures(query: string): Promise<Map<string, string>> {
  const response = (await routes.exportTable!.loader(args(`/staff/dashboard/export/figures?${query}`, true, { table: "figures" }))) as Response;
  const text = (await response.text()).replace(/^\uFEFF/, "");
  const rows = text.trim().split(/\r?\n/).slice(1).map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
  return new Map(rows.map(([label, value]) => [label!, value!]));
}

async function transparency(year: number): Promise<Figures> {
  const data = await routes.transparency!.loader(args(`/transparency?year=${year}`, false));
  return {
    received: data.totals.received,
    resolved: data.totals.resolved,
    late: data.totals.late,
    onTimeRate: data.totals.onTimeRate,
    onlineRate: data.totals.onlineRate,
    overdueNow: data.totals.overdueNow,
  };
}

async function pdfText(query: string): Promise<string> {
  const response = (await routes.report!.loader(args(`/reports/on-time.pdf?${query}`, false))) as Response;
  expect(response.status).toBe(200);
  return pdfPages(Buffer.from(await response.arrayBuffer())).join("\n").replace(/\s+/g, " ");
}

const n = (value: number) => value.toLocaleString("de-DE");
const csvRate = (rate: number | null) => (rate === null ? "" : String(displayPercent(rate).percent));

describe.each([
  ["a past period (2025)", "year=2025", 2025, "past"],
  ["the current period (2026, at 06:40 on 2 December)", "year=2026", 2026, "current"],
  ["a future period (2027)", "year=2027", 2027, "future"],
] as const)("%s", (_name, query, year, status) => {
  it("the metrics API, the dashboard, its CSV and /transparency give the same numbers", async () => {
    const fromApi = await api(query);
    expect(fromApi.status).toBe(status);
    const fromDashboard = await dashboard(`period=year&year=${year}`);
    const { serviceTotal, ...dashboardFigures } = fromDashboard;
    const { status: _s, judgedAt: _j, ...apiFigures } = fromApi;
    const pick = ({ received, resolved, late, onTimeRate, onlineRate, overdueNow }: Figures) => ({ received, resolved, late, onTimeRate, onlineRate, overdueNow });
    if (status === "future") {
      expect(pick(apiFigures)).toEqual({ received: 0, resolved: 0, late: 0, onTimeRate: null, onlineRate: null, overdueNow: 0 });
      expect(dashboardFigures).toEqual({ received: 0, resolved: 0, late: 0, onTimeRate: null, onlineRate: null, overdueNow: null });
      expect(serviceTotal).toBeNull();
    } else {
      expect(dashboardFigures).toEqual(pick(apiFigures));
      expect(fromApi.received).toBeGreaterThan(4000);
    }
    if (status !== "future") expect(await transparency(year)).toEqual(pick(apiFigures));

    const csv = await csvFigures(`period=year&year=${year}`);
    expect(csv.get("Hồ sơ tiếp nhận")).toBe(String(fromApi.received));
    expect(csv.get("Tỷ lệ giải quyết đúng hạn")).toBe(csvRate(fromApi.onTimeRate));
    expect(csv.get("Tỷ lệ tiếp nhận trực tuyến")).toBe(csvRate(fromApi.onlineRate));
    expect(csv.get("Hồ sơ đang quá hạn")).toBe(status === "future" ? "" : String(fromApi.overdueNow));
  });

  it("the on-time PDF states the same numbers, in its boxes and its narrative", async () => {
    const fromApi = await api(query);
    const text = await pdfText(query);
    if (status === "future") {
      expect(text).toContain("Kỳ báo cáo chưa bắt đầu");
      // The boxes: nothing received, nothing resolved, no rate (never "0%").
      expect(text).toContain("I. KẾT QUẢ CHUNG 0 0 — —");
      return;
    }
    expect(text).toContain(`tiếp nhận ${n(fromApi.received)} hồ sơ`);
    expect(text).toContain(`Đã giải quyết ${n(fromApi.resolved)} hồ sơ`);
    expect(text).toContain(`tỷ lệ giải quyết đúng hạn ${formatRate(fromApi.onTimeRate)}`);
    expect(text).toContain(`tổng ${n(fromApi.late)} hồ sơ trễ hạn`);
    const statement = await routes.onTime!.loader(args(`/api/v1/metrics/on-time?${query}`, false));
    const body = (await (statement as Response).json()) as { openLateAtEnd: number; overdueNow: number };
    if (body.openLateAtEnd > 0) expect(text).toContain(`trong đó ${n(body.overdueNow)} hồ sơ đang quá hạn`);
    expect(text).toContain(status === "current" ? "kỳ chưa kết thúc" : `hết ngày 31/12/${year}`);
  });

  it("the scorecard's JSON, the dashboard and the PDF agree", async () => {
    const response = (await routes.serviceIndex!.loader(args(`/api/v1/metrics/service-index?${query}`, false))) as Response;
    const card = (await response.json()) as { total: number | null; maxTotal: number; groups: Array<{ code: string; points: number | null; indicators: Array<{ code: string; measured: boolean; points: number | null }> }> };
    expect(card.maxTotal).toBe(100);
    expect(card.groups.map((g) => g.code)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect((await dashboard(`period=year&year=${year}`)).serviceTotal).toBe(card.total);
    const notMeasured = card.groups.flatMap((g) => g.indicators).filter((i) => !i.measured);
    expect(notMeasured.map((i) => i.code)).toEqual(["1.2", "6.4"]);
    expect(notMeasured.every((i) => i.points === null)).toBe(true);
    const text = await pdfText(query);
    expect(text).toContain("BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP");
    if (card.total === null) expect(text).toContain("Tổng điểm: —");
    else expect(text).toContain(`Tổng điểm: ${card.total.toLocaleString("de-DE", { maximumFractionDigits: 2 })} /`);
  });
});

describe("the current day", () => {
  it("does not count dossiers due at 17:00 today as late at 06:40, nor one waiting for its supplement", async () => {
    const due = await t.db.selectFrom("dossier").select(["code", "due_date"]).where("unit_id", "=", unitId).where("code", "like", "%-9001").executeTakeFirstOrThrow();
    expect(due.due_date).toBe(TODAY);
    const register = await routes.register!.loader(args(`/staff/dossiers?outcome=late&judgedFrom=2026-01-01&judgedTo=2026-12-31`, true));
    const lateCodes = register.rows.map((r) => r.code);
    for (const suffix of ["9001", "9002", "9003"]) expect(lateCodes.some((c) => c.endsWith(`-${suffix}`))).toBe(false);
    const overdue = register.overdue.map((r) => r.code);
    for (const suffix of ["9001", "9002", "9003"]) expect(overdue.some((c) => c.endsWith(`-${suffix}`))).toBe(false);
  });

  it("the staff home's overdue count is the API's and the register's", async () => {
    const home = await routes.home!.loader(args("/staff", true));
    const fromApi = await api("year=2026");
    const register = await routes.register!.loader(args("/staff/dossiers", true));
    expect(home.overdueDossiers).toBe(fromApi.overdueNow);
    expect(register.overdue).toHaveLength(fromApi.overdueNow!);
  });

  it("the next morning, those due yesterday are late and overdue, the waiting one still is not", async () => {
    const before = await api("year=2026");
    const dueToday = await t.db
      .selectFrom("dossier")
      .select(["code", "supplement_count"])
      .where("unit_id", "=", unitId)
      .where("due_date", "=", TODAY)
      .where("state", "in", ["received", "in_progress"])
      .execute();
    expect(dueToday.length).toBeGreaterThanOrEqual(2);
    vi.setSystemTime(TOMORROW_MORNING);
    try {
      // A new working day, a new sign-in (yesterday's session has expired).
      await signIn();
      const after = await api("year=2026");
      expect(after.overdueNow).toBe(before.overdueNow! + dueToday.length);
      expect(after.late).toBe(before.late + dueToday.filter((d) => d.supplement_count <= 1).length);
      const register = await routes.register!.loader(args("/staff/dossiers", true));
      expect(register.overdue.some((r) => r.code.endsWith("-9001"))).toBe(true);
      expect(register.overdue.some((r) => r.code.endsWith("-9003"))).toBe(false);
      const home = await routes.home!.loader(args("/staff", true));
      expect(home.overdueDossiers).toBe(after.overdueNow);
    } finally {
      vi.setSystemTime(NOW);
      await signIn();
    }
  });

  it("answers a clear 400 with the field named for a bad period, and stores nothing", async () => {
    const issuedBefore = await t.db.selectFrom("issued_document").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    for (const [query, path] of [
      ["from=2026-12-31&to=2026-01-01", "to"],
      ["from=2010-01-01&to=2026-01-01", "to"],
      ["from=2026-02-30&to=2026-03-01", "from"],
      ["year=abcd", "year"],
    ] as const) {
      for (const loader of [routes.onTime!.loader, routes.serviceIndex!.loader, routes.report!.loader]) {
        const response = (await loader(args(`/x?${query}`, false))) as Response;
        expect(response.status, query).toBe(400);
        const body = (await response.json()) as { issues: Array<{ path: string; message: string }> };
        expect(body.issues.map((i) => i.path), query).toContain(path);
        expect(body.issues[0]!.message).not.toMatch(/^error\./);
      }
    }
    const issuedAfter = await t.db.selectFrom("issued_document").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(issuedAfter.n)).toBe(Number(issuedBefore.n));
  });
});

describe("the demo", () => {
  it("still states 2021 as the commune reported it: 4,492 received, 100% on time, no complaints", async () => {
    const year2021 = await api("year=2021");
    expect(year2021).toMatchObject({ received: 4492, resolved: 4492, late: 0, onTimeRate: 1 });
    const complaints2021 = await t.db
      .selectFrom("feedback_item")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("received_at", "<", "2021-12-31T17:00:00.000Z")
      .executeTakeFirstOrThrow();
    expect(Number(complaints2021.n)).toBe(0);
    const text = await pdfText("year=2021");
    expect(text).toContain("tiếp nhận 4.492 hồ sơ");
    expect(text).toContain("Không có khiếu nại trong kỳ.");
  });

  it("holds feedback and complaints from 2022 on, and the late dossiers' nonconformities", async () => {
    const byYear = await t.db
      .selectFrom("feedback_item")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .where("unit_id", "=", unitId)
      .groupBy("kind")
      .execute();
    const count = (kind: string) => Number(byYear.find((r) => r.kind === kind)?.n ?? 0);
    expect(count("feedback")).toBeGreaterThan(20);
    expect(count("recommendation")).toBeGreaterThan(10);
    expect(count("compliment")).toBeGreaterThan(5);
    expect(count("complaint")).toBeGreaterThanOrEqual(5);
    const late = await t.db.selectFrom("dossier").select("id").where("unit_id", "=", unitId).where("apology_issued_at", "is not", null).execute();
    expect(late.length).toBeGreaterThanOrEqual(5);
    const linked = await t.db
      .selectFrom("nonconformity_link")
      .innerJoin("nonconformity", "nonconformity.id", "nonconformity_link.nonconformity_id")
      .select("nonconformity_link.entity_id")
      .where("nonconformity.source", "=", "late_dossier")
      .where("nonconformity_link.entity_type", "=", "dossier")
      .execute();
    expect(new Set(linked.map((l) => l.entity_id))).toEqual(new Set(late.map((d) => d.id)));
    const states = await t.db.selectFrom("nonconformity").select(["state", "verified_at"]).where("unit_id", "=", unitId).where("source", "=", "late_dossier").execute();
    expect(states.filter((s) => s.state === "closed" && s.verified_at !== null).length).toBeGreaterThan(3);
  });

  it("sends transfers after 1 July 2025 to agencies of the two-tier government", async () => {
    const after = await t.db
      .selectFrom("dossier_event")
      .select("agency")
      .distinct()
      .where("kind", "=", "transfer")
      .where("at", ">=", "2025-06-30T17:00:00.000Z")
      .execute();
    expect(after.length).toBeGreaterThan(0);
    for (const { agency } of after) expect(agency).not.toMatch(/huyện/);
  });
});
