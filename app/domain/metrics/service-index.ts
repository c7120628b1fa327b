import { z } from "zod";
import type { Language, MessageKey } from "~/i18n";
import { judgedCount, rates, type OnTimeFigures } from "./on-time";
import type { PeriodStatus } from "./period";
import type { ServiceCounts } from "./service-counts";

/*
 * The Decision 766/QĐ-TTg scorecard (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ
 * người dân, doanh nghiệp) for a unit and a period. The grid — groups, indicators, points, how each
 * scores — is versioned data (table `service_index_*`, seeded by migration 0013, marked *(check)*);
 * what the product can measure is code: one measure per key below, each from the figures every
 * surface shares. An indicator the product cannot know is "not measured" with its reason, never
 * given invented points.
 */

export const SERVICE_INDEX_MEASURES = [
  "procedures_published",
  "portal_sync",
  "answers_published_on_time",
  "on_time_rate",
  "procedures_online",
  "dossiers_online",
  "fees_paid_online",
  "feedback_answered_on_time",
  "satisfaction_index",
  "papers_digitised",
  "results_digitised",
  "results_returned_electronically",
  "data_reused",
] as const;
export type ServiceIndexMeasure = (typeof SERVICE_INDEX_MEASURES)[number];

export const ScoringSchema = z.object({ kind: z.literal("linear"), fullAt: z.number().positive().max(1) });
export type Scoring = z.infer<typeof ScoringSchema>;

export interface GridIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  maxPoints: number;
  measure: string;
  scoring: Scoring;
}

export interface GridGroup {
  code: string;
  nameVi: string;
  nameEn: string;
  maxPoints: number;
  indicators: GridIndicator[];
}

export interface Grid {
  code: string;
  title: string;
  legalBasis: string;
  effectiveFrom: string;
  note: string | null;
  groups: GridGroup[];
}

/** The inputs every measure reads: the period's figures as the figures function gives them. */
export interface MeasureInputs {
  status: PeriodStatus;
  totals: OnTimeFigures;
  service: ServiceCounts;
  /** The catalogue as it stands: active procedures, those published in full, those offered online. */
  catalogue: { active: number; published: number; online: number };
  feedback: {
    answerTimeliness: { onTime: number; judged: number };
    answersPublished: { answered: number; published: number };
    /** Dossiers that drew a complaint or feedback in the period. */
    dossiersComplainedOf: number;
  };
}

export type MeasureResult =
  | { measured: true; value: number | null; numerator: number; denominator: number }
  | { measured: false; reason: MessageKey };

