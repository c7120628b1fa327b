import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { PeriodPickerFields } from "~/components/period-picker-fields";
import { InspectionYearSchema, isOnTimeDownload, onTimeDownloadSchema } from "~/domain/inspection/schema";
import type { CountRow } from "~/domain/nonconformities/statistics";
import { readsMasked } from "~/domain/shared/personal-data";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import { getInspectionPortal } from "~/models/inspection.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

/**
 * The inspectors' portal (read-only): the year's audit programme, reports, management reviews, the
 * document register's counts and nonconformity statistics. The on-time report's form comes back
 * here and is sent on to `/reports/on-time.pdf` with the report's own query.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/inspection"));
  const today = businessDateOf(new Date());
  const currentYear = Number(today.slice(0, 4));
  const searchParams = new URL(request.url).searchParams;
  const download = isOnTimeDownload(searchParams) ? parseWithZod(searchParams, { schema: onTimeDownloadSchema(today) }) : null;
  if (download?.status === "success") throw redirect(download.value);
  const asked = parseWithZod(searchParams, { schema: InspectionYearSchema });
  const year = (asked.status === "success" ? asked.value.year : undefined) ?? currentYear;
  return {
    year,
    currentYear,
    yearResult: asked.status === "success" ? undefined : asked.reply(),
    downloadResult: download?.reply(),
    masked: readsMasked(user.roles),
    ...(await getInspectionPortal(getDb(), user.unitId, year, today)),
  };
}

export default function InspectionPortal() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const year = String(data.year);
  return (
    <main id="main" className="page">
      <h1>{t("inspection.title")}</h1>
      <p className="lead">{t("inspection.intro")}</p>
      {data.masked ? (
        <p className="notice" role="note">
          {t("inspection.maskedNotice")}
        </p>
      ) : null}
      <YearPicker />
      <h2 className="visually-hidden">{t("inspection.yearHeading", { year: String(year) })}</h2>
      <AuditProgramme />
      <Reports />
      <DocumentRegister />
      <NonconformityStatistics />
    </main>
  );
}

function YearPicker() {
  const { year, yearResult } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `inspection-year-${year}`,
    lastResult: yearResult,
    defaultValue: { year: String(year) },
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="get" {...getFormProps(form)} className="inline-filters">
      <Field label={t("inspection.year")} htmlFor={fields.year.id} errorId={fields.year.errorId} errors={fields.year.errors}>
        <input {...getInputProps(fields.year, { type: "number" })} min={2000} max={2100} />
      </Field>
      <button type="submit" className="button button--secondary">
        {t("inspection.showYear")}
      </button>
    </Form>
  );
}

function AuditProgramme() {
  const { audits, year } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="audits-title" className="section">
      <h2 id="audits-title">{t("inspection.audits.title", { year: String(year) })}</h2>
      {audits.length === 0 ? (
        <p>{t("inspection.audits.none", { year: String(year) })}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ labelledBy: "audits-title" })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("inspection.audits.col.code")}</th>
                <th scope="col">{t("inspection.audits.col.title")}</th>
                <th scope="col">{t("inspection.audits.col.dates")}</th>
                <th scope="col">{t("inspection.audits.col.scope")}</th>
                <th scope="col">{t("inspection.audits.col.team")}</th>
                <th scope="col">{t("inspection.audits.col.state")}</th>
                <th scope="col">{t("inspection.audits.col.report")}</th>
              </tr>
            </thead>
            <tbody>
              {audits.map((a) => (
                <tr key={a.code}>
                  <td className="nowrap">
                    <Link to={`/staff/audits/${a.code}`}>{a.code}</Link>
                  </td>
                  <td>{a.title}</td>
                  <td className="nowrap">
                    {t("inspection.audits.dates", {
                      from: formatDate(a.plannedStart),
                      to: formatDate(a.plannedEnd),
                    })}
                  </td>
                  <td>
                    {a.processes.length > 0 ? (
                      <p>
                        {t("inspection.audits.processes", {
                          list: a.processes.map((p) => (p.title ? `${p.code} – ${p.title}` : p.code)).join("; "),
                        })}
                      </p>
                    ) : null}
                    {a.fields.length > 0 ? (
                      <p>
                        {t("inspection.audits.fields", {
                          list: a.fields.map((f) => t(`procedureField.${f}`)).join("; "),
                        })}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <ul>
                      {a.team.map((m) => (
                        <li key={`${m.role}-${m.name}`}>
                          {m.name} ({t(`audits.teamRole.${m.role}`)})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{t(`audits.state.${a.state}`)}</td>
                  <td>
                    {a.state === "approved" ? (
                      <a href={`/staff/audits/${a.code}/report.pdf`}>{t("inspection.audits.report", { code: a.code })}</a>
                    ) : (
                      t("inspection.audits.noReport")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Reports() {
  const { year, currentYear, reviews } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  const years = [...new Set([year, currentYear, currentYear - 1])].filter((y) => y <= currentYear).sort((a, b) => b - a);
  return (
    <section aria-labelledby="reports-title" className="section">
      <h2 id="reports-title">{t("inspection.reports.title")}</h2>
      <h3>{t("inspection.onTime.title")}</h3>
      <p>{t("inspection.onTime.hint")}</p>
      <ul>
        {years.map((y) => (
          <li key={y}>
            <a href={`/reports/on-time.pdf?year=${y}`}>{t("inspection.onTime.ofYear", { year: String(y) })}</a>
          </li>
        ))}
      </ul>
      <OnTimeForm />
      <h3>{t("inspection.reviews.title", { year: String(year) })}</h3>
      {reviews.length === 0 ? (
        <p>{t("inspection.reviews.none", { year: String(year) })}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("inspection.reviews.title", { year: String(year) }) })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("inspection.reviews.col.code")}</th>
                <th scope="col">{t("inspection.reviews.col.meeting")}</th>
                <th scope="col">{t("inspection.reviews.col.period")}</th>
                <th scope="col">{t("inspection.reviews.col.chair")}</th>
                <th scope="col">{t("inspection.reviews.col.state")}</th>
                <th scope="col">{t("inspection.reviews.col.documents")}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.code}>
                  <td className="nowrap">
                    <Link to={`/staff/management-reviews/${r.code}`}>{r.code}</Link>
                  </td>
                  <td className="nowrap">{formatDate(r.meetingDate)}</td>
                  <td className="nowrap">
                    {t("inspection.reviews.period", {
                      from: formatDate(r.periodFrom),
                      to: formatDate(r.periodTo),
                    })}
                  </td>
                  <td>{r.chairName}</td>
                  <td>{t(`inspection.reviews.state.${r.state}`)}</td>
                  <td>
                    <ul>
                      <li>
                        <a href={`/staff/management-reviews/${r.code}/input.pdf`}>{t("inspection.reviews.input", { code: r.code })}</a>
                      </li>
                      {r.state === "recorded" ? (
                        <li>
                          <a href={`/staff/management-reviews/${r.code}/record.pdf`}>{t("inspection.reviews.record", { code: r.code })}</a>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Month, quarter, year or a date range, as the dashboard picks them; the loader sends it on to the PDF. */
