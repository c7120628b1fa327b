import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_UNIT } from "#db/seed/demo";
import { getAudit, getApprovedReport, listAudits, redrawSample } from "~/models/audits.server";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";

let t: TestDb;
let unitId: number;

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, new Date("2026-11-25T03:00:00Z"), { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
}, 120_000);

afterAll(async () => {
  await t.cleanup();
});

describe("the demo's internal audits", () => {
  it.each([2025, 2026])("%i has an approved audit whose report and sample can be checked", async (year) => {
    const programme = await listAudits(t.db, unitId, year);
    expect(programme.audits).toHaveLength(1);
    const [audit] = programme.audits;
    expect(audit).toMatchObject({ code: `DGNB-${year}-01`, state: "approved", criteriaMet: "largely" });
    const detail = await getAudit(t.db, unitId, `DGNB-${year}-01`);
    if (!detail) throw new Error("audit missing");
    expect(detail.sample).toHaveLength(20);
    const again = await redrawSample(t.db, unitId, detail);
    expect(again?.flatMap((d) => d.drawn.map((x) => x.code))).toEqual(detail.sample.map((s) => s.code));
    expect(detail.nonconformities).toEqual([expect.objectContaining({ state: "closed" })]);
    const report = await getApprovedReport(t.db, unitId, detail);
    const text = pdfPages(report!.pdf).join("\n");
    expect(text).toContain(`Số: DGNB-${year}-01`);
    expect(text).toContain("Đáp ứng phần lớn");
  });
});
