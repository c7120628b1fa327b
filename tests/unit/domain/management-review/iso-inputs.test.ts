import { describe, expect, it } from "vitest";
import { competenceReviewInputs, improvementInputs, riskReviewInputs, type RegisterRow, type RiskReviewRow, type TreatmentRow } from "~/domain/management-review/iso-inputs";
import { DEFAULT_SCALE } from "~/domain/risks/risk";

const WINDOW = { from: "2025-01-01", to: "2025-12-31" };
const TODAY = "2025-12-10";

const reg = (code: string, kind: RegisterRow["kind"], likelihood: number, impact: number, extra: Partial<RegisterRow> = {}): RegisterRow => ({
  code,
  title: `title ${code}`,
  kind,
  state: "open",
  likelihood,
  impact,
  recordedOn: "2025-02-01",
  ...extra,
});

const review = (code: string, kind: RiskReviewRow["kind"], before: [number, number], after: [number, number], reviewedOn = "2025-06-01"): RiskReviewRow => ({
  code,
  title: `title ${code}`,
  kind,
  reviewedOn,
  likelihoodBefore: before[0],
  impactBefore: before[1],
  likelihoodAfter: after[0],
  impactAfter: after[1],
});

describe("riskReviewInputs", () => {
  const register = [
    reg("RR-2025-01", "risk", 4, 4),
    reg("RR-2025-02", "risk", 2, 2),
    reg("RR-2025-03", "opportunity", 3, 4),
    reg("RR-2024-09", "risk", 5, 5, { state: "closed", recordedOn: "2024-11-01" }),
    reg("RR-2026-01", "risk", 1, 1, { recordedOn: "2026-01-05" }),
  ];

  it("counts risks and opportunities apart", () => {
    const r = riskReviewInputs({ scale: DEFAULT_SCALE, register, reviews: [], treatments: [], window: WINDOW, today: TODAY });
    expect(r.risks).toMatchObject({ open: 3, high: 1, recorded: 2 });
    expect(r.opportunities).toMatchObject({ open: 1, high: 1, recorded: 1 });
    expect(r.top.map((t) => [t.code, t.level, t.band])).toEqual([
      ["RR-2025-01", 16, "high"],
      ["RR-2025-02", 4, "low"],
      ["RR-2026-01", 1, "low"],
    ]);
  });

  it.each([
    ["a risk whose level fell", "risk", [4, 4], [2, 4], true],
    ["a risk whose level stayed", "risk", [3, 3], [3, 3], false],
    ["a risk whose level rose", "risk", [2, 2], [3, 3], false],
    ["an opportunity whose level rose", "opportunity", [2, 3], [3, 4], true],
    ["an opportunity whose level fell", "opportunity", [3, 4], [2, 3], false],
  ] as const)("judges %s at review (level before and after)", (_, kind, before, after, effective) => {
    const r = riskReviewInputs({ scale: DEFAULT_SCALE, register: [], reviews: [review("RR-1", kind, [...before], [...after])], treatments: [], window: WINDOW, today: TODAY });
    expect(r.reviews).toEqual([
      expect.objectContaining({ levelBefore: before[0] * before[1], levelAfter: after[0] * after[1], effective }),
    ]);
    const counts = kind === "risk" ? r.risks : r.opportunities;
    expect(counts).toMatchObject({ reviewed: 1, effective: effective ? 1 : 0 });
  });

  it("keeps only the window's reviews, in date order", () => {
    const r = riskReviewInputs({
      scale: DEFAULT_SCALE,
      register: [],
      reviews: [review("B", "risk", [4, 4], [2, 2], "2025-09-01"), review("A", "risk", [4, 4], [2, 2], "2025-03-01"), review("C", "risk", [4, 4], [2, 2], "2026-01-02")],
      treatments: [],
      window: WINDOW,
      today: TODAY,
    });
    expect(r.reviews.map((x) => x.code)).toEqual(["A", "B"]);
  });

  it.each([
    ["due in the window and done", { dueDate: "2025-05-01", doneOn: "2025-04-20" }, { treatmentsDue: 1, treatmentsDone: 1, treatmentsOverdue: 0 }],
    ["due in the window, not done, past due", { dueDate: "2025-05-01", doneOn: null }, { treatmentsDue: 1, treatmentsDone: 0, treatmentsOverdue: 1 }],
    ["due in the window, not done, not yet due", { dueDate: "2025-12-20", doneOn: null }, { treatmentsDue: 1, treatmentsDone: 0, treatmentsOverdue: 0 }],
    ["done after the day read (not yet done then)", { dueDate: "2025-05-01", doneOn: "2025-12-15" }, { treatmentsDue: 1, treatmentsDone: 0, treatmentsOverdue: 1 }],
    ["due after the window", { dueDate: "2026-02-01", doneOn: null }, { treatmentsDue: 0, treatmentsDone: 0, treatmentsOverdue: 0 }],
  ])("counts a treatment %s", (_, t, expected) => {
    const treatments: TreatmentRow[] = [{ riskCode: "RR-1", kind: "risk", ...t }];
    const r = riskReviewInputs({ scale: DEFAULT_SCALE, register: [], reviews: [], treatments, window: WINDOW, today: TODAY });
    expect(r.risks).toMatchObject(expected);
    expect(r.opportunities).toMatchObject({ treatmentsDue: 0 });
  });
});

