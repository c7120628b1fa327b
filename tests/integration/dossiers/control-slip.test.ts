import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGENCY_OFFICERS } from "#db/seed/demo-history";
import { toBuffer } from "#reports/toolkit";
import { buildDossierSlip } from "~/models/dossier-slips.server";
import { applyDossierAction, getDossierDetail, getDueContext } from "~/models/dossiers.server";
import { pdfPages } from "../../setup/pdf-text";
import { seededDemo } from "../../setup/seeded-demo";

/*
 * Issue 17: the process control slip (Mẫu 05 / Mẫu 06) prints a hand-over time and a receipt time per
 * row, the real receiver of a transfer, and the desk as named by the rule set of the dossier's date.
 */

const NOW = new Date("2026-12-01T03:00:00Z");
const demo = seededDemo(NOW);

async function slipText(code: string) {
  const detail = await getDossierDetail(demo.db, demo.unitId, code);
  const report = await buildDossierSlip(demo.db, detail!, "control-slip", "http://localhost/lookup", NOW);
  const bytes = await toBuffer(report!);
  if (process.env.KEEP_PDF) writeFileSync(`${process.env.KEEP_PDF}-${code.slice(-11)}.pdf`, bytes);
  return pdfPages(bytes, "raw").join("\n").replace(/\s+/g, " ");
}

async function transferredOn(side: "before" | "after") {
  return demo.db
    .selectFrom("dossier")
    .innerJoin("dossier_event as e", "e.dossier_id", "dossier.id")
    .select(["dossier.code", "e.agency"])
    .where("dossier.unit_id", "=", demo.unitId)
    .where("e.kind", "=", "transfer")
    .where("e.is_electronic", "=", 1)
    .where("dossier.received_date", side === "after" ? ">=" : "<", "2025-07-01")
    .orderBy("dossier.id", "desc")
    .executeTakeFirstOrThrow();
}

describe("process control slip", () => {
  it("names the 2025 desk on a dossier received after 1 July 2025, with both times and the agency's officer as receiver and sender", async () => {
    const d = await transferredOn("after");
    const text = await slipText(d.code);
    expect(text).toContain("Mẫu số 06");
    expect(text).toContain("Trung tâm Phục vụ hành chính công");
    expect(text).not.toContain("Bộ phận Tiếp nhận và Trả kết quả");
    expect(text).not.toContain("—");
    expect(text).toMatch(/Giao: \d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4} Nhận: \d{2} giờ \d{2} phút, ngày/);
    // The demo records who took the dossier in at the agency and sent the result back.
    const officer = AGENCY_OFFICERS[d.agency ?? ""];
    expect(officer).toBeTruthy();
    expect(text).toContain(`${d.agency} Giao: `);
    expect(text).toContain(`Giao: Cầm Văn Thắng Nhận: ${officer} `);
    expect(text).toContain(`Giao: ${officer} Nhận: Cầm Văn Thắng`);
  }, 30_000);

  it("keeps the pre-2025 desk on a dossier received before 1 July 2025", async () => {
    const d = await transferredOn("before");
    const text = await slipText(d.code);
    expect(text).toContain("Mẫu số 05");
    expect(text).toContain("Bộ phận Tiếp nhận và Trả kết quả");
    expect(text).not.toContain("Trung tâm Phục vụ hành chính công");
  }, 30_000);

  it("prints the person who took a paper transfer in, and leaves that agency's receipt time to be written", async () => {
    const open = await demo.db
      .selectFrom("dossier")
      .select(["id", "code", "handler_user_id"])
      .where("unit_id", "=", demo.unitId)
      .where("state", "=", "in_progress")
      .where("open_transfer_count", "=", 0)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const context = await getDueContext(demo.db, demo.unitId);
    const result = await applyDossierAction(
      demo.db,
      { kind: "user", userId: open.handler_user_id ?? 1 },
      context,
      open.id,
      { type: "transfer", agency: "Sở Tư pháp tỉnh Sơn La", electronic: false, counterpartName: "Tòng Thị Xuân" },
      NOW,
    );
    expect(result.ok).toBe(true);
    const text = await slipText(open.code);
    expect(text).toContain("Nhận: Tòng Thị Xuân");
    expect(text).toMatch(/Sở Tư pháp tỉnh Sơn La Giao: 10 giờ 00 phút, ngày 01\/12\/2026 Nhận: …………/);
  }, 30_000);
});
