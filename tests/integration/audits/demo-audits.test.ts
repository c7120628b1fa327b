import { describe, expect, it } from "vitest";
import { getAudit, getApprovedReport, listAudits, redrawSample } from "~/models/audits.server";
import { pdfPages } from "../../setup/pdf-text";
import { seededDemo } from "../../setup/seeded-demo";

const demo = seededDemo(new Date("2026-11-25T03:00:00Z"));

describe("the demo's internal audits", () => {
  it.each([2025, 2026])("%i has an approved audit whose report and sample can be checked", async (year) => {
    const programme = await listAudits(demo.db, demo.unitId, year);
    expect(programme.audits).toHaveLength(1);
    const [audit] = programme.audits;
    expect(audit).toMatchObject({ code: `DGNB-${year}-01`, state: "approved", criteriaMet: "largely" });
    const detail = await getAudit(demo.db, demo.unitId, `DGNB-${year}-01`);
    if (!detail) throw new Error("audit missing");
    expect(detail.sample).toHaveLength(20);
    const again = await redrawSample(demo.db, demo.unitId, detail);
    expect(again?.flatMap((d) => d.drawn.map((x) => x.code))).toEqual(detail.sample.map((s) => s.code));
    expect(detail.nonconformities).toEqual([expect.objectContaining({ state: "closed" })]);
    const report = await getApprovedReport(demo.db, demo.unitId, detail);
    const text = pdfPages(report!.pdf).join("\n");
    expect(text).toContain(`Số: DGNB-${year}-01`);
    expect(text).toContain("Đáp ứng phần lớn");
  });
});
