// Types of the pure scoring library. These are scoring's own input/output shapes: the app maps its
// stored template definitions onto them (see app/modules/questionnaires/template-definition.ts).
// Nothing in scoring/ may import from the app, a framework, Node built-ins, the environment or the clock.

/** The version of the scoring rules implemented by this library. Stored with every result. */
export const SCORING_METHOD_VERSION = "1.0.0";

/** Method versions this library can compute. An old result with another version cannot be reproduced here. */
export const SUPPORTED_METHOD_VERSIONS: readonly string[] = [SCORING_METHOD_VERSION];

export const QUESTION_TYPES = [
  "yes_no",
  "single_choice",
  "multi_choice",
  "number",
  "date",
  "text",
  "countries",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Answer values every yes/no question accepts. */
export const YES_NO_VALUES = ["yes", "partial", "no", "unknown", "na"] as const;
export type YesNoValue = (typeof YES_NO_VALUES)[number];

/** Reserved answer values: "unknown" (the respondent does not know) and "na" (not applicable). */
export const UNKNOWN_VALUE = "unknown";
export const NOT_APPLICABLE_VALUE = "na";
export const RESERVED_ANSWER_VALUES = [UNKNOWN_VALUE, NOT_APPLICABLE_VALUE] as const;

/** Residency classes of a country, from best to worst. Also usable as knock-out tokens. */
export const RESIDENCY_CLASSES = ["eu_eea", "adequacy", "third_country"] as const;
export type ResidencyClass = (typeof RESIDENCY_CLASSES)[number];

export interface ScoringOption {
  value: string;
  /** 0..1 */
  points: number;
  /** multi_choice only: this option cannot be combined with others (e.g. "none"). */
  exclusive?: boolean;
}

export interface ScoringKnockOut {
  /**
   * Answer tokens that trigger the knock-out. Tokens of an answer:
   * yes_no / single_choice: the value; multi_choice: every selected value;
   * countries: every country code, the residency class of every country ("eu_eea", "adequacy",
   * "third_country"), or "unknown" for an empty list; any type: "unknown" / "na" when answered so.
   */
  when: string[];
  label: string;
}

/** Step thresholds: the step with the greatest `min` that is ≤ the measured value applies. */
export interface ScoringStepThresholds {
  kind: "steps";
  steps: Array<{ min: number; points: number }>;
}

/** Linear thresholds: points run linearly from 0 to 1 between `min` and `max` (clamped). */
export interface ScoringLinearThresholds {
  kind: "linear";
  min: number;
  max: number;
  higherIsBetter: boolean;
}

export type ScoringThresholds = ScoringStepThresholds | ScoringLinearThresholds;

export interface ScoringQuestion {
  key: string;
  type: QuestionType;
  /** finite, ≥ 0 */
  weight: number;
  required: boolean;
  /** single_choice and multi_choice */
  options?: ScoringOption[];
  knockOut?: ScoringKnockOut;
  /**
   * number: applied to the answered number. date: applied to the age of the date in whole days
   * relative to `options.asOf` (negative for future dates). Without thresholds both are unscored.
   */
  thresholds?: ScoringThresholds;
}

export interface ScoringSection {
  key: string;
  /** finite, ≥ 0 */
  weight: number;
  questions: ScoringQuestion[];
}

export interface ScoringTemplate {
  sections: ScoringSection[];
}

/** Answers keyed by question key. Values are validated inside scoring; malformed ones never throw. */
export type ScoringAnswers = Record<string, unknown>;

export type RiskTier = "low" | "medium" | "high" | "critical";

/** Minimum overall score (0–100) of each tier; below `high` is "critical". */
export interface TierThresholds {
  low: number;
  medium: number;
  high: number;
}

export interface ScoringOptions {
  methodVersion: string;
  /** ISO 3166-1 alpha-2 codes of EU/EEA countries. */
  euEeaCountries: string[];
  /** ISO 3166-1 alpha-2 codes of countries with an EU adequacy decision. */
  adequacyCountries: string[];
  tierThresholds?: TierThresholds;
  /** Reference date (YYYY-MM-DD) for date thresholds. Required only when a date question has thresholds. */
  asOf?: string;
}

export interface ScoreAssessmentInput {
  template: ScoringTemplate;
  answers: ScoringAnswers;
  options: ScoringOptions;
}

/**
 * scored: the answer earned points (0..1).
 * not_applicable: answered "na"; leaves the denominator.
 * unanswered: no (valid) answer; a scored question counts as 0.
 * unknown: answered "unknown" (or an empty country list); counts as 0, reported apart from "no".
 * unscored: answered, but the question does not score (text, number/date without thresholds).
 */
export type QuestionStatus = "scored" | "not_applicable" | "unanswered" | "unknown" | "unscored";

export interface QuestionResult {
  key: string;
  sectionKey: string;
  /** 0..1 (4 decimals); null when not applicable, unscored or unanswered. */
  points: number | null;
  status: QuestionStatus;
  /** Short English explanation, e.g. "answer 'partial' → 0.5". */
  reason: string;
  weight: number;
  /** Overall percentage points this answer earned (points × its share of the overall score). */
  contributionToOverall: number;
  /** Overall percentage points the question could earn at best; max − contribution is what was lost. */
  maxContributionToOverall: number;
}

export interface SectionResult {
  key: string;
  /** 0–100 (2 decimals); null when nothing in the section scores or all its weights are 0. */
  score: number | null;
  weight: number;
  /** Applicable questions with a valid answer (scored, unknown or unscored). */
  answeredCount: number;
  /** Questions not answered "na". */
  applicableCount: number;
  unknownCount: number;
  questionCount: number;
}

export interface KnockOutResult {
  questionKey: string;
  label: string;
}

export interface CompletenessResult {
  required: number;
  /** Required questions with a valid answer (including "unknown" and "na"). */
  answeredRequired: number;
  /** answeredRequired / required (4 decimals); 1 when nothing is required. */
  ratio: number;
  /** In template order. */
  missingRequired: string[];
}

export interface ScoringResult {
  methodVersion: string;
  /** 0–100 (2 decimals); null when no section has a score. */
  overall: number | null;
  riskTier: RiskTier | null;
  /** Template order. */
  sections: SectionResult[];
  /** Template order (sections, then questions). */
  questions: QuestionResult[];
  /** Template order. */
  knockOuts: KnockOutResult[];
  completeness: CompletenessResult;
}

/** Thrown for invalid configuration or template input (negative/NaN weights, bad thresholds …), never for answers. */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoringInputError";
  }
}
