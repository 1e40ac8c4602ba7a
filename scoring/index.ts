// Public API of the pure scoring library. Import only from here ("../../scoring" etc.).

export {
  SCORING_METHOD_VERSION,
  SUPPORTED_METHOD_VERSIONS,
  QUESTION_TYPES,
  YES_NO_VALUES,
  UNKNOWN_VALUE,
  NOT_APPLICABLE_VALUE,
  RESERVED_ANSWER_VALUES,
  RESIDENCY_CLASSES,
  ScoringInputError,
} from "./types";
export type {
  QuestionType,
  YesNoValue,
  ResidencyClass,
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
  ScoringOptions,
  ScoreAssessmentInput,
  QuestionStatus,
  QuestionResult,
  SectionResult,
  KnockOutResult,
  CompletenessResult,
  ScoringResult,
} from "./types";
export { scoreAssessment, validateScoringTemplate } from "./score-assessment";
export { evaluateQuestion, isScoreable, parseIsoDay, roundTo } from "./score-question";
export type { QuestionContext, QuestionEvaluation } from "./score-question";
export {
  DEFAULT_TIER_THRESHOLDS,
  RISK_TIERS,
  riskTier,
  tierForScore,
  validateTierThresholds,
} from "./risk-tier";
