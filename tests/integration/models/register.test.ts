import type { Selectable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierTable } from "#db/schema";
import type { RegisterFilter } from "~/domain/dossiers/register-filter";
import {
  countRegister,
  listOverdueDossiers,
  listRegisterPage,
  OVERDUE_FIRST_LIMIT,
  REGISTER_COUNT_CAP,
  streamRegister,
  totalRegister,
  type RegisterQuery,
} from "~/models/dossier-register.server";
import { businessDateOf } from "~/utils/clock";
import { createTestDb, type TestDb } from "../../setup/test-db";
import {
  dossiersOf,
  generateDossiers,
  insertDossiers,
  insertOtherUnit,
  proceduresOf,
  seedReferenceData,
  type ProcedureRef,
} from "./dossier-fixtures";

const NOW = new Date("2025-07-03T03:00:00.000Z");

let t: TestDb;
let unitId: number;
let otherUnitId: number;
let procedures: ProcedureRef[];
let rows: Selectable<DossierTable>[];

beforeAll(async () => {
  t = createTestDb();
  const { unit } = await seedReferenceData(t.db);
  unitId = unit.id;
  procedures = await proceduresOf(t.db, unitId);
  // More than one of streamRegister's 1,000-row batches.
  await insertDossiers(
    t.db,
    generateDossiers({
      unitId,
      unitCode: unit.code,
      procedures,
      anchors: ["2025-06-02", "2025-06-16", "2025-06-30", "2025-07-03"],
      count: 2300,
      seed: 118,
      openShare: 0.2,
    }),
  );
  otherUnitId = await insertOtherUnit(t.db);
  await insertDossiers(
    t.db,
    generateDossiers({ unitId: otherUnitId, unitCode: "000.99.99.H53", procedures, anchors: ["2025-06-16"], count: 40, seed: 61 }),
  );
  rows = await dossiersOf(t.db, unitId);
}, 30_000);

afterAll(async () => {
  await t.cleanup();
});

type Filter = Omit<RegisterFilter, "after">;

/** Overdue from the day after the due day, as the lifecycle judges it. */
const isOverdue = (r: Selectable<DossierTable>) =>
  (r.state === "received" || r.state === "in_progress") && r.due_date < businessDateOf(NOW);

/** The register's filters written out plainly, to compare the SQL against. */
function matches(r: Selectable<DossierTable>, f: Filter): boolean {
  if (f.from && r.received_date < f.from) return false;
  if (f.to && r.received_date > f.to) return false;
  if (f.field && r.field !== f.field) return false;
  if (f.procedure && procedures.find((p) => p.id === r.procedure_id)?.code !== f.procedure) return false;
  if (f.state && r.state !== f.state) return false;
  if (f.channel && r.channel !== f.channel) return false;
  if (f.q && !r.code.includes(f.q)) return false;
  if (f.overdue && !isOverdue(r)) return false;
  return true;
}

const FILTERS: Array<[string, Filter]> = [
  ["no filter", {}],
  ["field", { field: "justice" }],
  ["procedure", { procedure: "1.001193" }],
  ["state", { state: "in_progress" }],
  ["channel", { channel: "online_full" }],
  ["overdue", { overdue: "1" }],
  ["overdue and field", { overdue: "1", field: "civil_status" }],
  ["date range", { from: "2025-06-10", to: "2025-06-20" }],
  ["a single day", { from: "2025-06-30", to: "2025-06-30" }],
  ["code search (a reception day)", { q: "-250616-" }],
  ["code search (a sequence number)", { q: "-0007" }],
  ["everything at once", { field: "civil_status", channel: "direct", state: "returned", from: "2025-06-01", to: "2025-06-30" }],
  ["nothing matches", { q: "-991231-" }],
];

const query = (f: Filter): Omit<RegisterQuery, "afterId" | "limit"> => ({ unitId, now: NOW, ...f });

async function allPages(f: Filter, limit: number) {
  const pages: number[][] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = await listRegisterPage(t.db, { ...query(f), afterId, limit });
    pages.push(page.rows.map((r) => r.id));
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (page.nextAfterId === null) return pages;
    expect(page.rows.length).toBe(limit);
    expect(page.nextAfterId).toBe(page.rows.at(-1)?.id);
    afterId = page.nextAfterId;
    if (pages.length > 1000) throw new Error("paging does not end");
  }
}

