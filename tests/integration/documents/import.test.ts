import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/models/audit-log.server";
import { importDocumentsFromFolder } from "~/models/document-import.server";
import { applyRevisionAction, getDocument } from "~/models/documents.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";

let t: TestDb;
let unitId: number;
let folder: string;

const file = (code: string, body: string, over: Record<string, string> = {}) => {
  const fm: Record<string, string> = {
    code,
    title: `Tài liệu ${code}`,
    type: "procedure",
    revision: "1",
    effective_date: "2026-01-05",
    owner_role: "quality_lead",
    approver_role: "leader",
    review_interval_months: "12",
    iso_clauses: '["7.5"]',
    related: "[]",
    ...over,
  };
  return `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n\n${body}\n`;
};

async function counts() {
  const [docs, revisions, audit] = await Promise.all([
    t.db.selectFrom("document").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    t.db.selectFrom("document_revision").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("entity_type", "in", ["document", "document_revision"]).executeTakeFirstOrThrow(),
  ]);
  return { docs: Number(docs.n), revisions: Number(revisions.n), audit: Number(audit.n) };
}

beforeAll(async () => {
  t = createTestDb();
  unitId = (await seedReferenceData(t.db)).unit.id;
  folder = mkdtempSync(join(tmpdir(), "motcua-docs-"));
});
afterAll(async () => {
  await t.db.destroy();
  t.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe("importing procedures-docs", () => {
  it("imports valid files as effective baselines and reports an invalid one by file and field, importing nothing from it", async () => {
    writeFileSync(join(folder, "qt-90-a.md"), file("QT-90", "# A\n\nNội dung A."));
    writeFileSync(join(folder, "qt-91-b.md"), file("QT-91", "# B", { type: "memo", effective_date: "05/01/2026" }));
    writeFileSync(join(folder, "README.md"), "# Not a controlled document");
    const before = await counts();
    const report = await importDocumentsFromFolder(t.db, SYSTEM_ACTOR, unitId, folder);
    expect(report.imported).toEqual([{ file: "qt-90-a.md", code: "QT-90", outcome: "created" }]);
    expect(report.invalid).toHaveLength(1);
    expect(report.invalid[0]!.file).toBe("qt-91-b.md");
    expect(report.invalid[0]!.issues.map((i) => i.field).sort()).toEqual(["effective_date", "type"]);
    const after = await counts();
    expect(after).toEqual({ docs: before.docs + 1, revisions: before.revisions + 1, audit: before.audit + 2 });
    const doc = await getDocument(t.db, unitId, "QT-90");
    expect(doc?.revisions.map((r) => [r.revision, r.state])).toEqual([[1, "effective"]]);
    expect(doc?.document.next_review_date).toBe("2027-01-05");
    expect(await getDocument(t.db, unitId, "QT-91")).toBeNull();
  });

  it("imports an unchanged file as nothing, and a changed one as a new draft that needs approval", async () => {
    rmSync(join(folder, "qt-91-b.md"));
    const before = await counts();
    const again = await importDocumentsFromFolder(t.db, SYSTEM_ACTOR, unitId, folder);
    expect(again.imported).toEqual([{ file: "qt-90-a.md", code: "QT-90", outcome: "unchanged" }]);
    expect(await counts()).toEqual(before);

    const path = join(folder, "qt-90-a.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("Nội dung A.", "Nội dung A, sửa đổi lần 2."));
    const changed = await importDocumentsFromFolder(t.db, SYSTEM_ACTOR, unitId, folder);
    expect(changed.imported[0]!.outcome).toBe("new_revision");
    let doc = await getDocument(t.db, unitId, "QT-90");
    expect(doc?.revisions.map((r) => [r.revision, r.state])).toEqual([
      [2, "draft"],
      [1, "effective"],
    ]);
    // While that draft is pending, another change is not imported over it.
    writeFileSync(path, readFileSync(path, "utf8").replace("lần 2", "lần 3"));
    expect((await importDocumentsFromFolder(t.db, SYSTEM_ACTOR, unitId, folder)).imported[0]!.outcome).toBe("pending_exists");

    // Through the workflow: submitted, approved by a leader, the old revision becomes obsolete.
    const draft = doc!.revisions.find((r) => r.state === "draft")!;
    const leader = await t.db
      .selectFrom("user")
      .innerJoin("user_role", "user_role.user_id", "user.id")
      .select(["user.id", "user.display_name"])
      .where("user_role.role", "=", "leader")
      .executeTakeFirstOrThrow();
    const lead = await t.db
      .selectFrom("user")
      .innerJoin("user_role", "user_role.user_id", "user.id")
      .select(["user.id", "user.display_name"])
      .where("user_role.role", "=", "quality_lead")
      .executeTakeFirstOrThrow();
    const today = "2026-11-25";
    expect(await applyRevisionAction(t.db, { kind: "user", userId: lead.id, name: lead.display_name, roles: ["quality_lead"] }, unitId, draft.id, "submit", {}, today)).toEqual({ ok: true });
    expect(await applyRevisionAction(t.db, { kind: "user", userId: lead.id, name: lead.display_name, roles: ["quality_lead"] }, unitId, draft.id, "approve", {}, today)).toEqual({
      ok: false,
      error: "document.error.approveNeedsLeader",
    });
    expect(await applyRevisionAction(t.db, { kind: "user", userId: leader.id, name: leader.display_name, roles: ["leader"] }, unitId, draft.id, "approve", { effectiveDate: today }, today)).toEqual({ ok: true });
    doc = await getDocument(t.db, unitId, "QT-90");
    expect(doc?.revisions.map((r) => [r.revision, r.state])).toEqual([
      [2, "effective"],
      [1, "obsolete"],
    ]);
    expect(doc?.revisions[0]?.approved_by_name).toBe(leader.display_name);
  });

  it("refuses two files with the same code", async () => {
    writeFileSync(join(folder, "qt-92-x.md"), file("QT-92", "# X"));
    writeFileSync(join(folder, "qt-92-y.md"), file("QT-92", "# Y"));
    const report = await importDocumentsFromFolder(t.db, SYSTEM_ACTOR, unitId, folder);
    expect(report.invalid.find((i) => i.file === "qt-92-y.md")?.issues[0]?.field).toBe("code");
  });

  it("imports every file of procedures-docs/ without an error", async () => {
    const fresh = createTestDb();
    const freshUnit = (await seedReferenceData(fresh.db)).unit.id;
    const report = await importDocumentsFromFolder(fresh.db, SYSTEM_ACTOR, freshUnit, "procedures-docs");
    expect(report.invalid).toEqual([]);
    expect(report.imported.length).toBeGreaterThanOrEqual(15);
    await fresh.db.destroy();
    fresh.cleanup();
  });
});
