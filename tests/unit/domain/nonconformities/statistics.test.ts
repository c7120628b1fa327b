import { describe, expect, it } from "vitest";
import {
  average,
  countBy,
  daysBetween,
  isActionOverdue,
  median,
  summariseNonconformities,
  type NcStatRow,
} from "~/domain/nonconformities/statistics";

describe("median and average", () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[10, 2, 4, 8], 6],
    [[5, 5, 1, 100], 5],
  ])("median(%j) = %j", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("does not reorder the caller's list", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([
    [[], null],
    [[4], 4],
    [[1, 2], 1.5],
    [[0, 10, 20], 10],
  ])("average(%j) = %j", (values, expected) => {
    expect(average(values)).toBe(expected);
  });
});

describe("daysBetween", () => {
  it.each([
    ["2026-03-10", "2026-03-10", 0],
    ["2026-03-10", "2026-03-11", 1],
    ["2026-02-27", "2026-03-02", 3],
    ["2024-02-28", "2024-03-01", 2],
    ["2025-12-31", "2026-01-01", 1],
  ])("%s → %s: %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("countBy", () => {
  it("lists every key of the catalogue in its order, zeros included", () => {
    expect(countBy(["a", "b", "c"] as const, ["c", "a", "c"], (r) => r)).toEqual([
      { key: "a", count: 1 },
      { key: "b", count: 0 },
      { key: "c", count: 2 },
    ]);
  });
});

describe("isActionOverdue", () => {
  it("is overdue only when still planned after its due day", () => {
    expect(isActionOverdue({ status: "planned", dueDate: "2026-03-09" }, "2026-03-10")).toBe(true);
    expect(isActionOverdue({ status: "planned", dueDate: "2026-03-10" }, "2026-03-10")).toBe(false);
    expect(isActionOverdue({ status: "done", dueDate: "2026-01-01" }, "2026-03-10")).toBe(false);
    expect(isActionOverdue({ status: "cancelled", dueDate: "2026-01-01" }, "2026-03-10")).toBe(false);
  });
});

describe("summariseNonconformities", () => {
  const row = (over: Partial<NcStatRow>): NcStatRow => ({
    source: "internal_audit",
    grade: "minor",
    state: "open",
    foundDate: "2026-02-01",
    closedDate: null,
    repeat: false,
    ...over,
  });

  it("counts by source, grade and state, open and closed, days to close, overdue actions and repeats", () => {
    const stats = summariseNonconformities(
      [
        row({ source: "feedback", grade: "major", state: "closed", foundDate: "2026-01-05", closedDate: "2026-01-15" }),
        row({ source: "feedback", state: "closed", foundDate: "2026-02-01", closedDate: "2026-02-05" }),
        row({ source: "late_dossier", state: "closed", foundDate: "2026-03-01", closedDate: "2026-03-31", repeat: true }),
        row({ state: "actions_planned", repeat: true }),
        row({ grade: "observation" }),
      ],
      [
        { status: "planned", dueDate: "2026-03-01" },
        { status: "planned", dueDate: "2026-12-31" },
        { status: "done", dueDate: "2026-01-01" },
      ],
      "2026-04-01",
    );
    expect(stats.total).toBe(5);
    expect(stats.open).toBe(2);
    expect(stats.closed).toBe(3);
    expect(stats.bySource).toEqual([
      { key: "internal_audit", count: 2 },
      { key: "feedback", count: 2 },
      { key: "late_dossier", count: 1 },
      { key: "process_monitoring", count: 0 },
      { key: "external_inspection", count: 0 },
      { key: "management_review", count: 0 },
    ]);
    expect(stats.byGrade).toEqual([
      { key: "major", count: 1 },
      { key: "minor", count: 3 },
      { key: "observation", count: 1 },
      { key: "improvement", count: 0 },
    ]);
    expect(stats.byState.find((s) => s.key === "closed")?.count).toBe(3);
    expect(stats.byState.find((s) => s.key === "open")?.count).toBe(1);
    expect(stats.byState.find((s) => s.key === "actions_planned")?.count).toBe(1);
    expect(stats.byState.reduce((sum, s) => sum + s.count, 0)).toBe(5);
    // 10, 4 and 30 days.
    expect(stats.daysToClose).toEqual({ closed: 3, median: 10, average: 44 / 3 });
    expect(stats.overdueActions).toBe(1);
    expect(stats.repeats).toBe(2);
  });

  it("has no median or average when nothing is closed, and zeros for an empty year", () => {
    expect(summariseNonconformities([row({})], [], "2026-04-01").daysToClose).toEqual({ closed: 0, median: null, average: null });
    const empty = summariseNonconformities([], [], "2026-04-01");
    expect(empty).toMatchObject({ total: 0, open: 0, closed: 0, overdueActions: 0, repeats: 0 });
    expect(empty.bySource.every((s) => s.count === 0)).toBe(true);
  });
});
