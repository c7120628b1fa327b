import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import type { ChecklistTemplateInput, NewChecklistTemplateInput } from "~/domain/audits/checklist";
import {
  createChecklistTemplate,
  getChecklistItems,
  getChecklistTemplate,
  listChecklistTemplates,
  seedChecklistTemplates,
  updateChecklistTemplate,
} from "~/models/checklists.server";
import { insertOtherUnit, seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the route modules are loaded once DATABASE_URL points at the test database.
import type * as ListRoute from "~/routes/staff.checklists._index";
import type * as NewRoute from "~/routes/staff.checklists.new";
import type * as TemplateRoute from "~/routes/staff.checklists.$code";
import type * as AuthModule from "~/utils/auth.server";
import { NOT_NULL_FAILED } from "../../setup/db-faults";

let t: TestDb;
let unitId: number;
let otherUnitId: number;
let lead: { kind: "user"; userId: number };

const NOW = new Date("2026-03-02T02:00:00.000Z");
const LATER = new Date("2026-03-05T02:00:00.000Z");

const NEW: NewChecklistTemplateInput = {
  code: "CL-20",
  title: "Chứng thực bản sao, chữ ký",
  isoClause: "8.5.1",
  process: "QT-09",
  isActive: true,
  items: [
    { isoClause: "8.5.1", question: "Bản sao được đối chiếu với bản chính trước khi chứng thực không?", guidance: "Xem Sổ chứng thực." },
    { isoClause: "8.5.3", question: "Giấy tờ của người dân được trả lại đủ, không để trên quầy không?", guidance: null },
  ],
};

const auditRows = (id: number) =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "checklist_template")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();
const json = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  lead = { kind: "user", userId: seeded.qualityLeadId };
  otherUnitId = await insertOtherUnit(t.db);
});

afterAll(async () => {
  await t.cleanup();
});

describe("the demo checklists", () => {
  it("are seeded with the demo commune, active, with their questions in order", async () => {
    const list = await listChecklistTemplates(t.db, unitId);
    expect(list.slice(0, 9).map((c) => [c.code, c.process, c.isActive])).toEqual([
      ["CL-01", "QT-07", true],
      ["CL-02", "QT-01", true],
      ["CL-03", "QT-04", true],
      ["CL-04", "QT-03", true],
      ["CL-05", "QT-06", true],
      ["CL-06", "QT-12", true],
      ["CL-07", "QT-11", true],
      ["CL-08", "QT-08", true],
      ["CL-09", "QT-10", true],
    ]);
    expect(list.find((c) => c.code === "CL-05")?.isoClause).toBe("5.1, 6.1, 6.2");
    const desk = await getChecklistTemplate(t.db, unitId, "CL-01");
    expect(desk?.items.length).toBe(list[0]?.itemCount);
    expect(desk?.items.map((i) => i.position)).toEqual(desk?.items.map((_, index) => index + 1));
    expect(desk?.items[0]?.question).toContain("niêm yết");
    const created = await t.db
      .selectFrom("audit_log")
      .select("entity_id")
      .where("entity_type", "=", "checklist_template")
      .where("action", "=", "created")
      .where("actor_kind", "=", "system")
      .execute();
    expect(created).toHaveLength(9);
  });

  it("are not seeded twice", async () => {
    const again = await seedChecklistTemplates(t.db, { kind: "system" }, unitId, [{ ...NEW, code: "CL-01" }]);
    expect(again.created).toEqual([]);
    expect((await getChecklistTemplate(t.db, unitId, "CL-01"))?.title).not.toBe(NEW.title);
  });
});

