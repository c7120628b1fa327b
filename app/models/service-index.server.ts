import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { totalOf } from "~/domain/metrics/dashboard";
import { answersPublished, answerTimeliness, dossiersComplainedOf, windowOf, type FeedbackForFigures, type Window } from "~/domain/metrics/feedback-figures";
import { computeScorecard, ScoringSchema, type Grid, type MeasureInputs, type Scorecard } from "~/domain/metrics/service-index";
import { EMPTY_SERVICE_COUNTS } from "~/domain/metrics/service-counts";
import type { Period } from "~/domain/metrics/on-time";
import type { MeasuredPeriod } from "~/domain/metrics/period";
import type { Language } from "~/i18n";
import { businessDayEnd, businessDayStart } from "~/utils/clock";
import { listFeedbackForFigures, listFeedbackForFiguresByUnit } from "./feedback-figures.server";
import { getPeriodFigures, type PeriodFigures } from "./figures.server";

/** The grid version in force on a business date (the latest that started by then), or null. */
export async function getGridInForce(db: Kysely<Database>, date: string): Promise<Grid | null> {
  const version = await db
    .selectFrom("service_index_version")
    .selectAll()
    .where("effective_from", "<=", date)
    .orderBy("effective_from", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const chosen =
    version ?? (await db.selectFrom("service_index_version").selectAll().orderBy("effective_from").orderBy("id").executeTakeFirst());
  if (!chosen) return null;
  const [groups, indicators] = await Promise.all([
    db.selectFrom("service_index_group").selectAll().where("version_id", "=", chosen.id).orderBy("position").execute(),
    db
      .selectFrom("service_index_indicator")
      .innerJoin("service_index_group", "service_index_group.id", "service_index_indicator.group_id")
      .selectAll("service_index_indicator")
      .where("service_index_group.version_id", "=", chosen.id)
      .orderBy("service_index_indicator.position")
      .execute(),
  ]);
  return {
    code: chosen.code,
    title: chosen.title,
    legalBasis: chosen.legal_basis,
    effectiveFrom: chosen.effective_from,
    note: chosen.note,
    groups: groups.map((g) => ({
      code: g.code,
      nameVi: g.name_vi,
      nameEn: g.name_en,
      maxPoints: Number(g.max_points),
      indicators: indicators
        .filter((i) => i.group_id === g.id)
        .map((i) => ({
          code: i.code,
          nameVi: i.name_vi,
          nameEn: i.name_en,
          maxPoints: Number(i.max_points),
          measure: i.measure,
          scoring: ScoringSchema.parse(JSON.parse(i.scoring_json)),
        })),
    })),
  };
}

/** The catalogue as it stands: active procedures, those published with time, fee and papers, those offered online. */
export async function countCatalogue(db: Kysely<Database>, unitId: number) {
  return (await countCatalogueByUnit(db, [unitId])).get(unitId)!;
}

type CatalogueCounts = MeasureInputs["catalogue"];

/** `countCatalogue` for several units in one query. */
export async function countCatalogueByUnit(db: Kysely<Database>, unitIds: readonly number[]): Promise<Map<number, CatalogueCounts>> {
  const byUnit = new Map<number, CatalogueCounts>(unitIds.map((id) => [id, { active: 0, published: 0, online: 0 }]));
  if (unitIds.length === 0) return byUnit;
  const procedures = await db
    .selectFrom("procedure")
    .select(["unit_id", "processing_days", "fee_vnd", "fee_note", "required_documents_json", "online_service"])
    .where("unit_id", "in", unitIds)
    .where("is_active", "=", 1)
    .execute();
  for (const p of procedures) {
    const counts = byUnit.get(p.unit_id);
    if (!counts) continue;
    const papers = (JSON.parse(p.required_documents_json) as unknown[]).length > 0;
    const fee = p.fee_vnd !== null || (p.fee_note ?? "").trim() !== "";
    counts.active += 1;
    if (papers && fee && p.processing_days >= 0) counts.published += 1;
    if (p.online_service !== "none") counts.online += 1;
  }
  return byUnit;
}

function feedbackInputs(items: readonly FeedbackForFigures[], window: Window | null): MeasureInputs["feedback"] {
  if (!window) return { answerTimeliness: { onTime: 0, judged: 0 }, answersPublished: { answered: 0, published: 0 }, dossiersComplainedOf: 0 };
  return {
    answerTimeliness: answerTimeliness(items, window),
    answersPublished: answersPublished(items, window),
    dossiersComplainedOf: dossiersComplainedOf(items, window),
  };
}

export interface ServiceIndex {
  measured: MeasuredPeriod;
  scorecard: Scorecard | null;
  /** The scorecard's total month by month (each month judged as a period of its own). */
  months: Array<{ month: string; total: number | null; measuredMaxTotal: number }>;
}

/**
 * The Decision 766 scorecard of a unit for a period as asked, from the figures function every
 * surface reads (pass `figures` when the caller already has them), with its monthly trend.
 */
export async function getServiceIndex(
  db: Kysely<Database>,
  unitId: number,
  chosen: Period,
  now: Date,
  language: Language,
  figures?: PeriodFigures,
): Promise<ServiceIndex> {
  const periodFigures = figures ?? (await getPeriodFigures(db, unitId, chosen, now));
  const { measured } = periodFigures;
  const [grid, catalogue] = await Promise.all([getGridInForce(db, chosen.to), countCatalogue(db, unitId)]);
  if (!grid) return { measured, scorecard: null, months: [] };
  const window = windowOf(measured);
  const items = window ? await listFeedbackForFigures(db, unitId, window) : [];
  const scorecard = computeScorecard(
    grid,
    { status: measured.status, totals: periodFigures.totals, service: periodFigures.service.total, catalogue, feedback: feedbackInputs(items, window) },
    language,
  );
  const months = periodFigures.months.map((month, index) => {
    const monthWindow: Window | null =
      measured.status === "future"
        ? null
        : {
            start: businessDayStart(month.from).toISOString(),
            end: index === periodFigures.months.length - 1 ? measured.period.endInstant : businessDayEnd(month.to).toISOString(),
          };
    const card = computeScorecard(
      grid,
      {
        status: measured.status,
        totals: totalOf(month.cells),
        service: periodFigures.service.months[index]?.counts ?? EMPTY_SERVICE_COUNTS,
        catalogue,
        feedback: feedbackInputs(items, monthWindow),
      },
      language,
    );
    return { month: month.month, total: card.total, measuredMaxTotal: card.measuredMaxTotal };
  });
  return { measured, scorecard, months };
}

/**
 * The period's scorecard of several units at once (the province comparison): the same
 * `computeScorecard` over the same inputs as `getServiceIndex`, read in one query per kind of
 * input instead of one per unit; no monthly trend.
 */
export async function getScorecardsByUnit(
  db: Kysely<Database>,
  figuresByUnit: ReadonlyMap<number, PeriodFigures>,
  chosen: Period,
  language: Language,
): Promise<Map<number, Scorecard | null>> {
  const unitIds = [...figuresByUnit.keys()];
  const result = new Map<number, Scorecard | null>(unitIds.map((id) => [id, null]));
  const first = figuresByUnit.values().next().value;
  if (!first) return result;
  const grid = await getGridInForce(db, chosen.to);
  if (!grid) return result;
  const window = windowOf(first.measured);
  const [catalogues, items] = await Promise.all([
    countCatalogueByUnit(db, unitIds),
    window ? listFeedbackForFiguresByUnit(db, unitIds, window) : Promise.resolve(new Map<number, FeedbackForFigures[]>()),
  ]);
  for (const [unitId, figures] of figuresByUnit) {
    result.set(
      unitId,
      computeScorecard(
        grid,
        {
          status: figures.measured.status,
          totals: figures.totals,
          service: figures.service.total,
          catalogue: catalogues.get(unitId)!,
          feedback: feedbackInputs(items.get(unitId) ?? [], window),
        },
        language,
      ),
    );
  }
  return result;
}
