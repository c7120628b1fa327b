import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { AuditPlanSchema } from "~/domain/audits/schema";
import { AUDITOR_COMPETENCE } from "~/domain/competence/competence";
import type { ProcedureField } from "~/domain/procedures/procedure";
import { en } from "~/i18n/en";
import { vi as viMessages } from "~/i18n/vi";
import { listOwnedActions } from "~/models/actions.server";
import { planAudit } from "~/models/audits.server";
import { listChecklistTemplates } from "~/models/checklists.server";
import { addPlanItem, getCompetenceMatrix, listHandlerCompetenceGaps, recordTraining, saveCompetence } from "~/models/competence.server";
import { createUser } from "~/models/users.server";
import { businessDateOf } from "~/utils/clock";
import { hashPassword } from "~/utils/password.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as RiskRoute from "~/routes/staff.risks.$code";
import type * as RisksRoute from "~/routes/staff.risks._index";
import type * as NewRiskRoute from "~/routes/staff.risks.new";
import type * as CompetenceRoute from "~/routes/staff.competence";
import type * as ActionsRoute from "~/routes/staff.actions";
import type * as AuthModule from "~/utils/auth.server";
import type * as DossierRoute from "~/routes/staff.dossiers.$code";

/*
 * Issue 18 through the route modules and models, on both engines: a risk recorded with its
 * treatment and reviewed; bad input refused beside the field with nothing stored; a training that
 * lapses in the matrix and on the audit team; one list of everything a person owes.
 */

const SEED_NOW = new Date("2026-11-25T03:00:00Z");
const today = businessDateOf(new Date());

let t: TestDb;
let unitId: number;
let auth: typeof AuthModule;
let risks: typeof RisksRoute;
let newRisk: typeof NewRiskRoute;
let risk: typeof RiskRoute;
let competence: typeof CompetenceRoute;
let actions: typeof ActionsRoute;
let dossierRoute: typeof DossierRoute;
const userIds: Record<string, number> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, SEED_NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  for (const u of await t.db.selectFrom("user").select(["id", "username"]).where("unit_id", "=", unitId).execute()) userIds[u.username] = u.id;
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("LOGIN_LIMIT_PER_MINUTE", "1000");
  auth = await import("~/utils/auth.server");
  risks = await import("~/routes/staff.risks._index");
  newRisk = await import("~/routes/staff.risks.new");
  risk = await import("~/routes/staff.risks.$code");
  competence = await import("~/routes/staff.competence");
  actions = await import("~/routes/staff.actions");
  dossierRoute = await import("~/routes/staff.dossiers.$code");
  let host = 1;
  for (const username of ["chatluong", "motcua", "thanhtra"]) {
    const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${host++}`);
    if (!result.ok) throw new Error(`login of ${username} failed`);
    cookies[username] = result.setCookie.split(";")[0] ?? "";
  }
}, 120_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

async function outcome<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const args = (url: string, username: string, params: Record<string, string> = {}, init: RequestInit = {}) => ({
  request: new Request(`http://localhost${url}`, { ...init, headers: { Cookie: cookies[username] ?? "" } }),
  params,
  context: { clientAddress: "127.0.0.1" },
});

/** Status, redirect and field errors of an action, whether it answered with conform's reply or its own. */
function read(result: unknown): { status: number; location: string | null; errors: Record<string, string[] | null | undefined> } {
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), errors: {} };
  const reply = result as { data: { error?: Record<string, string[] | null>; fieldErrors?: Record<string, string[] | null> } | null; init: ResponseInit | null };
  return { status: reply.init?.status ?? 200, location: null, errors: reply.data?.error ?? reply.data?.fieldErrors ?? {} };
}

const post = async (route: { action: (a: never) => Promise<unknown> }, url: string, username: string, fields: Record<string, string>, params: Record<string, string> = {}) =>
  read(await outcome(() => route.action(args(url, username, params, { method: "POST", body: new URLSearchParams(fields) }) as never)));

/** Demo citizens whose names or phones appear in the text; staff names that a citizen happens to share do not count. */
async function citizensIn(text: string) {
  const staff = new Set((await t.db.selectFrom("user").select("display_name").execute()).map((u) => u.display_name));
  const rows = await t.db.selectFrom("dossier").select(["applicant_name", "applicant_phone"]).where("unit_id", "=", unitId).orderBy("id").limit(500).execute();
  return rows.filter((c) => (!staff.has(c.applicant_name) && text.includes(c.applicant_name)) || (c.applicant_phone !== null && text.includes(c.applicant_phone)));
}

