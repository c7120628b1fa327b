import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_UNIT, DEMO_USERS, seedDemo } from "#db/seed/demo";
import { ROLES, type Role } from "~/domain/accounts/roles";
import { SYSTEM_ACTOR, type Actor } from "~/models/audit-log.server";
import { createSession } from "~/models/sessions.server";
import {
  changeOwnPassword,
  createUser,
  getPasswordHash,
  getUser,
  isUsernameTaken,
  listUsers,
  resetPassword,
  updateUser,
} from "~/models/users.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { CHECK_FAILED, UNIQUE_FAILED } from "../../setup/db-faults";

const NOW = new Date("2026-03-02T02:00:00.000Z");
// Models store whatever hash they are given; a recognisable fake one shows where it ends up.
const FAKE_HASH = "scrypt$32768$8$1$ZmFrZS1zYWx0$ZmFrZS1oYXNoLXRoYXQtbXVzdC1uZXZlci1sZWFr";

let t: TestDb;
let unitId: number;
let adminId: number;
let admin: Actor;

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  const quantri = await t.db.selectFrom("user").select("id").where("username", "=", "quantri").executeTakeFirstOrThrow();
  adminId = quantri.id;
  admin = { kind: "user", userId: adminId };
});

afterAll(async () => {
  await t.cleanup();
});

const auditRowsOf = (userId: number) =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "user")
    .where("entity_id", "=", String(userId))
    .orderBy("id")
    .execute();

const sessionIdsOf = async (userId: number) =>
  (await t.db.selectFrom("session").select("id").where("user_id", "=", userId).execute()).map((r) => r.id).sort();

function newUser(username: string, roles: Role[] = ["officer"]) {
  return createUser(
    t.db,
    admin,
    { unitId, username, displayName: `Người dùng ${username}`, roles, passwordHash: FAKE_HASH, mustChangePassword: true },
    NOW,
  );
}

describe("seedDemo", () => {
  test("creates the reference commune", async () => {
    // The demo also holds the province and the communes merged into this one (issue 14).
    const units = await t.db.selectFrom("unit").selectAll().where("code", "=", DEMO_UNIT.code).execute();
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ name: "UBND xã Mường Sai", code: DEMO_UNIT.code, is_remote_area: 1 });
  });

  test("creates one active user per role in that unit", async () => {
    const demoNames = DEMO_USERS.map((u) => u.username);
    const users = (await listUsers(t.db, unitId)).filter((u) => demoNames.includes(u.username));
    expect(users).toHaveLength(6);
    // The province officer belongs to the province, not to the commune (issue 14).
    expect(users.flatMap((u) => u.roles).sort()).toEqual(ROLES.filter((r) => r !== "province_officer").sort());
    for (const user of users) {
      expect(user.roles).toHaveLength(1);
      expect(user).toMatchObject({ unitId, isDisabled: false, mustChangePassword: false });
    }
  });

  test("records the unit and each user in the audit log as the system", async () => {
    const rows = await t.db
      .selectFrom("audit_log")
      .select(["entity_type", "entity_id", "action", "actor_kind", "actor_user_id"])
      .where("at", "=", NOW.toISOString())
      .execute();
    const unitRows = rows.filter((r) => r.entity_type === "unit" && r.entity_id === String(unitId) && r.action === "created");
    const userRows = rows.filter((r) => r.entity_type === "user" && r.action === "created");
    expect(unitRows).toHaveLength(1);
    // One per commune role and the province officer's (issue 14).
    expect(userRows).toHaveLength(7);
    for (const row of [...unitRows, ...userRows]) {
      expect(row).toMatchObject({ action: "created", actor_kind: "system", actor_user_id: null });
    }
  });

  test("is idempotent", async () => {
    const count = async (table: "unit" | "user" | "user_role" | "audit_log") =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await Promise.all([count("unit"), count("user"), count("user_role"), count("audit_log")]);
    expect(await seedDemo(t.db, NOW, { requirePasswordChange: false })).toEqual({ seeded: false });
    expect(await Promise.all([count("unit"), count("user"), count("user_role"), count("audit_log")])).toEqual(before);
  });
});

