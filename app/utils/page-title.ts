import { isLocale, translate, type Locale, type MessageKey } from "./i18n";

/**
 * Every page's <title>: "<what this page is> · Vetted", in the user's language (the root
 * loader's locale, which meta functions read from the matches). The root route's plain "Vetted"
 * is only the fallback for error pages; a page without its own title is a defect (the
 * accessibility spec checks every main page).
 */
export const APP_NAME = "Vetted";

type Matches = readonly { id: string; data: unknown }[];

/** The locale the root loader resolved for this request. */
export function metaLocale(matches: Matches): Locale {
  const locale = (
    matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined
  )?.locale;
  return isLocale(locale) ? locale : "en";
}

/** `{ title: "a · b · Vetted" }`, most specific part first; empty parts are left out. */
export function pageTitle(...parts: (string | null | undefined)[]): { title: string } {
  return {
    title: [...parts.filter((part): part is string => Boolean(part)), APP_NAME].join(" · "),
  };
}

/** The title of a page named by one message key. */
export function translatedTitle(
  matches: Matches,
  key: MessageKey,
  params?: Record<string, string | number>,
): { title: string } {
  return pageTitle(translate(metaLocale(matches), key, params));
}
