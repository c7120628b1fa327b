import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROCEDURE_CATALOGUE } from "#db/seed/procedures-catalogue";
import type { ProcedureDefinition } from "~/domain/procedures/procedure";
import type { Actor } from "~/models/audit-log.server";
import {
  createProcedure,
  getProcedureByCode,
  getProcedureById,
  isProcedureCodeTaken,
  listProcedures,
  updateProcedure,
} from "~/models/procedures.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { insertOtherUnit, seedReferenceData } from "./dossier-fixtures";

const NOW = new Date("2026-03-02T02:00:00.000Z");

let t: TestDb;
let unitId: number;
let leadId: number;
let lead: Actor;

const DEFINITION: ProcedureDefinition = {
  code: "9.000001",
  name: "Thủ tục thử nghiệm xác nhận hộ nghèo",
  field: "social_affairs",
  processingDays: 4,
  processingNote: null,
  feeVnd: 10_000,
  feeNote: null,
  onlineService: "partial",
  requiredDocuments: ["Đơn đề nghị"],
  result: "Giấy xác nhận",
  legalBasis: ["Nghị định số 07/2021/NĐ-CP"],
};

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  leadId = seeded.qualityLeadId;
  lead = { kind: "user", userId: leadId };
  // Names with LIKE's wildcard characters, one of them inactive.
  await createProcedure(t.db, lead, unitId, { ...DEFINITION, code: "9.000101", name: "Giảm 50% lệ phí cấp bản sao_điện tử", field: "other", isActive: true }, NOW);
  await createProcedure(t.db, lead, unitId, { ...DEFINITION, code: "9.000102", name: "Thủ tục ngừng áp dụng khai sinh cũ", field: "civil_status", isActive: false }, NOW);
  // Another unit's procedure never appears.
  const other = await insertOtherUnit(t.db);
  await createProcedure(t.db, lead, other, { ...DEFINITION, code: "1.001193", name: "Thủ tục đăng ký khai sinh", field: "civil_status", isActive: true }, NOW);
});

afterAll(async () => {
  await t.cleanup();
});

const codes = async (q: string | undefined, extra: { field?: ProcedureDefinition["field"]; includeInactive?: boolean } = {}) =>
  (await listProcedures(t.db, { unitId, q, ...extra })).map((p) => p.code).sort();

// Every catalogue procedure whose name has "khai sinh" (birth registration and its variants).
const KHAI_SINH = ["1.000689", "1.001193", "1.003583", "1.004884", "2.000635", "3.000722"];
// … and those whose name also has "đăng ký" (the copy of a birth certificate does not).
const DANG_KY_KHAI_SINH = ["1.000689", "1.001193", "1.003583", "1.004884", "3.000722"];

