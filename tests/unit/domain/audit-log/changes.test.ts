import { describe, expect, it } from "vitest";
import { describeChanges, displayValue, fieldLabelKey, humanizeField } from "~/domain/audit-log/changes";
import { valueLabelKey } from "~/domain/audit-log/value-labels";

describe("describeChanges", () => {
  it.each([
    [
      "an update lists only the fields that changed",
      { state: "received", assigneeUserId: null, isComplex: false },
      { state: "accepted", assigneeUserId: 4, isComplex: false },
      [
        { field: "state", before: "received", after: "accepted" },
        { field: "assigneeUserId", before: null, after: 4 },
      ],
    ],
    [
      "a creation lists every field with a value",
      null,
      { code: "NC-2026-001", title: "Trễ hạn", mergedIntoId: null },
      [
        { field: "code", before: undefined, after: "NC-2026-001" },
        { field: "title", before: undefined, after: "Trễ hạn" },
      ],
    ],
    ["a removal lists what was there", { name: "Tết" }, null, [{ field: "name", before: "Tết", after: undefined }]],
    ["nested values compare by content", { roles: ["officer"] }, { roles: ["officer"] }, []],
    ["a bare value", null, "x", [{ field: "", before: null, after: "x" }]],
  ])("%s", (_name, before, after, expected) => {
    expect(describeChanges(before, after)).toEqual(expected);
  });
});

describe("displayValue", () => {
  it.each([
    [null, { kind: "empty" }],
    ["", { kind: "empty" }],
    [[], { kind: "empty" }],
    [true, { kind: "boolean", value: true }],
    ["2026-12-03", { kind: "date", value: "2026-12-03" }],
    ["2026-12-03T02:15:00.000Z", { kind: "instant", value: "2026-12-03T02:15:00.000Z" }],
    [["officer", "leader"], { kind: "text", value: "officer, leader" }],
    [{ fileName: "a.pdf", sizeBytes: 10 }, { kind: "text", value: "file name: a.pdf; size bytes: 10" }],
    ["x".repeat(400), { kind: "text", value: `${"x".repeat(299)}…` }],
  ])("%j", (value, expected) => {
    expect(displayValue(value)).toEqual(expected);
  });
});

describe("humanizeField", () => {
  it.each([
    ["resolutionDueAt", "resolution due at"],
    ["issued_date", "issued date"],
    ["unitId", "unit id"],
  ])("%s → %s", (field, expected) => {
    expect(humanizeField(field)).toBe(expected);
  });
});

describe("fieldLabelKey and valueLabelKey", () => {
  it.each([
    ["dueDate", "audit.field.dueDate"],
    ["due_date", "audit.field.dueDate"],
    ["created_by_user_id", "audit.field.createdByUserId"],
  ])("%s is labelled by %s", (field, key) => {
    expect(fieldLabelKey(field)).toBe(key);
  });

  it.each([
    ["document_revision", "state", "effective", "revState.effective"],
    ["feedback", "kind", "complaint", "feedbackKind.complaint"],
    ["user", "role", "quality_lead", "role.quality_lead"],
    ["feedback", "subject", "Cán bộ hẹn sai ngày", null],
    ["dossier", "state", 3, null],
    ["procedure", "state", "active", null],
  ])("%s.%s = %j is named by %j", (entityType, field, value, key) => {
    expect(valueLabelKey(entityType, field, value)).toBe(key);
  });
});
