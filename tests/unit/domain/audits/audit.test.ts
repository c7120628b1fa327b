import { describe, expect, it } from "vitest";
import {
  allowedAuditActions,
  checkAuditAction,
  formatAuditCode,
  tallyAnswers,
  teamConflicts,
  uncoveredProcesses,
  type AuditFacts,
} from "~/domain/audits/audit";
import { AuditPlanSchema, AuditStepSchema, evidenceRequired } from "~/domain/audits/schema";

const LEAD = 1;
const MEMBER = 2;
const LEADER = 3;
const OUTSIDER = 4;

const facts = (over: Partial<AuditFacts> = {}): AuditFacts => ({
  state: "planned",
  team: [
    { userId: LEAD, role: "lead" },
    { userId: MEMBER, role: "auditor" },
  ],
  sampleDrawn: false,
  samplesDossiers: true,
  unansweredQuestions: 0,
  uncheckedSamples: 0,
  hasConclusions: true,
  ...over,
});
const user = (userId: number, isLeader = false) => ({ userId, isLeader });

describe("checkAuditAction", () => {
  it("walks planned → in progress → report drafted → approved", () => {
    expect(checkAuditAction(facts(), "start", user(MEMBER))).toEqual({ ok: true, to: "in_progress" });
    expect(checkAuditAction(facts({ state: "in_progress", sampleDrawn: true }), "draft_report", user(LEAD))).toEqual({ ok: true, to: "report_drafted" });
    expect(checkAuditAction(facts({ state: "report_drafted" }), "approve", user(LEADER, true))).toEqual({ ok: true, to: "approved" });
    expect(checkAuditAction(facts({ state: "report_drafted" }), "return_draft", user(LEADER, true))).toEqual({ ok: true, to: "in_progress" });
  });

  it.each([
    ["start", facts(), user(OUTSIDER), "audits.error.teamOnly"],
    ["start", facts({ state: "in_progress" }), user(LEAD), "audits.error.illegalTransition"],
    ["draw_sample", facts({ sampleDrawn: true }), user(LEAD), "audits.error.sampleDrawn"],
    ["draw_sample", facts({ samplesDossiers: false }), user(LEAD), "audits.error.noFields"],
    ["draw_sample", facts({ state: "report_drafted" }), user(LEAD), "audits.error.illegalTransition"],
    ["draft_report", facts({ state: "in_progress", sampleDrawn: true }), user(MEMBER), "audits.error.leadOnly"],
    ["draft_report", facts({ state: "in_progress" }), user(LEAD), "audits.error.sampleMissing"],
    ["draft_report", facts({ state: "in_progress", sampleDrawn: true, unansweredQuestions: 1 }), user(LEAD), "audits.error.unanswered"],
    ["draft_report", facts({ state: "in_progress", sampleDrawn: true, uncheckedSamples: 2 }), user(LEAD), "audits.error.unchecked"],
    ["draft_report", facts({ state: "in_progress", sampleDrawn: true, hasConclusions: false }), user(LEAD), "audits.error.conclusionsRequired"],
    ["approve", facts({ state: "report_drafted" }), user(OUTSIDER), "audits.error.leaderOnly"],
    ["approve", facts({ state: "report_drafted", team: [{ userId: LEADER, role: "lead" }] }), user(LEADER, true), "audits.error.selfApproval"],
    ["approve", facts({ state: "in_progress" }), user(LEADER, true), "audits.error.illegalTransition"],
    ["record", facts({ state: "approved" }), user(LEAD), "audits.error.locked"],
    ["return_draft", facts({ state: "approved" }), user(LEADER, true), "audits.error.locked"],
  ] as const)("refuses %s when it should (%#)", (action, f, actor, error) => {
    expect(checkAuditAction(f, action, actor)).toEqual({ ok: false, error });
  });

  it("a draft without sampled fields needs no sample", () => {
    expect(checkAuditAction(facts({ state: "in_progress", samplesDossiers: false }), "draft_report", user(LEAD)).ok).toBe(true);
  });

  it("lists what each person may do", () => {
    expect(allowedAuditActions(facts(), user(LEAD))).toEqual(["draw_sample", "start"]);
    expect(allowedAuditActions(facts(), user(LEADER, true))).toEqual([]);
    expect(allowedAuditActions(facts({ state: "report_drafted" }), user(LEADER, true))).toEqual(["return_draft", "approve"]);
    expect(allowedAuditActions(facts({ state: "approved" }), user(LEAD))).toEqual([]);
  });
});

