import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { FieldErrors } from "~/components/form";
import { verificationPath, VerificationCodeSchema } from "~/domain/reports/issued-document";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import { findIssuedDocumentsBySha256, getIssuedDocument, readVerifyUpload } from "~/models/issued-documents.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

/** Public: look a verification code up (`?code=`), or check an uploaded PDF against the recorded hashes. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  if (raw === null || raw.trim() === "") return { code: "", error: null };
  await requireWithinRateLimit("verify", context);
  const code = VerificationCodeSchema.safeParse(raw);
  if (!code.success) return { code: raw, error: "error.invalid" satisfies MessageKey };
  if (!(await getIssuedDocument(getDb(), code.data))) return { code: code.data, error: "verify.lookup.notFound" satisfies MessageKey };
  throw redirect(verificationPath(code.data));
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireWithinRateLimit("verify", context);
  const upload = await readVerifyUpload(request);
  if (!upload.ok) return data({ status: "error" as const, error: upload.error }, { status: upload.status });
  const matches = await findIssuedDocumentsBySha256(getDb(), upload.sha256);
  return {
    status: "checked" as const,
    sha256: upload.sha256,
    matches: matches.map((m) => ({ code: m.code, title: m.title, issuedAt: m.issuedAt })),
  };
}

export default function Verify() {
  const { code, error } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDateTime } = useI18n();
  const uploadError = result?.status === "error" ? result.error : null;
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>

      <section aria-labelledby="lookup-title" className="section">
        <h2 id="lookup-title">{t("verify.lookup.title")}</h2>
        <Form method="get" className="stack" role="search">
          <div className={error ? "field field--invalid" : "field"}>
            <label htmlFor="code">{t("verify.lookup.code")}</label>
            <p id="code-hint" className="field-hint">
              {t("verify.lookup.hint")}
            </p>
            <input
              id="code"
              name="code"
              type="text"
              defaultValue={code}
              required
              autoCapitalize="characters"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "code-hint code-error" : "code-hint"}
            />
            <FieldErrors id="code-error" errors={error ? [error] : undefined} />
          </div>
          <button type="submit" className="button">
            {t("verify.lookup.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="upload-title" className="section">
        <h2 id="upload-title">{t("verify.upload.title")}</h2>
        <Form method="post" encType="multipart/form-data" className="stack">
          <div className={uploadError ? "field field--invalid" : "field"}>
            <label htmlFor="file">{t("verify.upload.file")}</label>
            <p id="file-hint" className="field-hint">
              {t("verify.upload.hint")}
            </p>
            <input
              id="file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              required
              aria-invalid={uploadError ? true : undefined}
              aria-describedby={uploadError ? "file-hint file-error" : "file-hint"}
            />
            <FieldErrors id="file-error" errors={uploadError ? [uploadError] : undefined} />
          </div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("verify.upload.submit")}
          </button>
        </Form>
        {result?.status === "checked" ? (
          <div className={result.matches.length > 0 ? "notice" : "notice notice--warning"} role="status" data-testid="verify-result">
            {result.matches.length > 0 ? (
              <>
                <p>
                  <strong>{t("verify.result.match")}</strong>
                </p>
                {result.matches.map((m) => (
                  <p key={m.code}>
                    {t("verify.result.matchDetail", { title: m.title, code: m.code, issuedAt: formatDateTime(m.issuedAt) })}{" "}
                    <Link to={verificationPath(m.code)}>{t("verify.result.open")}</Link>
                  </p>
                ))}
              </>
            ) : (
              <p>
                <strong>{t("verify.result.noMatch")}</strong>
              </p>
            )}
            <p className="token">{t("verify.result.fileHash", { sha256: result.sha256 })}</p>
          </div>
        ) : null}
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, "verify.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
