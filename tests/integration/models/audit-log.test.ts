import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedDemo } from "#db/seed/demo";
import {
  listAuditLog,
  listAuditLogFacets,
  recordAudit,
  SYSTEM_ACTOR,
  type AuditLogFilter,
} from "~/models/audit-log.server";
import { businessDayEnd, businessDayStart } from "~/utils/clock";
import { createTestDb, type TestDb } from "../../setup/test-db";

let t: TestDb;
let unitId: number;
let otherUnitId: number;
let hoaId: number;
let thangId: number;

// A small history in one unit, oldest first; `entityId` doubles as a label.
const HISTORY = [
  { at: "2026-02-28T16:59:59.000Z", entityType: "document", action: "created", actor: "hoa" },
  { at: "2026-02-28T17:00:00.000Z", entityType: "document", action: "updated", actor: "hoa" },
  { at: "2026-03-01T03:00:00.000Z", entityType: "dossier", action: "created", actor: "thang" },
  { at: "2026-03-01T09:00:00.000Z", entityType: "dossier", action: "returned", actor: "thang" },
  { at: "2026-03-01T16:59:59.999Z", entityType: "document", action: "updated", actor: "system" },
  { at: "2026-03-01T17:00:00.000Z", entityType: "dossier", action: "updated", actor: "hoa" },
  { at: "2026-03-02T01:00:00.000Z", entityType: "feedback", action: "received", actor: "citizen" },
] as const;

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, new Date("2026-01-01T00:00:00.000Z"), { requirePasswordChange: false });
  const idOf = async (username: string) =>
    (await t.db.selectFrom("user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
  hoaId = await idOf("chatluong");
  thangId = await idOf("motcua");
  // Only the history above counts here, not the seed's own rows (audit rows cannot be removed):
  // it is written in a unit of its own.
  ({ id: unitId } = await t.db
    .insertInto("unit")
    .values({
      code: "HISTORY.UNIT",
      name: "UBND xã Lịch Sử",
      kind: "commune",
      parent_id: null,
      district_name: null,
      province_name: "tỉnh Sơn La",
      address: null,
      phone: null,
      email: null,
      is_remote_area: 0,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow());

  const actors = {
    hoa: { kind: "user", userId: hoaId },
    thang: { kind: "user", userId: thangId },
    system: SYSTEM_ACTOR,
    citizen: { kind: "citizen" },
  } as const;
  for (const [index, entry] of HISTORY.entries()) {
    await recordAudit(t.db, {
      actor: actors[entry.actor],
      unitId,
      entityType: entry.entityType,
      entityId: `e${index}`,
      action: entry.action,
      before: index % 2 === 0 ? undefined : { step: index - 1 },
      after: { step: index, note: "ghi chú" },
      at: new Date(entry.at),
    });
  }

  const stamp = new Date().toISOString();
  ({ id: otherUnitId } = await t.db
    .insertInto("unit")
    .values({
      code: "OTHER.UNIT",
      name: "UBND xã Khác",
      kind: "commune",
      parent_id: null,
      district_name: null,
      province_name: "tỉnh Sơn La",
      address: null,
      phone: null,
      email: null,
      is_remote_area: 0,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow());
  await recordAudit(t.db, {
    actor: SYSTEM_ACTOR,
    unitId: otherUnitId,
    entityType: "complaint",
    entityId: "other",
    action: "escalated",
    at: new Date("2026-03-01T03:00:00.000Z"),
  });
});

afterAll(async () => {
  await t.cleanup();
});

const list = (filter: Partial<AuditLogFilter> = {}) =>
  listAuditLog(t.db, { unitId, page: 1, pageSize: 50, ...filter });
const idsOf = (result: Awaited<ReturnType<typeof list>>) => result.items.map((i) => i.entityId);

describe("listAuditLog", () => {
  test("lists the unit's rows newest first, with totals", async () => {
    const result = await list();
    expect(result.total).toBe(7);
    expect(idsOf(result)).toEqual(["e6", "e5", "e4", "e3", "e2", "e1", "e0"]);
  });

  test("shapes each row: actor name, parsed JSON, null for what was not recorded", async () => {
    const { items } = await list();
    const byId = new Map(items.map((i) => [i.entityId, i]));
    expect(byId.get("e1")).toMatchObject({
      at: "2026-02-28T17:00:00.000Z",
      actorKind: "user",
      actorUserId: hoaId,
      actorName: "Lò Thị Hoa",
      entityType: "document",
      action: "updated",
      before: { step: 0 },
      after: { step: 1, note: "ghi chú" },
    });
    expect(byId.get("e4")).toMatchObject({ actorKind: "system", actorUserId: null, actorName: null });
    expect(byId.get("e6")).toMatchObject({ actorKind: "citizen", actorName: null, before: null });
  });

  test("rows at the same instant are ordered by id, newest first", async () => {
    await recordAudit(t.db, {
      actor: SYSTEM_ACTOR,
      unitId: otherUnitId,
      entityType: "complaint",
      entityId: "other-2",
      action: "escalated",
      at: new Date("2026-03-01T03:00:00.000Z"),
    });
    const result = await listAuditLog(t.db, { unitId: otherUnitId, page: 1, pageSize: 50 });
    expect(idsOf(result)).toEqual(["other-2", "other"]);
  });

  test("never shows another unit's rows", async () => {
    const { items } = await list();
    expect(items.map((i) => i.entityType)).not.toContain("complaint");
  });

  test.each([
    { name: "entity type", filter: { entityType: "dossier" }, ids: ["e5", "e3", "e2"] },
    { name: "action", filter: { action: "updated" }, ids: ["e5", "e4", "e1"] },
    { name: "entity type and action", filter: { entityType: "document", action: "updated" }, ids: ["e4", "e1"] },
    { name: "an action nobody did", filter: { action: "deleted" }, ids: [] },
  ])("filters by $name", async ({ filter, ids }) => {
    const result = await list(filter);
    expect(idsOf(result)).toEqual(ids);
    expect(result.total).toBe(ids.length);
  });

  test("filters by actor", async () => {
    expect(idsOf(await list({ actorUserId: hoaId }))).toEqual(["e5", "e1", "e0"]);
    expect(idsOf(await list({ actorUserId: thangId }))).toEqual(["e3", "e2"]);
  });

  test("from is inclusive and to is exclusive", async () => {
    const result = await list({ fromInstant: "2026-03-01T03:00:00.000Z", toInstant: "2026-03-01T17:00:00.000Z" });
    expect(idsOf(result)).toEqual(["e4", "e3", "e2"]);
    expect(result.total).toBe(3);
  });

  test.each([
    // The page's dates are business days in Vietnam: 1 March runs 28 Feb 17:00Z to 1 March 17:00Z.
    { name: "one business day", from: "2026-03-01", to: "2026-03-01", ids: ["e4", "e3", "e2", "e1"] },
    { name: "from a day on", from: "2026-03-02", to: undefined, ids: ["e6", "e5"] },
    { name: "up to a day", from: undefined, to: "2026-02-28", ids: ["e0"] },
  ])("a range of business dates: $name", async ({ from, to, ids }) => {
    const result = await list({
      fromInstant: from ? businessDayStart(from).toISOString() : undefined,
      toInstant: to ? businessDayEnd(to).toISOString() : undefined,
    });
    expect(idsOf(result)).toEqual(ids);
  });

  test("pages keep the total of the whole match", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list({ page, pageSize: 3 })));
    expect(pages.map(idsOf)).toEqual([["e6", "e5", "e4"], ["e3", "e2", "e1"], ["e0"], []]);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
  });

  test("pagination applies after the filter", async () => {
    const result = await list({ entityType: "dossier", page: 2, pageSize: 2 });
    expect(idsOf(result)).toEqual(["e2"]);
    expect(result.total).toBe(3);
  });
});

describe("listAuditLogFacets", () => {
  test("lists the distinct entity types and actions of the unit, sorted", async () => {
    expect(await listAuditLogFacets(t.db, unitId)).toEqual({
      entityTypes: ["document", "dossier", "feedback"],
      actions: ["created", "received", "returned", "updated"],
    });
  });

  test("another unit has its own", async () => {
    expect(await listAuditLogFacets(t.db, otherUnitId)).toEqual({ entityTypes: ["complaint"], actions: ["escalated"] });
  });
});
