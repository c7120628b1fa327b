import { describe, expect, it } from "vitest";
import { allowedActions, type DossierFacts, type DossierState } from "~/domain/dossiers/lifecycle";
import { nextStep } from "~/domain/dossiers/next-step";

const now = new Date("2026-03-11T03:00:00Z"); // Wednesday 10:00 in Hà Nội
const future = new Date("2026-03-20T10:00:00Z");
const past = new Date("2026-03-09T10:00:00Z");

const facts = (state: DossierState, over: Partial<DossierFacts> = {}): DossierFacts => ({
  state,
  dueAt: future,
  hasApology: false,
  openTransfers: 0,
  ...over,
});

describe("nextStep: the one primary action on the officer's dossier page", () => {
  it.each([
    ["received on time", facts("received"), "assign"],
    ["received, late, no apology", facts("received", { dueAt: past }), "issue_apology"],
    ["received, late, apology given", facts("received", { dueAt: past, hasApology: true }), "assign"],
    ["in progress", facts("in_progress"), "mark_result_ready"],
    ["in progress, out on a transfer", facts("in_progress", { openTransfers: 1 }), "transfer_back"],
    ["in progress, late, no apology, out on a transfer", facts("in_progress", { dueAt: past, openTransfers: 1 }), "issue_apology"],
    ["in progress, late, apology given", facts("in_progress", { dueAt: past, hasApology: true }), "mark_result_ready"],
    // The clock is stopped while waiting for papers: a past due date asks for no apology then.
    ["waiting for a supplement", facts("supplement_requested", { dueAt: past }), "receive_supplement"],
    ["result ready", facts("result_ready"), "return_result"],
    ["result ready, past its due date", facts("result_ready", { dueAt: past }), "return_result"],
    ["returned", facts("returned"), null],
    ["refused", facts("refused"), null],
    ["withdrawn", facts("withdrawn"), null],
  ] as const)("%s → %s", (_, input, expected) => {
    expect(nextStep(input, now)).toBe(expected);
  });

  it("is always an action the lifecycle allows now", () => {
    for (const state of ["received", "in_progress", "supplement_requested", "result_ready"] as const) {
      for (const dueAt of [past, future]) {
        for (const hasApology of [false, true]) {
          for (const openTransfers of [0, 1]) {
            const f = facts(state, { dueAt, hasApology, openTransfers });
            const step = nextStep(f, now);
            expect(step).not.toBeNull();
            expect(allowedActions(f, now), JSON.stringify(f)).toContain(step);
          }
        }
      }
    }
  });
});
