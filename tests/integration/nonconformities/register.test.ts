import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCorrectiveAction,
  analyseNonconformities,
  applyNcStep,
  completeCorrectiveAction,
  getNonconformity,
  listMyOpenActions,
  listNonconformities,
  listUnreadNotifications,
  markNotificationRead,
  mergeNonconformity,
  notifyOverdueActions,
  raiseNonconformity,
  type NewNonconformity,
} from "~/models/nonconformities.server";
import { insertOtherUnit, seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, type TestDb } from "../../setup/test-db";

/** Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestDb;
let unitId: number;
let leadId: number;
let officerId: number;
let leaderId: number;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  leadId = seeded.qualityLeadId;
  officerId = seeded.officerId;
  leaderId = seeded.leaderId;
});

afterAll(async () => {
  await t.cleanup();
});

const as = (userId: number) => ({ kind: "user", userId }) as const;

function nc(overrides: Partial<NewNonconformity> = {}): NewNonconformity {
  return {
    source: "internal_audit",
    process: "QT-07",
    isoClause: "8.5.1",
    grade: "minor",
    title: "Sự không phù hợp thử",
    description: "Mô tả",
    foundAt: vn("2026-03-10T09:00:00"),
    foundByUserId: null,
    ...overrides,
  };
}

const raise = (unit: number, input: NewNonconformity) => raiseNonconformity(t.db, as(leadId), unit, input, input.foundAt);
const ncRow = (id: number) => t.db.selectFrom("nonconformity").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const linksOf = (id: number) =>
  t.db.selectFrom("nonconformity_link").select(["entity_type", "entity_id", "reason"]).where("nonconformity_id", "=", id).orderBy("entity_type").orderBy("entity_id").execute();
const auditOf = (id: number) =>
  t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "nonconformity").where("entity_id", "=", String(id)).orderBy("id").execute();

describe("mergeNonconformity", () => {
  let duplicate: { id: number; code: string };
  let kept: { id: number; code: string };

  beforeAll(async () => {
    kept = await raise(
      unitId,
      nc({
        links: [
          { entityType: "dossier", entityId: 101, reason: "Hồ sơ trễ hạn" },
          { entityType: "feedback", entityId: 5 },
        ],
      }),
    );
    duplicate = await raise(
      unitId,
      nc({
        foundAt: vn("2026-03-11T09:00:00"),
        links: [
          { entityType: "dossier", entityId: 102, reason: "Hồ sơ trễ hạn" },
          { entityType: "feedback", entityId: 5 },
        ],
      }),
    );
  });

  it("refuses to merge a nonconformity into itself, changing nothing", async () => {
    const before = { row: await ncRow(duplicate.id), audit: (await auditOf(duplicate.id)).length };
    expect(await mergeNonconformity(t.db, as(leadId), unitId, duplicate.id, duplicate.code, vn("2026-03-12T09:00:00"))).toEqual({
      ok: false,
      error: "nc.error.mergeSelf",
    });
    expect({ row: await ncRow(duplicate.id), audit: (await auditOf(duplicate.id)).length }).toEqual(before);
  });

  it("refuses an unknown target, changing nothing", async () => {
    const before = await ncRow(duplicate.id);
    const result = await mergeNonconformity(t.db, as(leadId), unitId, duplicate.id, "NC-2026-999", vn("2026-03-12T09:00:00"));
    expect(result.ok).toBe(false);
    expect(await ncRow(duplicate.id)).toEqual(before);
  });

  it("says the target nonconformity was not found, in the nonconformity area's words", async () => {
    const result = await mergeNonconformity(t.db, as(leadId), unitId, duplicate.id, "NC-2026-999", vn("2026-03-12T09:00:00"));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^nc\./) as unknown });
  });

  it("moves the links to the kept one (once each) and closes the duplicate with merged_into_id", async () => {
    const at = vn("2026-03-12T10:00:00");
    expect(await mergeNonconformity(t.db, as(leadId), unitId, duplicate.id, kept.code, at)).toEqual({ ok: true });
    expect(await ncRow(duplicate.id)).toMatchObject({ merged_into_id: kept.id, state: "closed", closed_at: at.toISOString(), updated_at: at.toISOString() });
    expect(await linksOf(kept.id)).toEqual([
      { entity_type: "dossier", entity_id: 101, reason: "Hồ sơ trễ hạn" },
      { entity_type: "dossier", entity_id: 102, reason: "Hồ sơ trễ hạn" },
      { entity_type: "feedback", entity_id: 5, reason: null },
    ]);
    expect(await ncRow(kept.id)).toMatchObject({ state: "open", merged_into_id: null });
    const audit = (await auditOf(duplicate.id)).at(-1);
    expect(audit).toMatchObject({ action: "merged", actor_user_id: leadId, at: at.toISOString() });
    expect(JSON.parse(audit?.after_json ?? "null")).toEqual({ into: kept.code, links: 2 });
  });

  it("leaves no open action behind on the closed duplicate", async () => {
    const unit = await insertOtherUnit(t.db, "000.99.93.H53");
    const at = vn("2026-03-12T09:00:00");
    const into = await raise(unit, nc());
    const dup = await raise(unit, nc({ foundAt: vn("2026-03-11T09:00:00") }));
    await applyNcStep(t.db, as(leadId), unit, dup.id, { action: "record_correction", correction: "x" }, at);
    await applyNcStep(t.db, as(leadId), unit, dup.id, { action: "analyse_cause", method: "five_whys", analysis: ["x"], rootCause: "x" }, at);
    expect(await addCorrectiveAction(t.db, as(leadId), unit, dup.id, { description: "Hành động của bản trùng", ownerUserId: leadId, dueDate: "2026-03-20" }, at)).toEqual({ ok: true });
    expect(await mergeNonconformity(t.db, as(leadId), unit, dup.id, into.code, at)).toEqual({ ok: true });

    expect((await listMyOpenActions(t.db, leadId)).map((a) => a.code)).not.toContain(dup.code);
    expect(await notifyOverdueActions(t.db, unit, "2026-04-01", vn("2026-04-01T07:00:00"))).toBe(0);
  });

  it("drops the duplicate from the register, and its detail points to the kept one", async () => {
    const codes = (await listNonconformities(t.db, unitId, {})).map((r) => r.code);
    expect(codes).toContain(kept.code);
    expect(codes).not.toContain(duplicate.code);
    expect((await getNonconformity(t.db, unitId, duplicate.code))?.nc.mergedIntoCode).toBe(kept.code);
  });
});

describe("code numbering", () => {
  it("keeps counting past 999 in a year", async () => {
    const other = await insertOtherUnit(t.db, "000.99.98.H53");
    await t.db
      .insertInto("nonconformity")
      .values({
        unit_id: other,
        code: "NC-2030-999",
        source: "internal_audit",
        process: "QT-07",
        iso_clause: "8.5.1",
        grade: "minor",
        state: "open",
        title: "x",
        description: "x",
        evidence: null,
        found_by_user_id: null,
        found_at: vn("2030-03-01T09:00:00").toISOString(),
        correction: null,
        cause_method: null,
        cause_analysis_json: null,
        root_cause: null,
        verification_note: null,
        verified_by_user_id: null,
        verified_at: null,
        merged_into_id: null,
        closed_at: null,
        created_at: "2030-03-01T02:00:00.000Z",
        updated_at: "2030-03-01T02:00:00.000Z",
      })
      .execute();
    expect((await raise(other, nc({ foundAt: vn("2030-03-02T09:00:00") }))).code).toBe("NC-2030-1000");
    expect((await raise(other, nc({ foundAt: vn("2030-03-03T09:00:00") }))).code).toBe("NC-2030-1001");
  });

  it("numbers by the year in Vietnam", async () => {
    const other = await insertOtherUnit(t.db, "000.99.97.H53");
    expect((await raise(other, nc({ foundAt: vn("2033-01-01T06:00:00") }))).code).toBe("NC-2033-001");
  });
});

/** The counts as a record, and listed largest first (ties in any order). */
function expectCounts(list: ReadonlyArray<{ key: string; count: number }>, expected: Record<string, number>) {
  expect(Object.fromEntries(list.map((c) => [c.key, c.count]))).toEqual(expected);
  expect(list.map((c) => c.count)).toEqual([...list.map((c) => c.count)].sort((a, b) => b - a));
}

