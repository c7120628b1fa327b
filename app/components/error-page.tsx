import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";
import { errorPageKeys } from "~/utils/error-status";

/** Seconds to wait, from a 429's body (`tooManyRequests` in rate-limit.server.ts). */
function retryAfterOf(data: unknown): number {
  const seconds = (data as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

/** The translated error page, used by the root and by every route's ErrorBoundary. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, text } = errorPageKeys(status);
  return (
    <main id="main" className="page page--narrow">
      <h1>{t(title)}</h1>
      <p role={status === 429 ? "alert" : undefined}>
        {t(text, { seconds: retryAfterOf(isRouteErrorResponse(error) ? error.data : null) })}
      </p>
      <p>
        <Link to="/">{t("errorPage.backHome")}</Link>
      </p>
    </main>
  );
}
