// Types of the pure scoring library. These are scoring's own input/output shapes: the app maps its
// stored template definitions onto them (see app/modules/questionnaires/template-definition.ts).
// Nothing in scoring/ may import from the app, a framework, Node built-ins, the environment or the clock.

export { SCORING_METHOD_VERSION, SUPPORTED_METHOD_VERSIONS } from "./method-version";

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

/**
 * Residency classes of a country in method 1.0.0, from best to worst. Knock-out tokens of countries
 * questions in every method version ("third_country" matches any third-country class in 1.1.0).
 */
export const RESIDENCY_CLASSES = ["eu_eea", "adequacy", "third_country"] as const;
export type ResidencyClass = (typeof RESIDENCY_CLASSES)[number];

/**
 * Residency rating classes (method 1.1.0), from best to worst. "unknown" is the worst class but is
 * reported apart from "third_country_no_safeguards".
 */
export const RESIDENCY_RATING_CLASSES = [
  "eu_eea",
  "adequacy",
  "third_country_safeguards",
  "third_country_no_safeguards",
  "unknown",
] as const;
export type ResidencyRatingClass = (typeof RESIDENCY_RATING_CLASSES)[number];

/** Every knock-out/indicator token a countries question can produce besides country codes and "unknown"/"na". */
export const COUNTRIES_ANSWER_TOKENS = [
  ...new Set<string>([...RESIDENCY_CLASSES, ...RESIDENCY_RATING_CLASSES]),
] as readonly string[];

export const RESIDENCY_FLOW_KINDS = [
  "storage",
  "processing",
  "support",
  "inference",
  "backup",
  "subprocessor",
] as const;
export type ResidencyFlowKind = (typeof RESIDENCY_FLOW_KINDS)[number];

export const TRANSFER_SAFEGUARDS = ["scc", "bcr", "none", "unknown"] as const;
/** scc: standard contractual clauses; bcr: binding corporate rules. */
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];

export interface FlowRecipient {
  /** Certified under the EU-US Data Privacy Framework (needed for the US decision). */
  dpfCertified?: boolean;
  /** A commercial organisation (needed for the Canadian decision). */
  commercial?: boolean;
}

/** One place personal data goes: where it is stored, processed, supported from, inferred on, backed up, or a sub-processor. */
export interface ResidencyFlow {
  kind: ResidencyFlowKind;
  label: string;
  /** ISO 3166-1 alpha-2 (any case) or "unknown". Anything else is rated "unknown" with a reason. */
  country: string;
  /**
   * Transfer safeguard for a third country. Absent: none declared (rated like "none");
   * "unknown": the respondent does not know (rated "unknown").
   */
  safeguard?: TransferSafeguard;
  recipient?: FlowRecipient;
}

export const ADEQUACY_SCOPES = ["whole", "dpf_certified_only", "commercial_only"] as const;
export type AdequacyScope = (typeof ADEQUACY_SCOPES)[number];

/** An EU adequacy decision (GDPR Art. 45) as the residency rating needs it. */
export interface AdequacyDecisionRef {
  /** ISO 3166-1 alpha-2. */
  code: string;
  scope: AdequacyScope;
  /** YYYY-MM-DD, first day in force. */
  validFrom: string;
  /** YYYY-MM-DD, last day in force (inclusive); absent while in force. */
  validUntil?: string;
  /**
   * Whom the decision covers, in words, where its scope limits it (e.g. Japan: private-sector
   * operators under the APPI; Korea: its exclusions). Shown in a flow's reason; never changes a class.
   */
  scopeNote?: string;
}

export interface ResidencyReference {
  /** ISO codes of EU/EEA states. */
  euEea: string[];
  adequacy: AdequacyDecisionRef[];
}

export interface ResidencyFlowResult {
  /** Position in the input list. */
  index: number;
  kind: ResidencyFlowKind;
  label: string;
  /** Upper-cased ISO code, or "unknown". */
  country: string;
  class: ResidencyRatingClass;
  points: number;
  reason: string;
}

export interface ResidencyResult {
  /** The worst flow's class ("unknown" when no flow is declared). */
  rating: ResidencyRatingClass;
  points: number;
  /** Worst class among flows that are not "unknown"; null when every flow is unknown. */
  ratingOfKnownFlows: ResidencyRatingClass | null;
  reason: string;
  /** Indices of the flows that set the rating (all flows of the worst class). */
  setBy: number[];
  /** Number of flows per class, in class order. */
  counts: Record<ResidencyRatingClass, number>;
  /** Input order. */
  flows: ResidencyFlowResult[];
}

