import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { DEMO_PROVINCE, DEMO_REORGANISATION } from "#db/seed/province-demo";
import { toBuffer } from "#reports/toolkit";
import { buildDossierSlip } from "~/models/dossier-slips.server";
import { getDossierDetail } from "~/models/dossiers.server";
import { createUnit, mergeUnits, MergeRefused, unitAsOf } from "~/models/units.server";
import { SYSTEM_ACTOR } from "~/models/audit-log.server";
import { getPeriodFiguresByUnit } from "~/models/figures.server";
import type { OnTimeFigures } from "~/domain/metrics/on-time";
import { yearPeriod } from "~/domain/metrics/period";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
import type * as DashboardRoute from "~/routes/staff.dashboard._index";
import type * as ProvinceRoute from "~/routes/staff.province._index";
import type * as ProvinceCsv from "~/routes/staff.province.export[.csv]";
import type * as AuthModule from "~/utils/auth.server";

/*
 * Issue 14 (province): the province officer's comparison gives, for every commune, exactly what that
 * commune's own dashboard gives (past, current and future period, fixed clock); slips print the unit
 * as it was on their date; a merger moves open work and leaves history where it was.
 */

// Wednesday 2 December 2026, 06:40 in Vietnam.
const NOW = new Date("2026-12-01T23:40:00.000Z");

let t: TestDb;
let cookie = "";
let musaiId: number;
let provinceId: number;
const routes: { province?: typeof ProvinceRoute; dashboard?: typeof DashboardRoute; csv?: typeof ProvinceCsv } = {};

beforeAll(async () => {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  t = createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  musaiId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  provinceId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_PROVINCE.code).executeTakeFirstOrThrow()).id;
  const auth: typeof AuthModule = await import("~/utils/auth.server");
  const login = await auth.logIn(new Request("http://localhost/login"), { username: "sonla", password: DEMO_PASSWORD }, "198.51.100.40");
  if (!login.ok) throw new Error("login failed");
  cookie = login.setCookie.split(";")[0] ?? "";
  routes.province = await import("~/routes/staff.province._index");
  routes.dashboard = await import("~/routes/staff.dashboard._index");
  routes.csv = await import("~/routes/staff.province.export[.csv]");
}, 300_000);

