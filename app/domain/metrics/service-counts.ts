/**
 * What the per-day summary counts for the Decision 766 scorecard beside the on-time figures
 * (migration 0013): ratings given, how fees were paid, what was digitised, how results went back.
 * A "recorded" count is the denominator: dossiers whose fact was not recorded are left out.
 */
export interface ServiceCounts {
  rated: number;
  satisfied: number;
  dissatisfied: number;
  feeRecorded: number;
  feeDue: number;
  paidOnline: number;
  papersRecorded: number;
  papersDigitised: number;
  resultsRecorded: number;
  resultsDigitised: number;
  returnsRecorded: number;
  returnsElectronic: number;
}

export const EMPTY_SERVICE_COUNTS: ServiceCounts = {
  rated: 0,
  satisfied: 0,
  dissatisfied: 0,
  feeRecorded: 0,
  feeDue: 0,
  paidOnline: 0,
  papersRecorded: 0,
  papersDigitised: 0,
  resultsRecorded: 0,
  resultsDigitised: 0,
  returnsRecorded: 0,
  returnsElectronic: 0,
};

export function addServiceCounts(a: ServiceCounts, b: ServiceCounts): ServiceCounts {
  const sum = { ...a };
  for (const key of Object.keys(EMPTY_SERVICE_COUNTS) as (keyof ServiceCounts)[]) sum[key] += b[key];
  return sum;
}

/** (Very) satisfied ratings among those given; null when nobody rated. */
export const satisfactionRate = (c: Pick<ServiceCounts, "rated" | "satisfied">) => (c.rated === 0 ? null : c.satisfied / c.rated);
