import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { ChecklistTemplateSchema, NewChecklistTemplateSchema } from "~/domain/audits/checklist-schema";
import { WorkAreasFormSchema } from "~/domain/audits/work-areas-schema";

/** The issues of a failed parse as `path: message`, or [] when it passed. */
function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }) {
  if (result.success || !result.error) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).sort();
}

function formData(fields: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

const VALID = {
  title: "Tiếp nhận và trả kết quả tại Trung tâm",
  isoClause: "8.5.1",
  process: "QT-07",
  isActive: true,
  items: [
    { isoClause: "8.2.1", question: "Có hướng dẫn một lần, đầy đủ không?", guidance: "Quan sát 03 lượt tiếp dân." },
    { question: "Ngày hẹn trả tính đúng ngày làm việc không?" },
  ],
};

describe("ChecklistTemplateSchema", () => {
  it("gives the template's clause to a question without one and drops empty guidance", () => {
    const result = ChecklistTemplateSchema.safeParse(VALID);
    expect(issuesOf(result)).toEqual([]);
    expect(result.data).toEqual({
      title: VALID.title,
      isoClause: "8.5.1",
      process: "QT-07",
      isActive: true,
      items: [
        { isoClause: "8.2.1", question: "Có hướng dẫn một lần, đầy đủ không?", guidance: "Quan sát 03 lượt tiếp dân." },
        { isoClause: "8.5.1", question: "Ngày hẹn trả tính đúng ngày làm việc không?", guidance: null },
      ],
    });
  });

  it("normalises a list of clauses and keeps a template without a process", () => {
    const result = ChecklistTemplateSchema.safeParse({
      ...VALID,
      isoClause: " 5.1;6.1 , 6.2 ",
      process: undefined,
      items: [{ isoClause: "6.1.2", question: "Rủi ro mức cao có biện pháp xử lý không?" }],
    });
    expect(issuesOf(result)).toEqual([]);
    expect(result.data?.isoClause).toBe("5.1, 6.1, 6.2");
    expect(result.data?.process).toBeNull();
  });

  it.each([
    ["a blank title", { title: "  " }, ["title: error.required"]],
    ["a title that is too long", { title: "x".repeat(201) }, ["title: error.tooLong"]],
    ["no clause", { isoClause: undefined }, ["isoClause: error.required"]],
    ["a clause that is not one", { isoClause: "8.5.a" }, ["isoClause: checklist.error.clauseList"]],
    ["a list with a bad clause", { isoClause: "5.1, điều 6" }, ["isoClause: checklist.error.clauseList"]],
    ["a process that is not a document code", { process: "quy trình 7" }, ["process: error.documentCode"]],
    ["no questions", { items: [] }, ["items: checklist.error.noItems"]],
    ["only blank rows", { items: [{}, { question: "  ", guidance: "" }] }, ["items: checklist.error.noItems"]],
    ["a row with guidance but no question", { items: [{ question: "Câu hỏi?" }, { guidance: "Xem sổ" }] }, ["items.1.question: checklist.error.questionRequired"]],
    ["a row with a clause but no question", { items: [{ isoClause: "7.5", question: "" }] }, ["items.0.question: checklist.error.questionRequired"]],
    ["a question's clause that is not one", { items: [{ isoClause: "7-5", question: "Câu hỏi?" }] }, ["items.0.isoClause: error.isoClause"]],
    ["a question that is too long", { items: [{ question: "x".repeat(1001) }] }, ["items.0.question: error.tooLong"]],
    ["61 questions", { items: Array.from({ length: 61 }, (_, i) => ({ question: `Câu ${i + 1}?` })) }, ["items: checklist.error.tooManyItems"]],
  ])("refuses %s", (_name, change, issues) => {
    expect(issuesOf(ChecklistTemplateSchema.safeParse({ ...VALID, ...change }))).toEqual(issues);
  });

  it("asks each question for its clause when the template has several", () => {
    const result = ChecklistTemplateSchema.safeParse({
      ...VALID,
      isoClause: "5.1, 6.2",
      items: [{ isoClause: "5.1.1", question: "Lãnh đạo có chủ trì xem xét không?" }, {}, { question: "Mục tiêu đo được không?" }],
    });
    expect(issuesOf(result)).toEqual(["items.2.isoClause: checklist.error.itemClauseRequired"]);
  });

  it("reads the form: blank rows ignored, error paths kept on the row typed in, unchecked box is inactive", () => {
    const submission = parseWithZod(
      formData({
        title: "Hộ tịch",
        isoClause: "8.5.1",
        process: "",
        "items[0].isoClause": "",
        "items[0].question": "",
        "items[1].question": "Giấy khai sinh trả trong ngày không?",
        "items[2].question": "",
        "items[3].question": "Có ký vào Sổ không?",
        "items[3].guidance": "Xem Sổ đăng ký khai sinh",
      }),
      { schema: ChecklistTemplateSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      title: "Hộ tịch",
      isoClause: "8.5.1",
      process: null,
      isActive: false,
      items: [
        { isoClause: "8.5.1", question: "Giấy khai sinh trả trong ngày không?", guidance: null },
        { isoClause: "8.5.1", question: "Có ký vào Sổ không?", guidance: "Xem Sổ đăng ký khai sinh" },
      ],
    });

    const bad = parseWithZod(
      formData({ title: "Hộ tịch", isoClause: "8.5.1", "items[0].question": "", "items[2].guidance": "Xem sổ", isActive: "on" }),
      { schema: ChecklistTemplateSchema },
    );
    expect(bad.status).toBe("error");
    expect(bad.reply().error).toEqual({ "items[2].question": ["checklist.error.questionRequired"] });
  });
});

describe("NewChecklistTemplateSchema", () => {
  it("takes the code in capitals", () => {
    const result = NewChecklistTemplateSchema.safeParse({ ...VALID, code: " cl-09 " });
    expect(issuesOf(result)).toEqual([]);
    expect(result.data?.code).toBe("CL-09");
    expect(result.data?.items).toHaveLength(2);
  });

  it.each([
    ["no code", undefined, ["code: error.required"]],
    ["a code without the prefix", "09", ["code: checklist.error.code"]],
    ["a code with one digit", "CL-9", ["code: checklist.error.code"]],
    ["another document's code", "QT-07", ["code: checklist.error.code"]],
  ])("refuses %s", (_name, code, issues) => {
    expect(issuesOf(NewChecklistTemplateSchema.safeParse({ ...VALID, code }))).toEqual(issues);
  });
});

describe("the editor's browser constraints", () => {
  it("are read from the object inside the schema (Conform refuses a top-level transform)", () => {
    expect(() => getZodConstraint(NewChecklistTemplateSchema)).toThrow();
    const constraint = getZodConstraint(NewChecklistTemplateSchema.in);
    expect(constraint.code?.required).toBe(true);
    expect(constraint.title?.required).toBe(true);
    expect(constraint.isoClause?.required).toBe(true);
    // Blank question rows are allowed: the browser must not insist on them.
    expect(constraint["items[].question"]?.required).toBe(false);
    expect(getZodConstraint(ChecklistTemplateSchema.in).code).toBeUndefined();
  });
});

describe("WorkAreasFormSchema", () => {
  it("reads checked fields and processes, and none at all", () => {
    const form = new FormData();
    form.append("fields", "civil_status");
    form.append("fields", "justice");
    form.append("processes", "QT-08");
    const submission = parseWithZod(form, { schema: WorkAreasFormSchema });
    expect(submission.status === "success" ? submission.value : null).toEqual({ fields: ["civil_status", "justice"], processes: ["QT-08"] });
    const empty = parseWithZod(new FormData(), { schema: WorkAreasFormSchema });
    expect(empty.status === "success" ? empty.value : null).toEqual({ fields: [], processes: [] });
  });

  it.each([
    ["an unknown field", { fields: ["fishing"] }, ["fields.0: error.invalid"]],
    ["a process that is not a document code", { processes: ["QT07"] }, ["processes.0: error.documentCode"]],
  ])("refuses %s", (_name, value, issues) => {
    expect(issuesOf(WorkAreasFormSchema.safeParse(value))).toEqual(issues);
  });
});