const translated = (key: string) => key in viMessages && key in en;
const riskCount = async () => Number((await t.db.selectFrom("risk").select((eb) => eb.fn.countAll().as("n")).where("unit_id", "=", unitId).executeTakeFirstOrThrow()).n);

const riskForm = (change: Record<string, string> = {}) => ({
  kind: "risk",
  process: "QT-07",
  field: "",
  title: "Mất điện kéo dài làm gián đoạn tiếp nhận hồ sơ trực tuyến",
  description: "Mất điện lưới trên 4 giờ trong mùa mưa bão.",
  cause: "Đường dây 35 kV qua vùng núi hay bị sự cố.",
  consequence: "Hồ sơ trực tuyến không được tiếp nhận đúng hạn.",
  likelihood: "4",
  impact: "4",
  ownerUserId: String(userIds.chatluong),
  reviewDate: today,
  recordedOn: today,
  treatment: "Mua bộ lưu điện cho máy tiếp nhận và bộ phát 4G dự phòng",
  treatmentDue: today,
  ...change,
});

describe("the risk register", () => {
  let code = "";

  it("records a risk with its treatment through /staff/risks/new, with audit rows", async () => {
    const before = await riskCount();
    const result = await post(newRisk, "/staff/risks/new", "chatluong", riskForm());
    expect(result.status).toBe(302);
    code = (result.location ?? "").replace("/staff/risks/", "");
    expect(code).toMatch(/^RR-\d{4}-\d{2}$/);
    expect(await riskCount()).toBe(before + 1);
    const row = await t.db.selectFrom("risk").selectAll().where("unit_id", "=", unitId).where("code", "=", code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ likelihood: 4, impact: 4, owner_user_id: userIds.chatluong, created_by_user_id: userIds.chatluong, state: "open" });
    const audit = await t.db.selectFrom("audit_log").select(["entity_type", "action", "actor_user_id"]).where("unit_id", "=", unitId).where("entity_type", "in", ["risk", "risk_treatment"]).where("entity_id", "=", String(row.id)).execute();
    expect(audit).toContainEqual({ entity_type: "risk", action: "record", actor_user_id: userIds.chatluong });
    const page = await risk.loader(args(`/staff/risks/${code}`, "chatluong", { code }) as never);
    expect(page.risk).toMatchObject({ level: 16, band: "high" });
    expect(page.risk.treatments.map((tr) => tr.description)).toEqual(["Mua bộ lưu điện cho máy tiếp nhận và bộ phát 4G dự phòng"]);
  });

  it("shows the risk on the heat map and in the register", async () => {
    const page = await risks.loader(args("/staff/risks", "chatluong") as never);
    const cell = page.heat.find((r) => r.likelihood === 4)?.cells.find((c) => c.impact === 4);
    expect(cell?.count).toBeGreaterThanOrEqual(1);
    expect(page.risks.map((r) => r.code)).toContain(code);
  });

  it("adds a treatment, marks it done with evidence, and reviews the risk: level before and after, effective", async () => {
    const step = (fields: Record<string, string>) => post(risk, `/staff/risks/${code}`, "chatluong", fields, { code });
    expect((await step({ op: "add_treatment", description: "Lập danh sách hồ sơ trực tuyến cần xử lý khi có điện lại", ownerUserId: String(userIds.motcua), dueDate: today })).status).toBe(302);
    const first = await t.db
      .selectFrom("risk_treatment")
      .innerJoin("risk", "risk.id", "risk_treatment.risk_id")
      .select("risk_treatment.id")
      .where("risk.code", "=", code)
      .where("risk.unit_id", "=", unitId)
      .orderBy("risk_treatment.id")
      .executeTakeFirstOrThrow();
    expect((await step({ op: "treatment_done", treatmentId: String(first.id), doneOn: today, evidence: "Biên bản bàn giao bộ lưu điện" })).status).toBe(302);
    const reviewed = await step({ op: "review", reviewedOn: today, likelihood: "2", impact: "4", note: "Đã có lưu điện; hai lần mất điện không gián đoạn tiếp nhận.", nextReviewDate: today });
    expect(reviewed).toMatchObject({ status: 302, location: `/staff/risks/${code}?done=review` });
    const page = await risk.loader(args(`/staff/risks/${code}`, "chatluong", { code }) as never);
    expect(page.risk).toMatchObject({ likelihood: 2, impact: 4, level: 8, band: "medium" });
    expect(page.risk.reviews).toHaveLength(1);
    expect(page.risk.reviews[0]).toMatchObject({ levelBefore: 16, levelAfter: 8, effective: 1, reviewed_by_user_id: userIds.chatluong });
    expect(page.risk.treatments.find((tr) => tr.id === first.id)).toMatchObject({ done_on: today, evidence: "Biên bản bàn giao bộ lưu điện" });
    const id = String((await t.db.selectFrom("risk").select("id").where("code", "=", code).where("unit_id", "=", unitId).executeTakeFirstOrThrow()).id);
    const audit = await t.db.selectFrom("audit_log").select(["action", "before_json", "after_json"]).where("entity_type", "=", "risk").where("entity_id", "=", id).where("action", "=", "review").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json ?? "{}")).toMatchObject({ likelihood: 4, impact: 4 });
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({ likelihood: 2, impact: 4, effective: 1 });
  });

  it("refuses scores outside the scale and a treatment due before the risk, beside the field, storing nothing", async () => {
    const before = await riskCount();
    const treatments = Number((await t.db.selectFrom("risk_treatment").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ likelihood: "6" }, "likelihood", "risks.error.outsideScale"],
      [{ impact: "0" }, "impact", "risks.error.outsideScale"],
      [{ likelihood: "2.5" }, "likelihood", "risks.error.outsideScale"],
      [{ recordedOn: "2026-11-20", treatmentDue: "2026-11-19" }, "treatmentDue", "risks.error.dueBeforeRecorded"],
    ];
    for (const [change, field, key] of cases) {
      const result = await post(newRisk, "/staff/risks/new", "chatluong", riskForm(change));
      expect(result.status, JSON.stringify(change)).toBe(400);
      expect(result.errors[field], JSON.stringify(change)).toContain(key);
      expect(translated(key)).toBe(true);
    }
    // On an existing risk: a review off the scale and a treatment due before it was recorded.
    const step = (fields: Record<string, string>) => post(risk, `/staff/risks/${code}`, "chatluong", fields, { code });
    const badReview = await step({ op: "review", reviewedOn: today, likelihood: "9", impact: "1", note: "x", nextReviewDate: today });
    expect(badReview.status).toBe(400);
    expect(badReview.errors.likelihood).toContain("risks.error.outsideScale");
    const early = await step({ op: "add_treatment", description: "Trước ngày ghi nhận", ownerUserId: String(userIds.motcua), dueDate: "2020-01-01" });
    expect(early.status).toBe(400);
    expect(early.errors.dueDate).toContain("risks.error.dueBeforeRecorded");
    expect(await riskCount()).toBe(before);
    expect(Number((await t.db.selectFrom("risk_treatment").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(treatments);
    expect((await risk.loader(args(`/staff/risks/${code}`, "chatluong", { code }) as never)).risk.reviews).toHaveLength(1);
  });

  it("lets an inspector read the register but not record in it; no citizen's data appears", async () => {
    const page = await risks.loader(args("/staff/risks", "thanhtra") as never);
    expect(page.risks.map((r) => r.code)).toContain(code);
    const detail = await risk.loader(args(`/staff/risks/${code}`, "thanhtra", { code }) as never);
    expect(detail.canEdit).toBe(false);
    expect(detail.staff).toEqual([]);
    const refused = await outcome(() => newRisk.loader(args("/staff/risks/new", "thanhtra") as never));
    expect(refused instanceof Response ? refused.status : 200).toBe(403);
    const step = await post(risk, `/staff/risks/${code}`, "thanhtra", { op: "review" }, { code });
    expect(step.status).toBe(403);
    const text = JSON.stringify([page, detail]);
    expect(await citizensIn(text)).toEqual([]);
  });
});