function OnTimeForm() {
  const { year, downloadResult } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const [form, fields] = useForm<{
    onTime: Record<"period" | "year" | "month" | "quarter" | "from" | "to", string>;
  }>({
    id: "on-time-download",
    lastResult: downloadResult,
    defaultValue: {
      onTime: { period: "year", year: String(year), month: "1", quarter: "1" },
    },
    shouldValidate: "onSubmit",
  });
  const onTime = fields.onTime.getFieldset();
  return (
    <>
      <h4 id="on-time-form-title">{t("inspection.onTime.formTitle")}</h4>
      {/* A full page request: the answer is a redirect to the PDF, which the browser opens itself. */}
      <Form method="get" reloadDocument {...getFormProps(form)} className="filters" aria-labelledby="on-time-form-title">
        <input type="hidden" name="year" value={String(year)} />
        <PeriodPickerFields fields={onTime} />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("inspection.onTime.download")}
          </button>
        </div>
      </Form>
    </>
  );
}

function DocumentRegister() {
  const { documents } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  return (
    <section aria-labelledby="documents-title" className="section">
      <h2 id="documents-title">{t("inspection.documents.title")}</h2>
      <dl className="facts">
        <dt>{t("inspection.documents.effective")}</dt>
        <dd>
          <Link to="/staff/documents?state=effective">{formatNumber(documents.effective)}</Link>
        </dd>
        <dt>{t("inspection.documents.reviewOverdue")}</dt>
        <dd>
          <Link to="/staff/documents?review=overdue">{formatNumber(documents.reviewOverdue)}</Link>
        </dd>
        <dt>{t("inspection.documents.reviewSoon")}</dt>
        <dd>
          <Link to="/staff/documents?review=soon">{formatNumber(documents.reviewSoon)}</Link>
        </dd>
      </dl>
      <p>
        <Link to="/staff/documents">{t("inspection.documents.open")}</Link>
      </p>
    </section>
  );
}

