import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { getFeedbackDetail } from "~/models/feedback.server";
import { createTestDb, type TestDb } from "../../setup/test-db";

/* Issue 17: the demo's complaints exercise the filing clocks: in time, filed late (flagged), second instance. */

const NOW = new Date("2026-12-01T03:00:00Z");
let t: TestDb;
let unitId = 0;

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
}, 180_000);

afterAll(async () => {
  await t.cleanup();
});

describe("demo complaints", () => {
  it("carry the day the complainant learnt of the decision, one of four is second-instance, and some were filed late", async () => {
    const rows = await t.db.selectFrom("feedback_item").select(["code", "complaint_instance", "knew_on"]).where("unit_id", "=", unitId).where("kind", "=", "complaint").execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.knew_on !== null)).toBe(true);
    expect(rows.some((r) => r.complaint_instance === "second")).toBe(true);
    const filing = await Promise.all(
      rows.map(async (r) => ({ instance: r.complaint_instance, clock: (await getFeedbackDetail(t.db, unitId, r.code))?.clocks.find((c) => c.key === "complaintFiling") })),
    );
    expect(filing.every((f) => f.clock !== undefined)).toBe(true);
    expect(filing.some((f) => f.clock?.late === true)).toBe(true);
    expect(filing.some((f) => f.clock?.late === false && f.instance === "first")).toBe(true);
    expect(filing.some((f) => f.clock?.late === false && f.instance === "second")).toBe(true);
  }, 60_000);
});
