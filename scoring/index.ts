// Public API of the pure scoring library. Import only from here ("../../scoring" etc.).

export {
  SCORING_METHOD_VERSION,
  SUPPORTED_METHOD_VERSIONS,
  METHOD_VERSION_1_0_0,
  METHOD_VERSION_1_1_0,
  METHOD_VERSION_1_2_0,
} from "./method-version";
export type { PreparedMethodVersion } from "./method-version";
export {
  QUESTION_TYPES,
  YES_NO_VALUES,
  UNKNOWN_VALUE,
  NOT_APPLICABLE_VALUE,
  RESERVED_ANSWER_VALUES,
  RESIDENCY_CLASSES,
  RESIDENCY_RATING_CLASSES,
  COUNTRIES_ANSWER_TOKENS,
  RESIDENCY_FLOW_KINDS,
  TRANSFER_SAFEGUARDS,
  ADEQUACY_SCOPES,
  ScoringInputError,
} from "./types";
export type {
  QuestionType,
  YesNoValue,
  ResidencyClass,
  ResidencyRatingClass,
  ResidencyFlowKind,
  TransferSafeguard,
  FlowRecipient,
  ResidencyFlow,
  AdequacyScope,
  AdequacyDecisionRef,
  ResidencyReference,
  ResidencyFlowResult,
  ResidencyResult,
  ScoringIndicator,
  ScoringOption,
  ScoringKnockOut,
  ScoringStepThresholds,
  ScoringLinearThresholds,
  ScoringThresholds,
  ScoringQuestion,
  ScoringSection,
  ScoringTemplate,
  ScoringAnswers,
  RiskTier,
  TierThresholds,
  WeightProfile,
  WeightProfileError,
  WeightProfileRef,
  CountryFlowDefaults,
  ScoringOptions,
  ScoreAssessmentInput,
  QuestionStatus,
  QuestionResult,
  SectionResult,
  KnockOutResult,
  CompletenessResult,
  IndicatorResult,
  IndicatorCount,
  SubdomainCount,
  DomainCount,
  IndicatorCounts,
  TransparencyResult,
  ContributionEntry,
  ImprovementEntry,
  ScoreExplanation,
  SectionExplanation,
  KnockOutExplanation,
  TierExplanation,
  ScoringExplanation,
  ScoringResultV1_0,
  ScoringResultV1_1,
  ScoringResultV1_2,
  ScoringResult,
} from "./types";
export { scoreAssessment } from "./score-assessment";
export { validateScoringTemplate } from "./validate-template";
export { prepareTemplate } from "./prepare-template";
export type { PrepareOptions, PreparedTemplate } from "./prepare-template";
export { scorePrepared } from "./score-prepared";
export type { AssessmentResidencyInput } from "./score-prepared";
export { applyWeightProfile, validateWeightProfile, weightProfileChecksum } from "./weight-profile";
export { countIndicators } from "./transparency";
export type { CountableIndicator } from "./transparency";
export {
  RESIDENCY_CLASS_POINTS,
  classifyCountry,
  prepareResidencyReference,
  rateResidency,
  residencyClassLabel,
} from "./residency";
export type { CountryClassification, PreparedResidencyReference } from "./residency";
export { sha256Hex } from "./sha256";
export { canonicalJson } from "./canonical-json";
export { evaluateQuestion, isScoreable, roundTo } from "./score-question";
export type { AnswerRules, QuestionContext, QuestionEvaluation } from "./score-question";
export { parseIsoDay, formatIsoDay } from "./iso-day";
export {
  DEFAULT_TIER_THRESHOLDS,
  RISK_TIERS,
  riskTier,
  tierForScore,
  validateTierThresholds,
} from "./risk-tier";
