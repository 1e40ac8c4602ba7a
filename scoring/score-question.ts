// Scores one answer to one question. Pure: no I/O, no clock, no environment.
// Malformed answers never throw: they become "unanswered" with a reason starting "invalid answer".

import {
  NOT_APPLICABLE_VALUE,
  UNKNOWN_VALUE,
  type QuestionStatus,
  type ResidencyClass,
  type ScoringQuestion,
  type ScoringThresholds,
} from "./types";
import { formatIsoDay, parseIsoDay } from "./iso-day";
import { roundTo } from "./round";

export { parseIsoDay, roundTo };

/** Everything scoring one question needs besides the question and the answer. */
export interface QuestionContext {
  euEeaCountries: ReadonlySet<string>;
  adequacyCountries: ReadonlySet<string>;
  /** Reference day (days since 1970-01-01) for date thresholds; null when not given. */
  asOfDay: number | null;
  /** Rules later method versions add; absent: the rules of 1.0.0 and 1.1.0. */
  rules?: AnswerRules;
}

/** Answer rules added by method 1.2.0 (see method-version.ts). */
export interface AnswerRules {
  /** Options marked `notApplicable` make the question not applicable, like "na". */
  notApplicableOptions: boolean;
  /** A date after the reference day is invalid for a date question scored by age. */
  futureDatesInvalid: boolean;
}

export const RULES_1_2_0: AnswerRules = Object.freeze({
  notApplicableOptions: true,
  futureDatesInvalid: true,
});

export interface QuestionEvaluation {
  status: QuestionStatus;
  /** 0..1 rounded to 4 decimals; 0 for "unknown"; null when not applicable, unscored or unanswered. */
  points: number | null;
  reason: string;
  /** Whether the question enters its section's denominator (scored, unknown, or unanswered but scoreable). */
  countsInScore: boolean;
  /** Sorted, unique tokens of the answer, matched against knock-out `when` lists. */
  tokens: string[];
}

const POINT_DECIMALS = 4;

/** Formats a number for reasons: rounded to 4 decimals, no exponent for the ranges used here. */
export function formatNumber(value: number): string {
  return String(roundTo(value, POINT_DECIMALS));
}

/** True when the question can earn points (and so an unanswered one counts as 0). */
export function isScoreable(question: ScoringQuestion): boolean {
  switch (question.type) {
    case "yes_no":
    case "single_choice":
    case "multi_choice":
    case "countries":
      return true;
    case "number":
    case "date":
      return question.thresholds !== undefined;
    case "text":
      return false;
  }
}

const YES_NO_POINTS: Readonly<Record<string, number>> = { yes: 1, partial: 0.5, no: 0 };

const RESIDENCY_POINTS: Readonly<Record<ResidencyClass, number>> = {
  eu_eea: 1,
  adequacy: 0.75,
  third_country: 0.25,
};

const COUNTRY_CODE = /^[A-Z]{2}$/;

export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `'${short}'`;
}

