import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vi } from "vitest";
import { DEMO_PASSWORD, DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { DEMO_PROVINCE, DEMO_REORGANISATION } from "#db/seed/province-demo";
import { SYSTEM_ACTOR } from "~/models/audit-log.server";
import { createUnit } from "~/models/units.server";
import { createUser } from "~/models/users.server";
import { hashPassword } from "~/utils/password.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import type * as NewUserRoute from "~/routes/staff.users.new";
import type * as EditUserRoute from "~/routes/staff.users.$userId";
import type * as UserListRoute from "~/routes/staff.users._index";
import type * as AuthModule from "~/utils/auth.server";

/*
 * Issue 14 (province): an admin puts a user in a unit the admin's unit covers — not one outside it,
 * not a commune merged away — on creation and on edit, with an audit row naming the unit.
 */

const NOW = new Date("2026-12-01T23:40:00.000Z");
let t: TestDb;
let cookie = "";
const ids = { musai: 0, province: 0, namMan: 0, fresh: 0 };
const routes: { create?: typeof NewUserRoute; edit?: typeof EditUserRoute; list?: typeof UserListRoute } = {};
const unitId = async (code: string) => (await t.db.selectFrom("unit").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  t = createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  ids.musai = await unitId(DEMO_UNIT.code);
  ids.province = await unitId(DEMO_PROVINCE.code);
  ids.namMan = await unitId(DEMO_REORGANISATION.predecessors[0].code);
  ids.fresh = await createUnit(t.db, SYSTEM_ACTOR, { code: "TEST.USERS", name: "UBND xã Thử", kind: "commune", parentId: ids.province, isRemoteArea: false }, NOW);
  await createUser(t.db, SYSTEM_ACTOR, {
    unitId: ids.province,
    username: "tinh-quantri",
    displayName: "Quản trị tỉnh",
    roles: ["admin"],
    passwordHash: await hashPassword(DEMO_PASSWORD),
    mustChangePassword: false,
  });
  const auth: typeof AuthModule = await import("~/utils/auth.server");
  const login = await auth.logIn(new Request("http://localhost/login"), { username: "tinh-quantri", password: DEMO_PASSWORD }, "198.51.100.41");
  if (!login.ok) throw new Error("login failed");
  cookie = login.setCookie.split(";")[0] ?? "";
  routes.create = await import("~/routes/staff.users.new");
  routes.edit = await import("~/routes/staff.users.$userId");
  routes.list = await import("~/routes/staff.users._index");
}, 300_000);

afterAll(async () => {
  vi.useRealTimers();
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const ctx = { clientAddress: "127.0.0.1" };
const post = (path: string, fields: Record<string, string | string[]>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { Cookie: cookie } });
};
const newUser = (username: string, unit: number) => ({
  username,
  displayName: "Cán bộ thử",
  roles: "officer",
  password: "mot-mat-khau-dai-2026",
  unitId: String(unit),
});
const userRow = (username: string) => t.db.selectFrom("user").select(["id", "unit_id"]).where("username", "=", username).executeTakeFirst();

describe("the admin chooses a user's unit", () => {
  it("offers the units the admin's unit covers, less those merged away", async () => {
    const data = (await routes.create!.loader({ request: new Request("http://localhost/staff/users/new", { headers: { Cookie: cookie } }), params: {}, context: ctx })) as {
      units: Array<{ id: number }>;
    };
    const offered = data.units.map((u) => u.id);
    expect(offered).toEqual(expect.arrayContaining([ids.province, ids.musai, ids.fresh]));
    expect(offered).not.toContain(ids.namMan);
  });

  it("creates a user in a covered commune, with an audit row naming the unit", async () => {
    const response = (await routes.create!.action({ request: post("/staff/users/new", newUser("canbo-thu", ids.fresh)), params: {}, context: ctx })) as Response;
    expect(response.status).toBe(302);
    const row = await userRow("canbo-thu");
    expect(row?.unit_id).toBe(ids.fresh);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["unit_id", "after_json"])
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(row!.id))
      .where("action", "=", "created")
      .executeTakeFirstOrThrow();
    expect(audit.unit_id).toBe(ids.fresh);
    expect(JSON.parse(audit.after_json!)).toMatchObject({ unitId: ids.fresh });
  });

  it.each([
    ["a merged commune", () => ids.namMan],
    ["a unit that does not exist", () => 999_999],
  ])("refuses %s beside the field, creating nothing", async (_, unit) => {
    const reply = (await routes.create!.action({ request: post("/staff/users/new", newUser("canbo-sai", unit())), params: {}, context: ctx })) as {
      init: ResponseInit | null;
      data: { error?: Record<string, string[]> };
    };
    expect(reply.init?.status).toBe(400);
    expect(reply.data.error?.unitId).toEqual(["users.error.unit"]);
    expect(await userRow("canbo-sai")).toBeUndefined();
  });

  it("moves a user to another covered unit on edit, with before and after in the audit row", async () => {
    const { id } = (await userRow("canbo-thu"))!;
    const response = (await routes.edit!.action({
      request: post(`/staff/users/${id}`, { intent: "edit", displayName: "Cán bộ thử", roles: "officer", unitId: String(ids.musai) }),
      params: { userId: String(id) },
      context: ctx,
    })) as Response;
    expect(response.status).toBe(302);
    expect((await userRow("canbo-thu"))?.unit_id).toBe(ids.musai);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["before_json", "after_json"])
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(id))
      .where("action", "=", "updated")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ unitId: ids.fresh });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ unitId: ids.musai });
    const refused = (await routes.edit!.action({
      request: post(`/staff/users/${id}`, { intent: "edit", displayName: "Cán bộ thử", roles: "officer", unitId: String(ids.namMan) }),
      params: { userId: String(id) },
      context: ctx,
    })) as { init: ResponseInit | null; data: { result: { error?: Record<string, string[]> } } };
    expect(refused.init?.status).toBe(400);
    expect(refused.data.result.error?.unitId).toEqual(["users.error.unit"]);
    expect((await userRow("canbo-thu"))?.unit_id).toBe(ids.musai);
  });
});

describe("the admin lists the users of a covered unit", () => {
  const list = async (query: string) =>
    (await routes.list!.loader({ request: new Request(`http://localhost/staff/users${query}`, { headers: { Cookie: cookie } }), params: {}, context: ctx })) as {
      unitId: number;
      units: Array<{ id: number }>;
      users: Array<{ username: string }>;
    };

  it("shows the admin's own unit by default, and a commune's users when that commune is chosen", async () => {
    const own = await list("");
    expect(own.unitId).toBe(ids.province);
    expect(own.users.map((u) => u.username)).toContain("tinh-quantri");
    expect(own.units.map((u) => u.id)).toEqual(expect.arrayContaining([ids.province, ids.musai]));
    const commune = await list(`?unit=${ids.musai}`);
    expect(commune.unitId).toBe(ids.musai);
    expect(commune.users.map((u) => u.username)).toContain("chatluong");
    expect(commune.users.map((u) => u.username)).not.toContain("tinh-quantri");
  });

  it("falls back to the admin's unit for a unit it does not cover or a malformed value, never a 500", async () => {
    expect((await list("?unit=999999")).unitId).toBe(ids.province);
    expect((await list("?unit=abc")).unitId).toBe(ids.province);
  });
});
