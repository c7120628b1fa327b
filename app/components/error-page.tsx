import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";

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
  const [title, text] =
    status === 404
      ? [t("errorPage.notFoundTitle"), t("errorPage.notFound")]
      : status === 403
        ? [t("errorPage.forbiddenTitle"), t("errorPage.forbidden")]
        : status === 400
          ? [t("errorPage.badRequestTitle"), t("errorPage.badRequest")]
          : status === 413
            ? [t("errorPage.tooLargeTitle"), t("errorPage.tooLarge")]
            : status === 429
              ? [t("errorPage.tooManyTitle"), t("errorPage.tooMany", { seconds: retryAfterOf(isRouteErrorResponse(error) ? error.data : null) })]
              : [t("errorPage.errorTitle"), t("errorPage.error")];
  return (
    <main id="main" className="page page--narrow">
      <h1>{title}</h1>
      <p role={status === 429 ? "alert" : undefined}>{text}</p>
      <p>
        <Link to="/">{t("errorPage.backHome")}</Link>
      </p>
    </main>
  );
}
