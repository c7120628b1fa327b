import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE, heatMap, NewRiskSchema, reviewEffective, riskLevel, treatmentDueError } from "~/domain/risks/risk";

function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  if (result.success || !result.error) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).sort();
}

describe("riskLevel", () => {
  it.each([
    [1, 1, 1, "low"],
    [2, 2, 4, "low"],
    [1, 5, 5, "medium"],
    [3, 3, 9, "medium"],
    [2, 5, 10, "high"],
    [4, 4, 16, "high"],
    [5, 4, 20, "critical"],
    [5, 5, 25, "critical"],
  ])("likelihood %i × impact %i = %i (%s)", (l, i, level, band) => {
    expect(riskLevel(DEFAULT_SCALE, l, i)).toEqual({ ok: true, level, band });
  });

  it.each([
    [0, 3, "likelihood"],
    [6, 3, "likelihood"],
    [2.5, 3, "likelihood"],
    [3, 0, "impact"],
    [3, 9, "impact"],
  ])("refuses %s × %s outside the scale, on the %s", (l, i, field) => {
    expect(riskLevel(DEFAULT_SCALE, l, i)).toEqual({ ok: false, field, error: "risks.error.outsideScale" });
  });

  it("reads the scale as data: a 1–3 scale refuses 4", () => {
    const small = { ...DEFAULT_SCALE, likelihood: [1, 2, 3], impact: [1, 2, 3] };
    expect(riskLevel(small, 4, 1).ok).toBe(false);
  });
});

describe("heatMap", () => {
  it("puts the highest likelihood first and counts risks per cell", () => {
    const map = heatMap(DEFAULT_SCALE, [{ likelihood: 5, impact: 4 }, { likelihood: 5, impact: 4 }, { likelihood: 1, impact: 1 }]);
    expect(map.map((r) => r.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(map[0]!.cells[3]).toEqual({ impact: 4, level: 20, band: "critical", count: 2 });
    expect(map[4]!.cells[0]!.count).toBe(1);
  });
});

describe("treatment due and effectiveness", () => {
  it.each([
    ["2026-03-01", "2026-02-28", "risks.error.dueBeforeRecorded"],
    ["2026-03-01", "2026-03-01", null],
    ["2026-03-01", "2026-04-01", null],
  ])("recorded %s, due %s → %s", (recorded, due, error) => expect(treatmentDueError(recorded, due)).toBe(error));

  it.each([
    ["risk", 16, 8, true],
    ["risk", 8, 8, false],
    ["opportunity", 6, 12, true],
    ["opportunity", 12, 6, false],
  ] as const)("%s from %i to %i effective: %s", (kind, before, after, effective) => expect(reviewEffective(kind, before, after)).toBe(effective));
});

const GOOD = {
  kind: "risk",
  process: "QT-07",
  title: "Một cán bộ nghỉ Tết",
  description: "d",
  cause: "c",
  consequence: "q",
  likelihood: "4",
  impact: "4",
  ownerUserId: "2",
  reviewDate: "2026-06-01",
  recordedOn: "2026-03-01",
};

describe("NewRiskSchema", () => {
  it("accepts a risk and reads the scores from the form's text", () => {
    const r = NewRiskSchema.safeParse(GOOD);
    expect(issuesOf(r)).toEqual([]);
    expect(r.data?.likelihood).toBe(4);
  });
  it.each([
    ["a score that is not a number", { likelihood: "abc" }, ["likelihood: risks.error.outsideScale"]],
    ["neither process nor field", { process: "" }, ["process: risks.error.processOrField"]],
    ["a treatment due before the risk was recorded", { treatment: "Phân công dự phòng", treatmentDue: "2026-02-01" }, ["treatmentDue: risks.error.dueBeforeRecorded"]],
    ["a treatment without a due date", { treatment: "Phân công dự phòng" }, ["treatmentDue: error.required"]],
  ])("refuses %s beside the field", (_, change, issues) => {
    expect(issuesOf(NewRiskSchema.safeParse({ ...GOOD, ...change }))).toEqual(issues);
  });
});
