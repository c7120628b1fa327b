import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import {
  ChannelMixChart,
  FeedbackChart,
  FieldChart,
  OnTimeChart,
  ReceivedResolvedChart,
} from "~/components/charts/dashboard-charts";
import { DataTable } from "~/components/charts/data-table";
import { ErrorPage } from "~/components/error-page";
import { JudgementLine } from "~/components/figures/judgement-line";
import { ServiceIndexSection } from "~/components/figures/service-index-section";
import { Field } from "~/components/form";
import { PeriodPickerFields } from "~/components/period-picker-fields";
import {
  dashboardQueryString,
  dashboardTables,
  DashboardQuerySchema,
  lenientDashboardQuery,
  listAccess,
  resolvePeriod,
  type DashboardTable,
  type KeyFigure,
} from "~/domain/metrics/dashboard";
import { useI18n } from "~/i18n/i18n-context";
import { getLanguage } from "~/i18n/language.server";
import { getDashboard, resolveDashboardUnit } from "~/models/dashboard.server";
import { listPredecessorsForPeriod } from "~/models/units.server";
import dashboardStyles from "~/styles/dashboard.css?url";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor, staffNavFor } from "~/utils/navigation";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dashboard"));
  const db = getDb();
  const now = new Date();
  const searchParams = new URL(request.url).searchParams;
  const submission = parseWithZod(searchParams, { schema: DashboardQuerySchema });
  const query = submission.status === "success" ? submission.value : lenientDashboardQuery(Object.fromEntries(searchParams));
  const { units, unit, refused } = await resolveDashboardUnit(db, user.unitId, query.unit);
  const resolved = resolvePeriod(query, businessDateOf(now));
  const predecessors = await listPredecessorsForPeriod(db, unit.id, resolved.period.from);
  const combined = query.combined === "1" && predecessors.length > 0;
  const access = listAccess(new Set(staffNavFor(user.roles).map((i) => i.to)), unit.id === user.unitId);
  // The register lists one unit's records: a combined bar has no register to land on.
  const canOpen = combined ? { ...access, register: false } : access;
  const dashboard = await getDashboard(
    db,
    unit.id,
    resolved.period,
    now,
    canOpen,
    await getLanguage(request),
    combined ? predecessors.map((p) => p.id) : [],
  );
  const lastResult =
    submission.status !== "success"
      ? submission.reply()
      : refused
        ? submission.reply({ fieldErrors: { unit: ["dashboard.error.unit"] } })
        : undefined;
  return {
    lastResult,
    picker: {
      period: resolved.kind,
      year: String(resolved.year),
      month: String(resolved.month),
      quarter: String(resolved.quarter),
      from: resolved.period.from,
      to: resolved.period.to,
      unit: String(unit.id),
    },
    units,
    unitName: unit.name,
    predecessorNames: predecessors.map((p) => p.name).join(", "),
    combined,
    period: { from: resolved.period.from, to: resolved.period.to },
    status: dashboard.measured.status,
    judgedAt: dashboard.measured.period.endInstant,
    measuredPeriod: { from: dashboard.measured.period.from, to: dashboard.measured.period.to },
    exportQuery: dashboardQueryString(resolved, units.length > 1 ? unit.id : undefined),
    linkRegister: canOpen.register,
    ...dashboard,
  };
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    // A new id for each period shown resets the picker after a client-side navigation.
    id: `dashboard-${data.exportQuery}${data.combined ? "-combined" : ""}`,
    lastResult: data.lastResult,
    defaultValue: data.picker,
    shouldValidate: "onSubmit",
  });
  const tables = dashboardTables({
    period: data.measuredPeriod,
    figures: data.figures,
    months: data.months,
    fields: data.fields,
    feedback: data.feedback,
    serviceIndex: data.serviceIndex,
    linkRegister: data.linkRegister,
  });
  const csv = (table: DashboardTable) => `/staff/dashboard/export/${table}?${data.exportQuery}`;

  return (
    <main id="main" className="page dashboard">
      <h1>{t("nav.dashboard")}</h1>
      <Form method="get" {...getFormProps(form)} className="filters dashboard-picker">
        <PeriodPickerFields fields={fields} />
        {data.units.length > 1 || fields.unit.errors ? (
          <Field label={t("dashboard.picker.unit")} htmlFor={fields.unit.id} errorId={fields.unit.errorId} errors={fields.unit.errors}>
            <select {...getSelectProps(fields.unit)}>
              {data.units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {data.predecessorNames ? (
          <label className="dashboard-picker__combined">
            <input type="checkbox" name="combined" value="1" defaultChecked={data.combined} />{" "}
            {t("province.combined.toggle", { names: data.predecessorNames })}
          </label>
        ) : null}
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("dashboard.picker.show")}
          </button>
        </div>
      </Form>
      <JudgementLine unit={data.unitName} status={data.status} chosen={data.period} judgedAt={data.judgedAt} />
      {data.combined ? (
        <p className="notice notice--combined" role="note" data-testid="combined-note">
          {t("province.combined.note", { names: data.predecessorNames })}
        </p>
      ) : null}
      <p>
        <a href={`/reports/on-time.pdf?from=${data.period.from}&to=${data.period.to}`}>{t("reports.onTime.download")}</a>
      </p>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("dashboard.figuresTitle")}</h2>
        <ul className="kpis">
          {data.figures.map((f) => (
            <KeyFigureCard key={f.key} figure={f} />
          ))}
        </ul>
        <details className="chart-figure__data">
          <summary>{t("dashboard.showTable")}</summary>
          <DataTable spec={tables.figures} />
        </details>
        <p className="chart-figure__export">
          <a href={csv("figures")} download>
            {t("dashboard.exportCsv")}
          </a>
        </p>
      </section>

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t("dashboard.chartsTitle")}</h2>
        <div className="chart-grid">
          <ReceivedResolvedChart months={data.months} table={tables.monthly} csvHref={csv("monthly")} linkRegister={data.linkRegister} />
          <OnTimeChart months={data.months} table={tables["on-time"]} csvHref={csv("on-time")} linkRegister={data.linkRegister} />
          <ChannelMixChart
            months={data.months}
            onlineTarget={data.onlineTarget}
            table={tables.channels}
            csvHref={csv("channels")}
            linkRegister={data.linkRegister}
          />
          <FieldChart fields={data.fields} period={data.period} table={tables.fields} csvHref={csv("fields")} linkRegister={data.linkRegister} />
          <FeedbackChart rows={data.feedback} table={tables.feedback} csvHref={csv("feedback")} />
        </div>
      </section>

      <ServiceIndexSection view={data.serviceIndex} csvHref={csv("service-index")} trendCsvHref={csv("service-index-trend")} />
    </main>
  );
}

