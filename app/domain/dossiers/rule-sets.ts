/**
 * The one-stop rule sets, versioned by effective date. A dossier keeps the rule set in force on the
 * day it was received (DOMAIN.md): the forms it is printed on and the legal references they cite.
 */
export interface RuleSet {
  code: "nd61-2018" | "nd118-2025";
  decree: string;
  circular: string;
  /** First business date (inclusive) and last (inclusive, or null while in force). */
  effectiveFrom: string;
  effectiveTo: string | null;
  forms: {
    receipt: string;
    supplement: string;
    refusal: string;
    apology: string;
    controlSlip: string;
    trackingBook: string;
  };
}

export const RULE_SETS: readonly RuleSet[] = [
  {
    code: "nd61-2018",
    decree: "Nghị định số 61/2018/NĐ-CP (sửa đổi bởi Nghị định số 107/2021/NĐ-CP)",
    circular: "Thông tư số 01/2018/TT-VPCP",
    effectiveFrom: "2018-06-21",
    effectiveTo: "2025-06-30",
    forms: {
      receipt: "Mẫu số 01",
      supplement: "Mẫu số 02",
      refusal: "Mẫu số 03",
      apology: "Mẫu số 04",
      controlSlip: "Mẫu số 05",
      trackingBook: "Mẫu số 06",
    },
  },
  {
    code: "nd118-2025",
    decree: "Nghị định số 118/2025/NĐ-CP",
    circular: "Thông tư số 03/2025/TT-VPCP",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    forms: {
      receipt: "Mẫu số 01",
      supplement: "Mẫu số 02",
      refusal: "Mẫu số 03",
      apology: "Mẫu số 04",
      controlSlip: "Mẫu số 06",
      trackingBook: "Mẫu số 07",
    },
  },
];

export type RuleSetCode = RuleSet["code"];

export function ruleSetInForce(receivedDate: string): RuleSet {
  const found = RULE_SETS.find(
    (r) => r.effectiveFrom <= receivedDate && (r.effectiveTo === null || receivedDate <= r.effectiveTo),
  );
  if (!found) throw new Error(`No one-stop rule set in force on ${receivedDate}`);
  return found;
}

export function ruleSetByCode(code: RuleSetCode): RuleSet {
  const found = RULE_SETS.find((r) => r.code === code);
  if (!found) throw new Error(`Unknown rule set ${code}`);
  return found;
}
