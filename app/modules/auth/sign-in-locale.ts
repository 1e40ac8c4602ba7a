import { isLocale, type Locale } from "../../utils/i18n";

/**
 * Which language a user sees after signing in, and whether to store it (issue 15, item 6).
 * `chosen` is the language cookie: set only by an explicit choice (the header control, /account).
 * A user without a preference keeps what they chose on the sign-in page, and it becomes their
 * one preference (users.locale), so the next sign-in on another device is in that language too.
 * A stored preference wins over the cookie: it is the user's own, while the cookie belongs to the
 * browser and may be the previous person's on a shared machine.
 */
export function localeAfterSignIn({ stored, chosen }: { stored: string | null; chosen: unknown }): {
  show: Locale | null;
  store: Locale | null;
} {
  if (isLocale(stored)) return { show: stored, store: null };
  if (isLocale(chosen)) return { show: chosen, store: chosen };
  return { show: null, store: null };
}
