import {
  feedbackStatesPresent,
  lateUrl,
  receivedUrl,
  resolvedUrl,
  type FeedbackMonth,
  type FeedbackRow,
  type FieldRow,
  type MonthRow,
  type TableSpec,
} from "~/domain/metrics/dashboard";
import type { Period } from "~/domain/metrics/on-time";
import { useI18n } from "~/i18n/i18n-context";
import { DashboardBarChart } from "./bar-chart";
import { ChartFigure } from "./chart-figure";
import { CHANNEL_COLORS, CHANNEL_STACK, CHART_COLORS, FEEDBACK_STATE_COLORS } from "./palette";

/** The national targets when the unit has set none for the year: every dossier on time, 80% online. */
export const ON_TIME_TARGET = 1;
export const DEFAULT_ONLINE_TARGET = 0.8;

const axisMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;

interface FigureProps {
  table: TableSpec;
  csvHref?: string;
  /** Bars link to the register (staff who may open it, for their own unit). */
  linkRegister?: boolean;
}

function usePercent() {
  const { formatNumber } = useI18n();
  return (value: number) => `${formatNumber(value * 100)}%`;
}

export function ReceivedResolvedChart({ months, table, csvHref, linkRegister = false }: FigureProps & { months: readonly MonthRow[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <ChartFigure
      id="chart-volume"
      empty={months.every((r) => r.received === 0 && r.resolved === 0)}
      title={t("dashboard.chart.volume")}
      note={linkRegister ? t("dashboard.chart.clickHint") : undefined}
      legend={[
        { label: t("dashboard.col.received"), color: CHART_COLORS.received },
        { label: t("dashboard.col.resolved"), color: CHART_COLORS.resolved },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-volume"
        title={t("dashboard.chart.volume")}
        rows={months}
        category={(r) => axisMonth(r.month)}
        format={formatNumber}
        series={[
          { key: "received", name: t("dashboard.col.received"), color: CHART_COLORS.received, value: (r) => r.received, href: linkRegister ? (r) => receivedUrl(r) : undefined },
          { key: "resolved", name: t("dashboard.col.resolved"), color: CHART_COLORS.resolved, value: (r) => r.resolved, href: linkRegister ? (r) => resolvedUrl(r) : undefined },
        ]}
      />
    </ChartFigure>
  );
}

export function OnTimeChart({ months, table, csvHref, linkRegister = false }: FigureProps & { months: readonly MonthRow[] }) {
  const { t } = useI18n();
  const percent = usePercent();
  const targetLabel = t("dashboard.chart.target", { target: percent(ON_TIME_TARGET) });
  return (
    <ChartFigure
      id="chart-on-time"
      empty={months.every((r) => r.onTimeRate === null)}
      title={t("dashboard.chart.onTime")}
      note={linkRegister ? t("dashboard.chart.onTimeHint") : undefined}
      legend={[
        { label: t("dashboard.col.onTimeRate"), color: CHART_COLORS.rate },
        { label: targetLabel, color: CHART_COLORS.target, line: true },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-on-time"
        title={t("dashboard.chart.onTime")}
        rows={months}
        category={(r) => axisMonth(r.month)}
        format={percent}
        domain={[0, 1]}
        references={[{ value: ON_TIME_TARGET, label: targetLabel }]}
        series={[
          { key: "onTimeRate", name: t("dashboard.col.onTimeRate"), color: CHART_COLORS.rate, value: (r) => r.onTimeRate, href: linkRegister ? (r) => lateUrl(r) : undefined },
        ]}
      />
    </ChartFigure>
  );
}

export function ChannelMixChart({
  months,
  onlineTarget,
  table,
  csvHref,
  linkRegister = false,
}: FigureProps & { months: readonly MonthRow[]; onlineTarget: number | null }) {
  const { t } = useI18n();
  const percent = usePercent();
  const target = onlineTarget ?? DEFAULT_ONLINE_TARGET;
  const targetLabel = t("dashboard.chart.onlineTarget", { target: percent(target) });
  return (
    <ChartFigure
      id="chart-channels"
      empty={months.every((r) => r.received === 0)}
      title={t("dashboard.chart.channels")}
      note={t("dashboard.chart.channelsNote")}
      legend={[
        ...CHANNEL_STACK.map((c) => ({ label: t(`channel.${c}`), color: CHANNEL_COLORS[c] })),
        { label: targetLabel, color: CHART_COLORS.target, line: true },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-channels"
        title={t("dashboard.chart.channels")}
        rows={months}
        category={(r) => axisMonth(r.month)}
        format={percent}
        domain={[0, 1]}
        stacked
        references={[{ value: target, label: targetLabel }]}
        series={CHANNEL_STACK.map((c) => ({
          key: c,
          name: t(`channel.${c}`),
          color: CHANNEL_COLORS[c],
          value: (r: MonthRow) => (r.received === 0 ? null : r.byChannel[c] / r.received),
          href: linkRegister ? (r: MonthRow) => receivedUrl(r, { channel: c }) : undefined,
        }))}
      />
    </ChartFigure>
  );
}

export function FieldChart({
  fields,
  period,
  table,
  csvHref,
  linkRegister = false,
}: FigureProps & { fields: readonly FieldRow[]; period: Pick<Period, "from" | "to"> }) {
  const { t, formatNumber } = useI18n();
  return (
    <ChartFigure
      id="chart-fields"
      empty={fields.length === 0}
      title={t("dashboard.chart.fields")}
      note={linkRegister ? t("dashboard.chart.clickHint") : undefined}
      legend={[
        { label: t("dashboard.col.received"), color: CHART_COLORS.received },
        { label: t("dashboard.col.late"), color: CHART_COLORS.late },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-fields"
        title={t("dashboard.chart.fields")}
        rows={fields}
        horizontal
        height={Math.max(160, 40 + fields.length * 44)}
        category={(r) => t(`procedureField.${r.field}`)}
        format={formatNumber}
        series={[
          {
            key: "received",
            name: t("dashboard.col.received"),
            color: CHART_COLORS.received,
            value: (r) => r.received,
            href: linkRegister ? (r) => receivedUrl(period, { field: r.field }) : undefined,
          },
          { key: "late", name: t("dashboard.col.late"), color: CHART_COLORS.late, value: (r) => r.late, href: linkRegister ? (r) => lateUrl(period, { field: r.field }) : undefined },
        ]}
      />
    </ChartFigure>
  );
}

/** On-time rate per field (the public page). */
export function FieldOnTimeChart({ fields, table, csvHref }: FigureProps & { fields: readonly FieldRow[] }) {
  const { t } = useI18n();
  const percent = usePercent();
  const targetLabel = t("dashboard.chart.target", { target: percent(ON_TIME_TARGET) });
  return (
    <ChartFigure
      id="chart-field-on-time"
      empty={fields.every((r) => r.onTimeRate === null)}
      title={t("transparency.chart.fields")}
      legend={[
        { label: t("dashboard.col.onTimeRate"), color: CHART_COLORS.rate },
        { label: targetLabel, color: CHART_COLORS.target, line: true },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-field-on-time"
        title={t("transparency.chart.fields")}
        rows={fields}
        horizontal
        height={Math.max(160, 50 + fields.length * 36)}
        category={(r) => t(`procedureField.${r.field}`)}
        format={percent}
        domain={[0, 1]}
        references={[{ value: ON_TIME_TARGET, label: targetLabel }]}
        series={[{ key: "onTimeRate", name: t("dashboard.col.onTimeRate"), color: CHART_COLORS.rate, value: (r) => r.onTimeRate }]}
      />
    </ChartFigure>
  );
}

/** Online share per month against the online target (the public page). */
export function OnlineShareChart({ months, onlineTarget, table, csvHref }: FigureProps & { months: readonly MonthRow[]; onlineTarget: number | null }) {
  const { t } = useI18n();
  const percent = usePercent();
  const targetLabel = t("dashboard.chart.onlineTarget", { target: percent(onlineTarget ?? DEFAULT_ONLINE_TARGET) });
  return (
    <ChartFigure
      id="chart-online"
      empty={months.every((r) => r.onlineRate === null)}
      title={t("transparency.chart.online")}
      legend={[
        { label: t("dashboard.col.onlineRate"), color: CHANNEL_COLORS.online_full },
        { label: targetLabel, color: CHART_COLORS.target, line: true },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-online"
        title={t("transparency.chart.online")}
        rows={months}
        category={(r) => axisMonth(r.month)}
        format={percent}
        domain={[0, 1]}
        references={[{ value: onlineTarget ?? DEFAULT_ONLINE_TARGET, label: targetLabel }]}
        series={[{ key: "onlineRate", name: t("dashboard.col.onlineRate"), color: CHANNEL_COLORS.online_full, value: (r) => r.onlineRate }]}
      />
    </ChartFigure>
  );
}

export function FeedbackChart({ rows, table, csvHref }: FigureProps & { rows: readonly FeedbackRow[] }) {
  const { t, formatNumber } = useI18n();
  const states = feedbackStatesPresent(rows);
  return (
    <ChartFigure
      id="chart-feedback"
      empty={rows.every((r) => r.total === 0)}
      title={t("dashboard.chart.feedback")}
      note={t("dashboard.chart.feedbackNote")}
      legend={states.map((s) => ({ label: t(`feedbackState.${s}`), color: FEEDBACK_STATE_COLORS[s] }))}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-feedback"
        title={t("dashboard.chart.feedback")}
        rows={rows}
        stacked
        category={(r) => t(`feedbackKind.${r.kind}`)}
        format={formatNumber}
        series={states.map((s) => ({ key: s, name: t(`feedbackState.${s}`), color: FEEDBACK_STATE_COLORS[s], value: (r: FeedbackRow) => r.byState[s] }))}
      />
    </ChartFigure>
  );
}

/** Feedback received and answered per month (the public page). */
export function FeedbackMonthsChart({ months, table, csvHref }: FigureProps & { months: readonly FeedbackMonth[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <ChartFigure
      id="chart-feedback-months"
      empty={months.every((r) => r.received === 0 && r.answered === 0)}
      title={t("transparency.chart.feedback")}
      legend={[
        { label: t("transparency.col.feedbackReceived"), color: CHART_COLORS.received },
        { label: t("transparency.col.feedbackAnswered"), color: CHART_COLORS.answered },
      ]}
      table={table}
      csvHref={csvHref}
    >
      <DashboardBarChart
        id="chart-feedback-months"
        title={t("transparency.chart.feedback")}
        rows={months}
        category={(r) => axisMonth(r.month)}
        format={formatNumber}
        series={[
          { key: "received", name: t("transparency.col.feedbackReceived"), color: CHART_COLORS.received, value: (r) => r.received },
          { key: "answered", name: t("transparency.col.feedbackAnswered"), color: CHART_COLORS.answered, value: (r) => r.answered },
        ]}
      />
    </ChartFigure>
  );
}