/** A binary transparency indicator (FMTI-style) carried by a question. */
export interface ScoringIndicator {
  domain: string;
  subdomain: string;
  /** Satisfied when the answer's value (or one selected value / residency class) is in this list. */
  awardWhen: string[];
  /** The award rule in words; generated from `awardWhen` when absent. */
  rule?: string;
}

export interface ScoringOption {
  value: string;
  /** 0..1 */
  points: number;
  /** multi_choice only: this option cannot be combined with others (e.g. "none"). */
  exclusive?: boolean;
  /**
   * Method 1.2.0, single_choice and multi_choice: choosing this option makes the question not
   * applicable, like the reserved answer "na" (ignored by 1.1.0).
   */
  notApplicable?: boolean;
}

export interface ScoringKnockOut {
  /**
   * Answer tokens that trigger the knock-out. Tokens of an answer:
   * yes_no / single_choice: the value; multi_choice: every selected value;
   * countries: every country code, the residency class of every country ("eu_eea", "adequacy",
   * "third_country"; method 1.1.0 adds "third_country_safeguards", "third_country_no_safeguards"
   * and "unknown"), or "unknown" for an empty list; any type: "unknown" / "na" when answered so.
   */
  when: string[];
  label: string;
  /**
   * Method 1.2.0: YYYY-MM-DD; the knock-out applies only when `options.asOf` is on or after this
   * day (needs `options.asOf`; ignored by 1.1.0).
   */
  from?: string;
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
  /** Method 1.1.0: transparency indicator (yes_no, single_choice, multi_choice, countries). */
  indicator?: ScoringIndicator;
  /**
   * Method 1.1.0, countries questions: which kind of data flow the listed countries are. Validated
   * and kept for callers that build `residencyFlows` from answers; it does not change the points.
   */
  residencyFlowKind?: ResidencyFlowKind;
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

/** A named set of weight overrides (e.g. "health data"): only the ratios of weights matter. */
export interface WeightProfile {
  id: string;
  name: string;
  /** Section key → weight (finite, ≥ 0). Sections not listed keep the template weight. */
  sectionWeights?: Record<string, number>;
  /** Question key → weight (finite, ≥ 0). Questions not listed keep the template weight. */
  questionWeights?: Record<string, number>;
}

export interface WeightProfileError {
  /** Where: "id", "name", "sectionWeights", "sectionWeights.<key>", "questionWeights.<key>" … */
  path: string;
  message: string;
}

/** Safeguard and recipient assumed for the flows a countries question declares (method 1.1.0). */
export interface CountryFlowDefaults {
  safeguard?: TransferSafeguard;
  recipient?: FlowRecipient;
}

export interface ScoringOptions {
  methodVersion: string;
  /** ISO 3166-1 alpha-2 codes of EU/EEA countries. */
  euEeaCountries: string[];
  /**
   * ISO 3166-1 alpha-2 codes of countries with a whole-country EU adequacy decision. Required by
   * method 1.0.0; in 1.1.0 give either this or `adequacyDecisions`.
   */
  adequacyCountries?: string[];
  /** Method 1.1.0: dated, scoped adequacy decisions (needs `asOf`). */
  adequacyDecisions?: AdequacyDecisionRef[];
  tierThresholds?: TierThresholds;
  /**
   * Reference date (YYYY-MM-DD) for date thresholds and for the adequacy decisions in force.
   * Required when a date question has thresholds or `adequacyDecisions` are given.
   */
  asOf?: string;
  /** Method 1.1.0: weight overrides; recorded in the result as id and checksum. */
  weightProfile?: WeightProfile;
  /** Method 1.1.0: the product's data flows; the result then carries a residency rating. */
  residencyFlows?: ResidencyFlow[];
  /** Method 1.1.0: safeguard/recipient for the flows of countries questions (default: none declared). */
  countryFlowDefaults?: CountryFlowDefaults;
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

/** The result shape of method 1.0.0 (and the common part of every later version). */
export interface ScoringResultV1_0 {
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

export interface IndicatorResult {
  questionKey: string;
  domain: string;
  subdomain: string;
  satisfied: boolean;
  rule: string;
}

export interface IndicatorCount {
  /** Indicators satisfied: the FMTI score of this group. */
  satisfied: number;
  /** Indicators in this group. */
  total: number;
}

export interface SubdomainCount extends IndicatorCount {
  subdomain: string;
}

export interface DomainCount extends IndicatorCount {
  domain: string;
  /** Order of first appearance. */
  subdomains: SubdomainCount[];
}

/** FMTI counting: `satisfied` is the index score (number of indicators satisfied), `total` the number of indicators. */
export interface IndicatorCounts extends IndicatorCount {
  /** Order of first appearance. */
  byDomain: DomainCount[];
}

export interface TransparencyResult extends IndicatorCounts {
  /** Template order. */
  indicators: IndicatorResult[];
}

/** One question's share of the overall score, in percentage points of the overall score (2 decimals). */
export interface ContributionEntry {
  questionKey: string;
  sectionKey: string;
  status: QuestionStatus;
  points: number | null;
  /** Overall points this answer earned (= the question's contributionToOverall). */
  earned: number;
  /** Overall points the question carries (= maxContributionToOverall). */
  max: number;
  /** max − earned: what the answer lost. */
  lost: number;
}

/** An answer change that would raise a score, with the points it gains. */
export interface ImprovementEntry {
  questionKey: string;
  sectionKey: string;
  /** Current points (0 for unanswered/unknown). */
  currentPoints: number;
  /** Best points any answer can earn. */
  bestPoints: number;
  /** An answer value that earns `bestPoints`. */
  bestAnswer: string | number | string[];
  /** The best answer in words. */
  bestAnswerText: string;
  /** Overall points gained: the best answer's contribution − the current one (2 decimals). */
  gain: number;
}

/**
 * What moved a score, in percentage points of the overall score (the unit the overall score and
 * every contributionToOverall use). A section's lists are the overall lists restricted to it.
 */
export interface ScoreExplanation {
  score: number | null;
  /**
   * Questions that carry a share of the overall score (scored, unknown, unanswered-but-scoreable,
   * weight > 0), largest lost points first, ties by question key.
   */
  contributions: ContributionEntry[];
  /** "What would raise this score most": at most 10, largest gain first, ties by question key; gains > 0 only. */
  improvements: ImprovementEntry[];
}

export interface SectionExplanation extends ScoreExplanation {
  sectionKey: string;
  /**
   * Overall points the section carries (its normalised weight × 100; 0 when it has no score).
   * Section points = overall points × 100 / share.
   */
  share: number;
}

export interface KnockOutExplanation {
  questionKey: string;
  sectionKey: string;
  label: string;
  /** The answer tokens that matched the knock-out's `when` list (sorted). */
  matched: string[];
  /** The question's own explanation of the answer. */
  answerReason: string;
  reason: string;
  /** Method 1.2.0: the day the knock-out applies from (only when the template gives one). */
  appliesFrom?: string;
}

export interface TierExplanation {
  tier: RiskTier | null;
  overall: number | null;
  thresholds: TierThresholds;
  /** The tier the overall score alone gives. */
  scoreTier: RiskTier | null;
  /** The threshold the overall score reached; null below the "high" threshold or without a score. */
  threshold: { tier: Exclude<RiskTier, "critical">; min: number } | null;
  /** Knock-out question keys that lowered the tier (template order); empty when they did not. */
  cappedBy: string[];
  reason: string;
}

export interface ScoringExplanation {
  overall: ScoreExplanation;
  /** Template order. */
  sections: SectionExplanation[];
  /** Template order. */
  knockOuts: KnockOutExplanation[];
  tier: TierExplanation;
}

export interface WeightProfileRef {
  id: string;
  /** "sha256:" + hex digest of the profile's canonical JSON. */
  checksum: string;
}

/** The result of method 1.1.0. */
export interface ScoringResultV1_1 extends ScoringResultV1_0 {
  weightProfile: WeightProfileRef | null;
  /** Null when no question carries an indicator. */
  transparency: TransparencyResult | null;
  /** Null when no `residencyFlows` were given. */
  residency: ResidencyResult | null;
  explanation: ScoringExplanation;
}

/** The result of method 1.2.0: the shape of 1.1.0 (the rules differ, see method-version.ts). */
export type ScoringResultV1_2 = ScoringResultV1_1;

/** A result of any supported method version: the fields after `completeness` exist from 1.1.0 on. */
export type ScoringResult = ScoringResultV1_0 &
  Partial<Omit<ScoringResultV1_1, keyof ScoringResultV1_0>>;

/** Thrown for invalid configuration or template input (negative/NaN weights, bad thresholds …), never for answers. */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoringInputError";
  }
}
