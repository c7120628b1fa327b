import { describe, expect, it } from "vitest";
import { diffRevisions } from "~/domain/documents/diff";
import { isReviewOverdue, nextReviewDate, parseDocumentFile } from "~/domain/documents/document";
import { allowedRevisionActions, checkRevisionAction, type RevisionFacts } from "~/domain/documents/revision-workflow";
import { objectiveStatus } from "~/domain/metrics/objectives";

const FRONT = `---
code: QT-07
title: Tiếp nhận và trả kết quả
type: procedure
revision: 2
effective_date: 2026-01-05
owner_role: officer
approver_role: leader
review_interval_months: 12
iso_clauses: ["8.2", "8.5.1"]
related: [QT-01, BM-01]
---

# Nội dung
`;

describe("parsing a controlled document's file", () => {
  it("accepts a valid file and returns the body without the front matter", () => {
    const parsed = parseDocumentFile(FRONT);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.frontMatter).toMatchObject({ code: "QT-07", revision: 2, effective_date: "2026-01-05", iso_clauses: ["8.2", "8.5.1"] });
    expect(parsed.value.body).toBe("# Nội dung\n");
  });

  it.each([
    ["a wrong type", FRONT.replace("type: procedure", "type: memo"), "type"],
    ["a bad code", FRONT.replace("code: QT-07", "code: qt7"), "code"],
    ["a missing field", FRONT.replace("owner_role: officer\n", ""), "owner_role"],
    ["an unknown field", FRONT.replace("revision: 2", "revision: 2\nauthor: x"), "(front matter)"],
    ["a bad date", FRONT.replace("2026-01-05", "05/01/2026"), "effective_date"],
    ["a non-integer revision", FRONT.replace("revision: 2", "revision: 2.5"), "revision"],
    ["a bad ISO clause", FRONT.replace('"8.5.1"', '"clause 8"'), "iso_clauses.1"],
  ])("reports %s with its field", (_name, text, field) => {
    const parsed = parseDocumentFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.field)).toContain(field);
  });

  it("refuses a file without front matter, with broken YAML, or without a body", () => {
    expect(parseDocumentFile("# Only a title")).toMatchObject({ ok: false, issues: [{ field: "(front matter)" }] });
    expect(parseDocumentFile("---\ncode: [unclosed\n---\nx")).toMatchObject({ ok: false });
    expect(parseDocumentFile(FRONT.replace("# Nội dung\n", ""))).toMatchObject({ ok: false, issues: [{ field: "(body)" }] });
  });
});

describe("periodic review", () => {
  it("adds the interval in months, clamping to the month's end", () => {
    expect(nextReviewDate("2026-01-05", 12)).toBe("2027-01-05");
    expect(nextReviewDate("2025-08-31", 6)).toBe("2026-02-28");
    expect(nextReviewDate("2023-08-31", 6)).toBe("2024-02-29");
  });
  it("is overdue the day after its date", () => {
    expect(isReviewOverdue("2026-11-24", "2026-11-25")).toBe(true);
    expect(isReviewOverdue("2026-11-25", "2026-11-25")).toBe(false);
  });
});

describe("revision workflow", () => {
  const facts = (state: RevisionFacts["state"], over: Partial<RevisionFacts> = {}): RevisionFacts => ({
    state,
    changeReason: "Cập nhật",
    effectiveDate: "2026-11-25",
    ...over,
  });
  const today = "2026-11-25";

  it.each([
    ["draft", "submit", ["quality_lead"], "in_review"],
    ["in_review", "approve", ["leader"], "approved"],
    ["in_review", "return", ["leader"], "draft"],
    ["approved", "make_effective", ["quality_lead"], "effective"],
    ["draft", "edit", ["quality_lead"], "draft"],
  ] as const)("%s --%s by %s--> %s", (state, action, roles, to) => {
    expect(checkRevisionAction(facts(state), action, roles, today)).toEqual({ ok: true, to });
  });

  it("only a leader approves", () => {
    expect(checkRevisionAction(facts("in_review"), "approve", ["quality_lead", "officer", "admin"], today)).toEqual({
      ok: false,
      error: "document.error.approveNeedsLeader",
    });
  });
  it("a draft needs its reason before review", () => {
    expect(checkRevisionAction(facts("draft", { changeReason: "  " }), "submit", ["quality_lead"], today)).toEqual({
      ok: false,
      error: "document.error.reasonRequired",
    });
  });
  it("only drafts are edited", () => {
    for (const state of ["in_review", "approved", "effective", "obsolete"] as const) {
      expect(checkRevisionAction(facts(state), "edit", ["quality_lead"], today)).toEqual({ ok: false, error: "document.error.notEditable" });
    }
  });
  it("a revision takes effect only from its date", () => {
    expect(checkRevisionAction(facts("approved", { effectiveDate: "2026-12-01" }), "make_effective", ["quality_lead"], today)).toEqual({
      ok: false,
      error: "document.error.notYetEffective",
    });
  });
  it("effective and obsolete revisions allow nothing", () => {
    expect(allowedRevisionActions(facts("effective"), ["quality_lead", "leader"], today)).toEqual([]);
    expect(allowedRevisionActions(facts("obsolete"), ["quality_lead", "leader"], today)).toEqual([]);
  });
});

describe("objective status and diff", () => {
  it("compares at display precision and reports missing data", () => {
    expect(objectiveStatus(">=", 0.8, 0.79999)).toBe("met");
    expect(objectiveStatus(">=", 0.8, 0.7994)).toBe("not_met");
    expect(objectiveStatus("<=", 0, 0)).toBe("met");
    expect(objectiveStatus("<=", 0, 2)).toBe("not_met");
    expect(objectiveStatus(">=", 1, null)).toBe("no_data");
  });
  it("marks added and removed lines", () => {
    expect(diffRevisions("a\nb\n", "a\nc\n")).toEqual([
      { kind: "same", text: "a\n" },
      { kind: "removed", text: "b\n" },
      { kind: "added", text: "c\n" },
    ]);
  });
});
