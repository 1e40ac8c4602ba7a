// Why an answer earned its points, in plain words and in one language: the option labels the
// respondent saw, and for numbers and dates the threshold rule that applied ("up to 7 days: full
// points") instead of the scoring library's technical reason ("value 5 (≥ 0) → 1"). The library's
// reason stays what the golden files pin; this is how people read it. Plain functions (no React),
// shared by the assessment page and the signed report.

import { countryName, EU_EEA_CODES } from "../../reference-data/countries";
import { formatDate, labelKey, type Locale } from "../../utils/i18n";
import { formatMeasure } from "../../utils/score-format";
import { formatAnswer, type Translate } from "./format-answer";

type Localized = { en: string; de: string };

export type ExplainableThresholds =
  | { kind: "steps"; steps: { min: number; points: number }[] }
  | { kind: "linear"; min: number; max: number; higherIsBetter: boolean };

export interface ExplainableQuestion {
  type: string;
  options?: { value: string; label: Localized }[];
  thresholds?: ExplainableThresholds | null;
  unit?: string | null;
}

/** The part of a stored question result an explanation reads. */
export interface ExplainableResult {
  status: string;
  points: number | null;
  reason: string;
}

/** "full points", "60 % of the points", "no points": the share of a question's points in words. */
export function pointsInWords(points: number, locale: Locale, t: Translate): string {
  if (points >= 1) return t("explain.fullPoints");
  if (points <= 0) return t("explain.noPoints");
  // Points carry 4 decimals; a share of them reads as a whole or one-decimal percentage.
  return t("explain.somePoints", {
    percent: formatMeasure(locale, Math.round(points * 1000) / 10),
  });
}

const UNIT_KEYS = {
  day: ["explain.unitDay", "explain.unitDays"],
  hour: ["explain.unitHour", "explain.unitHours"],
  week: ["explain.unitWeek", "explain.unitWeeks"],
  month: ["explain.unitMonth", "explain.unitMonths"],
  year: ["explain.unitYear", "explain.unitYears"],
} as const;

/**
 * A measured amount with its unit in words ("7 days", "1 Tag"). Units a template author wrote
 * that have no translation stay as written after the number.
 */
export function amountInWords(
  value: number,
  unit: string | null | undefined,
  locale: Locale,
  t: Translate,
): string {
  const count = formatMeasure(locale, value);
  const normalized = (unit ?? "").trim().toLowerCase();
  if (normalized === "%" || normalized === "percent") return t("explain.unitPercent", { count });
  const singular = normalized.replace(/s$/, "") as keyof typeof UNIT_KEYS;
  const keys = UNIT_KEYS[singular];
  if (keys) return value === 1 ? t(keys[0]) : t(keys[1], { count });
  return normalized ? `${count} ${unit!.trim()}` : count;
}

/** A unit as the reader's language names it beside an input ("Tage"); unknown units as written. */
export function unitName(unit: string, t: Translate): string {
  const normalized = unit.trim().toLowerCase();
  const plural = normalized.endsWith("s") ? normalized : `${normalized}s`;
  const key = labelKey("explain.unitName_", plural);
  return key ? t(key) : unit;
}

/**
 * The wording of one step of a step threshold: the steps apply from their `min` up to the next
 * step's `min` (exclusive). With whole-number bounds and a whole-number value, "up to 7" reads
 * better and says the same as "under 8"; a fractional value keeps the exact "under 8".
 */
function stepRule(
  steps: { min: number; points: number }[],
  index: number,
  wholeValues: boolean,
  amount: (value: number) => string,
  locale: Locale,
  t: Translate,
): string {
  const step = steps[index]!;
  const next = steps[index + 1];
  const points = pointsInWords(step.points, locale, t);
  if (!next) return t("explain.ruleOrMore", { from: amount(step.min), points });
  const whole = wholeValues && Number.isInteger(step.min) && Number.isInteger(next.min);
  // The lowest step from 0 covers everything up to the next (negative values are not asked for).
  if (index === 0 && step.min <= 0) {
    return whole
      ? t("explain.ruleUpTo", { to: amount(next.min - 1), points })
      : t("explain.ruleUnder", { to: amount(next.min), points });
  }
  // "31 to 90 days": the unit once, after the upper bound.
  const from = formatMeasure(locale, step.min);
  return whole
    ? t("explain.ruleBetween", { from, to: amount(next.min - 1), points })
    : t("explain.ruleFromUnder", { from, to: amount(next.min), points });
}

/** Every rule of a threshold in words, lowest first (for help texts and the best answer). */
export function thresholdRules(
  question: ExplainableQuestion,
  locale: Locale,
  t: Translate,
): string[] {
  const thresholds = question.thresholds;
  if (!thresholds) return [];
  const amount = (value: number) => amountInWords(value, unitOf(question), locale, t);
  if (thresholds.kind === "linear") return [linearScale(thresholds, amount, locale, t)];
  const steps = sortedSteps(thresholds.steps);
  return steps.map((_, index) => stepRule(steps, index, true, amount, locale, t));
}

