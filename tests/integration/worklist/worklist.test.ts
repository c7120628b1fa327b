import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/accounts/roles";
import { countWorklistByNav, getWorklist, worklistDay, type WorklistKey } from "~/models/worklist.server";
import { seededDemo } from "../../setup/seeded-demo";

// Wednesday 2 December 2026, 09:00 in Vietnam.
const NOW = new Date("2026-12-02T02:00:00.000Z");

const demo = seededDemo(NOW);

async function worklistOf(username: string) {
  const u = await demo.db.selectFrom("user").select(["id", "unit_id"]).where("unit_id", "=", demo.unitId).where("username", "=", username).executeTakeFirstOrThrow();
  const roles = (await demo.db.selectFrom("user_role").select("role").where("user_id", "=", u.id).execute()).map((r) => r.role as Role);
  const user = { id: u.id, unitId: u.unit_id, roles };
  const sections = await getWorklist(demo.db, user, worklistDay(NOW));
  const byKey = new Map(sections.map((s) => [s.key, s]));
  return { sections, byKey, badges: await countWorklistByNav(demo.db, user, worklistDay(NOW)) };
}

const keys = (sections: { key: WorklistKey; count: number }[]) => sections.map((s) => s.key);

describe("Việc của tôi from the demo data", () => {
  it("the leader sees the revision waiting for approval, and only the leader's kinds of work", async () => {
    const { sections, byKey, badges } = await worklistOf("lanhdao");
    expect(keys(sections)).toEqual(["revisionsToApprove", "auditReportsToApprove", "reviewRecordsToSign", "apologiesToSign", "myActions"]);
    const revisions = byKey.get("revisionsToApprove");
    expect(revisions?.count).toBeGreaterThanOrEqual(1);
    expect(revisions?.entries[0]).toMatchObject({ ref: expect.stringContaining("QT-06"), link: "/staff/documents/QT-06" });
    expect(badges["/staff/documents"]).toBeGreaterThanOrEqual(1);
    expect(keys(sections)).not.toContain("documentReviewsDue");
  });

  it("the officer sees dossiers due today or overdue, each linking to its dossier page", async () => {
    const { byKey, sections } = await worklistOf("motcua");
    expect(keys(sections)).toEqual(expect.arrayContaining(["dossiersAssigned", "dossiersDueToday", "dossiersDueSoon", "dossiersOverdue", "dossiersSupplement"]));
    expect(keys(sections)).not.toContain("revisionsToApprove");
    const dueToday = byKey.get("dossiersDueToday")?.count ?? 0;
    const overdue = byKey.get("dossiersOverdue")?.count ?? 0;
    expect(dueToday + overdue).toBeGreaterThan(0);
    const entry = (byKey.get("dossiersOverdue")?.entries[0] ?? byKey.get("dossiersDueToday")?.entries[0])!;
    expect(entry.link).toBe(`/staff/dossiers/${entry.ref}`);
    for (const e of byKey.get("dossiersDueToday")?.entries ?? []) expect(e.due).toBe("2026-12-02");
    for (const e of byKey.get("dossiersOverdue")?.entries ?? []) expect(e.due! < "2026-12-02").toBe(true);
  });

  // The demo has no nonconformity waiting for analysis or verification yet (no seed walks one there):
  // this checks the sections and their links, not a count from the demo.
  it("the quality lead has sections for nonconformities to analyse or verify and documents due for review", async () => {
    const { byKey, sections } = await worklistOf("chatluong");
    expect(keys(sections)).toEqual(expect.arrayContaining(["feedbackNearDeadline", "documentReviewsDue", "ncsToAnalyse", "ncsToVerify", "myActions"]));
    for (const e of [...(byKey.get("ncsToAnalyse")?.entries ?? []), ...(byKey.get("ncsToVerify")?.entries ?? [])]) {
      expect(e.link).toBe(`/staff/nonconformities/${e.ref}`);
    }
  });
});
