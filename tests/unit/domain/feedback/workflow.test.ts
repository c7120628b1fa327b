import { describe, expect, it } from "vitest";
import {
  allowedFeedbackActions,
  checkFeedbackTransition,
  FEEDBACK_STATES,
  open311Status,
  STAFF_FEEDBACK_ACTIONS,
  type FeedbackAction,
  type FeedbackState,
} from "~/domain/feedback/feedback";

const ALL_ACTIONS: readonly FeedbackAction[] = [...STAFF_FEEDBACK_ACTIONS, "citizen_reply"];

/** Every legal step, written out from the workflow in the module's comment and DOMAIN.md. */
const ALLOWED: ReadonlyArray<[FeedbackState, FeedbackAction, FeedbackState]> = [
  ["received", "accept", "accepted"],
  ["received", "not_accept", "not_accepted"],
  ["received", "forward", "forwarded"],
  ["accepted", "forward", "forwarded"],
  ["accepted", "assign", "assigned"],
  ["assigned", "assign", "assigned"], // re-assignment
  ["investigating", "assign", "assigned"],
  ["assigned", "investigate", "investigating"],
  ["investigating", "answer", "answered"],
  ["answered", "close", "closed"],
  ["not_accepted", "close", "closed"],
  ["forwarded", "close", "closed"],
  ["answered", "citizen_reply", "investigating"],
  ["closed", "citizen_reply", "investigating"],
];

const isAllowed = (state: FeedbackState, action: FeedbackAction) => ALLOWED.some(([s, a]) => s === state && a === action);

/** Every other pair of state and action, so that a new opening in the workflow is noticed. */
const REFUSED: ReadonlyArray<[FeedbackState, FeedbackAction]> = FEEDBACK_STATES.flatMap((state) =>
  ALL_ACTIONS.filter((action) => !isAllowed(state, action)).map((action): [FeedbackState, FeedbackAction] => [state, action]),
);

describe("checkFeedbackTransition", () => {
  it("covers the whole state × action grid", () => {
    expect(ALLOWED.length + REFUSED.length).toBe(FEEDBACK_STATES.length * ALL_ACTIONS.length);
    expect(REFUSED.length).toBe(64 - 14);
  });

  it.each(ALLOWED)("%s --%s--> %s", (state, action, to) => {
    expect(checkFeedbackTransition(state, action)).toEqual({ ok: true, to });
  });

  it.each(REFUSED)("%s --%s--> refused", (state, action) => {
    expect(checkFeedbackTransition(state, action)).toEqual({ ok: false, error: "feedback.error.illegalTransition" });
  });

  it.each([
    // A few refusals that matter most, spelled out.
    ["received", "answer"], // no answer without acceptance and investigation
    ["received", "close"], // nor closing an unhandled item
    ["accepted", "investigate"], // someone must be assigned first
    ["accepted", "not_accept"], // once accepted, it cannot be refused
    ["investigating", "close"], // close only after answering
    ["closed", "accept"],
    ["not_accepted", "accept"],
    ["forwarded", "assign"],
    ["received", "citizen_reply"],
    ["accepted", "citizen_reply"],
    ["assigned", "citizen_reply"],
    ["investigating", "citizen_reply"],
    ["not_accepted", "citizen_reply"],
    ["forwarded", "citizen_reply"],
  ] as const)("refuses %s --%s-->", (state, action) => {
    expect(checkFeedbackTransition(state, action).ok).toBe(false);
  });
});

describe("citizen_reply", () => {
  it("re-opens only answered and closed items, back to investigating", () => {
    const reopening = FEEDBACK_STATES.filter((s) => checkFeedbackTransition(s, "citizen_reply").ok);
    expect(reopening).toEqual(["answered", "closed"]);
    for (const state of reopening) expect(checkFeedbackTransition(state, "citizen_reply")).toEqual({ ok: true, to: "investigating" });
  });

  it("is not a staff action", () => {
    expect(STAFF_FEEDBACK_ACTIONS).not.toContain("citizen_reply");
    for (const state of FEEDBACK_STATES) expect(allowedFeedbackActions(state)).not.toContain("citizen_reply");
  });
});

describe("allowedFeedbackActions", () => {
  it.each([
    ["received", ["accept", "not_accept", "forward"]],
    ["accepted", ["forward", "assign"]],
    ["not_accepted", ["close"]],
    ["forwarded", ["close"]],
    ["assigned", ["assign", "investigate"]],
    ["investigating", ["assign", "answer"]],
    ["answered", ["close"]],
    ["closed", []],
  ] as const)("%s → %j", (state, actions) => {
    expect(allowedFeedbackActions(state)).toEqual(actions);
  });
});

describe("open311Status", () => {
  it.each([
    ["received", "open"],
    ["accepted", "open"],
    ["assigned", "open"],
    ["investigating", "open"],
    ["not_accepted", "closed"],
    ["forwarded", "closed"],
    ["answered", "closed"],
    ["closed", "closed"],
  ] as const)("%s → %s", (state, status) => {
    expect(open311Status(state)).toBe(status);
  });

  it("has a row above for every state", () => {
    expect(FEEDBACK_STATES).toHaveLength(8);
  });
});
