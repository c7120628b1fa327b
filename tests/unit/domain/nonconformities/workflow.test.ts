import { describe, expect, it } from "vitest";
import { NC_STATES, type NcState } from "~/domain/nonconformities/nonconformity";
import { allowedNcActions, checkNcAction, formatNcCode, isRepeat, type NcAction, type NcFacts } from "~/domain/nonconformities/workflow";

const OWNER = 11;
const DOER = 12;
const AUDITOR = 13;

type Action = NcFacts["actions"][number];
const planned = (ownerUserId = OWNER): Action => ({ status: "planned", ownerUserId, doneByUserId: null });
const done = (ownerUserId = OWNER, doneByUserId = ownerUserId): Action => ({ status: "done", ownerUserId, doneByUserId });
const cancelled = (ownerUserId = OWNER): Action => ({ status: "cancelled", ownerUserId, doneByUserId: null });

/** Facts under which only the state decides: one action, done by its owner; the actor is someone else. */
const facts = (state: NcState, actions: readonly Action[] = [done()]): NcFacts => ({ state, actions });

/** The legal moves, written out by hand from ISO 9001 §10.2 as the app handles it. */
const LEGAL: Record<NcAction, { from: NcState; to: NcState }> = {
  record_correction: { from: "open", to: "correction_taken" },
  analyse_cause: { from: "correction_taken", to: "cause_analysed" },
  plan_actions: { from: "cause_analysed", to: "actions_planned" },
  complete_actions: { from: "actions_planned", to: "actions_done" },
  verify: { from: "actions_done", to: "verified" },
  close: { from: "verified", to: "closed" },
};

const ACTIONS = Object.keys(LEGAL) as NcAction[];

describe("checkNcAction: every action from every state", () => {
  const table = ACTIONS.flatMap((action) =>
    NC_STATES.map((state) => {
      const legal = LEGAL[action];
      const expected =
        legal.from === state
          ? { ok: true, to: legal.to }
          : { ok: false, error: action === "close" ? "nc.error.closeNeedsVerification" : "nc.error.illegalTransition" };
      return [action, state, expected] as const;
    }),
  );

  it.each(table)("%s from %s", (action, state, expected) => {
    expect(checkNcAction(facts(state), action, { actorUserId: AUDITOR, effective: true })).toEqual(expected);
  });

  it("covers 6 actions × 7 states", () => {
    expect(table).toHaveLength(42);
    expect(table.filter(([, , e]) => e.ok)).toHaveLength(6);
  });
});

describe("checkNcAction: the rules beyond the state", () => {
  it("refuses to close before the effectiveness was verified, whatever the step reached", () => {
    for (const state of ["open", "correction_taken", "cause_analysed", "actions_planned", "actions_done"] as const) {
      expect(checkNcAction(facts(state), "close", { actorUserId: AUDITOR })).toEqual({
        ok: false,
        error: "nc.error.closeNeedsVerification",
      });
    }
  });

  it("refuses a plan without any action", () => {
    expect(checkNcAction(facts("cause_analysed", []), "plan_actions", { actorUserId: AUDITOR })).toEqual({
      ok: false,
      error: "nc.error.actionsRequired",
    });
  });

  it("does not count cancelled actions as a plan", () => {
    expect(checkNcAction(facts("cause_analysed", [cancelled(), cancelled(DOER)]), "plan_actions", { actorUserId: AUDITOR })).toEqual({
      ok: false,
      error: "nc.error.actionsRequired",
    });
    expect(checkNcAction(facts("cause_analysed", [cancelled(), planned()]), "plan_actions", { actorUserId: AUDITOR })).toEqual({
      ok: true,
      to: "actions_planned",
    });
  });

  it("accepts a plan of actions still to do", () => {
    expect(checkNcAction(facts("cause_analysed", [planned(), planned(DOER)]), "plan_actions", { actorUserId: AUDITOR })).toEqual({
      ok: true,
      to: "actions_planned",
    });
  });

  it("refuses to mark the actions done while one is still planned", () => {
    expect(checkNcAction(facts("actions_planned", [done(), planned(DOER)]), "complete_actions", { actorUserId: AUDITOR })).toEqual({
      ok: false,
      error: "nc.error.actionsOpen",
    });
  });

  it("marks the actions done when every live one is done; cancelled ones do not hold it back", () => {
    expect(checkNcAction(facts("actions_planned", [done(), done(DOER), cancelled()]), "complete_actions", { actorUserId: AUDITOR })).toEqual({
      ok: true,
      to: "actions_done",
    });
  });

  it("refuses to mark the actions done when there is no live action (a re-opened round with no new action)", () => {
    expect(checkNcAction(facts("actions_planned", []), "complete_actions", { actorUserId: AUDITOR })).toEqual({
      ok: false,
      error: "nc.error.actionsRequired",
    });
    expect(checkNcAction(facts("actions_planned", [cancelled()]), "complete_actions", { actorUserId: AUDITOR })).toEqual({
      ok: false,
      error: "nc.error.actionsRequired",
    });
  });

  it.each([
    ["the owner of an action", OWNER, [done(OWNER, OWNER), done(DOER, DOER)]],
    ["whoever carried it out for its owner", DOER, [done(OWNER, DOER)]],
    ["the owner, when someone else carried it out", OWNER, [done(OWNER, DOER)]],
  ] as const)("refuses verification by %s", (_who, actor, actions) => {
    for (const effective of [true, false, undefined]) {
      expect(checkNcAction(facts("actions_done", actions), "verify", { actorUserId: actor, effective })).toEqual({
        ok: false,
        error: "nc.error.selfVerification",
      });
    }
  });

  it("lets the owner of a cancelled action verify the others", () => {
    expect(checkNcAction(facts("actions_done", [cancelled(AUDITOR), done(OWNER)]), "verify", { actorUserId: AUDITOR, effective: true })).toEqual({
      ok: true,
      to: "verified",
    });
  });

  it("verifies an effective fix, and sends an ineffective one back to planning", () => {
    const base = facts("actions_done", [done(OWNER), done(DOER)]);
    expect(checkNcAction(base, "verify", { actorUserId: AUDITOR, effective: true })).toEqual({ ok: true, to: "verified" });
    expect(checkNcAction(base, "verify", { actorUserId: AUDITOR, effective: false })).toEqual({ ok: true, to: "actions_planned" });
  });

  it("checks the state before the verifier: a wrong state is an illegal step even for the owner", () => {
    expect(checkNcAction(facts("actions_planned", [done(OWNER)]), "verify", { actorUserId: OWNER })).toEqual({
      ok: false,
      error: "nc.error.illegalTransition",
    });
  });
});

