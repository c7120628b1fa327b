import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  buildOnTimeReport,
  onTimeReportTitle,
  type ChartBucket,
  type FigureRow,
  type LateDossierRow,
  type OnTimeReportData,
} from "#reports/on-time-report";
import { toBuffer } from "#reports/toolkit";
import { CHANNELS } from "~/domain/dossiers/channels";
import { groupBy, periodCells, totalOf, type MonthFigures } from "~/domain/metrics/dashboard";
import { windowOf, type FeedbackForFigures, type Window } from "~/domain/metrics/feedback-figures";
import { rates, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { measurePeriod } from "~/domain/metrics/period";
import { satisfactionRate } from "~/domain/metrics/service-counts";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { verificationUrl, type DocumentVariant } from "~/domain/reports/issued-document";
import { chartGrain, daysLate } from "~/domain/reports/on-time-report";
import { translator, type Language } from "~/i18n";
import { listFeedbackForFigures } from "./feedback-figures.server";
import { getPeriodFigures } from "./figures.server";
import { issueDocument, type IssuedPdf } from "./issued-documents.server";
import { computeOnTimeFigures, lateFinishedIn, lateWhileOpen, openAtJudgement } from "./metrics.server";
import { getServiceIndex } from "./service-index.server";

/** Who is printed as the issuer of a public copy. */
export const PUBLIC_ISSUER_LABEL = "Công khai";

function figureRow(f: OnTimeFigures): FigureRow {
  const r = rates(f);
  return {
    received: f.received,
    receivedOnline: f.receivedOnline,
    resolved: f.resolved,
    early: f.early,
    onTime: f.onTime,
    late: f.late,
    onTimeRate: r.onTimeRate,
    onlineRate: r.onlineRate,
  };
}

/** By procedure (national code and name), the busiest first. */
export async function listProcedureFigures(db: Kysely<Database>, unitId: number, period: Period) {
  const figures = await computeOnTimeFigures(db, unitId, period, "procedure");
  if (figures.size === 0) return [];
  const procedures = await db
    .selectFrom("procedure")
    .select(["id", "code", "name"])
    .where("unit_id", "=", unitId)
    .where("id", "in", [...figures.keys()].map(Number))
    .execute();
  const byId = new Map(procedures.map((p) => [String(p.id), p]));
  return [...figures]
    .map(([id, f]) => ({ code: byId.get(id)?.code ?? id, name: byId.get(id)?.name ?? "", ...figureRow(f) }))
    .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));
}

/**
 * The dossiers the engine counts as late in the measured period (app/models/metrics.server.ts, the
 * same conditions): finished in it late or after more than one supplement request, or still open at
 * the judgement instant and late then. Their count equals `late`.
 */
export async function listLateDossiers(db: Kysely<Database>, unitId: number, period: Period) {
  const base = db
    .selectFrom("dossier")
    .innerJoin("procedure", "procedure.id", "dossier.procedure_id")
    .select([
      "dossier.code",
      "dossier.applicant_name",
      "procedure.name as procedure_name",
      "dossier.received_date",
      "dossier.due_date",
      "dossier.finished_date",
      "dossier.supplement_count",
      "dossier.apology_reason",
      "dossier.appointment_at",
    ])
    .where("dossier.unit_id", "=", unitId)
    .where("dossier.received_date", "<=", period.to);
  const [finished, open] = await Promise.all([
    base.where(lateFinishedIn(period)).execute(),
    base.where(openAtJudgement(period)).where(lateWhileOpen(period)).execute(),
  ]);
  return [...finished.map((d) => ({ ...d, openAtEnd: false })), ...open.map((d) => ({ ...d, openAtEnd: true }))]
    .map(
      (d): LateDossierRow => ({
        code: d.code,
        applicantName: d.applicant_name,
        procedure: d.procedure_name,
        receivedDate: d.received_date,
        dueDate: d.due_date,
        finishedDate: d.openAtEnd ? null : d.finished_date,
        daysLate: daysLate(d.due_date, d.openAtEnd ? period.to : (d.finished_date ?? period.to)),
        supplementCount: d.supplement_count,
        apologyReason: d.apology_reason,
        newAppointmentAt: d.appointment_at,
      }),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code));
}