describe("teamConflicts", () => {
  const scope = { fields: ["land_construction", "social_affairs"], processes: ["QT-07", "QT-12"] };
  it("finds a member whose own field or process is audited", () => {
    expect(
      teamConflicts(
        [
          { userId: 1, areas: { fields: ["civil_status", "justice"], processes: ["QT-08"] } },
          { userId: 2, areas: { fields: ["land_construction"], processes: ["QT-12"] } },
        ],
        scope,
      ),
    ).toEqual([
      { userId: 2, kind: "field", code: "land_construction" },
      { userId: 2, kind: "process", code: "QT-12" },
    ]);
  });
  it("accepts cross-auditing (QT-02 §5.1)", () => {
    expect(teamConflicts([{ userId: 1, areas: { fields: ["civil_status"], processes: ["QT-08", "QT-10"] } }], scope)).toEqual([]);
  });
});

describe("formatAuditCode and tallyAnswers", () => {
  it("numbers audits within the year", () => {
    expect(formatAuditCode(2026, 1)).toBe("DGNB-2026-01");
    expect(formatAuditCode(2026, 112)).toBe("DGNB-2026-112");
  });
  it("counts answers by kind and what is left", () => {
    const tally = tallyAnswers(["conform", "conform", "nonconformity", null, "not_applicable"]);
    expect(tally.total).toBe(5);
    expect(tally.answered).toBe(4);
    expect(tally.byAnswer).toEqual({ conform: 2, nonconformity: 1, observation: 0, improvement: 0, not_applicable: 1 });
  });
});

describe("AuditPlanSchema", () => {
  const valid = {
    title: "Đánh giá nội bộ năm 2026",
    objectives: "Xác định sự phù hợp",
    processes: ["QT-07"],
    fields: ["land_construction"],
    isoClauses: "7.5, 8.5.1;9.1.2",
    criteria: "TCVN ISO 9001:2015",
    location: "Trung tâm Phục vụ hành chính công xã",
    startDate: "2026-09-14",
    endDate: "2026-09-15",
    sampleFrom: "2026-01-01",
    sampleTo: "2026-08-31",
    sampleSize: 10,
    leadUserId: 4,
    memberUserIds: [],
    templateIds: [1, 2],
  };
  it("parses clause lists", () => {
    const parsed = AuditPlanSchema.parse(valid);
    expect(parsed.isoClauses).toEqual(["7.5", "8.5.1", "9.1.2"]);
  });
  it.each([
    [{ processes: [], fields: [] }, "processes", "audits.error.scopeEmpty"],
    [{ endDate: "2026-09-13" }, "endDate", "audits.error.endBeforeStart"],
    [{ sampleTo: "2025-12-31" }, "sampleTo", "audits.error.endBeforeStart"],
    [{ templateIds: [] }, "templateIds", "audits.error.noTemplates"],
    [{ isoClauses: "7.5, bảy" }, "isoClauses", "error.isoClause"],
    [{ sampleSize: 0 }, "sampleSize", "error.invalid"],
    [{ fields: ["astrology"] }, "fields", undefined],
  ])("reports %o on its field", (change, path, message) => {
    const result = AuditPlanSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === path);
    expect(issue).toBeDefined();
    if (message) expect(issue?.message).toBe(message);
  });
});

describe("AuditStepSchema", () => {
  it("takes an answer with its evidence", () => {
    expect(AuditStepSchema.parse({ intent: "answer", questionId: 3, answer: "nonconformity", evidence: "Mẫu cũ" })).toMatchObject({ grade: "minor" });
  });
  it("needs a comment to return a draft", () => {
    expect(AuditStepSchema.safeParse({ intent: "return_draft", comment: " " }).success).toBe(false);
  });
  it("findings need evidence, conform and not applicable do not", () => {
    expect(["nonconformity", "observation", "improvement"].every(evidenceRequired)).toBe(true);
    expect(evidenceRequired("conform") || evidenceRequired("not_applicable")).toBe(false);
  });
});

describe("uncoveredProcesses", () => {
  it("lists the processes no audit of the year covers, in register order", () => {
    expect(uncoveredProcesses(["QT-01", "QT-02", "QT-07", "QT-12"], [{ processes: ["QT-07"] }, { processes: ["QT-12", "QT-01"] }])).toEqual(["QT-02"]);
    expect(uncoveredProcesses(["QT-01"], [])).toEqual(["QT-01"]);
    expect(uncoveredProcesses([], [{ processes: ["QT-07"] }])).toEqual([]);
  });
});