describe("allowedNcActions", () => {
  it.each([
    ["open", [done()], AUDITOR, ["record_correction"]],
    ["correction_taken", [], AUDITOR, ["analyse_cause"]],
    ["cause_analysed", [], AUDITOR, []],
    ["cause_analysed", [planned()], AUDITOR, ["plan_actions"]],
    ["actions_planned", [planned()], AUDITOR, []],
    ["actions_planned", [done()], AUDITOR, ["complete_actions"]],
    ["actions_done", [done(OWNER)], AUDITOR, ["verify"]],
    ["actions_done", [done(OWNER)], OWNER, []],
    ["verified", [done(OWNER)], OWNER, ["close"]],
    ["closed", [done(OWNER)], AUDITOR, []],
  ] as const)("in %s with %j, for user %i: %j", (state, actions, actor, expected) => {
    expect(allowedNcActions(facts(state, actions), actor)).toEqual(expected);
  });
});

describe("isRepeat", () => {
  const nc = { id: 10, process: "1.001193", isoClause: "8.5.1", foundAt: "2026-03-15T02:00:00.000Z" };
  const other = (foundAt: string, extra: Partial<typeof nc> = {}) => ({ id: 1, process: nc.process, isoClause: nc.isoClause, foundAt, ...extra });

  it("is a repeat when the same process and clause had one in the 12 months before", () => {
    expect(isRepeat(nc, [other("2025-09-01T02:00:00.000Z")])).toBe(true);
    expect(isRepeat(nc, [other("2026-03-14T02:00:00.000Z")])).toBe(true);
  });

  it("counts exactly one year before, not a moment earlier", () => {
    expect(isRepeat(nc, [other("2025-03-15T02:00:00.000Z")])).toBe(true);
    expect(isRepeat(nc, [other("2025-03-15T01:59:59.999Z")])).toBe(false);
  });

  it("is not a repeat of one found after it, or at the same instant", () => {
    expect(isRepeat(nc, [other("2026-03-16T02:00:00.000Z")])).toBe(false);
    expect(isRepeat(nc, [other(nc.foundAt)])).toBe(false);
  });

  it("is not a repeat of another clause or another process", () => {
    expect(isRepeat(nc, [other("2026-01-10T02:00:00.000Z", { isoClause: "8.5.2" })])).toBe(false);
    expect(isRepeat(nc, [other("2026-01-10T02:00:00.000Z", { process: "QT-07" })])).toBe(false);
  });

  it("is not a repeat of itself", () => {
    expect(isRepeat(nc, [{ ...nc, foundAt: "2026-01-10T02:00:00.000Z" }])).toBe(false);
    expect(isRepeat(nc, [])).toBe(false);
  });

  it("finds the one earlier match among others", () => {
    const history = [
      other("2024-01-01T02:00:00.000Z"),
      other("2026-01-10T02:00:00.000Z", { id: 2, isoClause: "7.5.3" }),
      other("2026-04-01T02:00:00.000Z", { id: 3 }),
      other("2025-12-31T02:00:00.000Z", { id: 4 }),
    ];
    expect(isRepeat(nc, history)).toBe(true);
    expect(isRepeat(nc, history.filter((h) => h.id !== 4))).toBe(false);
  });
});

describe("formatNcCode", () => {
  it.each([
    [2026, 1, "NC-2026-001"],
    [2026, 42, "NC-2026-042"],
    [2026, 999, "NC-2026-999"],
    [2027, 1000, "NC-2027-1000"],
  ])("%i, %i → %s", (year, sequence, code) => {
    expect(formatNcCode(year, sequence)).toBe(code);
    expect(code).toMatch(/^NC-\d{4}-\d{3,}$/);
  });
});