describe("createChecklistTemplate", () => {
  it("stores the template and its questions, audited", async () => {
    const result = await createChecklistTemplate(t.db, lead, unitId, NEW, NOW);
    expect(result).toMatchObject({ ok: true, code: "CL-20" });
    if (!result.ok) return;
    const stored = await getChecklistTemplate(t.db, unitId, "CL-20");
    expect(stored).toMatchObject({ code: "CL-20", title: NEW.title, isoClause: "8.5.1", process: "QT-09", isActive: true, createdAt: NOW.toISOString() });
    expect(stored?.items.map((i) => [i.position, i.isoClause, i.question, i.guidance])).toEqual([
      [1, "8.5.1", NEW.items[0]?.question, "Xem Sổ chứng thực."],
      [2, "8.5.3", NEW.items[1]?.question, null],
    ]);
    const log = await auditRows(result.id);
    expect(log.map((r) => [r.action, r.actor_user_id, r.at])).toEqual([["created", lead.userId, NOW.toISOString()]]);
    expect(json(log[0]?.after_json ?? null)).toMatchObject({ code: "CL-20", process: "QT-09", items: [{ isoClause: "8.5.1" }, { isoClause: "8.5.3" }] });
  });

  it("refuses a code the unit already uses, writing nothing", async () => {
    const before = await t.db.selectFrom("checklist_template").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(await createChecklistTemplate(t.db, lead, unitId, { ...NEW, title: "Trùng mã" }, NOW)).toEqual({ ok: false, error: "checklist.error.codeTaken" });
    const after = await t.db.selectFrom("checklist_template").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("lets another unit use the same code", async () => {
    const other = await createChecklistTemplate(t.db, { kind: "system" }, otherUnitId, { ...NEW, title: "Danh mục của xã khác" }, NOW);
    expect(other.ok).toBe(true);
    expect((await getChecklistTemplate(t.db, unitId, "CL-20"))?.title).toBe(NEW.title);
    expect((await getChecklistTemplate(t.db, otherUnitId, "CL-20"))?.title).toBe("Danh mục của xã khác");
    expect((await listChecklistTemplates(t.db, otherUnitId)).map((c) => c.code)).toEqual(["CL-20"]);
  });
});

describe("updateChecklistTemplate", () => {
  const EDIT: ChecklistTemplateInput = {
    title: "Chứng thực bản sao từ bản chính, chữ ký, hợp đồng",
    isoClause: "8.5.1",
    process: "QT-09",
    isActive: true,
    items: [
      { isoClause: "8.5.1", question: "Người yêu cầu chứng thực chữ ký có ký trước mặt người thực hiện không?", guidance: null },
      { isoClause: "8.5.1", question: "Bản sao được đối chiếu với bản chính trước khi chứng thực không?", guidance: "Xem Sổ chứng thực." },
      { isoClause: "7.5.3", question: "Sổ chứng thực được ghi đủ, đánh số liên tục không?", guidance: null },
    ],
  };

  it("replaces the questions as a whole and logs before and after", async () => {
    const { id } = (await getChecklistTemplate(t.db, unitId, "CL-20"))!;
    const result = await updateChecklistTemplate(t.db, lead, unitId, "CL-20", EDIT, LATER);
    expect(result).toEqual({ ok: true, id, code: "CL-20" });
    const stored = await getChecklistTemplate(t.db, unitId, "CL-20");
    expect(stored?.title).toBe(EDIT.title);
    expect(stored?.updatedAt).toBe(LATER.toISOString());
    expect(stored?.createdAt).toBe(NOW.toISOString());
    expect(stored?.items.map((i) => [i.position, i.isoClause, i.question])).toEqual(EDIT.items.map((i, index) => [index + 1, i.isoClause, i.question]));
    const rows = await t.db.selectFrom("checklist_template_item").select("id").where("template_id", "=", id).execute();
    expect(rows).toHaveLength(3);
    const last = (await auditRows(id)).at(-1);
    expect(last?.action).toBe("updated");
    expect(json(last?.before_json ?? null)).toMatchObject({ title: NEW.title, items: NEW.items });
    expect(json(last?.after_json ?? null)).toMatchObject({ title: EDIT.title, items: EDIT.items });
  });

  it("writes nothing when nothing changed", async () => {
    const { id, updatedAt } = (await getChecklistTemplate(t.db, unitId, "CL-20"))!;
    const logged = (await auditRows(id)).length;
    expect((await updateChecklistTemplate(t.db, lead, unitId, "CL-20", EDIT, new Date("2026-04-01T00:00:00Z"))).ok).toBe(true);
    expect((await auditRows(id)).length).toBe(logged);
    expect((await getChecklistTemplate(t.db, unitId, "CL-20"))?.updatedAt).toBe(updatedAt);
  });

  it("withdraws and restores a template, which then leaves and rejoins the active list", async () => {
    const { id } = (await getChecklistTemplate(t.db, unitId, "CL-20"))!;
    await updateChecklistTemplate(t.db, lead, unitId, "CL-20", { ...EDIT, isActive: false }, LATER);
    expect((await auditRows(id)).at(-1)?.action).toBe("deactivated");
    expect((await listChecklistTemplates(t.db, unitId, { activeOnly: true })).map((c) => c.code)).not.toContain("CL-20");
    const all = await listChecklistTemplates(t.db, unitId);
    expect(all.find((c) => c.code === "CL-20")).toMatchObject({ isActive: false, itemCount: 3 });
    await updateChecklistTemplate(t.db, lead, unitId, "CL-20", EDIT, LATER);
    expect((await auditRows(id)).at(-1)?.action).toBe("activated");
    expect((await listChecklistTemplates(t.db, unitId, { activeOnly: true })).map((c) => c.code)).toContain("CL-20");
  });

  it("leaves the old template intact when a question cannot be stored", async () => {
    const before = await getChecklistTemplate(t.db, unitId, "CL-20");
    const logged = (await auditRows(before!.id)).length;
    const broken = {
      ...EDIT,
      title: "Không được lưu",
      items: [{ isoClause: "8.5.1", question: "Câu hợp lệ?", guidance: null }, { isoClause: "8.5.1", question: null as unknown as string, guidance: null }],
    };
    await expect(updateChecklistTemplate(t.db, lead, unitId, "CL-20", broken, LATER)).rejects.toThrow(NOT_NULL_FAILED);
    expect(await getChecklistTemplate(t.db, unitId, "CL-20")).toEqual(before);
    expect((await auditRows(before!.id)).length).toBe(logged);
  });

  it("does not reach another unit's template", async () => {
    expect(await updateChecklistTemplate(t.db, lead, unitId, "CL-404", EDIT, LATER)).toEqual({ ok: false, error: "checklist.error.notFound" });
    expect((await getChecklistTemplate(t.db, otherUnitId, "CL-20"))?.title).toBe("Danh mục của xã khác");
  });
});

describe("getChecklistItems", () => {
  it("returns the questions by template code then position, and ignores other units' templates", async () => {
    const ids = async (u: number, codes: string[]) =>
      (await listChecklistTemplates(t.db, u)).filter((c) => codes.includes(c.code)).map((c) => c.id);
    const [cl02, cl08] = await ids(unitId, ["CL-02", "CL-08"]);
    const [foreign] = await ids(otherUnitId, ["CL-20"]);
    const items = await getChecklistItems(t.db, unitId, [cl08!, foreign!, cl02!]);
    const cl02Items = (await getChecklistTemplate(t.db, unitId, "CL-02"))!.items;
    const cl08Items = (await getChecklistTemplate(t.db, unitId, "CL-08"))!.items;
    expect(items.map((i) => [i.templateCode, i.position])).toEqual([
      ...cl02Items.map((i) => ["CL-02", i.position]),
      ...cl08Items.map((i) => ["CL-08", i.position]),
    ]);
    expect(items[0]).toEqual({
      templateId: cl02,
      templateCode: "CL-02",
      templateTitle: "Kiểm soát thông tin dạng văn bản",
      process: "QT-01",
      position: 1,
      isoClause: cl02Items[0]?.isoClause,
      question: cl02Items[0]?.question,
      guidance: cl02Items[0]?.guidance,
    });
    expect(await getChecklistItems(t.db, unitId, [])).toEqual([]);
    expect(await getChecklistItems(t.db, unitId, [foreign!])).toEqual([]);
  });

  it("orders CL-99 before CL-100", async () => {
    const item = { isoClause: "9.1", question: "Câu hỏi?", guidance: null };
    const a = await createChecklistTemplate(t.db, lead, unitId, { ...NEW, code: "CL-100", items: [item] }, NOW);
    const b = await createChecklistTemplate(t.db, lead, unitId, { ...NEW, code: "CL-99", items: [item] }, NOW);
    if (!a.ok || !b.ok) throw new Error("not created");
    expect((await getChecklistItems(t.db, unitId, [a.id, b.id])).map((i) => i.templateCode)).toEqual(["CL-99", "CL-100"]);
    expect((await listChecklistTemplates(t.db, unitId)).map((c) => c.code).slice(-3)).toEqual(["CL-20", "CL-99", "CL-100"]);
  });
});

describe("the checklist pages", () => {
  let auth: typeof AuthModule;
  let listRoute: typeof ListRoute;
  let newRoute: typeof NewRoute;
  let templateRoute: typeof TemplateRoute;
  let nextHost = 1;

  beforeAll(async () => {
    vi.stubEnv("DATABASE_URL", t.path);
    vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
    auth = await import("~/utils/auth.server");
    listRoute = await import("~/routes/staff.checklists._index");
    newRoute = await import("~/routes/staff.checklists.new");
    templateRoute = await import("~/routes/staff.checklists.$code");
  });

  afterAll(async () => {
    const { getDb } = await import("~/utils/db.server");
    await getDb().destroy();
    vi.unstubAllEnvs();
  });

  async function cookieOf(username: string) {
    const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${nextHost++}`);
    if (!result.ok) throw new Error(`login of ${username} failed`);
    return result.setCookie.split(";")[0] ?? "";
  }

  function post(path: string, cookie: string, fields: Record<string, string>) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body });
  }

  /** A Response (redirect, thrown guard) or Remix `data()` as status and body. */
  async function outcome(run: () => Promise<unknown>) {
    let result: unknown;
    try {
      result = await run();
    } catch (thrown) {
      result = thrown;
    }
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null as unknown };
    const reply = result as { data: unknown; init: ResponseInit | null };
    return { status: reply.init?.status ?? 200, location: null, body: reply.data };
  }

  it("list the checklists for an auditor, without the new button", async () => {
    const cookie = await cookieOf("danhgia");
    const data = await listRoute.loader({ request: new Request("http://localhost/staff/checklists", { headers: { Cookie: cookie } }), params: {}, context: { clientAddress: "127.0.0.1" } });
    expect(data.canEdit).toBe(false);
    expect(data.templates.map((c) => c.code)).toContain("CL-08");
  });

  it("show a checklist to an auditor but refuse the auditor's edits", async () => {
    const cookie = await cookieOf("danhgia");
    const data = await templateRoute.loader({
      request: new Request("http://localhost/staff/checklists/CL-03", { headers: { Cookie: cookie } }),
      params: { code: "CL-03" },
      context: { clientAddress: "127.0.0.1" },
    });
    expect(data.canEdit).toBe(false);
    expect(data.template.process).toBe("QT-04");
    const edit = await outcome(() =>
      templateRoute.action({ request: post("/staff/checklists/CL-03", cookie, { title: "Sửa trái phép", isoClause: "9.1.2", "items[0].question": "?" }), params: { code: "CL-03" }, context: { clientAddress: "127.0.0.1" } }),
    );
    expect(edit.status).toBe(403);
    expect((await getChecklistTemplate(t.db, unitId, "CL-03"))?.title).not.toBe("Sửa trái phép");
    const create = await outcome(() => newRoute.action({ request: post("/staff/checklists/new", cookie, { code: "CL-30" }), params: {}, context: { clientAddress: "127.0.0.1" } }));
    expect(create.status).toBe(403);
  });

  it("answer 404 for an unknown or malformed code", async () => {
    const cookie = await cookieOf("chatluong");
    for (const code of ["CL-77", "../CL-01"]) {
      const res = await outcome(() =>
        templateRoute.loader({ request: new Request(`http://localhost/staff/checklists/${code}`, { headers: { Cookie: cookie } }), params: { code }, context: { clientAddress: "127.0.0.1" } }),
      );
      expect(res.status).toBe(404);
    }
  });

  it("let the quality lead create a checklist from the form, blank rows ignored", async () => {
    const cookie = await cookieOf("chatluong");
    const res = await outcome(() =>
      newRoute.action({
        request: post("/staff/checklists/new", cookie, {
          code: "cl-31",
          title: "Tiếp nhận hồ sơ qua bưu chính công ích",
          isoClause: "8.5.1",
          process: "QT-07",
          isActive: "on",
          "items[0].question": "Hồ sơ qua bưu chính được coi là nhận vào ngày làm việc tiếp theo khi đến ngoài giờ không?",
          "items[1].question": "",
          "items[2].isoClause": "8.5.3",
          "items[2].question": "Kết quả gửi qua bưu chính có biên nhận không?",
        }),
        params: {},
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(res).toMatchObject({ status: 302, location: "/staff/checklists/CL-31?saved=1" });
    const stored = await getChecklistTemplate(t.db, unitId, "CL-31");
    expect(stored?.items.map((i) => [i.position, i.isoClause])).toEqual([
      [1, "8.5.1"],
      [2, "8.5.3"],
    ]);
    const log = await auditRows(stored!.id);
    expect(log.map((r) => r.action)).toEqual(["created"]);
  });

  it("show the form's errors beside the fields: a taken code, an unknown process, a question missing", async () => {
    const cookie = await cookieOf("chatluong");
    const res = await outcome(() =>
      newRoute.action({
        request: post("/staff/checklists/new", cookie, {
          code: "CL-01",
          title: "Trùng mã",
          isoClause: "8.5.1",
          process: "QT-99",
          "items[0].question": "Câu hỏi?",
          "items[1].guidance": "Chỉ có hướng dẫn",
        }),
        params: {},
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(res.status).toBe(400);
    expect((res.body as { error: Record<string, string[]> }).error).toEqual({
      "items[1].question": ["checklist.error.questionRequired"],
    });
    const second = await outcome(() =>
      newRoute.action({
        request: post("/staff/checklists/new", cookie, { code: "CL-01", title: "Trùng mã", isoClause: "8.5.1", process: "QT-99", "items[0].question": "Câu hỏi?" }),
        params: {},
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(second.status).toBe(400);
    expect((second.body as { error: Record<string, string[]> }).error).toEqual({
      code: ["checklist.error.codeTaken"],
      process: ["checklist.error.unknownProcess"],
    });
  });

  it("add a row without JavaScript: the action answers with one more row and saves nothing", async () => {
    const cookie = await cookieOf("chatluong");
    const before = await getChecklistTemplate(t.db, unitId, "CL-31");
    const res = await outcome(() =>
      templateRoute.action({
        request: post("/staff/checklists/CL-31", cookie, {
          title: "Đổi tên chưa lưu",
          isoClause: "8.5.1",
          "items[0].question": "Câu một?",
          __intent__: JSON.stringify({ type: "insert", payload: { name: "items" } }),
        }),
        params: { code: "CL-31" },
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(res.status).toBe(400);
    const reply = res.body as { initialValue: { items: unknown[] } };
    expect(reply.initialValue.items).toHaveLength(2);
    expect(await getChecklistTemplate(t.db, unitId, "CL-31")).toEqual(before);
  });

  it("let the quality lead withdraw a checklist", async () => {
    const cookie = await cookieOf("chatluong");
    const current = (await getChecklistTemplate(t.db, unitId, "CL-31"))!;
    const fields: Record<string, string> = { title: current.title, isoClause: current.isoClause, process: current.process ?? "" };
    current.items.forEach((item, index) => {
      fields[`items[${index}].isoClause`] = item.isoClause;
      fields[`items[${index}].question`] = item.question;
    });
    const res = await outcome(() => templateRoute.action({ request: post("/staff/checklists/CL-31", cookie, fields), params: { code: "CL-31" }, context: { clientAddress: "127.0.0.1" } }));
    expect(res).toMatchObject({ status: 302, location: "/staff/checklists/CL-31?saved=1" });
    expect((await getChecklistTemplate(t.db, unitId, "CL-31"))?.isActive).toBe(false);
    expect((await auditRows(current.id)).map((r) => r.action)).toEqual(["created", "deactivated"]);
  });
});
