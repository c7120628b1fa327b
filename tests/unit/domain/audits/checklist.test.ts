import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKLIST_TEMPLATES } from "#db/seed/checklist-templates";
import {
  checklistChangeAction,
  compareChecklistCodes,
  nextChecklistCode,
  parseClauseList,
  type ChecklistSnapshot,
} from "~/domain/audits/checklist";
import { NewChecklistTemplateSchema } from "~/domain/audits/checklist-schema";

describe("checklist codes", () => {
  it.each([
    [[], "CL-01"],
    [["CL-01", "CL-08", "CL-03"], "CL-09"],
    [["CL-99"], "CL-100"],
    [["CL-02", "QT-07", "cl-50"], "CL-03"],
  ])("after %j comes %s", (codes, next) => {
    expect(nextChecklistCode(codes)).toBe(next);
  });

  it("orders by number, CL-99 before CL-100", () => {
    expect(["CL-100", "CL-10", "CL-99", "CL-02"].sort(compareChecklistCodes)).toEqual(["CL-02", "CL-10", "CL-99", "CL-100"]);
  });
});

describe("parseClauseList", () => {
  it.each([
    ["8.5.1", ["8.5.1"]],
    ["5.1, 6.1,6.2", ["5.1", "6.1", "6.2"]],
    ["5.1; 5.1", ["5.1"]],
    ["", null],
    ["8.5.1,", null],
    ["Điều 8.5", null],
  ])("%j → %j", (text, clauses) => {
    expect(parseClauseList(text)).toEqual(clauses);
  });
});

describe("checklistChangeAction", () => {
  const base: ChecklistSnapshot = {
    code: "CL-01",
    title: "Tiếp nhận",
    isoClause: "8.5.1",
    process: "QT-07",
    isActive: true,
    items: [{ isoClause: "8.5.1", question: "Câu 1?", guidance: null }],
  };
  it.each([
    ["nothing changed", base, null],
    ["only deactivated", { ...base, isActive: false }, "deactivated"],
    ["a question reworded", { ...base, items: [{ isoClause: "8.5.1", question: "Câu 1 mới?", guidance: null }] }, "updated"],
    ["guidance added and deactivated", { ...base, isActive: false, items: [{ isoClause: "8.5.1", question: "Câu 1?", guidance: "Xem sổ" }] }, "updated"],
    ["the process removed", { ...base, process: null }, "updated"],
  ])("%s → %s", (_name, after, action) => {
    expect(checklistChangeAction(base, after)).toBe(action);
  });

  it("activating a withdrawn template", () => {
    expect(checklistChangeAction({ ...base, isActive: false }, base)).toBe("activated");
  });
});

describe("the demo checklists", () => {
  const processFiles = new Set(
    readdirSync("procedures-docs")
      .filter((f) => /^qt-\d{2}-/.test(f))
      .map((f) => f.slice(0, 5).toUpperCase()),
  );

  it("are CL-01 to CL-09, each with 6 to 10 questions", () => {
    expect(CHECKLIST_TEMPLATES.map((c) => c.code)).toEqual(["CL-01", "CL-02", "CL-03", "CL-04", "CL-05", "CL-06", "CL-07", "CL-08", "CL-09"]);
    for (const c of CHECKLIST_TEMPLATES) {
      expect(c.items.length, c.code).toBeGreaterThanOrEqual(6);
      expect(c.items.length, c.code).toBeLessThanOrEqual(10);
    }
  });

  it.each(CHECKLIST_TEMPLATES.map((c) => [c.code, c] as const))("%s passes the editor's own schema unchanged", (_code, template) => {
    const result = NewChecklistTemplateSchema.safeParse({ ...template, isActive: true });
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual({
      ...template,
      isActive: true,
      items: template.items.map((i) => ({ isoClause: i.isoClause, question: i.question, guidance: i.guidance ?? null })),
    });
  });

  it("name processes that are procedures in procedures-docs", () => {
    expect(processFiles.size).toBeGreaterThanOrEqual(12);
    expect(CHECKLIST_TEMPLATES.filter((c) => c.process && !processFiles.has(c.process)).map((c) => c.code)).toEqual([]);
  });

  it("cover the minimum content of QT-02 §5.3 at the desk", () => {
    const desk = CHECKLIST_TEMPLATES.find((c) => c.code === "CL-01");
    const text = desk?.items.map((i) => `${i.question} ${i.guidance ?? ""}`).join("\n") ?? "";
    for (const needle of ["niêm yết", "một lần, đầy đủ", "BM-01", "BM-02", "BM-04", "BM-05", "ngày làm việc", "Chính phủ", "đúng hạn", "trực tuyến", "liên thông điện tử", "quá hạn", "dữ liệu cá nhân", "lưu trữ"]) {
      expect(text, needle).toContain(needle);
    }
  });
});
