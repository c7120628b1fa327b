import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { may } from "~/domain/accounts/permissions";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { uncoveredProcesses } from "~/domain/audits/audit";
import { AuditYearQuerySchema } from "~/domain/audits/schema";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import { listAudits } from "~/models/audits.server";
import { listProcessDocuments } from "~/models/documents.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

/** The year's audit programme (QT-02 step 1): every audit with its scope, dates, team and state. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/audits"));
  const query = AuditYearQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const currentYear = Number(businessDateOf(new Date()).slice(0, 4));
  const year = (query.success ? query.data.year : undefined) ?? currentYear;
  const [programme, processes] = await Promise.all([listAudits(getDb(), user.unitId, year), listProcessDocuments(getDb(), user.unitId)]);
  const years = [...new Set([currentYear, year, ...programme.years])].sort((a, b) => b - a);
  return {
    year,
    years,
    audits: programme.audits,
    uncovered: uncoveredProcesses(
      processes.map((p) => p.code),
      programme.audits
    ),
    canPlan: may(user.roles, "planAudits"),
  };
}

export default function AuditProgramme() {
  const { year, years, audits, uncovered, canPlan } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("audits.programme.title", { year: String(year) })}</h1>
        {canPlan ? (
          <Link to="/staff/audits/new" className="button">
            {t("audits.plan.title")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="year">{t("audits.programme.year")}</label>
          <select id="year" name="year" defaultValue={year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("register.apply")}
          </button>
        </div>
      </Form>
      <p className={uncovered.length > 0 ? "notice notice--warning" : "notice"}>
        {uncovered.length > 0 ? t("audits.programme.coverage", { processes: uncovered.join(", ") }) : t("audits.programme.covered")}
      </p>
      {audits.length === 0 ? (
        <p>{t("audits.programme.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("audits.programme.title", { year: String(year) }) })}>
          <table>
            <caption className="visually-hidden">{t("audits.programme.title", { year: String(year) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audits.col.code")}</th>
                <th scope="col">{t("audits.col.title")}</th>
                <th scope="col">{t("audits.col.dates")}</th>
                <th scope="col">{t("audits.col.scope")}</th>
                <th scope="col">{t("audits.col.clauses")}</th>
                <th scope="col">{t("audits.col.team")}</th>
                <th scope="col">{t("audits.col.state")}</th>
                <th scope="col">{t("audits.col.report")}</th>
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
                    {formatDate(a.startDate)}
                    {a.endDate !== a.startDate ? ` – ${formatDate(a.endDate)}` : ""}
                  </td>
                  <td>{[...a.processes, ...a.fields.map((f) => t(`procedureField.${f}` as MessageKey))].join(", ")}</td>
                  <td>{a.isoClauses.join(", ")}</td>
                  <td>{a.team.map((m) => (m.role === "lead" ? `${m.name} (${t("audits.teamRole.lead")})` : m.name)).join(", ")}</td>
                  <td>{t(`audits.state.${a.state}`)}</td>
                  <td>{a.state === "approved" ? <a href={`/staff/audits/${a.code}/report.pdf`}>{t("audits.report.download")}</a> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "audits.programme.title", { year: String(data?.year ?? "") });

export function ErrorBoundary() {
  return <ErrorPage />;
}
