import { describe, expect, it } from "vitest";
import { competenceStatus, handlerCompetenceGaps, missingCompetences, requiredToHandle, TrainingRecordSchema, type CompetenceRequirement } from "~/domain/competence/competence";

function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  if (result.success || !result.error) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).sort();
}

describe("competenceStatus", () => {
  const rec = (expiresOn: string | null, endDate = "2025-01-10", competenceId = 1) => ({ competenceId, endDate, expiresOn });
  it.each([
    ["no record", [], "missing"],
    ["another competence", [rec(null, "2025-01-10", 2)], "missing"],
    ["no expiry", [rec(null)], "held"],
    ["expires far ahead", [rec("2027-12-31")], "held"],
    ["expires within 60 days", [rec("2026-04-15")], "lapsing"],
    ["expires today", [rec("2026-03-02")], "lapsing"],
    ["expired yesterday", [rec("2026-03-01")], "missing"],
    ["expired, renewed", [rec("2026-03-01"), rec("2028-03-01", "2026-02-20")], "held"],
    ["training not finished yet", [rec(null, "2026-03-10")], "missing"],
  ] as const)("%s → %s", (_, records, status) => expect(competenceStatus(records, 1, "2026-03-02")).toBe(status));
});

describe("TrainingRecordSchema", () => {
  const GOOD = { userId: "3", course: "Kỹ năng giao tiếp", provider: "Sở Nội vụ", startDate: "2026-01-05", endDate: "2026-01-06", hours: "16", expiresOn: "2028-01-06" };
  it("accepts a record", () => expect(issuesOf(TrainingRecordSchema.safeParse(GOOD))).toEqual([]));
  it.each([
    ["expiry before the training", { expiresOn: "2026-01-01" }, ["expiresOn: competence.error.expiryBeforeTraining"]],
    ["end before start", { endDate: "2026-01-01", expiresOn: "" }, ["endDate: competence.error.endBeforeStart"]],
  ])("refuses %s beside the field", (_, change, issues) => expect(issuesOf(TrainingRecordSchema.safeParse({ ...GOOD, ...change }))).toEqual(issues));
});

describe("missingCompetences (the desk's warning at assignment)", () => {
  const TODAY = "2026-12-03";
  it.each([
    ["nothing required", [], [], []],
    ["held", [{ competenceId: 4, endDate: "2024-05-10", expiresOn: null }], [4], []],
    ["lapsing still counts", [{ competenceId: 4, endDate: "2025-12-01", expiresOn: "2026-12-20" }], [4], []],
    ["lapsed", [{ competenceId: 4, endDate: "2024-12-01", expiresOn: "2026-12-01" }], [4], [4]],
    ["never trained, required twice", [], [4, 4, 5], [4, 5]],
    ["another competence held", [{ competenceId: 5, endDate: "2024-05-10", expiresOn: null }], [4, 5], [4]],
  ])("%s", (_, held, required, missing) => {
    expect(missingCompetences(held, required, TODAY)).toEqual(missing);
  });
});

describe("handlerCompetenceGaps (the desk's warning names only the person being assigned)", () => {
  const TODAY = "2026-12-03";
  // As the demo: 1 auditor (role:auditor, role:quality_lead), 2 ISO awareness (every staff role),
  // 3 communication (process:QT-07), 4 civil status (field:civil_status), 5 e-signature (process:QT-07).
  const REQUIREMENTS: CompetenceRequirement[] = [
    { competenceId: 1, kind: "role", code: "auditor" },
    { competenceId: 1, kind: "role", code: "quality_lead" },
    ...["officer", "leader", "quality_lead", "auditor"].map((code) => ({ competenceId: 2, kind: "role" as const, code })),
    { competenceId: 3, kind: "process", code: "QT-07" },
    { competenceId: 4, kind: "field", code: "civil_status" },
    { competenceId: 5, kind: "process", code: "QT-07" },
  ];
  const held = (...ids: number[]) => ids.map((competenceId) => ({ competenceId, endDate: "2024-03-19", expiresOn: null }));
  it.each([
    ["an officer holding the field's and the role's competence", ["officer"], held(2, 4), "civil_status", []],
    ["an officer without the field's competence", ["officer"], held(2), "civil_status", [4]],
    ["the leader without the field's competence", ["leader"], held(2), "civil_status", [4]],
    ["the leader in a field that requires none", ["leader"], held(2), "land_construction", []],
    ["a field that requires none, the role's competence missing", ["officer"], [], "land_construction", [2]],
    ["the quality lead, her auditor certificate lapsed", ["quality_lead"], [{ competenceId: 1, endDate: "2022-10-12", expiresOn: "2025-10-12" }, ...held(2)], "land_construction", [1]],
    ["another process's competence is not asked of a handler", ["officer"], held(2), "justice", []],
    ["another field's competence held does not cover this one", ["officer"], held(2, 4), "land_construction", []],
    ["no roles, no field requirement", [], [], "justice", []],
  ])("%s", (_, roles, records, field, missing) => {
    expect(handlerCompetenceGaps(REQUIREMENTS, { roles, held: records }, field, TODAY)).toEqual(missing);
  });
  it("counts a competence required twice (role and field) once", () => {
    expect(requiredToHandle([{ competenceId: 7, kind: "field", code: "justice" }, { competenceId: 7, kind: "role", code: "officer" }], "justice", ["officer"])).toEqual([7]);
  });
});
