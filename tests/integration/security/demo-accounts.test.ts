import { afterAll, describe, expect, it } from "vitest";
import { DEMO_USERS, seedDemo } from "#db/seed/demo";
import { createSession } from "~/models/sessions.server";
import { changeOwnPassword, requireDemoPasswordChange } from "~/models/users.server";
import { hashPassword } from "~/utils/password.server";
import { createTestDb } from "../../setup/test-db";

const fresh = createTestDb();
const old = createTestDb();
afterAll(async () => {
  await fresh.cleanup();
  await old.cleanup();
});

describe("demo accounts", () => {
  it("are seeded needing a password change at first sign-in", { timeout: 240_000 }, async () => {
    await seedDemo(fresh.db, new Date("2026-01-01T00:00:00Z"));
    const users = await fresh.db.selectFrom("user").select(["username", "must_change_password"]).execute();
    // The commune's accounts and the province officer's (issue 14).
    expect(users).toHaveLength(DEMO_USERS.length + 1);
    expect(users.every((u) => u.must_change_password === 1)).toBe(true);
  });

  it("seeded before, and still on the public password, are flagged at start-up, their sessions ended", { timeout: 240_000 }, async () => {
    await seedDemo(old.db, new Date("2026-01-01T00:00:00Z"), { requirePasswordChange: false });
    const byName = Object.fromEntries((await old.db.selectFrom("user").select(["id", "username"]).execute()).map((u) => [u.username, u.id]));
    // One demo user had already chosen a password of their own.
    const session = await createSession(old.db, byName.quantri!);
    await changeOwnPassword(old.db, byName.motcua!, await hashPassword("mat-khau-rieng-cua-toi"), session.id);
    const stale = await createSession(old.db, byName.quantri!);

    expect(await requireDemoPasswordChange(old.db)).toBe(DEMO_USERS.length - 1);
    const flags = Object.fromEntries((await old.db.selectFrom("user").select(["username", "must_change_password"]).execute()).map((u) => [u.username, u.must_change_password]));
    expect(flags.motcua).toBe(0);
    expect(flags.quantri).toBe(1);
    expect(await old.db.selectFrom("session").select("id").where("id", "=", stale.id).execute()).toEqual([]);
    const audit = await old.db.selectFrom("audit_log").select("entity_id").where("action", "=", "password_change_required").execute();
    expect(audit).toHaveLength(DEMO_USERS.length - 1);
    // Once flagged, nothing more to do.
    expect(await requireDemoPasswordChange(old.db)).toBe(0);
  });
});
