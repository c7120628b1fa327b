import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { BusinessDateSchema } from "~/domain/shared/fields";
import type { Translate } from "~/i18n";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { analyseNonconformities } from "~/models/nonconformities.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";

const PeriodSchema = z.object({ from: BusinessDateSchema.optional().catch(undefined), to: BusinessDateSchema.optional().catch(undefined) });

/** Counts by source, process, clause and grade for a period (default: the last 12 months). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/nonconformities"));
  const today = businessDateOf(new Date());
  const asked = PeriodSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const to = asked.to ?? today;
  const from = asked.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  return { from, to, analysis: await analyseNonconformities(getDb(), user.unitId, from, to) };
}

function label(t: Translate, prefix: string, key: string) {
  const full = `${prefix}.${key}`;
  return isMessageKey(full) ? t(full) : key;
}

export default function Analysis() {
  const { from, to, analysis } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  const table = (title: string, rows: { key: string; count: number }[], prefix: string | null) => (
    <section key={title}>
      <h2>{title}</h2>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{prefix ? label(t, prefix, r.key) : r.key}</th>
              <td>{formatNumber(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/nonconformities">← {t("nc.register.title")}</Link>
      </p>
      <h1>{t("nc.analysis.title")}</h1>
      <Form method="get" className="inline-filters">
        <div className="field">
          <label htmlFor="from">{t("audit.filter.from")}</label>
          <input id="from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("audit.filter.to")}</label>
          <input id="to" name="to" type="date" defaultValue={to} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("calendar.show")}
        </button>
      </Form>
      <p>
        {t("nc.analysis.total", { count: analysis.total })} · {t("nc.analysis.repeats", { count: analysis.repeats })}
      </p>
      <div className="cards">
        {table(t("nc.analysis.bySource"), analysis.bySource, "nc.source")}
        {table(t("nc.analysis.byProcess"), analysis.byProcess, null)}
        {table(t("nc.analysis.byClause"), analysis.byClause, null)}
        {table(t("nc.analysis.byGrade"), analysis.byGrade, "nc.grade")}
      </div>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nc.analysis.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
