import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n/language";
import { loadCatalogue } from "./i18n/messages";

// The page's language only (its own chunk): the other catalogue is fetched if the visitor switches.
const language = document.documentElement.lang;
void loadCatalogue(isLanguage(language) ? language : DEFAULT_LANGUAGE).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
