import { z } from "zod";

/** Staff roles. A user holds one or more. Citizens have no account. */
export const ROLES = [
  "quality_lead",
  "officer",
  "leader",
  "auditor",
  "inspector",
  "admin",
] as const;

export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES);

export function hasAnyRole(userRoles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => userRoles.includes(role));
}