const share = (numerator: number, denominator: number): MeasureResult => ({
  measured: true,
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

/**
 * Indicator 5.4 as DOMAIN.md gives it: 100% − (% late + % of dossiers with a complaint or a
 * "dissatisfied" rating), both shares of the dossiers judged in the period; never below 0.
 */
export function satisfactionIndex(totals: OnTimeFigures, unhappy: number): MeasureResult {
  const judged = judgedCount(totals);
  if (judged === 0) return { measured: true, value: null, numerator: 0, denominator: 0 };
  const value = Math.max(0, 1 - (totals.late + unhappy) / judged);
  return { measured: true, value, numerator: Math.max(0, judged - totals.late - unhappy), denominator: judged };
}

export function measure(key: string, inputs: MeasureInputs): MeasureResult {
  const { totals, service, catalogue, feedback } = inputs;
  switch (key as ServiceIndexMeasure) {
    case "procedures_published":
      return share(catalogue.published, catalogue.active);
    case "portal_sync":
      return { measured: false, reason: "serviceIndex.notMeasured.portalSync" };
    case "answers_published_on_time":
      return share(feedback.answersPublished.published, feedback.answersPublished.answered);
    case "on_time_rate": {
      const judged = judgedCount(totals);
      return { measured: true, value: rates(totals).onTimeRate, numerator: judged - totals.late, denominator: judged };
    }
    case "procedures_online":
      return share(catalogue.online, catalogue.active);
    case "dossiers_online":
      return share(totals.receivedOnline, totals.received);
    case "fees_paid_online":
      return share(service.paidOnline, service.feeDue);
    case "feedback_answered_on_time":
      return share(feedback.answerTimeliness.onTime, feedback.answerTimeliness.judged);
    case "satisfaction_index":
      return satisfactionIndex(totals, service.dissatisfied + feedback.dossiersComplainedOf);
    case "papers_digitised":
      return share(service.papersDigitised, service.papersRecorded);
    case "results_digitised":
      return share(service.resultsDigitised, service.resultsRecorded);
    case "results_returned_electronically":
      return share(service.returnsElectronic, service.returnsRecorded);
    case "data_reused":
      return { measured: false, reason: "serviceIndex.notMeasured.dataReuse" };
    default:
      return { measured: false, reason: "serviceIndex.notMeasured.unknown" };
  }
}

/** Points of an indicator for a value (0–1): linear up to `fullAt`, where it earns its maximum. */
export function points(maxPoints: number, scoring: Scoring, value: number | null): number | null {
  if (value === null) return null;
  const earned = maxPoints * Math.min(1, Math.max(0, value) / scoring.fullAt);
  return Math.round(earned * 100) / 100;
}

export interface IndicatorScore {
  code: string;
  name: string;
  value: number | null;
  points: number | null;
  maxPoints: number;
  measured: boolean;
  /** Why it is not measured; or, when measured, null. */
  reason: MessageKey | null;
  numerator: number | null;
  denominator: number | null;
}

export interface GroupScore {
  code: string;
  name: string;
  points: number | null;
  maxPoints: number;
  indicators: IndicatorScore[];
}

export interface Scorecard {
  version: { code: string; title: string; legalBasis: string; effectiveFrom: string; note: string | null };
  /** Points of the indicators measured with something to judge; null when none (a period not begun). */
  total: number | null;
  maxTotal: number;
  /** The points the measured indicators could earn: the total's own maximum. */
  measuredMaxTotal: number;
  groups: GroupScore[];
}

const sumOrNull = (values: ReadonlyArray<number | null>) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round(present.reduce((a, b) => a + b, 0) * 100) / 100;
};

/** The scorecard of a grid for the inputs of one period (in the reader's language). */
export function computeScorecard(grid: Grid, inputs: MeasureInputs, language: Language): Scorecard {
  const future = inputs.status === "future";
  let measuredMaxTotal = 0;
  const groups = grid.groups.map((group): GroupScore => {
    const indicators = group.indicators.map((indicator): IndicatorScore => {
      const result = measure(indicator.measure, inputs);
      const name = language === "vi" ? indicator.nameVi : indicator.nameEn;
      if (!result.measured) {
        return { code: indicator.code, name, value: null, points: null, maxPoints: indicator.maxPoints, measured: false, reason: result.reason, numerator: null, denominator: null };
      }
      const value = future ? null : result.value;
      const earned = points(indicator.maxPoints, indicator.scoring, value);
      if (earned !== null) measuredMaxTotal += indicator.maxPoints;
      return {
        code: indicator.code,
        name,
        value,
        points: earned,
        maxPoints: indicator.maxPoints,
        measured: true,
        reason: null,
        numerator: future ? null : result.numerator,
        denominator: future ? null : result.denominator,
      };
    });
    return {
      code: group.code,
      name: language === "vi" ? group.nameVi : group.nameEn,
      points: sumOrNull(indicators.map((i) => i.points)),
      maxPoints: group.maxPoints,
      indicators,
    };
  });
  return {
    version: { code: grid.code, title: grid.title, legalBasis: grid.legalBasis, effectiveFrom: grid.effectiveFrom, note: grid.note },
    total: sumOrNull(groups.map((g) => g.points)),
    maxTotal: grid.groups.reduce((n, g) => n + g.maxPoints, 0),
    measuredMaxTotal,
    groups,
  };
}
