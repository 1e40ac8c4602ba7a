import { DEFAULT_LOCALE, isLocale, type Locale } from "../../utils/i18n";

/**
 * The language of a mail to one recipient: a user's `User.locale` or a vendor contact's
 * `InviteLink.locale`. Organisations have no language of their own, so anything unset or
 * unknown falls back to the default (English).
 */
export function recipientLocale(stored: string | null | undefined): Locale {
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}
