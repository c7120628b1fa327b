import { describe, expect, test } from "vitest";
import { ROLES, type Role } from "~/domain/accounts/roles";
import { rolesFor, STAFF_NAV, staffNavFor } from "~/utils/navigation";

const pathsFor = (roles: readonly Role[]) => staffNavFor(roles).map((item) => item.to);

// Other areas join the menu as they are built; these rows pin the accounts area's own entries.
describe("staffNavFor", () => {
  test.each([
    { role: "admin", users: true, auditLog: true },
    { role: "quality_lead", users: false, auditLog: true },
    { role: "officer", users: false, auditLog: false },
    { role: "leader", users: false, auditLog: false },
    { role: "auditor", users: false, auditLog: false },
    { role: "inspector", users: false, auditLog: false },
  ] satisfies { role: Role; users: boolean; auditLog: boolean }[])(
    "$role: users $users, audit log $auditLog, always home and own account",
    ({ role, users, auditLog }) => {
      const paths = pathsFor([role]);
      expect(paths.includes("/staff/users")).toBe(users);
      expect(paths.includes("/staff/audit-log")).toBe(auditLog);
      expect(paths[0]).toBe("/staff");
      expect(paths).toContain("/staff/account");
    },
  );

  test("a user with several roles sees the union, in menu order", () => {
    const union = pathsFor(["officer", "quality_lead"]);
    const menuOrder = STAFF_NAV.map((item) => item.to);
    expect(union).toEqual(menuOrder.filter((to) => pathsFor(["officer"]).includes(to) || pathsFor(["quality_lead"]).includes(to)));
    expect(union).toContain("/staff/audit-log");
    expect(union).not.toContain("/staff/users");
  });

  test("a user with no role sees nothing", () => {
    expect(pathsFor([])).toEqual([]);
  });

  test("every entry has a catalogue label, a unique path and at least one known role", () => {
    expect(new Set(STAFF_NAV.map((item) => item.to)).size).toBe(STAFF_NAV.length);
    for (const item of STAFF_NAV) {
      expect(item.label).toMatch(/^nav\./);
      expect(item.roles.length).toBeGreaterThan(0);
      for (const role of item.roles) expect(ROLES).toContain(role);
    }
  });
});

describe("rolesFor", () => {
  test("gives the guard the same roles the menu uses", () => {
    expect(rolesFor("/staff/users")).toEqual(["admin"]);
    expect([...rolesFor("/staff/audit-log")].sort()).toEqual(["admin", "quality_lead"]);
    expect(rolesFor("/staff/account")).toEqual(ROLES);
    for (const item of STAFF_NAV) expect(rolesFor(item.to)).toBe(item.roles);
  });

  test.each(["/staff/nope", "/staff/users/", "", "/Staff/users"])("throws on the unknown path %j", (path) => {
    expect(() => rolesFor(path)).toThrow(/No staff nav entry/);
  });
});
