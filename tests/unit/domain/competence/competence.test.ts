import { describe, expect, it } from "vitest";
import { competenceStatus, missingCompetences, TrainingRecordSchema } from "~/domain/competence/competence";

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
