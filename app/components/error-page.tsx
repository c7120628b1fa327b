import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";

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
          : [t("errorPage.errorTitle"), t("errorPage.error")];
  return (
    <main id="main" className="page page--narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t("errorPage.backHome")}</Link>
      </p>
    </main>
  );
}