describe("competence and training", () => {
  const plan = (templateIds: number[], leadUserId: number, memberUserIds: number[], startDate: string) =>
    AuditPlanSchema.parse({
      title: "Đánh giá nội bộ thử",
      objectives: "Thử quy tắc năng lực đánh giá viên.",
      processes: ["QT-12"],
      fields: ["social_affairs"],
      isoClauses: "9.2",
      criteria: "TCVN ISO 9001:2015",
      location: "Trung tâm Phục vụ hành chính công xã",
      startDate,
      endDate: startDate,
      sampleFrom: "2026-01-01",
      sampleTo: "2026-08-31",
      sampleSize: 5,
      leadUserId,
      memberUserIds,
      templateIds,
    });

  it("refuses a training whose expiry is before its date, beside the field, storing nothing", async () => {
    const countRecords = async () => Number((await t.db.selectFrom("training_record").select((eb) => eb.fn.countAll().as("n")).where("unit_id", "=", unitId).executeTakeFirstOrThrow()).n);
    const before = await countRecords();
    const body = new FormData();
    for (const [k, v] of Object.entries({ intent: "record", userId: String(userIds.motcua), course: "Kỹ năng giao tiếp với người dân", provider: "Sở Nội vụ tỉnh Sơn La", startDate: "2026-10-01", endDate: "2026-10-02", hours: "16", expiresOn: "2026-09-30" }))
      body.set(k, v);
    const result = read(await outcome(() => competence.action(args("/staff/competence", "chatluong", {}, { method: "POST", body }) as never)));
    expect(result.status).toBe(400);
    expect(result.errors.expiresOn).toContain("competence.error.expiryBeforeTraining");
    expect(translated("competence.error.expiryBeforeTraining")).toBe(true);
    expect(await countRecords()).toBe(before);
    // The model refuses it too, for a caller that skipped the schema.
    const model = await recordTraining(
      t.db,
      { kind: "user", userId: userIds.chatluong! },
      unitId,
      { userId: userIds.motcua!, course: "x", provider: "y", startDate: "2026-10-01", endDate: "2026-10-02", expiresOn: "2026-09-30" },
      null,
    );
    expect(model).toEqual({ ok: false, errors: [{ field: "expiresOn", key: "competence.error.expiryBeforeTraining" }] });
    expect(await countRecords()).toBe(before);
  });

  it("turns the matrix cell to lapsing then missing, and the audit-team check refuses that auditor by name", async () => {
    const actor = { kind: "user", userId: userIds.chatluong! } as const;
    const passwordHash = await hashPassword("Mat-khau-thu-2026!");
    const auditorId = await createUser(t.db, actor, { unitId, username: "danhgia2", displayName: "Lường Văn Tú", roles: ["auditor"], passwordHash, mustChangePassword: false });
    const saved = await saveCompetence(t.db, actor, unitId, { code: AUDITOR_COMPETENCE, title: "Đánh giá viên nội bộ ISO 9001:2015", validityMonths: 36, requiredFor: ["role:auditor"] });
    expect(saved.ok).toBe(true);
    const recorded = await recordTraining(
      t.db,
      actor,
      unitId,
      { userId: auditorId, competenceId: saved.ok ? saved.id : 0, course: "Đánh giá viên nội bộ TCVN ISO 9001:2015", provider: "Trung tâm Năng suất Việt Nam", startDate: "2023-11-20", endDate: "2023-11-22", hours: 24, expiresOn: "2026-11-22" },
      null,
    );
    expect(recorded.ok).toBe(true);
    // The team's lead holds it without expiry (the demo gives her one; recorded here too, so this test stands alone).
    const leadHeld = await recordTraining(
      t.db,
      actor,
      unitId,
      { userId: userIds.danhgia!, competenceId: saved.ok ? saved.id : 0, course: "Đánh giá viên nội bộ TCVN ISO 9001:2015", provider: "Trung tâm Năng suất Việt Nam", startDate: "2024-11-20", endDate: "2024-11-22" },
      null,
    );
    expect(leadHeld.ok).toBe(true);
    const cellOn = async (day: string) => {
      const matrix = await getCompetenceMatrix(t.db, unitId, day);
      const column = matrix.competences.find((c) => c.code === AUDITOR_COMPETENCE)!;
      return matrix.rows.find((r) => r.userId === auditorId)?.cells.find((c) => c.competenceId === column.id);
    };
    expect(await cellOn("2026-06-01")).toMatchObject({ required: true, status: "held" });
    expect(await cellOn("2026-10-15")).toMatchObject({ required: true, status: "lapsing" });
    expect(await cellOn("2026-11-23")).toMatchObject({ required: true, status: "missing" });

    const templates = (await listChecklistTemplates(t.db, unitId, { activeOnly: true })).filter((tpl) => tpl.code === "CL-01").map((tpl) => tpl.id);
    const lead = { userId: userIds.danhgia!, name: "Tòng Thị Lan", roles: ["auditor" as const] };
    const audits = async () => Number((await t.db.selectFrom("internal_audit").select((eb) => eb.fn.countAll().as("n")).where("unit_id", "=", unitId).executeTakeFirstOrThrow()).n);
    const before = await audits();
    const lapsed = await planAudit(t.db, lead, unitId, plan(templates, userIds.danhgia!, [auditorId], "2026-12-10"));
    expect(lapsed).toEqual({ ok: false, errors: [{ field: "memberUserIds", key: "audits.error.noAuditorCompetence", params: { name: "Lường Văn Tú" } }] });
    expect(await audits()).toBe(before);
    expect(translated("audits.error.noAuditorCompetence")).toBe(true);
    // Before the expiry the same team passes the competence rule (refused only for the unknown checklist here, so nothing is written).
    const valid = await planAudit(t.db, lead, unitId, plan([999_999], userIds.danhgia!, [auditorId], "2026-10-15"));
    expect(valid).toEqual({ ok: false, errors: [{ field: "templateIds", key: "audits.error.noTemplates" }] });
    expect(await audits()).toBe(before);
  });

  it("lets an inspector read the matrix and the plan but not change them; no citizen's data appears", async () => {
    const page = await competence.loader(args("/staff/competence", "thanhtra") as never);
    expect(page.canEdit).toBe(false);
    expect(page.matrix.competences.map((c) => c.code)).toContain(AUDITOR_COMPETENCE);
    expect(page.matrix.rows.map((r) => r.name)).toContain("Lường Văn Tú");
    const body = new FormData();
    body.set("intent", "competence");
    const refused = await outcome(() => competence.action(args("/staff/competence", "thanhtra", {}, { method: "POST", body }) as never));
    expect(refused instanceof Response ? refused.status : 200).toBe(403);
    const text = JSON.stringify(page);
    expect(await citizensIn(text)).toEqual([]);
  });
});

