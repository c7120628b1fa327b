import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { VerificationCodeSchema } from "~/domain/reports/issued-document";
import { useI18n } from "~/i18n/i18n-context";
import { getIssuedDocument } from "~/models/issued-documents.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

/** Public: what was issued under a verification code, when, by whom, and the file's SHA-256. Never the file or personal data. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await requireWithinRateLimit("verify", context);
  const code = VerificationCodeSchema.safeParse(params.code ?? "");
  if (!code.success) throw new Response("Not found", { status: 404 });
  // Typed by hand from a printed page (lower case, without dashes): one address per document.
  if (code.data !== params.code) throw redirect(`/verify/${code.data}`);
  const document = await getIssuedDocument(getDb(), code.data);
  if (!document) throw new Response("Not found", { status: 404 });
  return { document };
}

export default function VerifiedDocument() {
  const { document: d } = useLoaderData<typeof loader>();
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const { from, to } = d.parameters;
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("verify.document.title", { code: d.code })}</h1>
      <p className="notice" role="status">
        {t("verify.document.genuine")}
      </p>
      <dl className="facts">
        <dt>{t("verify.document.kind")}</dt>
        <dd>{t(`verify.kind.${d.kind}`)}</dd>
        <dt>{t("verify.document.name")}</dt>
        <dd>{d.title}</dd>
        <dt>{t("verify.document.unit")}</dt>
        <dd>{d.unitName}</dd>
        {from && to ? (
          <>
            <dt>{t("verify.document.period")}</dt>
            <dd>{t("verify.document.periodValue", { from: formatDate(from), to: formatDate(to) })}</dd>
          </>
        ) : null}
        <dt>{t("verify.document.variant")}</dt>
        <dd>{t(`verify.variant.${d.variant}`)}</dd>
        <dt>{t("verify.document.issuedAt")}</dt>
        <dd>{formatDateTime(d.issuedAt)}</dd>
        <dt>{t("verify.document.issuedBy")}</dt>
        <dd>{d.issuedBy ?? t("verify.issuedBy.public")}</dd>
        <dt>{t("verify.document.sha256")}</dt>
        <dd>
          <code className="token" data-testid="sha256">
            {d.sha256}
          </code>
        </dd>
        <dt>{t("verify.document.size")}</dt>
        <dd>{t("verify.document.sizeValue", { bytes: formatNumber(d.sizeBytes) })}</dd>
      </dl>
      <p>{t("verify.document.howTo")}</p>
      <p className="no-print">
        <Link to="/verify">{t("verify.document.checkFile")}</Link>
      </p>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, "verify.document.title", { code: data?.document.code ?? "" });

export function ErrorBoundary() {
  return <ErrorPage />;
}
