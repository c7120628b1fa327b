import { needsApology, type DossierActionType, type DossierFacts } from "./lifecycle";

/**
 * The next legal step of a dossier, shown to the officer as the one primary action; every other
 * allowed action stays one click further. Null when the dossier is closed (returned, refused,
 * withdrawn). A late dossier without its apology slip gets the slip first (Decree 61/2018 art. 19);
 * a dossier out on a transfer waits for the other agency's answer before its result.
 */
export function nextStep(facts: DossierFacts, now: Date): DossierActionType | null {
  if (needsApology(facts, now)) return "issue_apology";
  switch (facts.state) {
    case "received":
      return "assign";
    case "in_progress":
      return facts.openTransfers > 0 ? "transfer_back" : "mark_result_ready";
    case "supplement_requested":
      return "receive_supplement";
    case "result_ready":
      return "return_result";
    case "returned":
    case "refused":
    case "withdrawn":
      return null;
  }
}

/** Actions that end the dossier without a result: kept apart from the rest, in a danger group. */
export const ENDING_ACTIONS: readonly DossierActionType[] = ["refuse", "withdraw"];
