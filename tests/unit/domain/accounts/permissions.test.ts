import { describe, expect, it } from "vitest";
import { ACTING_ROLES, may, rolesTo, type Permission } from "~/domain/accounts/permissions";
import { ROLES } from "~/domain/accounts/roles";

const PERMISSIONS = Object.keys(ACTING_ROLES) as Permission[];

describe("who may act", () => {
  it("an inspector or an admin changes nothing of the quality system", () => {
    for (const permission of PERMISSIONS) {
      expect(may(["inspector"], permission)).toBe(false);
      expect(may(["admin"], permission)).toBe(false);
    }
  });

  it.each([
    ["keepQualitySystem", ["quality_lead"]],
    ["handleDossiers", ["officer", "leader", "quality_lead"]],
    ["recordNonconformities", ["quality_lead", "auditor", "leader"]],
    ["raiseNonconformityFromFeedback", ["quality_lead", "leader"]],
    ["planAudits", ["quality_lead", "auditor"]],
    ["joinAuditTeams", ["auditor", "quality_lead"]],
    ["editManagementReviews", ["quality_lead", "leader"]],
    ["recordManagementReviews", ["leader"]],
  ] as const)("%s: %o", (permission, roles) => {
    expect(new Set(rolesTo(permission))).toEqual(new Set(roles));
    for (const role of ROLES) expect(may([role], permission)).toBe((roles as readonly string[]).includes(role));
  });

  it("the province officer reads and compares; no acting permission includes the role (issue 14)", () => {
    for (const permission of PERMISSIONS) {
      expect(rolesTo(permission)).not.toContain("province_officer");
      expect(may(["province_officer"], permission)).toBe(false);
    }
  });

  it("any of several roles is enough", () => {
    expect(may(["inspector", "leader"], "recordManagementReviews")).toBe(true);
    expect(may([], "handleDossiers")).toBe(false);
  });
});
