// Date placeholders in question texts (issue 21 item 6): a label, help text, knock-out label or
// option label may say `{{applies:<provision key>}}` or `{{applies:<provision key>|<condition>}}`,
// which reads as the day that provision applies from according to the regulation catalogue, in
// the text's language ("2. Dezember 2027" / "2 December 2027"). The stored definition keeps the
// placeholder, so a date shifted by an amendment (the AI omnibus) changes every text that cites
// it without a new template version. Pure: the catalogue's windows come in through `WindowsOf`.

import type { LocalizedText, TemplateDefinition } from "./template-definition";

export interface DatePlaceholder {
  key: string;
  condition: string | null;
}

// `{{applies:` + a key without braces, pipes or spaces + an optional `|condition` + `}}`. The
// classes exclude the delimiters that end them, so matching is linear.
// eslint-disable-next-line security/detect-unsafe-regex
const PLACEHOLDER = /\{\{applies:([^{}|\s]+)(?:\|([^{}|\s]+))?\}\}/g;

/** The placeholders of a text, and whether it holds braces that are no valid placeholder. */
export function placeholdersIn(text: string): { found: DatePlaceholder[]; malformed: boolean } {
  const found: DatePlaceholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER))
    found.push({ key: match[1]!, condition: match[2] ?? null });
  const rest = text.replace(PLACEHOLDER, "");
  return { found, malformed: rest.includes("{{") || rest.includes("}}") };
}

/** A window of the catalogue: the day it applies from and whom it covers. */
export interface PlaceholderWindow {
  from: string;
  condition: string | null;
}

/**
 * The windows of a provision in the version in force (its own, else its version's); undefined
 * when the catalogue does not know the provision.
 */
export type WindowsOf = (key: string) => readonly PlaceholderWindow[] | undefined;

export type PlaceholderDay =
  | { ok: true; day: string }
  | { ok: false; reason: "unknown_provision" | "no_window" | "ambiguous"; conditions: string[] };

/**
 * The day a placeholder stands for: the window with its condition, or (without one) the window
 * for everyone. Several days without a condition to choose between them is the author's error.
 */
export function placeholderDay(placeholder: DatePlaceholder, windowsOf: WindowsOf): PlaceholderDay {
  const windows = windowsOf(placeholder.key);
  if (!windows) return { ok: false, reason: "unknown_provision", conditions: [] };
  const conditions = [...new Set(windows.flatMap((w) => (w.condition ? [w.condition] : [])))];
  let candidates = windows.filter((w) => w.condition === placeholder.condition);
  if (candidates.length === 0 && placeholder.condition === null) candidates = [...windows];
  const days = [...new Set(candidates.map((w) => w.from))].sort();
  if (days.length === 0) return { ok: false, reason: "no_window", conditions };
  if (days.length > 1) return { ok: false, reason: "ambiguous", conditions };
  return { ok: true, day: days[0]! };
}

const LONG_DAY = {
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
  de: new Intl.DateTimeFormat("de-DE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
};

/** "2027-12-02" → "2 December 2027" / "2. Dezember 2027". */
export function formatLongDay(day: string, locale: keyof LocalizedText): string {
  return LONG_DAY[locale].format(new Date(`${day}T00:00:00Z`));
}

/**
 * The text with every placeholder replaced by its day in `locale`. A placeholder the catalogue
 * cannot resolve (any more) reads as `unresolved(key)` — the provision's citation — never as braces.
 */
export function resolvePlaceholders(
  text: string,
  locale: keyof LocalizedText,
  windowsOf: WindowsOf,
  unresolved: (key: string) => string,
): string {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (_match, key: string, condition: string | undefined) => {
    const result = placeholderDay({ key, condition: condition ?? null }, windowsOf);
    return result.ok ? formatLongDay(result.day, locale) : unresolved(key);
  });
}

/** Where texts with placeholders live in a definition: path, text. */
export function* placeholderTexts(
  definition: TemplateDefinition,
): Generator<{ path: string; text: LocalizedText }> {
  for (const [s, section] of definition.sections.entries()) {
    for (const [q, question] of section.questions.entries()) {
      const at = `sections[${s}].questions[${q}]`;
      yield { path: `${at}.label`, text: question.label };
      if (question.help) yield { path: `${at}.help`, text: question.help };
      if (question.knockOut) yield { path: `${at}.knockOut.label`, text: question.knockOut.label };
      for (const [o, option] of (question.options ?? []).entries())
        yield { path: `${at}.options[${o}].label`, text: option.label };
    }
  }
}

/** Every provision key a definition's placeholders name (to load their windows once). */
export function placeholderKeysOf(definition: TemplateDefinition): string[] {
  const keys = new Set<string>();
  for (const { text } of placeholderTexts(definition))
    for (const value of [text.en, text.de])
      for (const placeholder of placeholdersIn(value).found) keys.add(placeholder.key);
  return [...keys];
}

/** A copy of the definition with every placeholder resolved (the stored one keeps them). */
export function resolveDefinitionPlaceholders(
  definition: TemplateDefinition,
  windowsOf: WindowsOf,
  unresolved: (key: string, locale: keyof LocalizedText) => string,
): TemplateDefinition {
  const localized = (text: LocalizedText): LocalizedText => ({
    en: resolvePlaceholders(text.en, "en", windowsOf, (key) => unresolved(key, "en")),
    de: resolvePlaceholders(text.de, "de", windowsOf, (key) => unresolved(key, "de")),
  });
  return {
    ...definition,
    sections: definition.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) => ({
        ...question,
        label: localized(question.label),
        ...(question.help ? { help: localized(question.help) } : {}),
        ...(question.knockOut
          ? { knockOut: { ...question.knockOut, label: localized(question.knockOut.label) } }
          : {}),
        ...(question.options
          ? {
              options: question.options.map((option) => ({
                ...option,
                label: localized(option.label),
              })),
            }
          : {}),
      })),
    })),
  };
}
