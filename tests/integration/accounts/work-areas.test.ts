import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { getWorkAreas } from "~/models/work-areas.server";
import { seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the route modules are loaded once DATABASE_URL points at the test database.
import type * as UserRoute from "~/routes/staff.users.$userId";
import type * as UsersRoute from "~/routes/staff.users._index";
import type * as AuthModule from "~/utils/auth.server";

let t: TestDb;
let auth: typeof AuthModule;
let route: typeof UserRoute;
let listRoute: typeof UsersRoute;
let auditorId: number;
let adminId: number;
let nextHost = 1;

beforeAll(async () => {
  t = createTestDb();
  await seedReferenceData(t.db);
  const id = async (username: string) => (await t.db.selectFrom("user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
  auditorId = await id("danhgia");
  adminId = await id("quantri");
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  auth = await import("~/utils/auth.server");
  route = await import("~/routes/staff.users.$userId");
  listRoute = await import("~/routes/staff.users._index");
});

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

async function cookieOf(username: string) {
  const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `203.0.113.${nextHost++}`);
  if (!result.ok) throw new Error(`login of ${username} failed`);
  return result.setCookie.split(";")[0] ?? "";
}

function post(cookie: string, entries: Array<[string, string]>, userId = auditorId) {
  const body = new FormData();
  for (const [k, v] of entries) body.append(k, v);
  return new Request(`http://localhost/staff/users/${userId}`, { method: "POST", headers: { Cookie: cookie }, body });
}

async function act(request: Request, userId = auditorId) {
  let result: unknown;
  try {
    result = await route.action({ request, params: { userId: String(userId) }, context: { clientAddress: "127.0.0.1" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null as unknown };
  const reply = result as { data: unknown; init: ResponseInit | null };
  return { status: reply.init?.status ?? 200, location: null, body: reply.data };
}

const areasOf = async (userId: number) => (await getWorkAreas(t.db, [userId])).get(userId);
const auditRows = () =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "user")
    .where("entity_id", "=", String(auditorId))
    .where("action", "=", "work_areas_changed")
    .orderBy("id")
    .execute();

describe("a user's work areas on the admin's user page", () => {
  it("show the seeded areas and the register's procedures to choose from", async () => {
    const cookie = await cookieOf("quantri");
    const data = await route.loader({
      request: new Request(`http://localhost/staff/users/${auditorId}`, { headers: { Cookie: cookie } }),
      params: { userId: String(auditorId) },
      context: { clientAddress: "127.0.0.1" },
    });
    expect(data.workAreas).toEqual({ fields: ["civil_status", "justice"], processes: ["QT-08", "QT-09", "QT-10"] });
    const codes = data.processOptions.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["QT-01", "QT-07", "QT-12"]));
    expect(codes.every((c) => c.startsWith("QT-"))).toBe(true);
    expect(data.processOptions.find((p) => p.code === "QT-07")?.title).toBe("Tiếp nhận và trả kết quả giải quyết thủ tục hành chính");
  });

  it("are saved by the admin through the form's own intent, audited", async () => {
    const cookie = await cookieOf("quantri");
    const logged = (await auditRows()).length;
    const res = await act(
      post(cookie, [
        ["intent", "workAreas"],
        ["fields", "land_construction"],
        ["processes", "QT-12"],
        ["processes", "QT-02"],
      ]),
    );
    expect(res).toMatchObject({ status: 302, location: `/staff/users/${auditorId}?workAreasSaved=1` });
    expect(await areasOf(auditorId)).toEqual({ fields: ["land_construction"], processes: ["QT-02", "QT-12"] });
    const rows = await auditRows();
    expect(rows).toHaveLength(logged + 1);
    const last = rows.at(-1);
    expect(last?.actor_user_id).toBe(adminId);
    expect(JSON.parse(last?.before_json ?? "null")).toEqual({ fields: ["civil_status", "justice"], processes: ["QT-08", "QT-09", "QT-10"] });
    expect(JSON.parse(last?.after_json ?? "null")).toEqual({ fields: ["land_construction"], processes: ["QT-02", "QT-12"] });
    // The account itself is untouched by this form.
    expect((await t.db.selectFrom("user").select("display_name").where("id", "=", auditorId).executeTakeFirstOrThrow()).display_name).toBe("Tòng Thị Lan");
  });

  it("can be cleared: nothing checked", async () => {
    const cookie = await cookieOf("quantri");
    expect((await act(post(cookie, [["intent", "workAreas"]]))).status).toBe(302);
    expect(await areasOf(auditorId)).toEqual({ fields: [], processes: [] });
  });

  it("refuse a process outside the register and an unknown field, saving nothing", async () => {
    const cookie = await cookieOf("quantri");
    await act(post(cookie, [["intent", "workAreas"], ["fields", "justice"]]));
    const logged = (await auditRows()).length;
    const res = await act(
      post(cookie, [
        ["intent", "workAreas"],
        ["fields", "justice"],
        ["processes", "QT-77"],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ intent: "workAreas", result: { error: { processes: ["users.workAreas.error.unknownProcess"] } } });
    const bad = await act(
      post(cookie, [
        ["intent", "workAreas"],
        ["fields", "fishing"],
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ intent: "workAreas", result: { error: { "fields[0]": ["error.invalid"] } } });
    expect(await areasOf(auditorId)).toEqual({ fields: ["justice"], processes: [] });
    expect((await auditRows()).length).toBe(logged);
  });

  it.each(["chatluong", "danhgia", "lanhdao"])("are not editable by %s (403)", async (username) => {
    const cookie = await cookieOf(username);
    const before = await areasOf(auditorId);
    const res = await act(
      post(cookie, [
        ["intent", "workAreas"],
        ["processes", "QT-07"],
      ]),
    );
    expect(res.status).toBe(403);
    expect(await areasOf(auditorId)).toEqual(before);
  });

  it("appear on the user list", async () => {
    const cookie = await cookieOf("quantri");
    await act(post(cookie, [["intent", "workAreas"], ["fields", "civil_status"], ["processes", "QT-08"]]));
    const data = await listRoute.loader({ request: new Request("http://localhost/staff/users", { headers: { Cookie: cookie } }), params: {}, context: { clientAddress: "127.0.0.1" } });
    expect(data.users.find((u) => u.username === "danhgia")?.workAreas).toEqual({ fields: ["civil_status"], processes: ["QT-08"] });
    expect(data.users.find((u) => u.username === "chatluong")?.workAreas.processes).toEqual(["QT-01", "QT-02", "QT-03", "QT-04", "QT-05", "QT-06"]);
    expect(data.users.find((u) => u.username === "lanhdao")?.workAreas).toEqual({ fields: [], processes: [] });
  });
});
