import { describe, expect, it } from "vitest";
import { timelineProblems, timelineWithNewVersion, versionInForce } from "~/domain/dossiers/rule-sets";

const SEEDED = [
  { code: "nd61-2018", effectiveFrom: "2018-06-21", effectiveTo: "2025-06-30" },
  { code: "nd118-2025", effectiveFrom: "2025-07-01", effectiveTo: null },
];

describe("versionInForce", () => {
  it.each([
    ["2018-06-20", null],
    ["2018-06-21", "nd61-2018"],
    ["2025-06-30", "nd61-2018"],
    ["2025-07-01", "nd118-2025"],
    ["2030-01-01", "nd118-2025"],
  ])("on %s → %s", (date, code) => {
    expect(versionInForce(SEEDED, date)?.code ?? null).toBe(code);
  });
});

describe("timelineProblems", () => {
  it("accepts the seeded timeline", () => {
    expect(timelineProblems(SEEDED)).toEqual([]);
  });
  it.each([
    [
      "an overlap, with its dates",
      [{ code: "a", effectiveFrom: "2020-01-01", effectiveTo: "2020-12-31" }, { code: "b", effectiveFrom: "2020-06-01", effectiveTo: null }],
      [{ kind: "overlap", from: "2020-06-01", to: "2020-12-31", codes: ["a", "b"] }],
    ],
    [
      "a gap, with its dates",
      [{ code: "a", effectiveFrom: "2020-01-01", effectiveTo: "2020-12-31" }, { code: "b", effectiveFrom: "2021-02-01", effectiveTo: null }],
      [{ kind: "gap", from: "2021-01-01", to: "2021-01-31" }],
    ],
    [
      "an end that leaves later dates uncovered",
      [{ code: "a", effectiveFrom: "2020-01-01", effectiveTo: "2020-12-31" }],
      [{ kind: "open_end", after: "2020-12-31" }],
    ],
    [
      "an end before the start",
      [{ code: "a", effectiveFrom: "2020-01-01", effectiveTo: "2019-12-31" }, { code: "b", effectiveFrom: "2020-01-02", effectiveTo: null }],
      [{ kind: "reversed", code: "a", from: "2020-01-01", to: "2019-12-31" }, { kind: "gap", from: "2020-01-01", to: "2020-01-01" }],
    ],
  ])("refuses %s", (_what, versions, problems) => {
    expect(timelineProblems(versions)).toEqual(problems);
  });
});

describe("timelineWithNewVersion", () => {
  it("closes the version in force the day before the new one starts", () => {
    const { timeline, closes } = timelineWithNewVersion(SEEDED, { code: "new", effectiveFrom: "2027-01-01", effectiveTo: null });
    expect(closes).toEqual({ code: "nd118-2025", effectiveTo: "2026-12-31" });
    expect(timelineProblems(timeline)).toEqual([]);
  });
  it("a version starting before the one in force overlaps it", () => {
    const { timeline } = timelineWithNewVersion(SEEDED, { code: "new", effectiveFrom: "2025-03-01", effectiveTo: null });
    expect(timelineProblems(timeline)[0]).toMatchObject({ kind: "overlap", from: "2025-03-01" });
  });
  it("a version with an end date leaves the dates after it uncovered", () => {
    const { timeline } = timelineWithNewVersion(SEEDED, { code: "new", effectiveFrom: "2027-01-01", effectiveTo: "2027-12-31" });
    expect(timelineProblems(timeline)).toEqual([{ kind: "open_end", after: "2027-12-31" }]);
  });
});