function sortedSteps(steps: { min: number; points: number }[]) {
  return [...steps].sort((a, b) => a.min - b.min);
}

/** Date thresholds measure the age of the date in days. */
function unitOf(question: ExplainableQuestion): string | null | undefined {
  return question.type === "date" ? "days" : question.unit;
}

function linearScale(
  thresholds: Extract<ExplainableThresholds, { kind: "linear" }>,
  amount: (value: number) => string,
  locale: Locale,
  t: Translate,
): string {
  const low = pointsInWords(thresholds.higherIsBetter ? 0 : 1, locale, t);
  const high = pointsInWords(thresholds.higherIsBetter ? 1 : 0, locale, t);
  return `${amount(thresholds.min)}: ${low}; ${amount(thresholds.max)}: ${high}`;
}

/** The rule that applied to a measured value (a number, or a date's age in days). */
function appliedRule(
  question: ExplainableQuestion,
  measured: number,
  locale: Locale,
  t: Translate,
): string | null {
  const thresholds = question.thresholds;
  if (!thresholds || thresholds.kind !== "steps") return null;
  const amount = (value: number) => amountInWords(value, unitOf(question), locale, t);
  const steps = sortedSteps(thresholds.steps);
  let chosen = -1;
  steps.forEach((step, index) => {
    if (step.min <= measured) chosen = index;
  });
  if (chosen < 0) return t("explain.ruleBelowLowest", { from: amount(steps[0]!.min) });
  return stepRule(steps, chosen, Number.isInteger(measured), amount, locale, t);
}

/**
 * The age in days the library measured for a date answer. The stored result keeps no reference
 * day, only the reason ("date 2025-01-01, age in days 400 (≥ 366) → 0.5"): read it from there.
 */
function dateAge(reason: string): number | null {
  // Ages are whole days (the library subtracts day numbers).
  const match = /age in days (-?\d+)/.exec(reason);
  return match ? Number(match[1]) : null;
}

function measuredExplanation(
  question: ExplainableQuestion,
  answer: unknown,
  result: ExplainableResult,
  locale: Locale,
  t: Translate,
): string | null {
  const thresholds = question.thresholds;
  if (!thresholds) return null;
  const points = pointsInWords(result.points ?? 0, locale, t);
  const amount = (value: number) => amountInWords(value, unitOf(question), locale, t);
  const isDate = question.type === "date";
  const measured = isDate ? dateAge(result.reason) : typeof answer === "number" ? answer : null;
  if (measured === null) return null;
  const date = isDate ? dateInWords(answer, locale) : "";
  const age = amount(measured);
  if (thresholds.kind === "linear") {
    const ends = {
      from: amount(thresholds.min),
      to: amount(thresholds.max),
      fromPoints: pointsInWords(thresholds.higherIsBetter ? 0 : 1, locale, t),
      toPoints: pointsInWords(thresholds.higherIsBetter ? 1 : 0, locale, t),
      points,
    };
    return isDate
      ? t("explain.dateLinear", { date, age, ...ends })
      : t("explain.valueLinear", { value: amount(measured), ...ends });
  }
  const rule = appliedRule(question, measured, locale, t)!;
  return isDate
    ? t("explain.dateRule", { date, age, rule })
    : t("explain.valueRule", { value: amount(measured), rule });
}

/** A YYYY-MM-DD answer as the reader writes dates ("15.05.2024"); anything else as given. */
function dateInWords(value: unknown, locale: Locale): string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDate(locale, `${value}T12:00:00Z`)
    : String(value ?? "");
}

function countryList(codes: string[], locale: Locale): string {
  return codes.map((code) => countryName(code, locale)).join(", ");
}

/** The scoring library's class names at the start of a countries reason, most specific first. */
const COUNTRY_CLASS_PREFIXES: ReadonlyArray<[string, string]> = [
  ["all in EU/EEA", "eu_eea"],
  ["adequacy decision", "adequacy"],
  ["third country with safeguards", "third_country_safeguards"],
  ["third country without safeguards", "third_country_no_safeguards"],
  // Method 1.1.0 had one third-country class.
  ["third country", "third_country"],
  ["residency unknown", "unknown"],
];

/**
 * A countries answer: the class of the worst country and the countries that set it. The library
 * lists them in the reason ("third country without safeguards (US: third country; no
 * safeguard)"); the codes are read from there and named in the reader's language.
 */
function countriesExplanation(
  answer: unknown,
  result: ExplainableResult,
  locale: Locale,
  t: Translate,
): string | null {
  const match = COUNTRY_CLASS_PREFIXES.find(([prefix]) => result.reason.startsWith(prefix));
  if (!match) return null;
  const listed = [...result.reason.matchAll(/(?<=[(|,] ?)([A-Z]{2})(?=[:,)])/g)].map((m) => m[1]!);
  const codes =
    listed.length > 0 ? [...new Set(listed)] : Array.isArray(answer) ? answer.map(String) : [];
  const points = pointsInWords(result.points ?? 0, locale, t);
  const countries = countryList(codes, locale);
  switch (match[1]) {
    case "eu_eea":
      return t("explain.countriesEuEea", { countries, points });
    case "adequacy":
      return t("explain.countriesAdequacy", { countries, points });
    case "third_country":
      return t("explain.countriesThird", { countries, points });
    case "unknown":
      return t("explain.countriesUnknown", { countries });
    default: {
      const key = labelKey("assessments.class_", match[1]);
      return key ? t("explain.countriesClass", { class: t(key), countries, points }) : null;
    }
  }
}

