import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadMessages } from "./locales/dictionaries";
import { DEFAULT_LOCALE, isLocale } from "./utils/i18n";

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

// Only the page's language is sent to the browser (app/locales/dictionaries.browser.ts): fetch its
// dictionary first, so hydration renders the same text as the server did. Should the fetch fail,
// hydrate anyway: the server-rendered page stays readable and its forms work without JavaScript.
const lang = document.documentElement.lang;
loadMessages(isLocale(lang) ? lang : DEFAULT_LOCALE).then(hydrate, hydrate);
