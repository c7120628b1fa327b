import { describe, expect, it } from "vitest";
import { may } from "~/domain/accounts/permissions";
import {
  attendeeLines,
  checkRecordReview,
  checkReviewEditable,
  formatReviewCode,
  inputWindow,
  previousActionStatus,
  REVIEW_CODE_PATTERN,
  reviewFileName,
  reviewYear,
  yearSlices,
  type RecordFacts,
} from "~/domain/management-review/review";

describe("review codes", () => {
  it.each([
    [2025, 1, "XXLD-2025-01"],
    [2026, 12, "XXLD-2026-12"],
    [2030, 100, "XXLD-2030-100"],
  ])("numbers review %i/%i as %s, which the route pattern accepts", (year, sequence, code) => {
    expect(formatReviewCode(year, sequence)).toBe(code);
    expect(REVIEW_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(["XXLD-2025-1", "xxld-2025-01", "DGNB-2025-01", "XXLD-2025-01.pdf", "XXLD-25-01"])("refuses %s", (code) => {
    expect(REVIEW_CODE_PATTERN.test(code)).toBe(false);
  });

  it("numbers within the meeting's year and names the files after the code", () => {
    expect(reviewYear("2025-12-16")).toBe(2025);
    expect(reviewFileName("XXLD-2025-01", "input")).toBe("xem-xet-lanh-dao-XXLD-2025-01-dau-vao.pdf");
    expect(reviewFileName("XXLD-2025-01", "record")).toBe("xem-xet-lanh-dao-XXLD-2025-01-bien-ban.pdf");
  });
});

describe("who may do what", () => {
  it.each([
    [["quality_lead"], true, false],
    [["leader"], true, true],
    [["auditor"], false, false],
    [["inspector"], false, false],
    [["officer"], false, false],
    [["admin"], false, false],
    [["auditor", "leader"], true, true],
  ] as const)("%j: edits %s, records %s", (roles, edits, records) => {
    expect(may(roles, "editManagementReviews")).toBe(edits);
    expect(may(roles, "recordManagementReviews")).toBe(records);
  });

  it("locks a recorded review", () => {
    expect(checkReviewEditable("draft")).toEqual({ ok: true });
    expect(checkReviewEditable("recorded")).toEqual({ ok: false, error: "review.error.locked" });
  });
});

describe("checkRecordReview", () => {
  const ready: RecordFacts = { state: "draft", conclusions: "Hệ thống có hiệu lực.", decisionCount: 2, meetingDate: "2025-12-16" };

  it("lets a leader record a complete review on or after the meeting day", () => {
    expect(checkRecordReview(ready, ["leader"], "2025-12-16")).toEqual({ ok: true });
    expect(checkRecordReview(ready, ["leader"], "2026-01-05")).toEqual({ ok: true });
  });

  it.each([
    ["a recorded review", { state: "recorded" }, ["leader"], "2025-12-17", "review.error.locked"],
    ["a quality lead", {}, ["quality_lead"], "2025-12-17", "review.error.notLeader"],
    ["an inspector", {}, ["inspector"], "2025-12-17", "review.error.notLeader"],
    ["before the meeting", {}, ["leader"], "2025-12-15", "review.error.beforeMeeting"],
    ["no conclusions", { conclusions: null }, ["leader"], "2025-12-17", "review.error.noConclusions"],
    ["blank conclusions", { conclusions: "  \n " }, ["leader"], "2025-12-17", "review.error.noConclusions"],
    ["no decision", { decisionCount: 0 }, ["leader"], "2025-12-17", "review.error.noDecisions"],
    // The lock is reported first: a recorded review is not "missing" anything.
    ["a recorded review with nothing", { state: "recorded", conclusions: null, decisionCount: 0 }, ["quality_lead"], "2025-12-01", "review.error.locked"],
  ] as const)("refuses %s", (_name, change, roles, today, error) => {
    expect(checkRecordReview({ ...ready, ...change }, roles, today)).toEqual({ ok: false, error });
  });
});

describe("inputWindow", () => {
  it.each([
    ["a period that has ended", "2025-01-01", "2025-12-31", "2026-01-10", { from: "2025-01-01", to: "2025-12-31", toDate: false }],
    ["a period ending today", "2025-01-01", "2025-12-31", "2025-12-31", { from: "2025-01-01", to: "2025-12-31", toDate: true }],
    ["a period still running", "2025-01-01", "2025-12-31", "2025-12-16", { from: "2025-01-01", to: "2025-12-16", toDate: true }],
    ["a period not started", "2026-01-01", "2026-12-31", "2025-12-16", { from: "2026-01-01", to: "2026-01-01", toDate: true }],
  ])("measures %s", (_name, from, to, today, window) => {
    expect(inputWindow(from, to, today)).toEqual(window);
  });
});

describe("yearSlices", () => {
  it("gives one slice in a year and cuts a period across years at each new year", () => {
    expect(yearSlices("2025-01-01", "2025-12-16")).toEqual([{ year: 2025, from: "2025-01-01", to: "2025-12-16" }]);
    expect(yearSlices("2024-07-01", "2026-03-31")).toEqual([
      { year: 2024, from: "2024-07-01", to: "2024-12-31" },
      { year: 2025, from: "2025-01-01", to: "2025-12-31" },
      { year: 2026, from: "2026-01-01", to: "2026-03-31" },
    ]);
  });
});

describe("previousActionStatus", () => {
  it.each([
    ["2026-03-31", "2026-03-30", "not_due"],
    ["2026-03-31", "2026-03-31", "due"],
    ["2026-03-31", "2026-12-16", "due"],
    [null, "2026-12-16", "no_due_date"],
  ] as const)("a decision due %s is %s on %s", (due, asOf, status) => {
    expect(previousActionStatus(due, asOf)).toBe(status);
  });
});

describe("attendeeLines", () => {
  it("takes one attendee per line or per semicolon, dropping blanks", () => {
    expect(attendeeLines("Quàng Văn Minh, Chủ tịch\r\n\n  Lò Thị Hoa ; Cầm Văn Thắng\n ")).toEqual(["Quàng Văn Minh, Chủ tịch", "Lò Thị Hoa", "Cầm Văn Thắng"]);
    expect(attendeeLines("  ")).toEqual([]);
  });
});