describe("analyseNonconformities", () => {
  let other: number;

  beforeAll(async () => {
    other = await insertOtherUnit(t.db);
    const found = (local: string) => vn(`${local}T09:00:00`);
    for (const input of [
      // Before the period: makes the first March QT-07 / 8.5.1 a repeat.
      nc({ foundAt: found("2025-06-01") }),
      nc({ foundAt: found("2026-03-02") }),
      nc({ foundAt: found("2026-03-20"), source: "late_dossier", process: "1.001193", grade: "major" }),
      nc({ foundAt: found("2026-03-25"), source: "feedback", isoClause: "9.1.2", grade: "observation" }),
      nc({ foundAt: found("2026-03-31"), source: "late_dossier", process: "1.001193", grade: "minor" }),
      // After the period.
      nc({ foundAt: found("2026-04-01"), source: "management_review" }),
    ]) {
      await raise(other, input);
    }
  });

  it("counts by source, process, clause and grade within the period, largest first, and counts repeats", async () => {
    const analysis = await analyseNonconformities(t.db, other, "2026-03-01", "2026-03-31");
    expect(analysis.total).toBe(4);
    expectCounts(analysis.bySource, { late_dossier: 2, internal_audit: 1, feedback: 1 });
    expectCounts(analysis.byProcess, { "QT-07": 2, "1.001193": 2 });
    expectCounts(analysis.byClause, { "8.5.1": 3, "9.1.2": 1 });
    expectCounts(analysis.byGrade, { minor: 2, major: 1, observation: 1 });
    // QT-07/8.5.1 of 2 March (after June 2025) and 1.001193/8.5.1 of 31 March (after 20 March).
    expect(analysis.repeats).toBe(2);
  });

  it("includes both ends of the period and nothing of another unit", async () => {
    expect((await analyseNonconformities(t.db, other, "2026-03-31", "2026-04-01")).total).toBe(2);
    expect((await analyseNonconformities(t.db, other, "2026-04-02", "2026-12-31")).total).toBe(0);
    const own = await analyseNonconformities(t.db, unitId, "2026-03-01", "2026-03-31");
    expect(own.bySource.map((s) => s.key)).not.toContain("late_dossier");
  });

  it("leaves merged duplicates out", async () => {
    const unit = await insertOtherUnit(t.db, "000.99.96.H53");
    const a = await raise(unit, nc({ foundAt: vn("2026-05-04T09:00:00") }));
    const b = await raise(unit, nc({ foundAt: vn("2026-05-05T09:00:00") }));
    expect(await analyseNonconformities(t.db, unit, "2026-05-01", "2026-05-31")).toMatchObject({ total: 2, repeats: 1 });
    await mergeNonconformity(t.db, as(leadId), unit, b.id, a.code, vn("2026-05-06T09:00:00"));
    expect(await analyseNonconformities(t.db, unit, "2026-05-01", "2026-05-31")).toMatchObject({ total: 1, repeats: 0 });
  });

  it("puts a nonconformity in the period of its Vietnamese date", async () => {
    const unit = await insertOtherUnit(t.db, "000.99.95.H53");
    await raise(unit, nc({ foundAt: vn("2026-03-01T06:00:00") }));
    expect((await analyseNonconformities(t.db, unit, "2026-03-01", "2026-03-31")).total).toBe(1);
  });
});

