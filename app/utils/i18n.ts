import { anyMessages, messagesFor } from "../locales/dictionaries";
import type { Messages } from "../locales/en";

/**
 * Minimal typed i18n: one dictionary per language, namespaces of flat keys, `{name}`
 * placeholders. The German dictionary must have exactly the English keys (the type checker and
 * app/locales/locales.test.ts both enforce it). The dictionaries come from
 * app/locales/dictionaries.ts: every language on the server, only the page's one in the browser.
 */
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Displayed times use one zone so server and browser render the same text. */
export const DISPLAY_TIME_ZONE = "Europe/Berlin";

type Namespace = keyof Messages;
export type MessageKey = {
  [N in Namespace]: `${N}.${Extract<keyof Messages[N], string>}`;
}[Namespace];

/** Values filled into a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/**
 * A message that is translated where it is shown, not where it arises: domain errors, form field
 * errors and JSON error bodies carry this, so a German page never shows text chosen in English.
 */
export type LocalizedMessage = { key: MessageKey; params?: MessageParams };

/**
 * Run-time check for a key that arrives as a plain string (a stored status, an error body from
 * the wire). This is the one sanctioned way to turn a string into a MessageKey: the lint rule in
 * eslint.config.js forbids `as MessageKey`, which would let a missing key through to the page.
 */
export function isMessageKey(value: unknown): value is MessageKey {
  if (typeof value !== "string") return false;
  const dot = value.indexOf(".");
  if (dot <= 0) return false;
  const table = (anyMessages() as Record<string, Record<string, string> | undefined> | undefined)?.[
    value.slice(0, dot)
  ];
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, value.slice(dot + 1));
}

/**
 * The label key for a stored value (`labelKey("assessments.tier", "HIGH")` →
 * `assessments.tierHIGH`), or undefined when the dictionary has no such label. Values from rows
 * are typed `string`, so the check happens at run time instead of by a cast.
 */
export function labelKey(
  prefix: `${Namespace}.${string}`,
  value: string | null | undefined,
): MessageKey | undefined {
  if (value === null || value === undefined) return undefined;
  const key = `${prefix}${value}`;
  return isMessageKey(key) ? key : undefined;
}

export function isLocalizedMessage(value: unknown): value is LocalizedMessage {
  if (typeof value !== "object" || value === null) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  return (
    isMessageKey(key) && (params === undefined || (typeof params === "object" && params !== null))
  );
}

/** The message of an error Response's body (`{ message: { key, params } }`), if it carries one. */
export function errorBodyMessage(data: unknown): LocalizedMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = (data as { message?: unknown }).message;
  return isLocalizedMessage(message) ? message : null;
}

export function translateMessage(locale: Locale, message: LocalizedMessage): string {
  return translate(locale, message.key, message.params);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const dot = key.indexOf(".");
  const ns = key.slice(0, dot) as Namespace;
  const name = key.slice(dot + 1);
  // In the browser a newly chosen language may still be loading: the loaded one stands in.
  const table = (messagesFor(locale) ?? anyMessages())?.[ns] as Record<string, string> | undefined;
  const template = table?.[name] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, p: string) =>
    p in params ? String(params[p]) : match,
  );
}

export function formatDate(
  locale: Locale,
  value: Date | string | null | undefined,
  withTime = false,
): string {
  if (!value) return "–";
  const date = typeof value === "string" ? new Date(value) : value;
  // Calendar days (due dates, condition deadlines) are stored as 23:59:59 UTC of that day; shown in
  // Berlin time they would move to the next day, so they are shown as the UTC day they name.
  const calendarDay =
    !withTime &&
    date.getUTCHours() === 23 &&
    date.getUTCMinutes() === 59 &&
    date.getUTCSeconds() === 59;
  const key = `${locale}|${withTime}|${calendarDay}`;
  let format = DATE_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: calendarDay ? "UTC" : DISPLAY_TIME_ZONE,
    });
    DATE_FORMATS.set(key, format);
  }
  return format.format(date);
}

// Intl formatters are expensive to construct (a table page formats hundreds of cells): one per
// combination of options, created on first use.
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

export function formatNumber(
  locale: Locale,
  value: number | null | undefined,
  fractionDigits = 0,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const key = `${locale}|${fractionDigits}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    NUMBER_FORMATS.set(key, format);
  }
  return format.format(value);
}

/** Picks the best supported language from an Accept-Language header (q-values respected). */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? null;
}
