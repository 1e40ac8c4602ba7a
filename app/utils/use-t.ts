import { useRouteLoaderData } from "@remix-run/react";
import { useCallback, useSyncExternalStore } from "react";
import { messagesVersion, subscribeMessages } from "../locales/dictionaries";
import { useRequestInfo } from "./request-info";
import {
  DEFAULT_LOCALE,
  isLocale,
  formatDate,
  formatNumber,
  translate,
  type LocalizedMessage,
  type Locale,
  type MessageKey,
  type MessageParams,
} from "./i18n";

/** The current language (from the root loader) with bound translate/format helpers. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  const { locale: rendered } = useRequestInfo();
  if (data?.locale) return data.locale;
  // Without the root loader's data (an error page after a failed action): the language the server
  // resolved for this render, and in the browser the one it wrote into <html lang>.
  if (isLocale(rendered)) return rendered;
  if (typeof document !== "undefined" && isLocale(document.documentElement.lang))
    return document.documentElement.lang;
  return DEFAULT_LOCALE;
}

export function useT() {
  const locale = useLocale();
  // A dictionary that arrives later (the language was switched without a reload) re-renders the
  // text: the version is part of the callbacks' identity.
  const version = useSyncExternalStore(subscribeMessages, messagesVersion, () => 0);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
    [locale, version],
  );
  /** Translates a message carried by an error (key + parameters), in this page's language. */
  const tm = useCallback(
    (message: LocalizedMessage) => translate(locale, message.key, message.params),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
    [locale, version],
  );
  return {
    t,
    tm,
    locale,
    date: (value: Date | string | null | undefined, withTime = false) =>
      formatDate(locale, value, withTime),
    number: (value: number | null | undefined, digits = 0) => formatNumber(locale, value, digits),
  };
}