describe("one list of actions", () => {
  it("returns every kind for its owner, overdue first, and only the owner's", async () => {
    const actor = { kind: "user", userId: userIds.chatluong! } as const;
    const stamp = new Date().toISOString();
    const passwordHash = await hashPassword("Mat-khau-thu-2026!");
    const owner = await createUser(t.db, actor, { unitId, username: "nguoilam", displayName: "Lò Văn Sơn", roles: ["officer"], passwordHash, mustChangePassword: false });
    const nc = await t.db.selectFrom("nonconformity").select(["id", "code"]).where("unit_id", "=", unitId).where("state", "!=", "closed").executeTakeFirstOrThrow();
    await t.db.insertInto("corrective_action").values({ nonconformity_id: nc.id, description: "Cập nhật bảng niêm yết lệ phí", owner_user_id: owner, due_date: "2026-01-10", status: "planned", evidence: null, done_by_user_id: null, done_at: null, created_at: stamp, updated_at: stamp }).execute();
    const review = await t.db.selectFrom("management_review").select(["id"]).where("unit_id", "=", unitId).executeTakeFirstOrThrow();
    await t.db.insertInto("management_review_decision").values({ review_id: review.id, category: "improvement", description: "Bố trí người dự phòng dịp Tết", owner_user_id: owner, due_date: `${today.slice(0, 4)}-12-31`, created_at: stamp }).execute();
    const recorded = await post(newRisk, "/staff/risks/new", "chatluong", riskForm({ ownerUserId: String(owner), treatmentOwnerUserId: String(owner), title: "Một công chức nghỉ phép dịp Tết", reviewDate: "2026-02-01", recordedOn: "2026-01-05", treatmentDue: "2026-01-20" }));
    expect(recorded.status).toBe(302);
    await addPlanItem(t.db, actor, unitId, { year: Number(today.slice(0, 4)), course: "Quy tắc ứng xử của công chức", provider: "UBND tỉnh Sơn La", plannedDate: `${today.slice(0, 4)}-12-28` }, [owner]);

    const items = await listOwnedActions(t.db, { unitId, ownerUserId: owner }, today);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(["corrective_action", "review_decision", "risk_treatment", "risk_review", "training", "document_read"]));
    expect(items.every((i) => i.ownerUserId === owner)).toBe(true);
    const firstCurrent = items.findIndex((i) => !i.overdue);
    expect(items.slice(0, firstCurrent).every((i) => i.overdue)).toBe(true);
    expect(items.slice(firstCurrent).some((i) => i.overdue)).toBe(false);
    expect(items.filter((i) => i.overdue).map((i) => i.kind)).toEqual(expect.arrayContaining(["corrective_action", "risk_treatment", "risk_review"]));

    // The unit's list (quality lead) holds them too; the page shows each person their own.
    const unit = await listOwnedActions(t.db, { unitId }, today);
    expect(unit.filter((i) => i.ownerUserId === owner && i.kind !== "document_read")).toHaveLength(items.filter((i) => i.kind !== "document_read").length);
    const mine = await actions.loader(args("/staff/actions", "motcua") as never);
    expect(mine.items.every((i) => i.ownerUserId === userIds.motcua)).toBe(true);
    const all = await actions.loader(args("/staff/actions?scope=unit", "chatluong") as never);
    expect(all.unitView).toBe(true);
    expect(all.items.map((i) => i.ownerUserId)).toContain(owner);
    const inspector = await outcome(() => actions.loader(args("/staff/actions", "thanhtra") as never));
    expect(inspector instanceof Response ? inspector.status : 200).toBe(403);
  });
});

