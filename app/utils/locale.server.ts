import { createCookie } from "@remix-run/node";
import { isSecureDeployment } from "./env.server";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./i18n";

/**
 * The language chosen by a visitor without an account (or before login). Here rather than with
 * the session cookies in app/modules/auth: reading the locale is a utility every layer needs.
 */
export function languageCookie() {
  return createCookie("vetted_lang", {
    path: "/",
    sameSite: "lax",
    maxAge: 365 * 24 * 3600,
    httpOnly: true,
    secure: isSecureDeployment(),
  });
}

/** The user's own choice, else the language cookie, else Accept-Language, else English. */
export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  return resolveLocaleFromHeaders(
    request.headers.get("Cookie"),
    request.headers.get("Accept-Language"),
    userLocale,
  );
}

/** resolveLocale() from the two headers it reads (the page cache has headers, not a Request). */
export async function resolveLocaleFromHeaders(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
  userLocale?: string | null,
): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const cookie = await languageCookie().parse(cookieHeader ?? null);
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage ?? null) ?? DEFAULT_LOCALE;
}

/** The language this browser's visitor chose explicitly (the cookie), or null. */
export async function chosenLocale(request: Request): Promise<Locale | null> {
  const cookie = await languageCookie().parse(request.headers.get("Cookie"));
  return isLocale(cookie) ? cookie : null;
}

/**
 * After a sign-in: keeps the language chosen before it (stored as the user's preference when they
 * had none) and returns the Set-Cookie line that aligns this browser's cookie with the language
 * the user now sees, or null when nobody chose one. Aligning the cookie keeps the pages in the
 * same language after signing out.
 */
export async function signInLanguageCookie(
  request: Request,
  keep: (chosen: Locale | null) => Promise<Locale | null>,
): Promise<string | null> {
  const shown = await keep(await chosenLocale(request));
  return shown ? languageCookie().serialize(shown) : null;
}
