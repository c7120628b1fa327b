import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PublicDossierStatus } from "~/components/dossiers/public-dossier-status";
import { ErrorPage } from "~/components/error-page";
import { FieldErrors } from "~/components/form";
import { parseLookupCode } from "~/domain/shared/lookup-code";
import { useI18n } from "~/i18n/i18n-context";
import { getPublicDossierStatus } from "~/models/dossiers.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

/** Public look-up by dossier code or feedback tracking code: status, dates and steps, never personal data. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  const parsed = parseLookupCode(raw);
  if (parsed.kind === "empty") return { code: "", error: null, dossier: null };
  // A tracking code is read on its own page, whose loader counts the look-up: counting it here
  // too would spend two of the visitor's look-ups on one submission.
  if (parsed.kind === "tracking") throw redirect(`/feedback/${parsed.code}`);
  // Codes follow a pattern: each guess counts against the visitor's limit.
  await requireWithinRateLimit("lookup", context);
  if (parsed.kind === "invalid") return { code: raw ?? "", error: parsed.error, dossier: null };
  const dossier = await getPublicDossierStatus(getDb(), parsed.code);
  return { code: parsed.code, error: dossier ? null : "lookup.notFound", dossier };
}

export default function Lookup() {
  const { code, error, dossier } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("lookup.title")}</h1>
      <p>{t("lookup.intro")}</p>
      <Form method="get" className="stack" role="search">
        <div className={error ? "field field--invalid" : "field"}>
          <label htmlFor="code">{t("lookup.code")}</label>
          <input
            id="code"
            name="code"
            type="text"
            defaultValue={code}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "code-error" : undefined}
            autoCapitalize="characters"
          />
          <FieldErrors id="code-error" errors={error ? [error] : undefined} />
        </div>
        <button type="submit" className="button">
          {t("lookup.submit")}
        </button>
      </Form>
      {dossier ? <PublicDossierStatus dossier={dossier} /> : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "lookup.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
