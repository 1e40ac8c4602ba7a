import { de } from "./de";
import { en, type Messages } from "./en";

/**
 * The dictionaries as the server sees them: all languages, loaded at start (mails, PDFs and
 * pages are rendered in any language). The browser build gets dictionaries.browser.ts in this
 * module's place (the Vite plugin `browserDictionaries` in vite.config.ts), which loads only the
 * page's language: the other one is never sent to the browser (docs/decisions/0046).
 * Both files export the same functions; dictionaries.browser.ts checks that with `satisfies`.
 */
const TABLES = { en, de } satisfies Record<string, Messages>;

/** The languages with a dictionary (app/utils/i18n.ts LOCALES must be these). */
export type Locale = keyof typeof TABLES;

/** The dictionary of `locale`, if it is loaded (on the server: always). */
export function messagesFor(locale: Locale): Messages | undefined {
  return TABLES[locale];
}

/**
 * Some loaded dictionary: every language has the same keys (app/locales/locales.test.ts), so any
 * one answers "is this a key?" and stands in while a newly chosen language is still loading.
 */
export function anyMessages(): Messages | undefined {
  return en;
}

/** Makes `locale`'s dictionary available (the server has all of them already). */
export function loadMessages(locale: Locale): Promise<void> {
  void locale;
  return Promise.resolve();
}

/** How many dictionaries arrived after the first one: a new value re-renders translated text. */
export function messagesVersion(): number {
  return 0;
}

/** Calls `listener` when a dictionary arrives; returns the unsubscribe function. */
export function subscribeMessages(listener: () => void): () => void {
  void listener;
  return () => {};
}