describe("listProcedures search", () => {
  it.each([
    ["khai sinh", KHAI_SINH],
    ["KHAI SINH", KHAI_SINH],
    ["Khai Sinh", KHAI_SINH],
    ["  khai   sinh ", KHAI_SINH],
    ["dang ky khai sinh", DANG_KY_KHAI_SINH],
    ["đăng ký khai sinh", DANG_KY_KHAI_SINH],
    ["ĐĂNG KÝ KHAI SINH", DANG_KY_KHAI_SINH],
    ["sinh khai dang ky", DANG_KY_KHAI_SINH],
    ["1.001193", ["1.001193"]],
  ])("%j finds the same procedures whatever the accents and case", async (q, expected) => {
    expect(await codes(q)).toEqual(expected);
  });

  it("finds \"Thủ tục đăng ký khai sinh\" by its name without accents", async () => {
    const found = await listProcedures(t.db, { unitId, q: "thu tuc dang ky khai sinh" });
    expect(found.map((p) => p.name)).toContain("Thủ tục đăng ký khai sinh");
    expect(found.every((p) => p.unitId === unitId)).toBe(true);
  });

  it("a decomposed (NFD) query matches too", async () => {
    expect(await codes("đăng ký khai sinh".normalize("NFD"))).toEqual(DANG_KY_KHAI_SINH);
  });

  it("filters by field, alone and with a query", async () => {
    const justice = PROCEDURE_CATALOGUE.filter((p) => p.field === "justice").map((p) => p.code).sort();
    expect(justice.length).toBeGreaterThan(3);
    expect(await codes(undefined, { field: "justice" })).toEqual(justice);
    expect(await codes("ban sao", { field: "justice" })).toEqual(["2.000815", "2.000908", "2.000942"]);
    expect(await codes("khai sinh", { field: "justice" })).toEqual([]);
  });

  it("leaves out inactive procedures unless asked", async () => {
    expect(await codes("khai sinh")).not.toContain("9.000102");
    expect(await codes("khai sinh", { includeInactive: true })).toEqual([...KHAI_SINH, "9.000102"].sort());
    expect(await codes(undefined)).toHaveLength(PROCEDURE_CATALOGUE.length + 1);
    expect(await codes(undefined, { includeInactive: true })).toHaveLength(PROCEDURE_CATALOGUE.length + 2);
  });

  it("lists by field, then name", async () => {
    const all = await listProcedures(t.db, { unitId });
    const keys = all.map((p) => [p.field, p.name] as const);
    const sorted = [...keys].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it.each([
    ["50%", ["9.000101"]],
    ["%", ["9.000101"]],
    ["_", ["9.000101"]],
    ["sao_dien", ["9.000101"]],
    ["5%p", []], // as a wildcard it would match "50% phi"
    ["kh_i", []], // as a wildcard it would match "khai"
    ["sao_", ["9.000101"]],
    ["ban_sao", []], // as a wildcard it would match "ban sao"
    ["\\", []],
    ["a\\%", []],
  ])("treats LIKE wildcards in %j literally", async (q, expected) => {
    expect(await codes(q)).toEqual(expected);
  });
});

describe("createProcedure and updateProcedure", () => {
  const auditOf = (id: number) =>
    t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", "procedure")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();

  let id: number;

  it("creates a procedure, searchable without accents, with an audit row", async () => {
    id = await createProcedure(t.db, lead, unitId, { ...DEFINITION, isActive: true }, NOW);
    const saved = await getProcedureByCode(t.db, unitId, DEFINITION.code);
    expect(saved).toEqual({ ...DEFINITION, id, unitId, isActive: true, updatedAt: NOW.toISOString() });
    expect(await codes("xac nhan ho ngheo")).toEqual([DEFINITION.code]);
    expect(await isProcedureCodeTaken(t.db, unitId, DEFINITION.code)).toBe(true);
    expect(await isProcedureCodeTaken(t.db, unitId, DEFINITION.code, id)).toBe(false);

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "created", unit_id: unitId, actor_user_id: leadId, at: NOW.toISOString(), before_json: null });
    expect(JSON.parse(audit[0]?.after_json ?? "null")).toEqual({ ...DEFINITION, isActive: true });
  });

  it("updates it, recording before and after", async () => {
    const later = new Date("2026-03-03T02:00:00.000Z");
    const changed = { ...DEFINITION, name: "Thủ tục thử nghiệm xác nhận gia đình chính sách", processingDays: 2, feeVnd: null, isActive: false };
    await updateProcedure(t.db, lead, id, changed, later);

    expect(await getProcedureById(t.db, id)).toMatchObject({ name: changed.name, processingDays: 2, feeVnd: null, isActive: false, updatedAt: later.toISOString() });
    expect(await codes("gia dinh chinh sach")).toEqual([]);
    expect(await codes("gia dinh chinh sach", { includeInactive: true })).toEqual([DEFINITION.code]);
    expect(await codes("ho ngheo", { includeInactive: true })).toEqual([]);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["created", "updated"]);
    expect(audit[1]).toMatchObject({ actor_user_id: leadId, at: later.toISOString() });
    expect(JSON.parse(audit[1]?.before_json ?? "null")).toEqual({ ...DEFINITION, isActive: true });
    expect(JSON.parse(audit[1]?.after_json ?? "null")).toEqual(changed);
  });

  it("refuses to update a procedure that does not exist, writing nothing", async () => {
    const before = (await t.db.selectFrom("audit_log").select("id").execute()).length;
    await expect(updateProcedure(t.db, lead, 999_999, { ...DEFINITION, isActive: true }, NOW)).rejects.toThrow("not found");
    expect((await t.db.selectFrom("audit_log").select("id").execute()).length).toBe(before);
  });
});
