import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { feeLabel, fieldLabel, onlineServiceLabel, processingTimeLabel } from "~/components/procedure-facts";
import { ProcedureCodeSchema } from "~/domain/procedures/schema";
import { useI18n } from "~/i18n/i18n-context";
import { getProcedureByCode } from "~/models/procedures.server";
import { getPublicUnit } from "~/models/units.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ params }: LoaderFunctionArgs) {
  const code = ProcedureCodeSchema.safeParse(params.code);
  if (!code.success) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const unit = await getPublicUnit(db);
  const procedure = unit ? await getProcedureByCode(db, unit.id, code.data) : null;
  if (!procedure || !procedure.isActive) throw new Response("Not found", { status: 404 });
  return { procedure };
}

export default function ProcedurePage() {
  const { procedure: p } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useI18n();
  return (
    <main id="main" className="page">
      <p>
        <Link to="/procedures">← {t("procedures.back")}</Link>
      </p>
      <h1>{p.name}</h1>
      <dl className="facts">
        <dt>{t("procedures.col.code")}</dt>
        <dd>{p.code}</dd>
        <dt>{t("procedures.col.field")}</dt>
        <dd>{fieldLabel(t, p.field)}</dd>
        <dt>{t("procedures.col.time")}</dt>
        <dd>
          {processingTimeLabel(t, p.processingDays)}
          {p.processingNote ? <div className="field-hint">{p.processingNote}</div> : null}
        </dd>
        <dt>{t("procedures.col.fee")}</dt>
        <dd>
          {feeLabel(t, p.feeVnd, formatNumber)}
          {p.feeNote ? <div className="field-hint">{p.feeNote}</div> : null}
        </dd>
        <dt>{t("procedures.col.online")}</dt>
        <dd>{onlineServiceLabel(t, p.onlineService)}</dd>
      </dl>
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("procedures.documents")}</h2>
        <ol>
          {p.requiredDocuments.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="result-title">
        <h2 id="result-title">{t("procedures.result")}</h2>
        <p>{p.result}</p>
      </section>
      <section aria-labelledby="basis-title">
        <h2 id="basis-title">{t("procedures.legalBasis")}</h2>
        <ul>
          {p.legalBasis.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: data.procedure.name }] : pageMeta(matches, "procedures.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