afterAll(async () => {
  vi.useRealTimers();
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const get = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
type ProvinceData = Awaited<ReturnType<typeof ProvinceRoute.loader>>;
type DashboardData = Awaited<ReturnType<typeof DashboardRoute.loader>>;

describe("the province dashboard", () => {
  it.each([
    ["a past year", "period=year&year=2024"],
    ["the current month", "period=month&year=2026&month=12"],
    ["a future year", "period=year&year=2027"],
  ])("every commune's row equals its own dashboard for %s", async (_, query) => {
    const data = (await routes.province!.loader({ request: get(`/staff/province?${query}`), params: {}, context: { clientAddress: "127.0.0.1" } })) as ProvinceData;
    expect(data.rows.map((r) => r.code).sort()).toEqual([DEMO_UNIT.code, ...DEMO_REORGANISATION.predecessors.map((p) => p.code)].sort());
    for (const row of data.rows) {
      const dash = (await routes.dashboard!.loader({ request: get(`/staff/dashboard?${query}&unit=${row.unitId}`), params: {}, context: { clientAddress: "127.0.0.1" } })) as DashboardData;
      expect(dash.lastResult, "the officer may open the commune's dashboard").toBeUndefined();
      const figure = (key: string) => dash.figures.find((f) => f.key === key)?.value ?? null;
      expect(row.onTimeRate).toBe(figure("on_time_rate"));
      expect(row.onlineRate).toBe(figure("online_rate"));
      expect(row.eTransferRate).toBe(figure("e_transfer_rate"));
      expect(row.satisfactionRate).toBe(figure("satisfaction_rate"));
      expect(row.received).toBe(figure("received"));
      // Overdue now as the dashboard states it: a count, or "—" (null) for a period that has not begun.
      expect(row.overdueNow).toBe(figure("overdue_now"));
      const detail = dash.figures.find((f) => f.key === "on_time_rate")?.detail?.params;
      expect({ judged: row.judged, late: row.late }).toEqual({ judged: detail?.judged, late: detail?.late });
      expect(data.status, "the same judgement line (past, partial, not yet)").toBe(dash.status);
      expect(data.judgedAt).toBe(dash.judgedAt);
      expect(row.serviceIndexTotal).toBe(dash.serviceIndex.scorecard?.total ?? null);
      const complaints = dash.feedback.find((f) => f.kind === "complaint")?.total ?? 0;
      expect(row.complaints).toBe(complaints);
    }
  });

  it("ranks by on-time rate, marks the merged communes and links each to its dashboard", async () => {
    const data = (await routes.province!.loader({ request: get("/staff/province?period=year&year=2024"), params: {}, context: { clientAddress: "127.0.0.1" } })) as ProvinceData;
    const rates = data.rows.map((r) => r.onTimeRate ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(data.rows.filter((r) => r.mergedOn === DEMO_REORGANISATION.date)).toHaveLength(DEMO_REORGANISATION.predecessors.length);
    expect(data.rows[0]!.dashboardHref).toMatch(/^\/staff\/dashboard\?period=year&year=2024&unit=\d+$/);
    expect(data.rows.every((r) => r.received > 0)).toBe(true);
  });

  it("exports the same rows as CSV", async () => {
    const response = (await routes.csv!.loader({ request: get("/staff/province/export.csv?period=year&year=2024"), params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 3);
    expect(lines[1]).toMatch(/^1,/);
  });
});

describe("the merged commune's combined view", () => {
  const load = async (query: string) =>
    (await routes.dashboard!.loader({ request: get(`/staff/dashboard?${query}&unit=${musaiId}`), params: {}, context: { clientAddress: "127.0.0.1" } })) as DashboardData;
  const figure = (dash: DashboardData, key: string) => dash.figures.find((f) => f.key === key)?.value ?? null;

  it("for 2024 sums Mường Sai's and its predecessors' counts and works the rates out from the sums", async () => {
    const predecessorIds = await Promise.all(
      DEMO_REORGANISATION.predecessors.map(
        async (p) => (await t.db.selectFrom("unit").select("id").where("code", "=", p.code).executeTakeFirstOrThrow()).id,
      ),
    );
    const combined = await load("period=year&year=2024&combined=1");
    expect(combined.combined).toBe(true);
    expect(combined.predecessorNames).toContain("Nậm Mằn");
    expect(combined.predecessorNames).toContain("Chiềng Khoong");
    const parts = await getPeriodFiguresByUnit(t.db, [musaiId, ...predecessorIds], yearPeriod(2024), NOW);
    const sum = (pick: (f: OnTimeFigures) => number) => [...parts.values()].reduce((n, p) => n + pick(p.totals), 0);
    expect(predecessorIds.every((id) => parts.get(id)!.totals.received > 0), "the predecessors have 2024 figures").toBe(true);
    expect(figure(combined, "received")).toBe(sum((f) => f.received));
    expect(combined.totals.received).toBe(sum((f) => f.received));
    expect(combined.totals.late).toBe(sum((f) => f.late));
    expect(combined.totals.overdueAtEnd).toBe(sum((f) => f.overdueAtEnd));
    const judged = sum((f) => f.early + f.onTime + f.late);
    expect(figure(combined, "on_time_rate")).toBe(sum((f) => f.early + f.onTime) / judged);
    expect(figure(combined, "online_rate")).toBe(sum((f) => f.receivedOnline) / sum((f) => f.received));
    // Each unit's own dashboard, summed, gives the same count.
    let received = 0;
    for (const id of [musaiId, ...predecessorIds]) {
      const own = (await routes.dashboard!.loader({ request: get(`/staff/dashboard?period=year&year=2024&unit=${id}`), params: {}, context: { clientAddress: "127.0.0.1" } })) as DashboardData;
      received += Number(figure(own, "received"));
    }
    expect(figure(combined, "received")).toBe(received);
    expect(combined.serviceIndex.scorecard, "the scorecard is not combined").toBeNull();
  });

  it("without the toggle shows Mường Sai alone: 2021 still 4,492 dossiers, all on time", async () => {
    const alone = await load("period=year&year=2021");
    expect(alone.combined).toBe(false);
    expect(figure(alone, "received")).toBe(4492);
    expect(figure(alone, "on_time_rate")).toBe(1);
    expect(alone.totals.late).toBe(0);
  });

  it("offers nothing to combine for a period that begins after the merger", async () => {
    const after = await load("period=year&year=2026&combined=1");
    expect(after.combined).toBe(false);
    expect(after.predecessorNames).toBe("");
  });
});

describe("unit history on printed documents", () => {
  async function slipText(year: string) {
    const d = await t.db
      .selectFrom("dossier")
      .select("code")
      .where("unit_id", "=", musaiId)
      .where("received_date", ">=", `${year}-01-01`)
      .where("received_date", "<=", `${year}-12-31`)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const detail = (await getDossierDetail(t.db, musaiId, d.code))!;
    const report = await buildDossierSlip(t.db, detail, "receipt", "http://localhost/lookup", NOW);
    return pdfPages(await toBuffer(report!), "plain").join("\n");
  }

  it("a 2021 slip prints huyện Sông Mã; a 2026 slip does not", async () => {
    expect(await slipText("2021")).toContain("huyện Sông Mã");
    const recent = await slipText("2026");
    expect(recent).toContain("Mường Sai");
    expect(recent).not.toContain("huyện Sông Mã");
  });

  it("unitAsOf follows the versions", async () => {
    expect((await unitAsOf(t.db, musaiId, "2025-06-30"))!.district_name).toBe("huyện Sông Mã");
    expect((await unitAsOf(t.db, musaiId, "2025-07-01"))!.district_name).toBeNull();
  });
});

describe("a merger", () => {
  it("moves open dossiers with an audit row each, keeps closed ones, and refuses a second merger", async () => {
    const a = await createUnit(t.db, SYSTEM_ACTOR, { code: "TEST.A", name: "UBND xã A", kind: "commune", parentId: provinceId, isRemoteArea: false }, NOW);
    const b = await createUnit(t.db, SYSTEM_ACTOR, { code: "TEST.B", name: "UBND xã B", kind: "commune", parentId: provinceId, isRemoteArea: false }, NOW);
    expect(await t.db.selectFrom("calendar_exception").select("id").where("unit_id", "=", a).execute()).not.toHaveLength(0);
    const template = await t.db.selectFrom("dossier").selectAll().where("unit_id", "=", musaiId).where("state", "=", "returned").orderBy("id").executeTakeFirstOrThrow();
    const copy = (code: string, state: "in_progress" | "returned") => {
      const { id: _id, ...rest } = template;
      return { ...rest, unit_id: a, code, state };
    };
    await t.db.insertInto("dossier").values([copy("TEST.A-260101-0001", "in_progress"), copy("TEST.A-260101-0002", "returned")]).execute();
    const result = await mergeUnits(t.db, { predecessors: [a], successor: b, date: "2026-12-01", actor: SYSTEM_ACTOR }, NOW);
    expect(result.dossiers).toBe(1);
    const moved = await t.db.selectFrom("dossier").select(["code", "unit_id"]).where("code", "like", "TEST.A-%").orderBy("code").execute();
    expect(moved).toEqual([
      { code: "TEST.A-260101-0001", unit_id: b },
      { code: "TEST.A-260101-0002", unit_id: a },
    ]);
    const audits = await t.db.selectFrom("audit_log").select("entity_type").where("action", "=", "moved_by_merger").where("unit_id", "=", b).execute();
    expect(audits).toEqual([{ entity_type: "dossier" }]);
    await expect(mergeUnits(t.db, { predecessors: [a], successor: b, date: "2026-12-01", actor: SYSTEM_ACTOR }, NOW)).rejects.toBeInstanceOf(MergeRefused);
  });
});
