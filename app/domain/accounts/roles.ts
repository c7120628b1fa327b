import { z } from "zod";

/** Staff roles. A user holds one or more. Citizens have no account. */
export const ROLES = [
  "quality_lead",
  "officer",
  "leader",
  "auditor",
  "inspector",
  "admin",
  // Issue 14: the province's quality office reads and compares every commune, acts on none.
  "province_officer",
] as const;

export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES);

export function hasAnyRole(userRoles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => userRoles.includes(role));
}