describe("the demo register and training records", () => {
  const seedDay = businessDateOf(SEED_NOW);

  it("holds a commune desk's risks and opportunities, treated and reviewed", async () => {
    const page = await risks.loader(args("/staff/risks", "thanhtra") as never);
    const titles = page.risks.map((r) => r.title);
    for (const text of ["nghỉ phép dịp Tết", "Mất điện, mất kết nối mạng", "Thay đổi nghị định", "Sáp nhập xã", "trực tuyến toàn trình"]) {
      expect(titles.some((title) => title.includes(text)), text).toBe(true);
    }
    expect(page.risks.filter((r) => r.kind === "opportunity").length).toBeGreaterThanOrEqual(1);
    const reviews = await t.db.selectFrom("risk_review").innerJoin("risk", "risk.id", "risk_review.risk_id").select(["risk_review.effective"]).where("risk.unit_id", "=", unitId).execute();
    expect(new Set(reviews.map((r) => r.effective))).toEqual(new Set([0, 1]));
  });

  it("shows held, lapsing and missing in the matrix, and refuses the lapsed quality lead on an audit team by name", async () => {
    const matrix = await getCompetenceMatrix(t.db, unitId, seedDay);
    const statuses = new Set(matrix.rows.flatMap((r) => r.cells.filter((c) => c.required).map((c) => c.status)));
    expect(statuses).toEqual(new Set(["held", "lapsing", "missing"]));
    const column = (code: string) => matrix.competences.find((c) => c.code === code)!.id;
    const cell = (username: string, code: string) => matrix.rows.find((r) => r.userId === userIds[username])?.cells.find((c) => c.competenceId === column(code));
    // (An earlier test here re-saved the auditor competence for role:auditor only, so only the status is checked.)
    expect(cell("chatluong", AUDITOR_COMPETENCE)).toMatchObject({ status: "missing" });
    expect(cell("danhgia", AUDITOR_COMPETENCE)).toMatchObject({ required: true, status: "held" });
    expect(cell("motcua", "NL-CKS")).toMatchObject({ required: true, status: "lapsing" });
    expect(cell("motcua", "NL-HT")).toMatchObject({ required: true, status: "missing" });

    const templates = (await listChecklistTemplates(t.db, unitId, { activeOnly: true })).filter((tpl) => tpl.code === "CL-01").map((tpl) => tpl.id);
    const plan = AuditPlanSchema.parse({
      title: "Đánh giá nội bộ lĩnh vực xã hội",
      objectives: "Thử đoàn đánh giá của dữ liệu mẫu.",
      processes: ["QT-12"],
      fields: ["social_affairs"],
      isoClauses: "9.2",
      criteria: "TCVN ISO 9001:2015",
      location: "Trung tâm Phục vụ hành chính công xã",
      startDate: "2026-12-15",
      endDate: "2026-12-15",
      sampleFrom: "2026-01-01",
      sampleTo: "2026-11-30",
      sampleSize: 5,
      leadUserId: userIds.danhgia,
      memberUserIds: [userIds.chatluong],
      templateIds: templates,
    });
    const refused = await planAudit(t.db, { userId: userIds.danhgia!, name: "Tòng Thị Lan", roles: ["auditor"] }, unitId, plan);
    expect(refused).toEqual({ ok: false, errors: [{ field: "memberUserIds", key: "audits.error.noAuditorCompetence", params: { name: "Lò Thị Hoa" } }] });
  });

  /** The code of a demo dossier of the field. */
  const dossierOf = async (field: ProcedureField) =>
    (
      await t.db
        .selectFrom("dossier")
        .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
        .select("dossier.code")
        .where("dossier.unit_id", "=", unitId)
        .where("procedure.field", "=", field)
        .executeTakeFirstOrThrow()
    ).code;
  /** What the dossier page warns at assignment, by username: the codes of the competences each person lacks. */
  const assignmentGaps = async (code: string) => {
    const page = await dossierRoute.loader(args(`/staff/dossiers/${code}`, "motcua", { code }) as never);
    const users = new Map((await t.db.selectFrom("user").select(["id", "username"]).execute()).map((u) => [u.id, u.username] as const));
    return Object.fromEntries(page.competenceGaps.map((g) => [users.get(g.userId), g.missing.map((c) => c.code)]));
  };

  it("warns at a civil-status dossier's assignment about each person without the field's competence, naming it, and not about one who holds it", async () => {
    const civil = await dossierOf("civil_status");
    // Nobody at the desk holds the civil-status competence in the demo (the civil-status officer is no handler);
    // the officer added by the action-list test has not had the ISO awareness training every staff role requires;
    // the quality lead's lapsed auditor certificate no longer counts: an earlier test made it required of auditors only.
    expect(await assignmentGaps(civil)).toEqual({ chatluong: ["NL-HT"], lanhdao: ["NL-HT"], motcua: ["NL-HT"], nguoilam: ["NL-HT", "NL-ISO"] });
    expect(translated("competence.warn.assignment") && translated("competence.warn.handler") && translated("competence.warn.option")).toBe(true);
    const nlHt = await t.db.selectFrom("competence").select("id").where("unit_id", "=", unitId).where("code", "=", "NL-HT").executeTakeFirstOrThrow();
    const trained = await recordTraining(
      t.db,
      { kind: "user", userId: userIds.chatluong! },
      unitId,
      { userId: userIds.lanhdao!, competenceId: nlHt.id, course: "Bồi dưỡng nghiệp vụ hộ tịch", provider: "Sở Tư pháp tỉnh Sơn La", startDate: "2025-05-05", endDate: "2025-05-09" },
      null,
    );
    expect(trained.ok).toBe(true);
    expect(await assignmentGaps(civil)).toEqual({ chatluong: ["NL-HT"], motcua: ["NL-HT"], nguoilam: ["NL-HT", "NL-ISO"] });
    // A land dossier requires no field competence: only the role's is missing.
    expect(await assignmentGaps(await dossierOf("land_construction"))).toEqual({ nguoilam: ["NL-ISO"] });
  });

  it("counts the competence a handler's role requires, not the competences of the handler's other processes", async () => {
    const actor = { kind: "user", userId: userIds.chatluong! } as const;
    // The desk officer's e-signature training (process QT-07) lapses in the demo: not asked at assignment.
    expect(await listHandlerCompetenceGaps(t.db, unitId, "justice", [userIds.motcua!], "2027-01-15")).toEqual([]);
    const saved = await saveCompetence(t.db, actor, unitId, { code: "NL-LD", title: "Bồi dưỡng lãnh đạo cấp xã", requiredFor: ["role:leader"] });
    expect(saved.ok).toBe(true);
    expect(await listHandlerCompetenceGaps(t.db, unitId, "justice", [userIds.motcua!, userIds.lanhdao!], today)).toEqual([
      { userId: userIds.lanhdao, missing: [{ code: "NL-LD", title: "Bồi dưỡng lãnh đạo cấp xã" }] },
    ]);
  });
});