describe("createUser", () => {
  test("writes the user, its roles and exactly one audit row", async () => {
    const id = await newUser("tao-moi", ["officer", "auditor", "officer"]);
    expect(await getUser(t.db, id)).toEqual({
      id,
      unitId,
      username: "tao-moi",
      displayName: "Người dùng tao-moi",
      email: null,
      roles: ["auditor", "officer"],
      isDisabled: false,
      mustChangePassword: true,
    });
    expect(await getPasswordHash(t.db, id)).toBe(FAKE_HASH);
    expect(await isUsernameTaken(t.db, "tao-moi")).toBe(true);

    const rows = await auditRowsOf(id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      unit_id: unitId,
      actor_kind: "user",
      actor_user_id: adminId,
      at: NOW.toISOString(),
      entity_type: "user",
      action: "created",
      before_json: null,
    });
    expect(JSON.parse(row?.after_json ?? "null")).toEqual({
      username: "tao-moi",
      unitId,
      displayName: "Người dùng tao-moi",
      email: null,
      roles: ["auditor", "officer"],
      disabled: false,
    });
  });

  test("never puts the password hash in the audit log", async () => {
    await newUser("khong-lo-mat-khau");
    const rows = await t.db.selectFrom("audit_log").select(["before_json", "after_json"]).execute();
    const json = rows.map((r) => `${r.before_json ?? ""}${r.after_json ?? ""}`).join("\n");
    expect(json).not.toContain(FAKE_HASH);
    expect(json).not.toContain("scrypt$");
    expect(json.toLowerCase()).not.toContain("password_hash");
    expect(json.toLowerCase()).not.toContain("passwordhash");
  });

  test("a duplicate username fails and writes nothing", async () => {
    await newUser("trung-ten");
    const [usersBefore, auditBefore] = await Promise.all([
      t.db.selectFrom("user").select("id").execute(),
      t.db.selectFrom("audit_log").select("id").execute(),
    ]);
    await expect(newUser("trung-ten", ["leader"])).rejects.toThrow(UNIQUE_FAILED);
    expect(await t.db.selectFrom("user").select("id").execute()).toEqual(usersBefore);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual(auditBefore);
  });

  test("a failure after the user row was written rolls the user back too", async () => {
    const auditBefore = await t.db.selectFrom("audit_log").select("id").execute();
    // The CHECK on user_role fails after the user insert succeeded inside the transaction.
    const bogus = "superuser" as string as Role;
    await expect(newUser("nua-chung", ["officer", bogus])).rejects.toThrow(CHECK_FAILED);
    expect(await isUsernameTaken(t.db, "nua-chung")).toBe(false);
    expect(
      await t.db.selectFrom("user_role").innerJoin("user", "user.id", "user_role.user_id").select("user.id").where("username", "=", "nua-chung").execute(),
    ).toEqual([]);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual(auditBefore);
  });
});

