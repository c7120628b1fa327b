import { describe, expect, it } from "vitest";
import { sentAndBack, trackingBookNotes, TrackingBookQuerySchema, type NoteFacts, type TrackingSteps } from "~/domain/dossiers/tracking-book";

const none: TrackingSteps = { assignedAt: null, transferAgency: null, transferAt: null, transferBackAt: null, finishedAt: null };

describe("sentAndBack", () => {
  it.each<[string, TrackingSteps, ReturnType<typeof sentAndBack>]>([
    ["not yet handed over", none, { sentTo: null, resultBackAt: null }],
    ["handled in the commune", { ...none, assignedAt: "A", finishedAt: "F" }, { sentTo: { agency: null, at: "A" }, resultBackAt: "F" }],
    [
      "transferred and back",
      { ...none, assignedAt: "A", transferAgency: "Sở Tư pháp", transferAt: "T", transferBackAt: "B", finishedAt: "F" },
      { sentTo: { agency: "Sở Tư pháp", at: "T" }, resultBackAt: "B" },
    ],
    ["transferred, not back yet", { ...none, assignedAt: "A", transferAgency: "X", transferAt: "T" }, { sentTo: { agency: "X", at: "T" }, resultBackAt: null }],
  ])("%s", (_, steps, expected) => {
    expect(sentAndBack(steps)).toEqual(expected);
  });
});

describe("trackingBookNotes", () => {
  const base: NoteFacts = { state: "returned", outcome: null, closedReason: null, apologyDueAt: null };
  it.each<[NoteFacts, string]>([
    [base, ""],
    [{ ...base, outcome: "early" }, "Trước hạn"],
    [{ ...base, state: "refused", closedReason: "Không thuộc thẩm quyền" }, "Từ chối: Không thuộc thẩm quyền"],
    [{ ...base, state: "withdrawn" }, "Rút hồ sơ"],
    [{ ...base, state: "supplement_requested" }, "Đang chờ bổ sung"],
    [{ ...base, outcome: "late", apologyDueAt: "2025-07-04T10:00:00Z" }, "Quá hạn; Đã xin lỗi, hẹn lại (hẹn ban đầu <2025-07-04T10:00:00Z>)"],
  ])("%j", (facts, expected) => {
    expect(trackingBookNotes(facts, (iso) => `<${iso}>`)).toBe(expected);
  });
});

describe("TrackingBookQuerySchema", () => {
  it.each<[Record<string, string>, boolean]>([
    [{ from: "2025-07-01", to: "2025-07-31" }, true],
    [{ from: "2025-07-01", to: "2025-07-31", field: "civil_status" }, true],
    [{ from: "2025-01-01", to: "2025-12-31" }, true],
    [{ from: "2024-01-01", to: "2024-12-31" }, true],
    [{ from: "2024-01-01", to: "2025-01-01" }, false],
    [{ from: "2025-07-31", to: "2025-07-01" }, false],
    [{ from: "2025-02-30", to: "2025-03-01" }, false],
    [{ from: "2025-07-01" }, false],
    [{ from: "2025-07-01", to: "2025-07-31", field: "weather" }, false],
  ])("%j → %s", (query, ok) => {
    expect(TrackingBookQuerySchema.safeParse(query).success).toBe(ok);
  });
});
