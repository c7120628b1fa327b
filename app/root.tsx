import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
  useSubmit,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/error-page";
import { DEFAULT_LANGUAGE } from "~/i18n/language";
import { loadCatalogue } from "~/i18n/messages";
import { I18nProvider, useI18n } from "~/i18n/i18n-context";
import { getLanguage } from "~/i18n/language.server";
import { getPublicUnit, getUnit } from "~/models/units.server";
import { getSessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { FAVICON_DATA_URI } from "~/utils/favicon";
import { useNonce } from "~/utils/nonce-provider";
import stylesheet from "./styles/app.css?url";


export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: FAVICON_DATA_URI, type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [language, user] = await Promise.all([getLanguage(request), getSessionUser(request)]);
  const db = getDb();
  const unit = user ? await getUnit(db, user.unitId) : await getPublicUnit(db);
  return {
    language,
    user: user && { displayName: user.displayName, roles: user.roles },
    unit: unit && { name: unit.name, districtName: unit.district_name, provinceName: unit.province_name },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const language = data?.language ?? DEFAULT_LANGUAGE;
  const nonce = useNonce();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider language={language}>
          <SiteShell>{children}</SiteShell>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteShell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useI18n();
  const unitName = data?.unit?.name ?? "";
  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-title">
            <span className="site-title__unit">{unitName}</span>
            <span className="site-title__app">{t("app.name")}</span>
          </Link>
          <nav aria-label={t("layout.mainNav")} className="site-actions">
            <Link to="/procedures" className="site-link">
              {t("nav.publicProcedures")}
            </Link>
            <Link to="/lookup" className="site-link">
              {t("nav.lookup")}
            </Link>
            <Link to="/feedback" className="site-link">
              {t("nav.feedback")}
            </Link>
            <Link to="/transparency" className="site-link">
              {t("nav.transparency")}
            </Link>
            <LanguageSwitch />
            {data?.user ? (
              <Form method="post" action="/logout" className="inline-form">
                <span className="signed-in">{t("layout.signedInAs", { name: data.user.displayName })}</span>
                <button type="submit" className="button button--ghost">
                  {t("layout.logout")}
                </button>
              </Form>
            ) : (
              <Link to="/login" className="button button--ghost">
                {t("layout.login")}
              </Link>
            )}
          </nav>
        </div>
      </header>
      {children}
      <footer className="site-footer">
        <p>
          <Link to="/verify">{t("nav.verify")}</Link>
        </p>
        {data?.unit
          ? t("layout.footer", {
              unit: [data.unit.name, data.unit.districtName].filter(Boolean).join(", "),
              province: data.unit.provinceName,
            })
          : t("app.tagline")}
      </footer>
    </>
  );
}

function LanguageSwitch() {
  const { t, language } = useI18n();
  const location = useLocation();
  const submit = useSubmit();
  const other = language === "vi" ? "en" : "vi";
  return (
    <Form
      method="post"
      action="/language"
      className="inline-form"
      onSubmit={(event) => {
        // The browser holds the page's catalogue only: fetch the other one before the page changes language.
        event.preventDefault();
        const form = event.currentTarget;
        void loadCatalogue(other)
          .catch((error: unknown) => console.error(error))
          .finally(() => submit(form));
      }}
    >
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        className="button button--ghost"
        aria-label={t("layout.switchToOtherLabel")}
        lang={other}
      >
        {t("layout.switchToOther")}
      </button>
    </Form>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
