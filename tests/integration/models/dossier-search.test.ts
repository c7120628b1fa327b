import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRegisterPage, streamRegister, totalRegister, type RegisterQuery } from "~/models/dossier-register.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { generateDossiers, insertDossiers, insertOtherUnit, proceduresOf, seedReferenceData } from "./dossier-fixtures";

const NOW = new Date("2025-07-03T03:00:00.000Z");

let t: TestDb;
let unitId: number;
let otherUnitId: number;
const codes: Record<string, string> = {};

/** The people to find, among 300 others named "Công dân …" with no phone or ID. */
const PEOPLE = [
  { key: "van", applicant_name: "Nguyễn Văn An", applicant_phone: "0912345678", applicant_id_number: "014095001234" },
  { key: "thi", applicant_name: "NGUYỄN THỊ BÌNH", applicant_phone: "0987654321", applicant_id_number: "014195009876" },
  { key: "duc", applicant_name: "Đặng Đức Cường", applicant_phone: null, applicant_id_number: "014090005555" },
  { key: "tran", applicant_name: "Trần Văn Nguyên", applicant_phone: "0203111222", applicant_id_number: null },
] as const;

beforeAll(async () => {
  t = createTestDb();
  const { unit } = await seedReferenceData(t.db);
  unitId = unit.id;
  const procedures = await proceduresOf(t.db, unitId);
  const rows = generateDossiers({ unitId, unitCode: unit.code, procedures, anchors: ["2025-06-02", "2025-06-30"], count: 300, seed: 15 });
  PEOPLE.forEach((p, i) => {
    const row = rows[i * 70]!;
    Object.assign(row, { applicant_name: p.applicant_name, applicant_phone: p.applicant_phone, applicant_id_number: p.applicant_id_number });
    codes[p.key] = row.code;
  });
  await insertDossiers(t.db, rows);
  otherUnitId = await insertOtherUnit(t.db);
  const other = generateDossiers({ unitId: otherUnitId, unitCode: "000.99.99.H53", procedures, anchors: ["2025-06-16"], count: 5, seed: 3 });
  other[0]!.applicant_name = "Nguyễn Văn Khác";
  await insertDossiers(t.db, other);
}, 30_000);

afterAll(async () => {
  await t.cleanup();
});

const query = (q: string): Omit<RegisterQuery, "afterId" | "limit"> => ({ unitId, now: NOW, q });
async function found(q: string): Promise<string[]> {
  const page = await listRegisterPage(t.db, { ...query(q), limit: 500 });
  return page.rows.map((r) => r.code).sort();
}
const codesOf = (...keys: (typeof PEOPLE)[number]["key"][]) => keys.map((k) => codes[k]!).sort();

describe("the register's search finds people and dossiers", () => {
  it.each([
    ["Nguyen", ["van", "thi", "tran"]],
    // Accents are ignored both ways: "nguyễn" also finds "Nguyên".
    ["nguyễn", ["van", "thi", "tran"]],
    ["NGUYỄN VĂN", ["van"]],
    ["nguyen thi binh", ["thi"]],
    ["dang duc", ["duc"]],
    ["ĐẶNG ĐỨC", ["duc"]],
    ["Văn", ["van", "tran"]],
    ["0912345678", ["van"]],
    ["345678", ["van"]],
    ["014090005555", ["duc"]],
  ] as const)("%j", async (term, keys) => {
    expect(await found(term)).toEqual(codesOf(...keys));
  });

  it("finds a dossier by its code, whole or partial, in any case", async () => {
    const code = codes.duc!;
    expect(await found(code)).toEqual([code]);
    expect(await found(code.toLowerCase())).toEqual([code]);
    const partial = code.slice(-11); // "YYMMDD-NNNN"
    expect(await found(partial)).toContain(code);
    for (const c of await found(partial)) expect(c).toContain(partial);
  });

  it("stays within the unit, and agrees between page, count and CSV", async () => {
    expect(await found("Khác")).toEqual([]);
    expect(await totalRegister(t.db, query("Nguyen"))).toEqual({ count: 3, more: false });
    const streamed: string[] = [];
    for await (const r of streamRegister(t.db, query("nguyen"))) streamed.push(r.code);
    expect(streamed.sort()).toEqual(codesOf("van", "thi", "tran"));
  });

  it("follows changes: an erased or corrected name is no longer found", async () => {
    await t.db.updateTable("dossier").set({ applicant_name: "Lê Thị Hoa" }).where("code", "=", codes.tran!).execute();
    expect(await found("nguyen")).toEqual(codesOf("van", "thi"));
    expect(await found("le thi hoa")).toEqual([codes.tran!]);
    await t.db.updateTable("dossier").set({ applicant_name: "Trần Văn Nguyên" }).where("code", "=", codes.tran!).execute();
    expect(await found("nguyen")).toEqual(codesOf("van", "thi", "tran"));
  });

  it("answers a term too short for the index from the code alone, and a term with quotes without error", async () => {
    expect(await found("zz")).toEqual([]);
    expect(await found('"an')).toEqual([]);
  });
});
