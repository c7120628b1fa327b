import { describe, expect, it } from "vitest";
import { NewReviewSchema, ReviewStepSchema } from "~/domain/management-review/schema";

/** The issues of a failed parse as `path: message`, or [] when it passed. */
function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  if (result.success || !result.error) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).sort();
}

const PLAN = {
  periodFrom: "2025-01-01",
  periodTo: "2025-12-31",
  meetingDate: "2025-12-16",
  location: " Phòng họp UBND xã ",
  chairUserId: "3",
  attendees: "Quàng Văn Minh\nLò Thị Hoa",
};

describe("NewReviewSchema", () => {
  it("accepts a plan, the chair read from the form's text and the text trimmed", () => {
    const result = NewReviewSchema.safeParse(PLAN);
    expect(issuesOf(result)).toEqual([]);
    expect(result.data).toEqual({ ...PLAN, location: "Phòng họp UBND xã", chairUserId: 3 });
  });

  it.each([
    ["a period ending before it starts", { periodTo: "2024-12-31" }, ["periodTo: error.dateRange"]],
    ["a meeting before the period", { meetingDate: "2024-12-20" }, ["meetingDate: review.error.meetingBeforePeriod"]],
    ["a date that is not one", { meetingDate: "16/12/2025" }, ["meetingDate: error.invalidDate"]],
    ["no chair", { chairUserId: "" }, ["chairUserId: error.required"]],
    ["a blank location", { location: "  " }, ["location: error.required"]],
    ["no attendees", { attendees: undefined }, ["attendees: error.required"]],
    ["a location too long", { location: "x".repeat(301) }, ["location: error.tooLong"]],
  ])("refuses %s", (_name, change, issues) => {
    expect(issuesOf(NewReviewSchema.safeParse({ ...PLAN, ...change }))).toEqual(issues);
  });
});

describe("ReviewStepSchema", () => {
  const DECISION = { intent: "add_decision", category: "resources", description: "Trang bị máy quét", ownerUserId: "4", dueDate: "2026-03-31" };

  it("accepts a decision with its owner and due date", () => {
    expect(ReviewStepSchema.parse(DECISION)).toEqual({ ...DECISION, ownerUserId: 4 });
  });

  it.each([
    ["no owner", { ownerUserId: "" }, ["ownerUserId: error.required"]],
    ["no due date", { dueDate: undefined }, ["dueDate: error.invalidDate"]],
    ["an unknown category", { category: "party" }, ["category: error.required"]],
    ["a blank description", { description: " " }, ["description: error.required"]],
  ])("refuses a decision with %s", (_name, change, issues) => {
    expect(issuesOf(ReviewStepSchema.safeParse({ ...DECISION, ...change }))).toEqual(issues);
  });

  it("takes notes with optional fields, attendees required", () => {
    expect(ReviewStepSchema.parse({ intent: "save_notes", attendees: "A", conclusions: " Có hiệu lực " })).toEqual({ intent: "save_notes", attendees: "A", conclusions: "Có hiệu lực" });
    expect(issuesOf(ReviewStepSchema.safeParse({ intent: "save_notes", conclusions: "x".repeat(8001), attendees: "A" }))).toEqual(["conclusions: error.tooLong"]);
    expect(issuesOf(ReviewStepSchema.safeParse({ intent: "save_notes" }))).toEqual(["attendees: error.required"]);
  });

  it("tells the other forms apart by intent", () => {
    expect(ReviewStepSchema.parse({ intent: "remove_decision", decisionId: "7" })).toEqual({ intent: "remove_decision", decisionId: 7 });
    expect(ReviewStepSchema.parse({ intent: "record", secretaryName: " Lò Thị Hoa " })).toEqual({ intent: "record", secretaryName: "Lò Thị Hoa" });
    expect(ReviewStepSchema.safeParse({ intent: "delete_review" }).success).toBe(false);
  });

  it("records only with the meeting's secretary named (trimmed, at most 120 characters)", () => {
    expect(issuesOf(ReviewStepSchema.safeParse({ intent: "record" }))).toEqual(["secretaryName: error.required"]);
    expect(issuesOf(ReviewStepSchema.safeParse({ intent: "record", secretaryName: "  " }))).toEqual(["secretaryName: error.required"]);
    expect(issuesOf(ReviewStepSchema.safeParse({ intent: "record", secretaryName: "x".repeat(121) }))).toEqual(["secretaryName: error.tooLong"]);
  });
});
