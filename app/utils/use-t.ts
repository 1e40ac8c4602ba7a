import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { DEFAULT_LOCALE, formatDate, formatNumber, translate, type Locale, type MessageKey } from "./i18n";

/** The current language (from the root loader) with bound translate/format helpers. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT() {
  const locale = useLocale();
  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
    [locale],
  );
  return {
    t,
    locale,
    date: (value: Date | string | null | undefined, withTime = false) => formatDate(locale, value, withTime),
    number: (value: number | null | undefined, digits = 0) => formatNumber(locale, value, digits),
  };
}
