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
    /** Mẫu 05 of Circular 03/2025; Circular 01/2018 has no stop notice. */
    stop?: string;
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
      stop: "Mẫu số 05",
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

/*
 * Issue 17: rule sets are data (table `rule_set_version`, edited by the quality lead). `RULE_SETS`
 * above stays as the two built-in form layouts a version prints with (`layout`); the legal basis,
 * dates, desk name, form numbers and titles, slips offered and clocks come from the version row.
 */
export const FORM_KEYS = ["receipt", "supplement", "refusal", "apology", "stop", "controlSlip", "trackingBook"] as const;
export type FormKey = (typeof FORM_KEYS)[number];
export interface FormFacts {
  number: string;
  title: string;
}

export const OFFERED_SLIPS = ["receipt", "supplement", "refusal", "apology", "stop", "control-slip", "tracking-book"] as const;
export type OfferedSlip = (typeof OFFERED_SLIPS)[number];

/** The legal clocks a rule set carries (DOMAIN.md "Complaints: the complete clocks", feedback clocks). */
export interface LegalClocks {
  complaintFilingDays: number;
  complaintAcceptDays: number;
  firstInstance: { normal: number; complex: number; remote: number; remoteComplex: number };
  secondInstanceFilingDays: { normal: number; remote: number };
  secondInstance: { normal: number; complex: number; remote: number; remoteComplex: number };
  feedbackWorkingDays: { refuse: number; askMoreInfo: number; answer: number; publishAfterAnswer: number };
}

export const DEFAULT_LEGAL_CLOCKS: LegalClocks = {
  complaintFilingDays: 90,
  complaintAcceptDays: 10,
  firstInstance: { normal: 30, complex: 45, remote: 45, remoteComplex: 60 },
  secondInstanceFilingDays: { normal: 30, remote: 45 },
  secondInstance: { normal: 45, complex: 60, remote: 60, remoteComplex: 70 },
  feedbackWorkingDays: { refuse: 2, askMoreInfo: 5, answer: 15, publishAfterAnswer: 2 },
};

export interface RuleSetVersion {
  id: number;
  code: string;
  layout: RuleSetCode;
  decree: string;
  circular: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  deskName: string;
  forms: Partial<Record<FormKey, FormFacts>>;
  slips: readonly OfferedSlip[];
  clocks: LegalClocks;
  /** Facts still to check against the published texts. */
  checks: readonly string[];
}

interface Dated {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The version in force on business date `date` (YYYY-MM-DD), or null when none covers it. */
export function versionInForce<T extends Dated>(versions: readonly T[], date: string): T | null {
  return versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo)) ?? null;
}

export type TimelineProblem =
  /** `to` null: the overlap runs on with no end. */
  | { kind: "overlap"; from: string; to: string | null; codes: [string, string] }
  | { kind: "gap"; from: string; to: string }
  | { kind: "open_end"; after: string }
  | { kind: "reversed"; code: string; from: string; to: string };

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * What is wrong with a timeline of versions: every date from the first version's start must be
 * covered by exactly one version, and the last one stays open (a date after it would have no rules).
 */
export function timelineProblems(versions: readonly (Dated & { code: string })[]): TimelineProblem[] {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const problems: TimelineProblem[] = [];
  for (const v of sorted) {
    if (v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom)
      problems.push({ kind: "reversed", code: v.code, from: v.effectiveFrom, to: v.effectiveTo });
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.effectiveTo === null || prev.effectiveTo >= next.effectiveFrom) {
      const ends = [prev.effectiveTo, next.effectiveTo].filter((d): d is string => d !== null).sort();
      problems.push({ kind: "overlap", from: next.effectiveFrom, to: ends[0] ?? null, codes: [prev.code, next.code] });
    } else if (dayAfter(prev.effectiveTo) < next.effectiveFrom) {
      problems.push({ kind: "gap", from: dayAfter(prev.effectiveTo), to: dayBefore(next.effectiveFrom) });
    }
  }
  const last = sorted.at(-1);
  if (last && last.effectiveTo !== null) problems.push({ kind: "open_end", after: last.effectiveTo });
  return problems;
}

/**
 * Adding a version that starts on `from`: the version open on that day (the last, still in force)
 * ends the day before; the result is the timeline to check with `timelineProblems`.
 */
export function timelineWithNewVersion<T extends Dated & { code: string }>(
  versions: readonly T[],
  added: Dated & { code: string },
): { timeline: (Dated & { code: string })[]; closes: { code: string; effectiveTo: string } | null } {
  const open = versions.find((v) => v.effectiveTo === null && v.effectiveFrom < added.effectiveFrom) ?? null;
  const closes = open ? { code: open.code, effectiveTo: dayBefore(added.effectiveFrom) } : null;
  const timeline = versions.map((v) => (closes && v.code === closes.code ? { ...v, effectiveTo: closes.effectiveTo } : v));
  return { timeline: [...timeline, added], closes };
}

/** The slip toolkit's view of a version: the layout picks the drawing, the version the words. */
export function slipRuleSetOf(version: RuleSetVersion): RuleSet & { deskName: string; titles: Partial<Record<FormKey, string>> } {
  const builtIn = ruleSetByCode(version.layout);
  const number = (key: FormKey, fallback: string) => version.forms[key]?.number ?? fallback;
  const titles: Partial<Record<FormKey, string>> = {};
  for (const key of FORM_KEYS) {
    const title = version.forms[key]?.title;
    if (title) titles[key] = title;
  }
  return {
    ...builtIn,
    decree: version.decree,
    circular: version.circular,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    forms: {
      receipt: number("receipt", builtIn.forms.receipt),
      supplement: number("supplement", builtIn.forms.supplement),
      refusal: number("refusal", builtIn.forms.refusal),
      apology: number("apology", builtIn.forms.apology),
      controlSlip: number("controlSlip", builtIn.forms.controlSlip),
      trackingBook: number("trackingBook", builtIn.forms.trackingBook),
      ...(version.forms.stop ? { stop: version.forms.stop.number } : {}),
    },
    deskName: version.deskName,
    titles,
  };
}
