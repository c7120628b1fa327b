import { describe, expect, it } from "vitest";
import {
  allowedActions,
  checkTransition,
  DOSSIER_STATES,
  portalStatusCode,
  validateActionData,
  type DossierActionType,
  type DossierFacts,
  type DossierState,
} from "~/domain/dossiers/lifecycle";

const DUE = new Date("2024-05-10T17:00:00+07:00");
const BEFORE_DUE = new Date("2024-05-09T09:00:00+07:00");
const AFTER_DUE = new Date("2024-05-13T09:00:00+07:00");

const facts = (state: DossierState, extra: Partial<DossierFacts> = {}): DossierFacts => ({
  state,
  dueAt: DUE,
  hasApology: false,
  openTransfers: 0,
  ...extra,
});

describe("dossier transitions before the due date", () => {
  const table: Array<[DossierState, DossierActionType, DossierState | "refused-transition"]> = [
    ["received", "assign", "in_progress"],
    ["received", "request_supplement", "supplement_requested"],
    ["received", "refuse", "refused"],
    ["received", "withdraw", "withdrawn"],
    ["received", "mark_result_ready", "refused-transition"],
    ["received", "return_result", "refused-transition"],
    ["received", "transfer", "refused-transition"],
    ["in_progress", "assign", "in_progress"],
    ["in_progress", "transfer", "in_progress"],
    ["in_progress", "request_supplement", "supplement_requested"],
    ["in_progress", "mark_result_ready", "result_ready"],
    ["in_progress", "return_result", "refused-transition"],
    ["in_progress", "receive_supplement", "refused-transition"],
    ["supplement_requested", "receive_supplement", "in_progress"],
    ["supplement_requested", "withdraw", "withdrawn"],
    ["supplement_requested", "refuse", "refused"],
    ["supplement_requested", "mark_result_ready", "refused-transition"],
    ["supplement_requested", "request_supplement", "refused-transition"],
    ["result_ready", "return_result", "returned"],
    ["result_ready", "refuse", "refused-transition"],
    ["result_ready", "assign", "refused-transition"],
    ["returned", "assign", "refused-transition"],
    ["returned", "return_result", "refused-transition"],
    ["refused", "assign", "refused-transition"],
    ["withdrawn", "receive_supplement", "refused-transition"],
  ];
  it.each(table)("%s --%s--> %s", (state, action, expected) => {
    const result = checkTransition(facts(state), action, BEFORE_DUE);
    if (expected === "refused-transition") {
      expect(result).toEqual({ ok: false, error: "dossier.error.illegalTransition" });
    } else {
      expect(result).toEqual({ ok: true, to: expected });
    }
  });

  it("final states allow nothing", () => {
    for (const state of ["returned", "refused", "withdrawn"] as const) {
      expect(allowedActions(facts(state), BEFORE_DUE)).toEqual([]);
    }
  });
});

describe("apology slips", () => {
  it("an overdue dossier must get its apology before anything else", () => {
    const overdue = facts("in_progress");
    expect(checkTransition(overdue, "mark_result_ready", AFTER_DUE)).toEqual({
      ok: false,
      error: "dossier.error.needsApology",
    });
    expect(allowedActions(overdue, AFTER_DUE)).toEqual(["issue_apology"]);
    expect(checkTransition(facts("received"), "assign", AFTER_DUE)).toEqual({
      ok: false,
      error: "dossier.error.needsApology",
    });
  });

  it("after the apology the dossier moves on", () => {
    const apologised = facts("in_progress", { hasApology: true });
    expect(checkTransition(apologised, "mark_result_ready", AFTER_DUE)).toEqual({ ok: true, to: "result_ready" });
  });

  it("at most one apology slip", () => {
    expect(checkTransition(facts("in_progress", { hasApology: true }), "issue_apology", AFTER_DUE)).toEqual({
      ok: false,
      error: "dossier.error.apologyAlreadyIssued",
    });
  });

  it("an apology may be issued ahead, for a dossier that will miss its date", () => {
    expect(checkTransition(facts("in_progress"), "issue_apology", BEFORE_DUE)).toEqual({ ok: true, to: "in_progress" });
  });

  it("a result waiting for the citizen, or a dossier waiting for a supplement, is not held up", () => {
    expect(checkTransition(facts("result_ready"), "return_result", AFTER_DUE)).toEqual({ ok: true, to: "returned" });
    expect(checkTransition(facts("supplement_requested"), "receive_supplement", AFTER_DUE)).toEqual({
      ok: true,
      to: "in_progress",
    });
  });

  it("the new appointment must be later than the old one and than now", () => {
    const base = facts("in_progress");
    const apology = (at: string) => ({ type: "issue_apology" as const, reason: "x", newAppointmentAt: new Date(at) });
    expect(validateActionData(base, apology("2024-05-10T17:00:00+07:00"), BEFORE_DUE)).toBe(
      "dossier.error.appointmentTooEarly",
    );
    expect(validateActionData(base, apology("2024-05-12T17:00:00+07:00"), AFTER_DUE)).toBe(
      "dossier.error.appointmentTooEarly",
    );
    expect(validateActionData(base, apology("2024-05-15T17:00:00+07:00"), AFTER_DUE)).toBeNull();
  });
});

describe("transfers", () => {
  it("a result cannot be ready while the dossier is at another agency", () => {
    expect(checkTransition(facts("in_progress", { openTransfers: 1 }), "mark_result_ready", BEFORE_DUE)).toEqual({
      ok: false,
      error: "dossier.error.transferOpen",
    });
  });
  it("a transfer can only come back if one went out", () => {
    expect(checkTransition(facts("in_progress"), "transfer_back", BEFORE_DUE)).toEqual({
      ok: false,
      error: "dossier.error.noOpenTransfer",
    });
    expect(checkTransition(facts("in_progress", { openTransfers: 1 }), "transfer_back", BEFORE_DUE)).toEqual({
      ok: true,
      to: "in_progress",
    });
  });
});

describe("portal status codes", () => {
  it("maps every state", () => {
    const codes = Object.fromEntries(DOSSIER_STATES.map((s) => [s, portalStatusCode(s, true)]));
    expect(codes).toEqual({
      received: 2,
      in_progress: 4,
      supplement_requested: 5,
      result_ready: 9,
      returned: 10,
      refused: 8,
      withdrawn: 8,
    });
    expect(portalStatusCode("refused", false)).toBe(3);
  });
});