function KeyFigureCard({ figure }: { figure: KeyFigure }) {
  const { t, formatNumber, formatRate } = useI18n();
  const show = (value: number | null) =>
    value === null ? "—" : figure.kind === "rate" ? formatRate(value) : formatNumber(value);
  const body = (
    <>
      <span className="kpi__label">{t(`dashboard.figure.${figure.key}`)}</span>
      <span className="kpi__value">{show(figure.value)}</span>
    </>
  );
  return (
    <li className={`kpi kpi--${figure.status}`} data-figure={figure.key}>
      {figure.href ? (
        <Link to={figure.href} className="kpi__link">
          {body}
        </Link>
      ) : (
        body
      )}
      {figure.target ? (
        <span className="kpi__target">
          {t("dashboard.target", { target: `${figure.target.comparator === ">=" ? "≥" : "≤"} ${show(figure.target.target)}` })}{" "}
          {figure.status !== "none" ? (
            <span className={`badge badge--objective-${figure.status}`}>{t(`objectives.status.${figure.status}`)}</span>
          ) : null}
        </span>
      ) : null}
      {figure.detail ? (
        <span className="kpi__detail">
          {figure.detail.href ? <Link to={figure.detail.href}>{t(figure.detail.key, figure.detail.params)}</Link> : t(figure.detail.key, figure.detail.params)}
        </span>
      ) : null}
    </li>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.dashboard");

export function ErrorBoundary() {
  return <ErrorPage />;
}