/**
 * Why an answer earned its points, in the reader's language. Never shows option keys, country
 * codes or the library's symbols; an answer it cannot word gets the plain points.
 */
export function explainAnswerScore(
  question: ExplainableQuestion,
  answer: unknown,
  result: ExplainableResult,
  locale: Locale,
  t: Translate,
): string {
  // A countries answer the library could not rate (no safeguard known) says which countries.
  if (question.type === "countries" && result.reason.startsWith("residency unknown")) {
    const worded = countriesExplanation(answer, result, locale, t);
    if (worded) return worded;
  }
  switch (result.status) {
    case "unknown":
      return t("explain.unknownAnswer");
    case "not_applicable":
      return t("explain.notApplicable");
    case "unscored":
      return t("explain.notScored");
    case "unanswered":
      return result.reason.startsWith("invalid answer")
        ? t("explain.invalidAnswer")
        : t("explain.unanswered");
  }
  const points = pointsInWords(result.points ?? 0, locale, t);
  switch (question.type) {
    case "number":
    case "date":
      return (
        measuredExplanation(question, answer, result, locale, t) ??
        t("explain.answerEarned", { answer: formatAnswer(question, answer, locale, t), points })
      );
    case "countries":
      return (
        countriesExplanation(answer, result, locale, t) ??
        t("explain.answerEarned", { answer: formatAnswer(question, answer, locale, t), points })
      );
    case "multi_choice":
      if (Array.isArray(answer) && answer.length > 1) {
        const answers = answer
          .map((value) =>
            t("explain.quoted", { text: formatAnswer(question, String(value), locale, t) }),
          )
          .join(", ");
        const capped = result.reason.includes("capped at 1");
        return t(capped ? "explain.answersCapped" : "explain.answersEarned", { answers, points });
      }
      break;
  }
  return t("explain.answerEarned", { answer: formatAnswer(question, answer, locale, t), points });
}

/** A best answer as the library proposes it (see scoring/best-answer.ts). */
export interface BestAnswer {
  bestAnswer: string | number | string[];
}

/**
 * The best answer in words: option labels, a value with the rule that gives full points, the
 * class of countries that does. Never "?" and never a key: unknown shapes get a worded fallback.
 */
export function describeBestAnswer(
  question: ExplainableQuestion | undefined,
  best: BestAnswer,
  locale: Locale,
  t: Translate,
): string {
  const value = best.bestAnswer;
  if (!question) return t("explain.bestFallback");
  switch (question.type) {
    case "countries": {
      const code = Array.isArray(value) ? value[0] : undefined;
      if (!code) return t("explain.bestFallback");
      // The library proposes an EU/EEA state first and an adequacy country only when none exists.
      return EU_EEA_CODES.includes(code)
        ? t("explain.bestEuEea", { country: countryName(code, locale) })
        : t("explain.bestAdequacy", { country: countryName(code, locale) });
    }
    case "number":
    case "date": {
      // A number with its unit; a date as the date (the rule says how recent it must be).
      const answer =
        typeof value === "number"
          ? amountInWords(value, unitOf(question), locale, t)
          : dateInWords(value, locale);
      const rule = bestRule(question, locale, t) ?? thresholdRules(question, locale, t)[0];
      return rule ? t("explain.bestWithRule", { answer, rule }) : answer;
    }
  }
  const text = formatAnswer(question, value, locale, t);
  if (text === "" || text === "—") return t("explain.bestFallback");
  if (question.type === "multi_choice" && Array.isArray(value) && value.length > 1) {
    return value.map((v) => formatAnswer(question, String(v), locale, t)).join(", ");
  }
  return text;
}

/** The rule of the step that earns the most points (the first such step, lowest first). */
function bestRule(question: ExplainableQuestion, locale: Locale, t: Translate): string | null {
  const thresholds = question.thresholds;
  if (!thresholds || thresholds.kind !== "steps") return null;
  const steps = sortedSteps(thresholds.steps);
  const top = Math.max(...steps.map((step) => step.points));
  const index = steps.findIndex((step) => step.points === top);
  const amount = (value: number) => amountInWords(value, unitOf(question), locale, t);
  return stepRule(steps, index, true, amount, locale, t);
}

/** The worded reason of one answer as a page shows it; null when it earned nothing to explain. */
export function answerScoreReason(
  question: ExplainableQuestion & { answer: unknown; result: ExplainableResult | null },
  locale: Locale,
  t: Translate,
): string | null {
  if (!question.result) return null;
  return explainAnswerScore(question, question.answer, question.result, locale, t);
}
