import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Role } from "~/domain/accounts/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "#db/seed/demo";
import { verifyPassword } from "~/utils/password.server";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "./audit-log.server";

export interface UserSummary {
  id: number;
  unitId: number;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  isDisabled: boolean;
  mustChangePassword: boolean;
}

/** What the audit log keeps of a user: never the password hash. */
function auditSnapshot(user: UserSummary) {
  return {
    username: user.username,
    unitId: user.unitId,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    disabled: user.isDisabled,
  };
}

async function rolesOf(db: Kysely<Database>, userIds: number[]): Promise<Map<number, Role[]>> {
  const byUser = new Map<number, Role[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("user_role")
    .select(["user_id", "role"])
    .where("user_id", "in", userIds)
    .orderBy("role")
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(row.role);
  return byUser;
}

const userColumns = [
  "id",
  "unit_id",
  "username",
  "display_name",
  "email",
  "is_disabled",
  "must_change_password",
] as const;

export async function listUsers(db: Kysely<Database>, unitId: number): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom("user")
    .select(userColumns)
    .where("unit_id", "=", unitId)
    .orderBy("username")
    .execute();
  const roles = await rolesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toSummary(r, roles.get(r.id) ?? []));
}

export async function getUser(db: Kysely<Database>, userId: number): Promise<UserSummary | null> {
  const row = await db.selectFrom("user").select(userColumns).where("id", "=", userId).executeTakeFirst();
  if (!row) return null;
  const roles = await rolesOf(db, [row.id]);
  return toSummary(row, roles.get(row.id) ?? []);
}

function toSummary(
  row: {
    id: number;
    unit_id: number;
    username: string;
    display_name: string;
    email: string | null;
    is_disabled: 0 | 1;
    must_change_password: 0 | 1;
  },
  roles: Role[],
): UserSummary {
  return {
    id: row.id,
    unitId: row.unit_id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles,
    isDisabled: row.is_disabled === 1,
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function isUsernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  const row = await db.selectFrom("user").select("id").where("username", "=", username).executeTakeFirst();
  return row !== undefined;
}

export async function findLoginCredentials(db: Kysely<Database>, username: string) {
  return db
    .selectFrom("user")
    .select(["id", "password_hash", "is_disabled"])
    .where("username", "=", username)
    .executeTakeFirst();
}

export async function getPasswordHash(db: Kysely<Database>, userId: number): Promise<string | null> {
  const row = await db.selectFrom("user").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export interface NewUserData {
  unitId: number;
  username: string;
  displayName: string;
  email?: string | undefined;
  roles: readonly Role[];
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  data: NewUserData,
  now = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto("user")
      .values({
        unit_id: data.unitId,
        username: data.username,
        display_name: data.displayName,
        email: data.email ?? null,
        password_hash: data.passwordHash,
        is_disabled: 0,
        must_change_password: data.mustChangePassword ? 1 : 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("user_role")
      .values([...new Set(data.roles)].map((role) => ({ user_id: id, role })))
      .execute();
    const created = await getUser(trx, id);
    await recordAudit(trx, {
      actor,
      unitId: data.unitId,
      entityType: "user",
      entityId: id,
      action: "created",
      after: created && auditSnapshot(created),
      at: now,
    });
    return id;
  });
}

export interface UserChanges {
  /** Issue 14: the unit the user works in (one the admin's unit covers); unchanged when absent. */
  unitId?: number | undefined;
  displayName: string;
  email?: string | undefined;
  roles: readonly Role[];
  disabled: boolean;
}

/** Updates profile, roles and the disabled flag in one transaction; disabling closes the user's sessions. */
export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  changes: UserChanges,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getUser(trx, userId);
    if (!before) throw new Error(`User ${userId} not found`);
    await trx
      .updateTable("user")
      .set({
        ...(changes.unitId === undefined ? {} : { unit_id: changes.unitId }),
        display_name: changes.displayName,
        email: changes.email ?? null,
        is_disabled: changes.disabled ? 1 : 0,
        updated_at: now.toISOString(),
      })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("user_role").where("user_id", "=", userId).execute();
    await trx
      .insertInto("user_role")
      .values([...new Set(changes.roles)].map((role) => ({ user_id: userId, role })))
      .execute();
    if (changes.disabled) await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    const after = await getUser(trx, userId);
    await recordAudit(trx, {
      actor,
      unitId: before.unitId,
      entityType: "user",
      entityId: userId,
      action: "updated",
      before: auditSnapshot(before),
      after: after && auditSnapshot(after),
      at: now,
    });
  });
}

/** An admin sets a new password: the user must change it at next sign-in, and all sessions end. */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  passwordHash: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) throw new Error(`User ${userId} not found`);
    await trx
      .updateTable("user")
      .set({ password_hash: passwordHash, must_change_password: 1, updated_at: now.toISOString() })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    await recordAudit(trx, {
      actor,
      unitId: user.unitId,
      entityType: "user",
      entityId: userId,
      action: "password_reset",
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true },
      at: now,
    });
  });
}

/** The user changes their own password; other sessions of theirs end, the current one stays. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
  keepSessionId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) throw new Error(`User ${userId} not found`);
    await trx
      .updateTable("user")
      .set({ password_hash: passwordHash, must_change_password: 0, updated_at: now.toISOString() })
      .where("id", "=", userId)
      .execute();
    await trx
      .deleteFrom("session")
      .where("user_id", "=", userId)
      .where("id", "!=", keepSessionId)
      .execute();
    await recordAudit(trx, {
      actor: { kind: "user", userId },
      unitId: user.unitId,
      entityType: "user",
      entityId: userId,
      action: "password_changed",
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
      at: now,
    });
  });
}

/**
 * Accounts that still sign in with the public demo password (databases seeded before issue 13)
 * must change it: flagged, their sessions ended, each with an audit row. Returns how many.
 */
export async function requireDemoPasswordChange(db: Kysely<Database>, now = new Date()): Promise<number> {
  const candidates = await db
    .selectFrom("user")
    .select(["id", "unit_id", "password_hash"])
    .where("username", "in", DEMO_USERS.map((u) => u.username))
    .where("must_change_password", "=", 0)
    .execute();
  let flagged = 0;
  for (const user of candidates) {
    if (!(await verifyPassword(DEMO_PASSWORD, user.password_hash))) continue;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("user").set({ must_change_password: 1, updated_at: now.toISOString() }).where("id", "=", user.id).execute();
      await trx.deleteFrom("session").where("user_id", "=", user.id).execute();
      await recordAudit(trx, {
        actor: SYSTEM_ACTOR,
        unitId: user.unit_id,
        entityType: "user",
        entityId: user.id,
        action: "password_change_required",
        before: { mustChangePassword: false },
        after: { mustChangePassword: true, reason: "demo_password" },
        at: now,
      });
    });
    flagged += 1;
  }
  return flagged;
}