describe("overdue actions", () => {
  let code: string;
  let overdueId: number;
  let dueTodayId: number;

  beforeAll(async () => {
    const at = vn("2026-03-12T09:00:00");
    const raised = await raise(unitId, nc({ process: "QT-09", isoClause: "10.2" }));
    code = raised.code;
    await applyNcStep(t.db, as(leadId), unitId, raised.id, { action: "record_correction", correction: "x" }, at);
    await applyNcStep(t.db, as(leadId), unitId, raised.id, { action: "analyse_cause", method: "five_whys", analysis: ["x"], rootCause: "x" }, at);
    for (const [description, owner, dueDate] of [
      ["Quá hạn, chưa làm", officerId, "2026-04-01"],
      ["Quá hạn nhưng đã làm", officerId, "2026-04-02"],
      ["Hạn hôm nay", officerId, "2026-04-10"],
      ["Chưa đến hạn", leaderId, "2026-05-01"],
    ] as const) {
      expect(await addCorrectiveAction(t.db, as(leadId), unitId, raised.id, { description, ownerUserId: owner, dueDate }, at)).toEqual({ ok: true });
    }
    await applyNcStep(t.db, as(leadId), unitId, raised.id, { action: "plan_actions" }, at);
    const actions = await t.db.selectFrom("corrective_action").select(["id", "description"]).where("nonconformity_id", "=", raised.id).orderBy("id").execute();
    overdueId = actions[0]?.id ?? 0;
    dueTodayId = actions[2]?.id ?? 0;
    await completeCorrectiveAction(t.db, { kind: "user", userId: officerId, roles: ["officer"] }, unitId, actions[1]?.id ?? 0, "Đã làm", vn("2026-04-05T09:00:00"));
  });

  it("lists a user's open actions, soonest due first", async () => {
    expect((await listMyOpenActions(t.db, officerId)).map((a) => [a.description, a.due_date, a.code])).toEqual([
      ["Quá hạn, chưa làm", "2026-04-01", code],
      ["Hạn hôm nay", "2026-04-10", code],
    ]);
    expect((await listMyOpenActions(t.db, leaderId)).map((a) => a.description)).toEqual(["Chưa đến hạn"]);
  });

  it("notifies the owner once per overdue action, not for done or not-yet-due ones", async () => {
    expect(await notifyOverdueActions(t.db, unitId, "2026-04-10", vn("2026-04-10T07:00:00"))).toBe(1);
    const notices = await listUnreadNotifications(t.db, officerId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/staff/nonconformities/${code}`, created_at: vn("2026-04-10T07:00:00").toISOString() });
    expect(notices[0]?.text).toContain(code);
    expect(notices[0]?.text).toContain("Quá hạn, chưa làm");
    const row = await t.db.selectFrom("notification").selectAll().where("entity_id", "=", String(overdueId)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ unit_id: unitId, user_id: officerId, kind: "action_overdue", entity_type: "corrective_action" });
    expect(await listUnreadNotifications(t.db, leaderId)).toEqual([]);
  });

  it("is idempotent: a second run the same day notifies nobody again", async () => {
    expect(await notifyOverdueActions(t.db, unitId, "2026-04-10", vn("2026-04-10T12:00:00"))).toBe(0);
    expect(await listUnreadNotifications(t.db, officerId)).toHaveLength(1);
  });

  it("notifies the next day for the action due today, and not again for the first", async () => {
    expect(await notifyOverdueActions(t.db, unitId, "2026-04-11", vn("2026-04-11T07:00:00"))).toBe(1);
    const notices = await listUnreadNotifications(t.db, officerId);
    expect(notices.map((n) => n.text.includes("Hạn hôm nay"))).toEqual([true, false]);
    const entityIds = (await t.db.selectFrom("notification").select("entity_id").where("kind", "=", "action_overdue").orderBy("id").execute()).map((n) => n.entity_id);
    expect(entityIds).toEqual([String(overdueId), String(dueTodayId)]);
  });

  it("notifies nobody of another unit", async () => {
    const otherUnit = await insertOtherUnit(t.db, "000.99.94.H53");
    expect(await notifyOverdueActions(t.db, otherUnit, "2027-01-01", vn("2027-01-01T07:00:00"))).toBe(0);
  });

  it("drops a notice from the unread list once read, for its own user only", async () => {
    const [latest, first] = await listUnreadNotifications(t.db, officerId);
    await markNotificationRead(t.db, leaderId, latest?.id ?? 0, vn("2026-04-11T08:00:00"));
    expect(await listUnreadNotifications(t.db, officerId)).toHaveLength(2);
    await markNotificationRead(t.db, officerId, latest?.id ?? 0, vn("2026-04-11T08:00:00"));
    expect((await listUnreadNotifications(t.db, officerId)).map((n) => n.id)).toEqual([first?.id]);
  });
});