describe("updateUser", () => {
  test("changes profile and roles and records before and after", async () => {
    const id = await newUser("cap-nhat", ["officer"]);
    const later = new Date(NOW.getTime() + 60_000);
    await updateUser(
      t.db,
      admin,
      id,
      { displayName: "Tên mới", email: "moi@example.vn", roles: ["leader", "inspector"], disabled: false },
      later,
    );
    expect(await getUser(t.db, id)).toMatchObject({
      displayName: "Tên mới",
      email: "moi@example.vn",
      roles: ["inspector", "leader"],
      isDisabled: false,
    });
    const updated = (await auditRowsOf(id)).filter((r) => r.action === "updated");
    expect(updated).toHaveLength(1);
    expect(updated[0]?.at).toBe(later.toISOString());
    expect(JSON.parse(updated[0]?.before_json ?? "null")).toEqual({
      username: "cap-nhat",
      unitId,
      displayName: "Người dùng cap-nhat",
      email: null,
      roles: ["officer"],
      disabled: false,
    });
    expect(JSON.parse(updated[0]?.after_json ?? "null")).toEqual({
      username: "cap-nhat",
      unitId,
      displayName: "Tên mới",
      email: "moi@example.vn",
      roles: ["inspector", "leader"],
      disabled: false,
    });
  });

  test("an edit that keeps the user enabled leaves their sessions alone", async () => {
    const id = await newUser("giu-phien");
    const session = await createSession(t.db, id, NOW);
    await updateUser(t.db, admin, id, { displayName: "Giữ phiên", roles: ["officer"], disabled: false }, NOW);
    expect(await sessionIdsOf(id)).toEqual([session.id]);
  });

  test("disabling records it and deletes the user's sessions, and only theirs", async () => {
    const id = await newUser("bi-khoa");
    const other = await newUser("khong-bi-khoa");
    await createSession(t.db, id, NOW);
    await createSession(t.db, id, NOW);
    const otherSession = await createSession(t.db, other, NOW);

    await updateUser(t.db, admin, id, { displayName: "Bị khoá", roles: ["officer"], disabled: true }, NOW);

    expect(await getUser(t.db, id)).toMatchObject({ isDisabled: true });
    expect(await sessionIdsOf(id)).toEqual([]);
    expect(await sessionIdsOf(other)).toEqual([otherSession.id]);
    const [row] = (await auditRowsOf(id)).filter((r) => r.action === "updated");
    expect(JSON.parse(row?.before_json ?? "null")).toMatchObject({ disabled: false });
    expect(JSON.parse(row?.after_json ?? "null")).toMatchObject({ disabled: true });
  });

  test("an unknown user is an error and writes nothing", async () => {
    const auditBefore = await t.db.selectFrom("audit_log").select("id").execute();
    await expect(
      updateUser(t.db, admin, 999_999, { displayName: "X", roles: ["officer"], disabled: false }, NOW),
    ).rejects.toThrow(/not found/);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual(auditBefore);
  });
});

describe("resetPassword", () => {
  test("sets the new hash, forces a change, ends every session and records password_reset", async () => {
    const id = await createUser(
      t.db,
      admin,
      { unitId, username: "dat-lai", displayName: "Đặt lại", roles: ["officer"], passwordHash: FAKE_HASH, mustChangePassword: false },
      NOW,
    );
    await createSession(t.db, id, NOW);
    await createSession(t.db, id, NOW);
    const newHash = `${FAKE_HASH}-reset`;

    await resetPassword(t.db, admin, id, newHash, NOW);

    expect(await getPasswordHash(t.db, id)).toBe(newHash);
    expect(await getUser(t.db, id)).toMatchObject({ mustChangePassword: true });
    expect(await sessionIdsOf(id)).toEqual([]);
    const rows = (await auditRowsOf(id)).filter((r) => r.action === "password_reset");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_kind: "user", actor_user_id: adminId });
    expect(JSON.parse(rows[0]?.before_json ?? "null")).toEqual({ mustChangePassword: false });
    expect(JSON.parse(rows[0]?.after_json ?? "null")).toEqual({ mustChangePassword: true });
    expect(`${rows[0]?.before_json}${rows[0]?.after_json}`).not.toContain(newHash);
  });
});

describe("changeOwnPassword", () => {
  test("keeps the current session only, clears the must-change flag and records it as the user", async () => {
    const id = await newUser("doi-mat-khau");
    const other = await newUser("nguoi-khac");
    const current = await createSession(t.db, id, NOW);
    await createSession(t.db, id, NOW);
    await createSession(t.db, id, NOW);
    const othersSession = await createSession(t.db, other, NOW);
    const newHash = `${FAKE_HASH}-own`;

    await changeOwnPassword(t.db, id, newHash, current.id, NOW);

    expect(await sessionIdsOf(id)).toEqual([current.id]);
    expect(await sessionIdsOf(other)).toEqual([othersSession.id]);
    expect(await getPasswordHash(t.db, id)).toBe(newHash);
    expect(await getUser(t.db, id)).toMatchObject({ mustChangePassword: false });
    const rows = (await auditRowsOf(id)).filter((r) => r.action === "password_changed");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_kind: "user", actor_user_id: id });
  });
});

test("SYSTEM_ACTOR writes audit rows without a user", async () => {
  const id = await createUser(
    t.db,
    SYSTEM_ACTOR,
    { unitId, username: "he-thong-tao", displayName: "Hệ thống tạo", roles: ["auditor"], passwordHash: FAKE_HASH, mustChangePassword: false },
    NOW,
  );
  expect(await auditRowsOf(id)).toMatchObject([{ actor_kind: "system", actor_user_id: null }]);
});
