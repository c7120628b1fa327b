import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FeedbackMonthsChart, FieldOnTimeChart, OnlineShareChart, OnTimeChart } from "~/components/charts/dashboard-charts";
import { ErrorPage } from "~/components/error-page";
import { JudgementLine } from "~/components/figures/judgement-line";
import { ServiceIndexSection } from "~/components/figures/service-index-section";
import { Field } from "~/components/form";
import { transparencyTables } from "~/domain/metrics/dashboard";
import { yearPeriod } from "~/domain/metrics/period";
import { m } from "~/domain/shared/fields";
import { useI18n } from "~/i18n/i18n-context";
import { getLanguage } from "~/i18n/language.server";
import { getDataYears, getTransparency } from "~/models/dashboard.server";
import { getPublicUnit } from "~/models/units.server";
import dashboardStyles from "~/styles/dashboard.css?url";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

const YearQuerySchema = z.object({
  year: z.coerce.number(m("error.invalid")).int(m("error.invalid")).min(2000, m("error.invalid")).max(2100, m("error.invalid")).optional(),
});

/** Public, no account: the unit's aggregate results by year, as the national portal's index shows them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const unit = await getPublicUnit(db);
  if (!unit) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const today = businessDateOf(now);
  const thisYear = Number(today.slice(0, 4));
  const span = await getDataYears(db, unit.id);
  const first = Math.min(span?.first ?? thisYear, thisYear);
  const years = Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i);
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: YearQuerySchema });
  const asked = submission.status === "success" ? submission.value.year : undefined;
  const year = asked !== undefined && years.includes(asked) ? asked : thisYear;
  const outside = asked !== undefined && asked !== year;
  const chosen = yearPeriod(year);
  const transparency = await getTransparency(db, unit.id, chosen, now, await getLanguage(request));
  return {
    lastResult:
      submission.status !== "success" ? submission.reply() : outside ? submission.reply({ fieldErrors: { year: ["transparency.error.year"] } }) : undefined,
    year,
    years,
    unitName: unit.name,
    period: { from: chosen.from, to: chosen.to },
    status: transparency.measured.status,
    judgedAt: transparency.measured.period.endInstant,
    ...transparency,
  };
}

export default function Transparency() {
  const data = useLoaderData<typeof loader>();
  const { t, formatNumber, formatRate } = useI18n();
  const [form, fields] = useForm({
    // A new id for each year shown resets the picker after a client-side navigation.
    id: `transparency-${data.year}`,
    lastResult: data.lastResult,
    defaultValue: { year: String(data.year) },
    shouldValidate: "onSubmit",
  });
  const tables = transparencyTables({ months: data.months, fields: data.fields, feedback: data.feedback.months });
  const percent = formatRate;
  const figures: { key: string; label: string; value: string; detail?: string }[] = [
    { key: "received", label: t("dashboard.figure.received"), value: formatNumber(data.totals.received) },
    { key: "resolved", label: t("dashboard.figure.resolved"), value: formatNumber(data.totals.resolved) },
    { key: "on_time_rate", label: t("dashboard.figure.on_time_rate"), value: percent(data.totals.onTimeRate), detail: t("transparency.detail.late", { late: data.totals.late }) },
    {
      key: "overdue_now",
      label: t("dashboard.figure.overdue_now"),
      value: data.status === "future" ? "—" : formatNumber(data.totals.overdueNow),
    },
    { key: "online_rate", label: t("dashboard.figure.online_rate"), value: percent(data.totals.onlineRate) },
    {
      key: "satisfaction_rate",
      label: t("dashboard.figure.satisfaction_rate"),
      value: percent(data.satisfaction.rate),
      detail: t("transparency.detail.rated", { rated: data.satisfaction.rated }),
    },
    { key: "feedback_received", label: t("transparency.col.feedbackReceived"), value: formatNumber(data.feedback.received) },
    { key: "feedback_answered", label: t("transparency.col.feedbackAnswered"), value: formatNumber(data.feedback.answered) },
  ];
  return (
    <main id="main" className="page dashboard">
      <h1>{t("transparency.title")}</h1>
      <p className="lead">{t("transparency.intro")}</p>
      <Form method="get" {...getFormProps(form)} className="inline-filters dashboard-picker">
        <Field label={t("dashboard.picker.year")} htmlFor={fields.year.id} errorId={fields.year.errorId} errors={fields.year.errors}>
          <select {...getSelectProps(fields.year)}>
            {data.years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--secondary">
          {t("dashboard.picker.show")}
        </button>
      </Form>
      <JudgementLine unit={data.unitName} status={data.status} chosen={data.period} judgedAt={data.judgedAt} />
      <p>
        <a href={`/reports/on-time.pdf?year=${data.period.from.slice(0, 4)}`}>{t("reports.onTime.download")}</a>
      </p>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("transparency.figuresTitle")}</h2>
        <ul className="kpis">
          {figures.map((f) => (
            <li key={f.key} className="kpi" data-figure={f.key}>
              <span className="kpi__label">{f.label}</span>
              <span className="kpi__value">{f.value}</span>
              {f.detail ? <span className="kpi__detail">{f.detail}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t("dashboard.chartsTitle")}</h2>
        <div className="chart-grid">
          <OnTimeChart months={data.months} table={tables["on-time"]} />
          <FieldOnTimeChart fields={data.fields} table={tables.fields} />
          <OnlineShareChart months={data.months} onlineTarget={data.onlineTarget} table={tables.online} />
          <FeedbackMonthsChart months={data.feedback.months} table={tables.feedback} />
        </div>
      </section>
      <ServiceIndexSection view={data.serviceIndex} />
      <p className="field-hint">{t("transparency.method")}</p>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "transparency.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
