import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Role } from "../app/domain/accounts/roles";

/**
 * The one Kysely `Database` type. Column names are snake_case as in SQL.
 * Business dates are `YYYY-MM-DD` text in Asia/Ho_Chi_Minh; instants are UTC ISO text.
 * Booleans are stored as 0/1 (better-sqlite3 binds neither `Date` nor `boolean`).
 */
export interface Database {
  unit: UnitTable;
  user: UserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
}

export interface UnitTable {
  id: Generated<number>;
  /** Code used in dossier codes (`<unit code>-YYMMDD-NNNN`). */
  code: string;
  name: string;
  kind: "commune" | "ward" | "district" | "province";
  parent_id: number | null;
  district_name: string | null;
  province_name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** Remote, difficult area: longer legal deadlines for complaints. */
  is_remote_area: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  unit_id: number;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_disabled: 0 | 1;
  must_change_password: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: Role;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: 0 | 1;
  attempted_at: string;
}

export type AuditActorKind = "user" | "citizen" | "system";

export interface AuditLogTable {
  id: Generated<number>;
  unit_id: number | null;
  actor_kind: AuditActorKind;
  actor_user_id: number | null;
  at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
