import { describe, expect, it } from "vitest";
import { NcStepSchema, NewNcSchema } from "~/domain/nonconformities/schema";

/** The issues of a failed parse as `path: message`, or [] when it passed. */
function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  if (result.success || !result.error) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).sort();
}

const ADD_ACTION = { op: "add_action", description: "Phân công người xác minh hồ sơ đất đai", ownerUserId: "3", dueDate: "2026-04-15" };

describe("NcStepSchema add_action", () => {
  it("accepts an action with an owner and a due date, the owner read from the form's text", () => {
    const result = NcStepSchema.safeParse(ADD_ACTION);
    expect(issuesOf(result)).toEqual([]);
    expect(result.data).toEqual({ ...ADD_ACTION, ownerUserId: 3 });
  });

  it.each([
    ["no owner", { ownerUserId: undefined }, ["ownerUserId: error.required"]],
    ["an empty owner", { ownerUserId: "" }, ["ownerUserId: error.required"]],
    ["owner 0", { ownerUserId: "0" }, ["ownerUserId: error.required"]],
    ["no due date", { dueDate: undefined }, ["dueDate: error.invalidDate"]],
    ["a due date that is not a date", { dueDate: "15/04/2026" }, ["dueDate: error.invalidDate"]],
    ["neither owner nor due date", { ownerUserId: undefined, dueDate: undefined }, ["dueDate: error.invalidDate", "ownerUserId: error.required"]],
    ["a blank description", { description: "   " }, ["description: error.required"]],
  ])("refuses %s", (_name, change, issues) => {
    expect(issuesOf(NcStepSchema.safeParse({ ...ADD_ACTION, ...change }))).toEqual(issues);
  });
});

describe("NcStepSchema analyse_cause", () => {
  it("splits the analysis into trimmed, non-empty lines", () => {
    const result = NcStepSchema.safeParse({
      op: "analyse_cause",
      method: "five_whys",
      analysis: "Vì sao trễ? Chưa xác minh\r\n\n  Vì sao chưa xác minh? Thiếu người  \n",
      rootCause: "Chưa phân công người xác minh",
    });
    expect(issuesOf(result)).toEqual([]);
    expect(result.data).toMatchObject({ analysis: ["Vì sao trễ? Chưa xác minh", "Vì sao chưa xác minh? Thiếu người"] });
  });

  it("refuses an empty analysis, an unknown method and a missing root cause", () => {
    const issues = issuesOf(NcStepSchema.safeParse({ op: "analyse_cause", method: "fishbone", analysis: " \n ", rootCause: "" }));
    expect(issues.map((i) => i.split(":")[0])).toEqual(["analysis", "method", "rootCause"]);
    expect(issues).toContain("analysis: error.required");
    expect(issues).toContain("rootCause: error.required");
  });
});

describe("NcStepSchema verify and merge", () => {
  it("reads an unticked effectiveness box as ineffective", () => {
    expect(NcStepSchema.parse({ op: "verify", note: "Tháng 5 vẫn trễ" })).toEqual({ op: "verify", effective: false, note: "Tháng 5 vẫn trễ" });
  });

  it("needs a verification note", () => {
    expect(issuesOf(NcStepSchema.safeParse({ op: "verify", effective: true }))).toEqual(["note: error.required"]);
  });

  it("merges only into a nonconformity code", () => {
    expect(issuesOf(NcStepSchema.safeParse({ op: "merge", intoCode: " NC-2026-004 " }))).toEqual([]);
    expect(issuesOf(NcStepSchema.safeParse({ op: "merge", intoCode: "2026-004" }))).toEqual(["intoCode: error.invalid"]);
  });
});

describe("NewNcSchema", () => {
  const NEW = {
    source: "internal_audit",
    process: "QT-07",
    isoClause: "7.5.3",
    grade: "minor",
    title: "Biểu mẫu lỗi thời tại quầy",
    description: "Quầy số 2 dùng mẫu BM-04 lần ban hành 1.",
    foundAt: "2026-03-10",
  };

  it("accepts a nonconformity without evidence", () => {
    expect(issuesOf(NewNcSchema.safeParse(NEW))).toEqual([]);
  });

  it.each(["8", "8.5.1", "10.2.1.1"])("accepts clause %s", (isoClause) => {
    expect(issuesOf(NewNcSchema.safeParse({ ...NEW, isoClause }))).toEqual([]);
  });

  it.each(["§8.5", "8.", "8.5.1.2.3", "tám"])("refuses clause %s", (isoClause) => {
    expect(issuesOf(NewNcSchema.safeParse({ ...NEW, isoClause }))).toEqual(["isoClause: error.isoClause"]);
  });
});
