// Method 1.0.0, frozen: scores a whole assessment exactly as the library did before 1.1.0 —
// questions → sections → overall → risk tier, with knock-outs, completeness and a per-question
// explanation. Do not change this file: results stored with method 1.0.0 must stay reproducible
// byte for byte (scoring/fixtures/method-1.0.0 and score-assessment-1-0-0.test.ts guard it).
// Arrays follow template order; numbers are rounded explicitly (scores and contributions to
// 2 decimals, points and ratios to 4).

import { DEFAULT_TIER_THRESHOLDS, riskTier, validateTierThresholds } from "./risk-tier";
import {
  evaluateQuestion,
  parseIsoDay,
  roundTo,
  type QuestionContext,
  type QuestionEvaluation,
} from "./score-question";
import {
  ScoringInputError,
  type CompletenessResult,
  type KnockOutResult,
  type QuestionResult,
  type ScoreAssessmentInput,
  type ScoringOptions,
  type ScoringQuestion,
  type ScoringResultV1_0,
  type ScoringSection,
  type SectionResult,
  type TierThresholds,
} from "./types";
import { isRecord, validateScoringTemplate } from "./validate-template";
import { METHOD_VERSION_1_0_0 } from "./method-version";

const SCORE_DECIMALS = 2;
const RATIO_DECIMALS = 4;

function countrySet(codes: unknown, name: string): Set<string> {
  if (!Array.isArray(codes) || !codes.every((code) => typeof code === "string")) {
    throw new ScoringInputError(`options.${name} must be a list of ISO country codes`);
  }
  return new Set(codes.map((code: string) => code.trim().toUpperCase()));
}

interface NormalizedOptions {
  methodVersion: string;
  context: QuestionContext;
  tierThresholds: TierThresholds;
}

/** scoreAssessment() has already checked that options is an object naming method 1.0.0. */
function normalizeOptions(options: ScoringOptions): NormalizedOptions {
  let asOfDay: number | null = null;
  if (options.asOf !== undefined) {
    asOfDay = typeof options.asOf === "string" ? parseIsoDay(options.asOf) : null;
    if (asOfDay === null)
      throw new ScoringInputError(
        `options.asOf must be a date YYYY-MM-DD, got ${String(options.asOf)}`,
      );
  }
  return {
    methodVersion: METHOD_VERSION_1_0_0,
    context: {
      euEeaCountries: countrySet(options.euEeaCountries, "euEeaCountries"),
      adequacyCountries: countrySet(options.adequacyCountries, "adequacyCountries"),
      asOfDay,
    },
    tierThresholds: validateTierThresholds(options.tierThresholds ?? DEFAULT_TIER_THRESHOLDS),
  };
}

interface EvaluatedQuestion {
  question: ScoringQuestion;
  sectionKey: string;
  evaluation: QuestionEvaluation;
}

interface EvaluatedSection {
  section: ScoringSection;
  questions: EvaluatedQuestion[];
  /** Σ weights of questions in the denominator. */
  weightSum: number;
  /** Unrounded 0..1, null when nothing scores. */
  fraction: number | null;
}

function answerOf(answers: unknown, key: string): unknown {
  if (!isRecord(answers)) return undefined;
  return Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined;
}

/** Scores an assessment with method 1.0.0. Throws ScoringInputError for invalid templates or options, never for answers. */
export function scoreAssessmentV1_0(input: ScoreAssessmentInput): ScoringResultV1_0 {
  const { template, answers } = input;
  const options = normalizeOptions(input.options);
  validateScoringTemplate(template, options.context.asOfDay !== null);

  const sections: EvaluatedSection[] = template.sections.map((section) => {
    const questions = section.questions.map((question) => ({
      question,
      sectionKey: section.key,
      evaluation: evaluateQuestion(question, answerOf(answers, question.key), options.context),
    }));
    let weightSum = 0;
    let earned = 0;
    let counted = 0;
    for (const { question, evaluation } of questions) {
      if (!evaluation.countsInScore) continue;
      counted += 1;
      weightSum += question.weight;
      earned += question.weight * (evaluation.points ?? 0);
    }
    const fraction = counted > 0 && weightSum > 0 ? earned / weightSum : null;
    return { section, questions, weightSum, fraction };
  });

  let overallWeightSum = 0;
  let overallEarned = 0;
  let scoredSections = 0;
  for (const { section, fraction } of sections) {
    if (fraction === null) continue;
    scoredSections += 1;
    overallWeightSum += section.weight;
    overallEarned += section.weight * fraction;
  }
  const overallFraction =
    scoredSections > 0 && overallWeightSum > 0 ? overallEarned / overallWeightSum : null;
  const overall = overallFraction === null ? null : roundTo(overallFraction * 100, SCORE_DECIMALS);

  const questionResults: QuestionResult[] = [];
  const knockOuts: KnockOutResult[] = [];
  const missingRequired: string[] = [];
  let required = 0;
  let answeredRequired = 0;

  const sectionResults: SectionResult[] = sections.map(
    ({ section, questions, weightSum, fraction }) => {
      // Share of the overall score (in percentage points) this section carries.
      const sectionShare =
        overallFraction !== null && fraction !== null && overallWeightSum > 0
          ? (section.weight / overallWeightSum) * 100
          : 0;
      let answeredCount = 0;
      let applicableCount = 0;
      let unknownCount = 0;
      for (const { question, sectionKey, evaluation } of questions) {
        const applicable = evaluation.status !== "not_applicable";
        const answered = evaluation.status !== "unanswered";
        if (applicable) applicableCount += 1;
        if (applicable && answered) answeredCount += 1;
        if (evaluation.status === "unknown") unknownCount += 1;
        if (question.required) {
          required += 1;
          if (answered) answeredRequired += 1;
          else missingRequired.push(question.key);
        }
        const share =
          evaluation.countsInScore && weightSum > 0
            ? sectionShare * (question.weight / weightSum)
            : 0;
        questionResults.push({
          key: question.key,
          sectionKey,
          points: evaluation.points,
          status: evaluation.status,
          reason: evaluation.reason,
          weight: question.weight,
          contributionToOverall: roundTo(share * (evaluation.points ?? 0), SCORE_DECIMALS),
          maxContributionToOverall: roundTo(share, SCORE_DECIMALS),
        });
        const knockOut = question.knockOut;
        if (knockOut && evaluation.tokens.some((token) => knockOut.when.includes(token))) {
          knockOuts.push({ questionKey: question.key, label: knockOut.label });
        }
      }
      return {
        key: section.key,
        score: fraction === null ? null : roundTo(fraction * 100, SCORE_DECIMALS),
        weight: section.weight,
        answeredCount,
        applicableCount,
        unknownCount,
        questionCount: questions.length,
      };
    },
  );

  const completeness: CompletenessResult = {
    required,
    answeredRequired,
    ratio: required === 0 ? 1 : roundTo(answeredRequired / required, RATIO_DECIMALS),
    missingRequired,
  };

  return {
    methodVersion: options.methodVersion,
    overall,
    riskTier: riskTier(overall, knockOuts.length > 0, options.tierThresholds),
    sections: sectionResults,
    questions: questionResults,
    knockOuts,
    completeness,
  };
}