describe("the dossier register", () => {
  it("has data that every filter below actually narrows", () => {
    for (const [name, f] of FILTERS.slice(1, -1)) {
      const n = rows.filter((r) => matches(r, f)).length;
      expect(n, name).toBeGreaterThan(0);
      expect(n, name).toBeLessThan(rows.length);
    }
    expect(rows.length).toBe(2300);
  });

  it.each(FILTERS)("pages through every row exactly once, newest first (%s)", async (_name, f) => {
    const expected = rows.filter((r) => matches(r, f)).map((r) => r.id).sort((a, b) => b - a);
    const limit = Math.max(5, Math.ceil(expected.length / 12));
    const pages = await allPages(f, limit);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / limit)));
  });

  it("ends cleanly when the last page is exactly full", async () => {
    const f: Filter = { field: "land_construction" };
    const expected = rows.filter((r) => matches(r, f)).map((r) => r.id).sort((a, b) => b - a);
    const whole = await listRegisterPage(t.db, { ...query(f), limit: expected.length });
    expect(whole.rows.map((r) => r.id)).toEqual(expected);
    expect(whole.nextAfterId).toBeNull();
    const oneShort = await listRegisterPage(t.db, { ...query(f), limit: expected.length - 1 });
    expect(oneShort.nextAfterId).toBe(expected.at(-2));
    const rest = await listRegisterPage(t.db, { ...query(f), afterId: oneShort.nextAfterId ?? undefined, limit: expected.length - 1 });
    expect(rest.rows.map((r) => r.id)).toEqual(expected.slice(-1));
    expect(rest.nextAfterId).toBeNull();
  });

  it("shows the procedure beside each row", async () => {
    const page = await listRegisterPage(t.db, { ...query({ procedure: "1.001193" }), limit: 3 });
    expect(page.rows.length).toBe(3);
    for (const r of page.rows) {
      expect(r.procedure_code).toBe("1.001193");
      expect(r.procedure_name).toBe("Thủ tục đăng ký khai sinh");
    }
  });

  it.each(FILTERS)("counts what it lists (%s)", async (_name, f) => {
    expect(await countRegister(t.db, query(f))).toBe(rows.filter((r) => matches(r, f)).length);
  });

  it.each(FILTERS)("totals what it lists without a scan: exact from the summary, else capped (%s)", async (_name, f) => {
    const n = rows.filter((r) => matches(r, f)).length;
    const fromSummary = !f.procedure && !f.state && !f.q && !f.overdue;
    const total = await totalRegister(t.db, query(f));
    expect(total).toEqual(!fromSummary && n > REGISTER_COUNT_CAP ? { count: REGISTER_COUNT_CAP, more: true } : { count: n, more: false });
  });

  it("totals a dashboard click-through exactly on its first page", async () => {
    const f = { outcome: "resolved", judgedFrom: "2025-06-01", judgedTo: "2025-07-03" } as const;
    const exact = await countRegister(t.db, query(f));
    expect(exact).toBeGreaterThan(0);
    expect(await totalRegister(t.db, query(f), { firstPage: true })).toEqual({ count: exact, more: false });
    expect(await totalRegister(t.db, query(f))).toEqual(exact > REGISTER_COUNT_CAP ? { count: REGISTER_COUNT_CAP, more: true } : { count: exact, more: false });
  });

  it("totals a large register exactly when the summary can answer the filters", async () => {
    expect(await totalRegister(t.db, query({}))).toEqual({ count: 2300, more: false });
    const f: Filter = { q: "H53-25" };
    const n = rows.filter((r) => matches(r, f)).length;
    expect(n).toBeGreaterThan(REGISTER_COUNT_CAP);
    expect(await totalRegister(t.db, query(f))).toEqual({ count: REGISTER_COUNT_CAP, more: true });
  });

  it.each(FILTERS)("streams every filtered row oldest first (%s)", async (_name, f) => {
    const ids: number[] = [];
    for await (const r of streamRegister(t.db, query(f))) ids.push(r.id);
    expect(ids).toEqual(rows.filter((r) => matches(r, f)).map((r) => r.id));
  });

  it("never shows another unit's dossiers", async () => {
    const page = await listRegisterPage(t.db, { ...query({}), limit: 5000 });
    expect(page.rows.length).toBe(rows.length);
    expect(page.rows.every((r) => !r.code.startsWith("000.99.99.H53"))).toBe(true);
    expect(await countRegister(t.db, { unitId: otherUnitId, now: NOW })).toBe(40);
  });
});

describe("listOverdueDossiers", () => {
  it("lists only open, clock-running dossiers past due, the most overdue first", async () => {
    const listed = await listOverdueDossiers(t.db, unitId, NOW, 500);
    const expected = rows.filter(isOverdue);
    expect(expected.length).toBeGreaterThan(OVERDUE_FIRST_LIMIT);
    expect(expected.length).toBeLessThan(500); // the list stops at 500 rows
    expect(listed.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id));
    for (const r of listed) {
      expect(["received", "in_progress"]).toContain(r.state);
      expect(r.due_date < businessDateOf(NOW)).toBe(true);
    }
    const dues = listed.map((r) => r.due_at);
    expect(dues).toEqual([...dues].sort());
  });

  it("lists the most overdue first, up to the register's limit by default", async () => {
    const all = await listOverdueDossiers(t.db, unitId, NOW, 500);
    const first = await listOverdueDossiers(t.db, unitId, NOW);
    expect(first.length).toBe(OVERDUE_FIRST_LIMIT);
    expect(first.map((r) => r.due_at)).toEqual(all.slice(0, OVERDUE_FIRST_LIMIT).map((r) => r.due_at));
  });

  it("leaves out dossiers waiting for a supplement or already finished, however late", async () => {
    const longAfter = new Date("2030-01-01T00:00:00.000Z");
    const listed = await listOverdueDossiers(t.db, otherUnitId, longAfter);
    const other = await dossiersOf(t.db, otherUnitId);
    expect(other.some((r) => !["received", "in_progress"].includes(r.state))).toBe(true);
    expect(listed.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      other.filter((r) => r.state === "received" || r.state === "in_progress").map((r) => r.id),
    );
  });

  it("does not list a dossier on its due day, even after the due hour, and lists it the next day", async () => {
    const target = rows.find((r) => r.state === "in_progress");
    if (!target) throw new Error("no open dossier generated");
    const lateOnDueDay = new Date(`${target.due_date}T23:59:00+07:00`);
    expect((await listOverdueDossiers(t.db, unitId, lateOnDueDay)).map((r) => r.id)).not.toContain(target.id);
    const nextDay = new Date(new Date(`${target.due_date}T00:00:00+07:00`).getTime() + 24 * 3600 * 1000);
    expect((await listOverdueDossiers(t.db, unitId, nextDay)).map((r) => r.id)).toContain(target.id);
  });
});
