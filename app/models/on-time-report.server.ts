import { sql, type Kysely } from "kysely";
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
import { rates, type OnTimeFigures, type Period } from "~/domain/metrics/on-time";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { verificationUrl, type DocumentVariant } from "~/domain/reports/issued-document";
import { chartGrain, daysLate } from "~/domain/reports/on-time-report";
import { translator } from "~/i18n";
import { businessDayStart } from "~/utils/clock";
import { computeMonthlyFigures, countRatings } from "./dashboard.server";
import { issueDocument, type IssuedPdf } from "./issued-documents.server";
import { computeOnTimeFigures, countOverdueNow } from "./metrics.server";
import { countWhere } from "#db/sql";

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
 * The dossiers the engine counts as late in the period (app/models/metrics.server.ts, same
 * conditions): finished in it late or after more than one supplement request, or still open at its
 * end and past due then (or with more than one supplement request). Their count equals `late`.
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
    base
      .where("dossier.finished_date", ">=", period.from)
      .where("dossier.finished_date", "<=", period.to)
      .where(sql<boolean>`(dossier.outcome = 'late' or (dossier.outcome is not null and dossier.supplement_count > 1))`)
      .execute(),
    base
      .where((eb) => eb.or([eb("dossier.finished_date", "is", null), eb("dossier.finished_date", ">", period.to)]))
      .where(sql<boolean>`(dossier.supplement_count > 1 or dossier.due_at < ${period.endInstant})`)
      .execute(),
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

const startInstant = (period: Period) => businessDayStart(period.from).toISOString();

/**
 * Satisfaction as the dashboard, the public page and the objectives count it (ratings given in the
 * period, from the daily summary), so every place states the same figure.
 */
export async function countSatisfaction(db: Kysely<Database>, unitId: number, period: Period) {
  const { rated, satisfied } = await countRatings(db, unitId, period);
  return { rated, satisfied, rate: rated === 0 ? null : satisfied / rated };
}

/** Complaints received in the period (spam and duplicates left out), answered, and answered by their deadline. */
export async function countComplaints(db: Kysely<Database>, unitId: number, period: Period) {
  const row = await db
    .selectFrom("feedback_item")
    .select([
      (eb) => eb.fn.countAll<number>().as("received"),
      countWhere(sql`answered_at is not null`).as("answered"),
      countWhere(sql`answered_at is not null and (resolution_due_at is null or answered_at <= resolution_due_at)`).as("on_time"),
    ])
    .where("unit_id", "=", unitId)
    .where("kind", "=", "complaint")
    .where("hidden_reason", "is", null)
    .where("received_at", ">=", startInstant(period))
    .where("received_at", "<", period.endInstant)
    .executeTakeFirstOrThrow();
  return { received: Number(row.received), answered: Number(row.answered), answeredOnTime: Number(row.on_time) };
}

function bucketOf(label: string, figures: OnTimeFigures): ChartBucket {
  return { label, received: figures.received, resolved: figures.resolved, late: figures.late, onTimeRate: rates(figures).onTimeRate };
}

/**
 * The period's figures from the per-day summary (dossier_daily_stat, kept by triggers and checked
 * against the engine in tests/integration/dashboard): in total, by field, by channel, and the
 * chart's buckets: each month judged as a period of its own; over two years, each year (the months'
 * flows added up, the stocks at its last month). A few thousand summary rows, whatever the register's size.
 */
export async function summarisePeriod(db: Kysely<Database>, unitId: number, period: Period) {
  const { months, cells } = await computeMonthlyFigures(db, unitId, period);
  const grain = chartGrain(period);
  let buckets: ChartBucket[];
  if (grain === "month") {
    buckets = months.map((m) => bucketOf(`T${Number(m.month.slice(5, 7))}/${m.month.slice(0, 4)}`, totalOf(m.cells)));
  } else {
    const years = new Map<string, MonthFigures[]>();
    for (const m of months) {
      const year = m.month.slice(0, 4);
      years.set(year, [...(years.get(year) ?? []), m]);
    }
    buckets = [...years].map(([year, ms]) => bucketOf(year, totalOf(periodCells(ms))));
  }
  return { totals: totalOf(cells), byField: groupBy(cells, "field"), byChannel: groupBy(cells, "channel"), chart: { grain, buckets } };
}

/** Everything the report prints, read from the register; the late list only when asked for. */
export async function getOnTimeReportFigures(
  db: Kysely<Database>,
  unitId: number,
  period: Period,
  now: Date,
  options: { lateList: boolean },
) {
  const [summary, overdueNow, byProcedure, satisfaction, complaints, lateDossiers] = await Promise.all([
    summarisePeriod(db, unitId, period),
    countOverdueNow(db, unitId, now),
    listProcedureFigures(db, unitId, period),
    countSatisfaction(db, unitId, period),
    countComplaints(db, unitId, period),
    options.lateList ? listLateDossiers(db, unitId, period) : Promise.resolve(undefined),
  ]);
  return { ...summary, overdueNow, byProcedure, satisfaction, complaints, lateDossiers };
}

export type OnTimeReportFigures = Awaited<ReturnType<typeof getOnTimeReportFigures>>;

/** The builder's data: labels in Vietnamese (the report is printed in Vietnamese), fields and channels in catalogue order. */
export function toReportData(
  figures: OnTimeReportFigures,
  meta: Pick<OnTimeReportData, "unit" | "period" | "toDate" | "variant" | "issuedAt" | "issuedBy" | "verification">,
): OnTimeReportData {
  const t = translator("vi");
  const { totals } = figures;
  const fields = PROCEDURE_FIELDS.filter((f) => figures.byField.has(f));
  const channels = CHANNELS.filter((c) => figures.byChannel.has(c));
  return {
    ...meta,
    totals: {
      ...figureRow(totals),
      openLateAtEnd: totals.openLateAtEnd,
      openNotDue: totals.openNotDue,
      refused: totals.refused,
      withdrawn: totals.withdrawn,
      transfers: totals.transfers,
      eTransfers: totals.eTransfers,
      eTransferRate: rates(totals).eTransferRate,
      overdueNow: figures.overdueNow,
    },
    satisfaction: figures.satisfaction,
    complaints: figures.complaints,
    byField: fields.map((f) => ({ label: t(`procedureField.${f}`), ...figureRow(figures.byField.get(f)!) })),
    byProcedure: figures.byProcedure,
    byChannel: channels.map((c) => ({ label: t(`channel.${c}`), ...figureRow(figures.byChannel.get(c)!) })),
    chart: figures.chart,
    lateDossiers: meta.variant === "public" ? undefined : (figures.lateDossiers ?? []),
  };
}

export interface OnTimeReportRequest {
  unit: { id: number; name: string };
  period: Period;
  toDate: boolean;
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
    },
    async (code) => {
      const figures = await getOnTimeReportFigures(db, unit.id, period, now, { lateList: variant !== "public" });
      const data = toReportData(figures, {
        unit: { name: unit.name },
        period: { from: period.from, to: period.to },
        toDate: request.toDate,
        variant,
        issuedAt: now,
        issuedBy: reader?.name ?? PUBLIC_ISSUER_LABEL,
        verification: { code, url: verificationUrl(request.origin, code) },
      });
      return toBuffer(buildOnTimeReport(data));
    },
  );
}