/** Complaints received in the period (spam and duplicates left out), answered, and answered by their deadline. */
export function countComplaints(items: readonly FeedbackForFigures[], window: Window | null) {
  if (!window) return { received: 0, answered: 0, answeredOnTime: 0 };
  const complaints = items.filter((i) => i.kind === "complaint" && i.receivedAt >= window.start && i.receivedAt < window.end);
  const answered = complaints.filter((i) => i.answeredAt !== null && i.answeredAt < window.end);
  return {
    received: complaints.length,
    answered: answered.length,
    answeredOnTime: answered.filter((i) => i.resolutionDueAt === null || i.answeredAt! <= i.resolutionDueAt).length,
  };
}

function bucketOf(label: string, figures: OnTimeFigures): ChartBucket {
  return { label, received: figures.received, resolved: figures.resolved, late: figures.late, onTimeRate: rates(figures).onTimeRate };
}

/**
 * The chart's buckets from the figures' months: each month judged as a period of its own; over two
 * years, each year (the months' flows added up, the stocks at its last month).
 */
function chartOf(chosen: Period, months: readonly MonthFigures[]) {
  const grain = chartGrain(chosen);
  if (grain === "month") {
    return { grain, buckets: months.map((m) => bucketOf(`T${Number(m.month.slice(5, 7))}/${m.month.slice(0, 4)}`, totalOf(m.cells))) };
  }
  const years = new Map<string, MonthFigures[]>();
  for (const m of months) {
    const year = m.month.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  return { grain, buckets: [...years].map(([year, ms]) => bucketOf(year, totalOf(periodCells(ms)))) };
}

/**
 * Everything the report prints for a period as asked, from the figures function every surface
 * reads (`getPeriodFigures`); the by-procedure table from the engine over the register (the summary
 * has no procedure column; tests hold the two equal); the late list only when asked for.
 */
export async function getOnTimeReportFigures(
  db: Kysely<Database>,
  unitId: number,
  chosen: Period,
  now: Date,
  options: { lateList: boolean; language?: Language },
) {
  const figures = await getPeriodFigures(db, unitId, chosen, now);
  const { measured } = figures;
  const future = measured.status === "future";
  const window = windowOf(measured);
  const [byProcedure, items, serviceIndex, lateDossiers] = await Promise.all([
    future ? Promise.resolve([]) : listProcedureFigures(db, unitId, measured.period),
    window ? listFeedbackForFigures(db, unitId, window) : Promise.resolve([]),
    getServiceIndex(db, unitId, chosen, now, options.language ?? "vi", figures),
    options.lateList && !future ? listLateDossiers(db, unitId, measured.period) : Promise.resolve(options.lateList ? [] : undefined),
  ]);
  const ratings = figures.service.total;
  return {
    measured,
    totals: figures.totals,
    byField: groupBy(figures.cells, "field"),
    byChannel: groupBy(figures.cells, "channel"),
    chart: chartOf(chosen, figures.months),
    overdueNow: figures.totals.overdueAtEnd,
    byProcedure,
    satisfaction: { rated: ratings.rated, satisfied: ratings.satisfied, rate: satisfactionRate(ratings) },
    complaints: countComplaints(items, window),
    serviceIndex,
    lateDossiers,
  };
}

export type OnTimeReportFigures = Awaited<ReturnType<typeof getOnTimeReportFigures>>;

/** The builder's data: labels in Vietnamese (the report is printed in Vietnamese), fields and channels in catalogue order. */
export function toReportData(
  figures: OnTimeReportFigures,
  meta: Pick<OnTimeReportData, "unit" | "variant" | "issuedAt" | "issuedBy" | "verification">,
): OnTimeReportData {
  const t = translator("vi");
  const { totals, measured } = figures;
  const fields = PROCEDURE_FIELDS.filter((f) => figures.byField.has(f));
  const channels = CHANNELS.filter((c) => figures.byChannel.has(c));
  const card = figures.serviceIndex.scorecard;
  return {
    ...meta,
    period: { from: measured.chosen.from, to: measured.chosen.to },
    judgement:
      measured.status === "future"
        ? { status: "future", measuredTo: null, judgedAt: null }
        : { status: measured.status, measuredTo: measured.period.to, judgedAt: measured.period.endInstant },
    totals: {
      ...figureRow(totals),
      openLateAtEnd: totals.openLateAtEnd,
      openNotDue: totals.openNotDue,
      refused: totals.refused,
      withdrawn: totals.withdrawn,
      transfers: totals.transfers,
      eTransfers: totals.eTransfers,
      eTransferRate: rates(totals).eTransferRate,
      overdueNow: totals.overdueAtEnd,
    },
    satisfaction: figures.satisfaction,
    complaints: figures.complaints,
    byField: fields.map((f) => ({ label: t(`procedureField.${f}`), ...figureRow(figures.byField.get(f)!) })),
    byProcedure: figures.byProcedure,
    byChannel: channels.map((c) => ({ label: t(`channel.${c}`), ...figureRow(figures.byChannel.get(c)!) })),
    chart: figures.chart,
    serviceIndex: card
      ? {
          version: `${card.version.title} (${card.version.legalBasis})`,
          total: card.total,
          maxTotal: card.maxTotal,
          measuredMaxTotal: card.measuredMaxTotal,
          groups: card.groups.map((g) => ({
            code: g.code,
            name: g.name,
            points: g.points,
            maxPoints: g.maxPoints,
            indicators: g.indicators.map((i) => ({
              code: i.code,
              name: i.name,
              value: i.value,
              points: i.points,
              maxPoints: i.maxPoints,
              notMeasured: i.reason ? t(i.reason) : null,
            })),
          })),
          months: figures.serviceIndex.months.map((m) => ({ label: `T${Number(m.month.slice(5, 7))}/${m.month.slice(0, 4)}`, total: m.total, measuredMaxTotal: m.measuredMaxTotal })),
        }
      : null,
    lateDossiers: meta.variant === "public" ? undefined : (figures.lateDossiers ?? []),
  };
}

export interface OnTimeReportRequest {
  unit: { id: number; name: string };
  /** The period as asked; the figures measure it (judged at `min(end, now)`). */
  period: Period;
  variant: Exclude<DocumentVariant, "record">;
  /** The signed-in reader; null for a public download. */
  reader: { userId: number; name: string; isInspector: boolean } | null;
  /** Of the request, for the verification link. */
  origin: string;
  now: Date;
}

/** Reads the figures, prints the report with its verification code and records the issue. */
export async function issueOnTimeReport(db: Kysely<Database>, request: OnTimeReportRequest): Promise<IssuedPdf> {
  const { unit, period, variant, reader, now } = request;
  return issueDocument(
    db,
    {
      unitId: unit.id,
      kind: "on_time_report",
      variant,
      title: onTimeReportTitle(period),
      parameters: { from: period.from, to: period.to },
      issuedBy: reader,
      publicLabel: PUBLIC_ISSUER_LABEL,
      now,
      // A period still running is judged at the moment of issue: each copy states its own instant.
      reusable: measurePeriod(period, now).status === "past",
    },
    async (code) => {
      const figures = await getOnTimeReportFigures(db, unit.id, period, now, { lateList: variant !== "public" });
      const data = toReportData(figures, {
        unit: { name: unit.name },
        variant,
        issuedAt: now,
        issuedBy: reader?.name ?? PUBLIC_ISSUER_LABEL,
        verification: { code, url: verificationUrl(request.origin, code) },
      });
      return toBuffer(buildOnTimeReport(data));
    },
  );
}
