import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import type { Actor } from "~/models/audit-log.server";
import { getDueContext, receiveDossier, type DueContext } from "~/models/dossiers.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { addRuleSetVersion, listRuleSetVersions, ruleSetVersionOn, type NewRuleSetVersion } from "~/models/rule-sets.server";
import type * as RuleSetsRoute from "~/routes/staff.rule-sets";
import type * as AuthModule from "~/utils/auth.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "./dossier-fixtures";

const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestDb;
let lead: Actor;
let officer: Actor;
let context: DueContext;
let procedure: Procedure;
let route: typeof RuleSetsRoute;
let cookie = "";

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  lead = { kind: "user", userId: seeded.qualityLeadId };
  officer = { kind: "user", userId: seeded.officerId };
  context = await getDueContext(t.db, seeded.unit.id);
  procedure = (await getProcedureByCode(t.db, seeded.unit.id, "1.001022"))!;
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  const auth: typeof AuthModule = await import("~/utils/auth.server");
  route = await import("~/routes/staff.rule-sets");
  const login = await auth.logIn(new Request("http://localhost/login"), { username: "chatluong", password: DEMO_PASSWORD }, "198.51.100.7");
  if (!login.ok) throw new Error("login failed");
  cookie = login.setCookie.split(";")[0] ?? "";
}, 60_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const NEW_2027: NewRuleSetVersion = {
  code: "test-2027",
  layout: "nd118-2025",
  decree: "Nghị định số 999/2026/NĐ-CP",
  circular: "Thông tư số 09/2026/TT-VPCP",
  effectiveFrom: "2027-03-01",
  effectiveTo: null,
  deskName: "Trung tâm Phục vụ hành chính công xã",
  forms: { receipt: { number: "Mẫu số 1A", title: "GIẤY TIẾP NHẬN HỒ SƠ" } },
  slips: ["receipt"],
  note: null,
};

const auditCount = async () => Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).where("entity_type", "=", "rule_set_version").executeTakeFirstOrThrow()).n);

describe("rule sets as data", () => {
  it("seeds the two versions with their dates and marks the facts to check", async () => {
    const versions = await listRuleSetVersions(t.db);
    expect(versions.map((v) => [v.code, v.effectiveFrom, v.effectiveTo])).toEqual([
      ["nd61-2018", "2018-06-21", "2025-06-30"],
      ["nd118-2025", "2025-07-01", null],
    ]);
    expect(versions[1]!.forms.stop).toEqual({ number: "Mẫu số 05", title: "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ" });
    expect(versions[0]!.forms.stop).toBeUndefined();
    expect(versions[1]!.checks.length).toBeGreaterThan(0);
    expect(versions[1]!.clocks.secondInstance).toEqual({ normal: 45, complex: 60, remote: 60, remoteComplex: 70 });
  });

  it("refuses an overlapping version through the page, naming the dates, and stores nothing", async () => {
    const before = await listRuleSetVersions(t.db);
    const audits = await auditCount();
    const body = new URLSearchParams({
      code: "overlap-2025",
      layout: "nd118-2025",
      decree: "Nghị định X",
      circular: "Thông tư Y",
      effectiveFrom: "2025-03-01",
      deskName: "Trung tâm",
    });
    const reply = await route.action({
      request: new Request("http://localhost/staff/rule-sets", { method: "POST", body, headers: { Cookie: cookie } }),
      params: {},
      context: { clientAddress: "127.0.0.1" },
    });
    expect(reply).not.toBeInstanceOf(Response);
    const { data: payload, init } = reply as unknown as { data: { refusals: unknown[] }; init: { status: number } };
    expect(init.status).toBe(409);
    expect(payload.refusals).toEqual([
      { kind: "overlap", from: "2025-03-01", to: "2025-06-30", codes: ["nd61-2018", "overlap-2025"] },
      { kind: "overlap", from: "2025-07-01", to: null, codes: ["overlap-2025", "nd118-2025"] },
    ]);
    expect(await listRuleSetVersions(t.db)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses a version with an end date that leaves later dates uncovered", async () => {
    const result = await addRuleSetVersion(t.db, lead, { ...NEW_2027, code: "ends-2027", effectiveTo: "2027-12-31" });
    expect(result).toEqual({ ok: false, problems: [{ kind: "open_end", after: "2027-12-31" }] });
  });

  it("a new version applies to dossiers received from its date; earlier dossiers keep theirs", async () => {
    const before = await receiveDossier(t.db, officer, context, { procedure, applicantName: "A", applicantPhone: null, applicantIdNumber: null, applicantAddress: null, channel: "direct", receivedAt: vn("2027-02-26T09:00:00"), documents: [{ name: "Tờ khai" }] }, vn("2027-02-26T09:00:00"));
    const result = await addRuleSetVersion(t.db, lead, NEW_2027, vn("2027-02-26T10:00:00"));
    expect(result).toMatchObject({ ok: true, closed: { code: "nd118-2025", effectiveTo: "2027-02-28" } });
    const after = await receiveDossier(t.db, officer, context, { procedure, applicantName: "B", applicantPhone: null, applicantIdNumber: null, applicantAddress: null, channel: "direct", receivedAt: vn("2027-03-01T09:00:00"), documents: [{ name: "Tờ khai" }] }, vn("2027-03-01T09:00:00"));
    const rows = await t.db.selectFrom("dossier").innerJoin("rule_set_version as v", "v.id", "dossier.rule_set_version_id").select(["dossier.id", "v.code"]).where("dossier.id", "in", [before.id, after.id]).orderBy("dossier.id").execute();
    expect(rows.map((r) => r.code)).toEqual(["nd118-2025", "test-2027"]);
    expect((await ruleSetVersionOn(t.db, "2027-02-28")).code).toBe("nd118-2025");
    expect(await auditCount()).toBe(2);
  });

  it("refuses a version starting before dossiers already received under the one in force", async () => {
    const result = await addRuleSetVersion(t.db, lead, { ...NEW_2027, code: "late-2027", effectiveFrom: "2027-03-01" });
    expect(result.ok).toBe(false);
    const again = await addRuleSetVersion(t.db, lead, { ...NEW_2027, code: "later-2027", effectiveFrom: "2027-02-01" });
    expect(again.ok).toBe(false);
  });
});