export function describe(value: unknown): string {
  if (typeof value === "string") return `text ${quote(value)}`;
  if (typeof value === "number")
    return Number.isFinite(value) ? `number ${value}` : "a non-finite number";
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return `a value of type ${typeof value}`;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function isEmptyAnswer(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

export function unanswered(question: ScoringQuestion, reason: string): QuestionEvaluation {
  const scoreable = isScoreable(question);
  return {
    status: "unanswered",
    points: null,
    reason: scoreable ? `${reason} → 0` : reason,
    countsInScore: scoreable,
    tokens: [],
  };
}

export function invalid(question: ScoringQuestion, detail: string): QuestionEvaluation {
  return unanswered(question, `invalid answer: ${detail}`);
}

export function notApplicable(): QuestionEvaluation {
  return {
    status: "not_applicable",
    points: null,
    reason: "answer 'na' → not applicable",
    countsInScore: false,
    tokens: [NOT_APPLICABLE_VALUE],
  };
}

/** Method 1.2.0: an option marked notApplicable was chosen; it matches knock-outs as itself and as "na". */
function notApplicableOption(value: string): QuestionEvaluation {
  return {
    status: "not_applicable",
    points: null,
    reason: `option ${quote(value)} → not applicable`,
    countsInScore: false,
    tokens: sortedUnique([value, NOT_APPLICABLE_VALUE]),
  };
}

export function unknown(
  question: ScoringQuestion,
  reason = "answer 'unknown'",
): QuestionEvaluation {
  const scoreable = isScoreable(question);
  return {
    status: "unknown",
    points: scoreable ? 0 : null,
    reason: scoreable ? `${reason} → 0 (unknown)` : `${reason} (not scored)`,
    countsInScore: scoreable,
    tokens: [UNKNOWN_VALUE],
  };
}

export function scored(points: number, reason: string, tokens: string[]): QuestionEvaluation {
  const rounded = roundTo(Math.min(1, Math.max(0, points)), POINT_DECIMALS);
  return {
    status: "scored",
    points: rounded,
    reason: `${reason} → ${formatNumber(rounded)}`,
    countsInScore: true,
    tokens,
  };
}

function unscored(reason: string, tokens: string[] = []): QuestionEvaluation {
  return { status: "unscored", points: null, reason, countsInScore: false, tokens };
}

/** Applies number thresholds; returns points 0..1 and a short explanation. */
function applyThresholds(
  thresholds: ScoringThresholds,
  measured: number,
  label: string,
): { points: number; reason: string } {
  if (thresholds.kind === "linear") {
    const span = thresholds.max - thresholds.min;
    const raw = (measured - thresholds.min) / span;
    const clamped = Math.min(1, Math.max(0, raw));
    const points = thresholds.higherIsBetter ? clamped : 1 - clamped;
    const direction = thresholds.higherIsBetter ? "higher is better" : "lower is better";
    return {
      points,
      reason: `${label} ${formatNumber(measured)} on ${formatNumber(thresholds.min)}–${formatNumber(thresholds.max)}, ${direction}`,
    };
  }
  const steps = [...thresholds.steps].sort((a, b) => a.min - b.min);
  let chosen: { min: number; points: number } | undefined;
  for (const step of steps) {
    if (step.min <= measured) chosen = step;
  }
  if (!chosen) {
    const lowest = steps[0];
    return {
      points: 0,
      reason: `${label} ${formatNumber(measured)} below the lowest threshold${lowest ? ` ${formatNumber(lowest.min)}` : ""}`,
    };
  }
  return {
    points: chosen.points,
    reason: `${label} ${formatNumber(measured)} (≥ ${formatNumber(chosen.min)})`,
  };
}

function scoreYesNo(question: ScoringQuestion, raw: unknown): QuestionEvaluation {
  if (typeof raw !== "string")
    return invalid(question, `expected yes, partial, no, unknown or na, got ${describe(raw)}`);
  const value = raw.trim();
  if (value === UNKNOWN_VALUE) return unknown(question);
  if (value === NOT_APPLICABLE_VALUE) return notApplicable();
  const points = YES_NO_POINTS[value];
  if (points === undefined)
    return invalid(question, `expected yes, partial, no, unknown or na, got ${quote(value)}`);
  return scored(points, `answer ${quote(value)}`, [value]);
}

function scoreSingleChoice(
  question: ScoringQuestion,
  raw: unknown,
  rules: AnswerRules | undefined,
): QuestionEvaluation {
  if (typeof raw !== "string")
    return invalid(question, `expected one option value, got ${describe(raw)}`);
  const value = raw.trim();
  if (value === UNKNOWN_VALUE) return unknown(question);
  if (value === NOT_APPLICABLE_VALUE) return notApplicable();
  const option = (question.options ?? []).find((candidate) => candidate.value === value);
  if (!option) return invalid(question, `${quote(value)} is not an option`);
  if (option.notApplicable === true && rules?.notApplicableOptions === true) {
    return notApplicableOption(value);
  }
  return scored(option.points, `option ${quote(value)}`, [value]);
}

function scoreMultiChoice(
  question: ScoringQuestion,
  raw: unknown,
  rules: AnswerRules | undefined,
): QuestionEvaluation {
  if (raw === UNKNOWN_VALUE) return unknown(question);
  if (raw === NOT_APPLICABLE_VALUE) return notApplicable();
  if (!Array.isArray(raw))
    return invalid(question, `expected a list of option values, got ${describe(raw)}`);
  const items: unknown[] = raw;
  if (items.length === 0) return unanswered(question, "no option selected");
  const values: string[] = [];
  for (const item of items) {
    if (typeof item !== "string")
      return invalid(question, `expected option values, got ${describe(item)}`);
    values.push(item.trim());
  }
  const selected = new Set(values);
  if (selected.size === 1 && selected.has(UNKNOWN_VALUE)) return unknown(question);
  if (selected.size === 1 && selected.has(NOT_APPLICABLE_VALUE)) return notApplicable();
  const options = question.options ?? [];
  for (const value of selected) {
    if (value === UNKNOWN_VALUE || value === NOT_APPLICABLE_VALUE) {
      return invalid(question, `${quote(value)} cannot be combined with other options`);
    }
    if (!options.some((option) => option.value === value))
      return invalid(question, `${quote(value)} is not an option`);
  }
  // Template order, so the reason reads the same whatever order the answer lists them in.
  const chosen = options.filter((option) => selected.has(option.value));
  if (rules?.notApplicableOptions === true) {
    const notApplicableChoice = chosen.find((option) => option.notApplicable === true);
    if (notApplicableChoice && chosen.length === 1)
      return notApplicableOption(notApplicableChoice.value);
    if (notApplicableChoice) {
      return invalid(
        question,
        `${quote(notApplicableChoice.value)} (not applicable) cannot be combined with other options`,
      );
    }
  }
  const exclusive = chosen.find((option) => option.exclusive === true);
  if (exclusive && chosen.length > 1) {
    return invalid(question, `${quote(exclusive.value)} cannot be combined with other options`);
  }
  const sum = chosen.reduce((total, option) => total + option.points, 0);
  const names = chosen.map((option) => quote(option.value)).join(", ");
  const capped = sum > 1 ? ` (sum ${formatNumber(sum)} capped at 1)` : "";
  const label = chosen.length === 1 ? "option" : "options";
  return scored(
    Math.min(1, sum),
    `${label} ${names}${capped}`,
    sortedUnique(chosen.map((option) => option.value)),
  );
}

function scoreNumber(question: ScoringQuestion, raw: unknown): QuestionEvaluation {
  if (raw === UNKNOWN_VALUE) return unknown(question);
  if (raw === NOT_APPLICABLE_VALUE) return notApplicable();
  if (typeof raw !== "number" || !Number.isFinite(raw)) {
    return invalid(question, `expected a finite number, got ${describe(raw)}`);
  }
  if (!question.thresholds)
    return unscored(`value ${formatNumber(raw)}, not scored (no thresholds)`);
  const { points, reason } = applyThresholds(question.thresholds, raw, "value");
  return scored(points, reason, []);
}

function scoreDate(
  question: ScoringQuestion,
  raw: unknown,
  context: QuestionContext,
): QuestionEvaluation {
  if (typeof raw !== "string")
    return invalid(question, `expected a date YYYY-MM-DD, got ${describe(raw)}`);
  const value = raw.trim();
  if (value === UNKNOWN_VALUE) return unknown(question);
  if (value === NOT_APPLICABLE_VALUE) return notApplicable();
  const day = parseIsoDay(value);
  if (day === null) return invalid(question, `expected a date YYYY-MM-DD, got ${quote(value)}`);
  if (!question.thresholds) return unscored(`date ${value}, not scored (no thresholds)`);
  // Method 1.2.0: the age of a day still to come is no age at all (1.1.0 scored it negative).
  if (
    context.rules?.futureDatesInvalid === true &&
    context.asOfDay !== null &&
    day > context.asOfDay
  ) {
    return invalid(
      question,
      `date ${value} is after the reference day ${formatIsoDay(context.asOfDay)} (a past date is asked for)`,
    );
  }
  // score-assessment guarantees asOfDay when a date question has thresholds.
  const age = (context.asOfDay ?? day) - day;
  const { points, reason } = applyThresholds(
    question.thresholds,
    age,
    `date ${value}, age in days`,
  );
  return scored(points, reason, []);
}

function scoreText(question: ScoringQuestion, raw: unknown): QuestionEvaluation {
  if (typeof raw !== "string") return invalid(question, `expected text, got ${describe(raw)}`);
  return unscored("free text, not scored");
}

function residencyClassOf(code: string, context: QuestionContext): ResidencyClass {
  if (context.euEeaCountries.has(code)) return "eu_eea";
  if (context.adequacyCountries.has(code)) return "adequacy";
  return "third_country";
}

function scoreCountries(
  question: ScoringQuestion,
  raw: unknown,
  context: QuestionContext,
): QuestionEvaluation {
  if (raw === UNKNOWN_VALUE) return unknown(question);
  if (raw === NOT_APPLICABLE_VALUE) return notApplicable();
  if (!Array.isArray(raw))
    return invalid(question, `expected a list of ISO country codes, got ${describe(raw)}`);
  const items: unknown[] = raw;
  const codes: string[] = [];
  for (const item of items) {
    const code = typeof item === "string" ? item.trim().toUpperCase() : "";
    if (!COUNTRY_CODE.test(code)) {
      return invalid(question, `expected ISO 3166-1 alpha-2 country codes, got ${describe(item)}`);
    }
    codes.push(code);
  }
  const unique = sortedUnique(codes);
  if (unique.length === 0) return unknown(question, "no countries given");
  const byClass: Record<ResidencyClass, string[]> = { eu_eea: [], adequacy: [], third_country: [] };
  for (const code of unique) byClass[residencyClassOf(code, context)].push(code);
  const classes = (Object.keys(byClass) as ResidencyClass[]).filter(
    (name) => byClass[name].length > 0,
  );
  const tokens = sortedUnique([...unique, ...classes]);
  if (byClass.third_country.length > 0) {
    return scored(
      RESIDENCY_POINTS.third_country,
      `third country (${byClass.third_country.join(", ")})`,
      tokens,
    );
  }
  if (byClass.adequacy.length > 0) {
    return scored(
      RESIDENCY_POINTS.adequacy,
      `adequacy decision (${byClass.adequacy.join(", ")})`,
      tokens,
    );
  }
  return scored(RESIDENCY_POINTS.eu_eea, `all in EU/EEA (${unique.join(", ")})`, tokens);
}

/** Scores one answer. The question must already have passed template validation. Never throws on answers. */
export function evaluateQuestion(
  question: ScoringQuestion,
  raw: unknown,
  context: QuestionContext,
): QuestionEvaluation {
  if (isEmptyAnswer(raw)) return unanswered(question, "no answer");
  switch (question.type) {
    case "yes_no":
      return scoreYesNo(question, raw);
    case "single_choice":
      return scoreSingleChoice(question, raw, context.rules);
    case "multi_choice":
      return scoreMultiChoice(question, raw, context.rules);
    case "number":
      return scoreNumber(question, raw);
    case "date":
      return scoreDate(question, raw, context);
    case "text":
      return scoreText(question, raw);
    case "countries":
      return scoreCountries(question, raw, context);
  }
}
