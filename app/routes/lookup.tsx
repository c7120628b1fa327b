import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { FieldErrors } from "~/components/form";
import { DossierCodeSchema } from "~/domain/shared/fields";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { getPublicDossierStatus } from "~/models/dossiers.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

/** Public look-up by dossier code: status, dates and steps, never personal data. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  if (raw === null || raw.trim() === "") return { code: "", error: null, dossier: null };
  // Dossier codes follow a pattern: each guess counts against the visitor's limit.
  await requireWithinRateLimit("lookup", context);
  // Codes are issued in capitals ("H53…"); a citizen typing "h53…" means the same dossier.
  const code = DossierCodeSchema.safeParse(raw.toUpperCase());
  if (!code.success) return { code: raw, error: code.error.issues[0]?.message ?? "error.invalid", dossier: null };
  const dossier = await getPublicDossierStatus(getDb(), code.data);
  return { code: code.data, error: dossier ? null : "lookup.notFound", dossier };
}

export default function Lookup() {
  const { code, error, dossier } = useLoaderData<typeof loader>();
  const { t, formatDateTime } = useI18n();
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
      {dossier ? (
        <section aria-labelledby="result-title" className="section">
          <h2 id="result-title">{dossier.code}</h2>
          <dl className="facts">
            <dt>{t("dossier.procedure")}</dt>
            <dd>{dossier.procedure_name}</dd>
            <dt>{t("dossier.state")}</dt>
            <dd>
              <strong>{t(`dossier.state.${dossier.state}`)}</strong>
            </dd>
            <dt>{t("dossier.receivedAt")}</dt>
            <dd>{formatDateTime(dossier.received_at)}</dd>
            <dt>{t("dossier.dueAt")}</dt>
            <dd>{formatDateTime(dossier.due_at)}</dd>
            {dossier.appointment_at ? (
              <>
                <dt>{t("dossier.appointmentAt")}</dt>
                <dd>{formatDateTime(dossier.appointment_at)}</dd>
              </>
            ) : null}
          </dl>
          {dossier.state === "returned" ? (
            <p>
              <Link to={`/feedback/rate?code=${encodeURIComponent(dossier.code)}`} className="button">
                {t("rating.link")}
              </Link>
            </p>
          ) : null}
          <h3>{t("lookup.steps")}</h3>
          <ol>
            {dossier.steps.map((s, i) => {
              const key = `dossier.event.${s.kind}`;
              return (
                <li key={i}>
                  {formatDateTime(s.at)} — {isMessageKey(key) ? t(key) : s.kind}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "lookup.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
