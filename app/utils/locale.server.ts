import { languageCookie } from "../modules/auth/cookies.server";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./i18n";

/** The user's own choice, else the language cookie, else Accept-Language, else English. */
export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const cookie = await languageCookie().parse(request.headers.get("Cookie"));
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