function NonconformityStatistics() {
  const { nonconformities: stats, year } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  const days = (value: number | null) => (value === null ? t("inspection.nc.noneClosed") : t("inspection.nc.days", { days: formatNumber(value) }));
  return (
    <section aria-labelledby="nc-stats-title" className="section">
      <h2 id="nc-stats-title">{t("inspection.nc.title", { year: String(year) })}</h2>
      <p>{t("inspection.nc.intro")}</p>
      <dl className="facts" data-testid="nc-summary">
        <dt>{t("inspection.nc.total")}</dt>
        <dd>{formatNumber(stats.total)}</dd>
        <dt>{t("inspection.nc.open")}</dt>
        <dd>{formatNumber(stats.open)}</dd>
        <dt>{t("inspection.nc.closed")}</dt>
        <dd>{formatNumber(stats.closed)}</dd>
        <dt>{t("inspection.nc.medianDays")}</dt>
        <dd>{days(stats.daysToClose.median)}</dd>
        <dt>{t("inspection.nc.averageDays")}</dt>
        <dd>{days(stats.daysToClose.average)}</dd>
        <dt>{t("inspection.nc.overdueActions")}</dt>
        <dd>{formatNumber(stats.overdueActions)}</dd>
        <dt>{t("inspection.nc.repeats")}</dt>
        <dd>{formatNumber(stats.repeats)}</dd>
      </dl>
      <div className="cards">
        <CountTable id="nc-by-source" caption={t("inspection.nc.bySource")} rows={stats.bySource} label={(k) => `nc.source.${k}`} />
        <CountTable id="nc-by-grade" caption={t("inspection.nc.byGrade")} rows={stats.byGrade} label={(k) => `nc.grade.${k}`} />
        <CountTable id="nc-by-state" caption={t("inspection.nc.byState")} rows={stats.byState} label={(k) => `nc.state.${k}`} />
      </div>
      <ul>
        <li>
          <Link to="/staff/nonconformities">{t("inspection.nc.register")}</Link>
        </li>
        <li>
          <Link to={`/staff/nonconformities/analysis?from=${year}-01-01&to=${year}-12-31`}>{t("inspection.nc.analysis", { year: String(year) })}</Link>
        </li>
      </ul>
    </section>
  );
}

function CountTable<K extends string>({ id, caption, rows, label }: { id: string; caption: string; rows: CountRow<K>[]; label: (key: K) => MessageKey }) {
  const { t, formatNumber } = useI18n();
  return (
    <table id={id} className="card">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("inspection.nc.col.category")}</th>
          <th scope="col">{t("inspection.nc.col.count")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{t(label(r.key))}</th>
            <td>{formatNumber(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "inspection.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