describe("competenceReviewInputs", () => {
  const competences = [
    { id: 1, code: "NL-DGNB", title: "Đánh giá viên nội bộ" },
    { id: 2, code: "NL-HT", title: "Hộ tịch" },
  ];
  const held = (competenceId: number, endDate: string, expiresOn: string | null) => ({ competenceId, endDate, expiresOn });

  it.each([
    ["held", [held(1, "2025-01-10", "2027-01-10")], []],
    ["held for good", [held(1, "2025-01-10", null)], []],
    ["lapsing within 60 days", [held(1, "2024-01-10", "2026-01-20")], [["lapsing"]]],
    ["lapsed", [held(1, "2023-01-10", "2025-11-30")], [["missing"]]],
    ["never trained", [], [["missing"]]],
    ["trained after the day read", [held(1, "2025-12-20", null)], [["missing"]]],
  ] as const)("reports a required competence %s", (_, records, gaps) => {
    const r = competenceReviewInputs({
      competences,
      people: [{ userId: 7, name: "Lò Thị Hoa", requiredIds: [1], held: [...records] }],
      trainings: [],
      window: WINDOW,
      today: TODAY,
    });
    expect(r.required).toBe(1);
    expect(r.gaps.map((g) => [g.status])).toEqual(gaps);
    expect(r.gaps.every((g) => g.name === "Lò Thị Hoa" && g.code === "NL-DGNB")).toBe(true);
  });

  it("ignores competences nobody requires of the person", () => {
    const r = competenceReviewInputs({ competences, people: [{ userId: 7, name: "A", requiredIds: [], held: [] }], trainings: [], window: WINDOW, today: TODAY });
    expect(r).toMatchObject({ required: 0, missing: 0, lapsing: 0, gaps: [] });
  });

  it("sums the window's training by person and provider", () => {
    const r = competenceReviewInputs({
      competences,
      people: [],
      trainings: [
        { userId: 1, course: "Kỹ năng giao tiếp", provider: "Sở Nội vụ", endDate: "2025-03-12", hours: 16 },
        { userId: 2, course: "Kỹ năng giao tiếp", provider: "Sở Nội vụ", endDate: "2025-03-12", hours: 16 },
        { userId: 1, course: "ISO 9001", provider: "Trung tâm TC-ĐL-CL", endDate: "2025-05-20", hours: 24 },
        { userId: 3, course: "Năm trước", provider: "Sở Nội vụ", endDate: "2024-12-30", hours: 8 },
        { userId: 3, course: "Sau ngày đọc", provider: "Sở Tư pháp", endDate: "2025-12-20", hours: 8 },
        { userId: 4, course: "Không ghi giờ", provider: "UBND tỉnh", endDate: "2025-07-01", hours: null },
      ],
      window: WINDOW,
      today: TODAY,
    });
    expect(r).toMatchObject({ trainings: 4, hours: 56, peopleTrained: 3 });
    expect(r.providers).toEqual([
      { provider: "Sở Nội vụ", trainings: 2, hours: 32 },
      { provider: "Trung tâm TC-ĐL-CL", trainings: 1, hours: 24 },
      { provider: "UBND tỉnh", trainings: 1, hours: 0 },
    ]);
  });
});

describe("improvementInputs", () => {
  it("lists open opportunities, level first, beside the audits' and citizens' suggestions", () => {
    const r = improvementInputs(
      DEFAULT_SCALE,
      [reg("RR-1", "opportunity", 2, 2), reg("RR-2", "opportunity", 4, 4), reg("RR-3", "risk", 5, 5), reg("RR-4", "opportunity", 5, 5, { state: "closed" })],
      3,
      2,
    );
    expect(r).toEqual({
      opportunities: [
        { code: "RR-2", title: "title RR-2", level: 16 },
        { code: "RR-1", title: "title RR-1", level: 4 },
      ],
      auditImprovements: 3,
      recommendations: 2,
    });
  });
});
