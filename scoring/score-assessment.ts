// Scores a whole assessment: questions → sections → overall → risk tier, with knock-outs,
// completeness and a per-question explanation. Pure and deterministic: the same input gives a
// byte-identical JSON.stringify of the result. Arrays follow template order; numbers are rounded
// explicitly (scores and contributions to 2 decimals, points and ratios to 4).

import { DEFAULT_TIER_THRESHOLDS, riskTier, validateTierThresholds } from "./risk-tier";
import {
  evaluateQuestion,
  parseIsoDay,
  roundTo,
  type QuestionContext,
  type QuestionEvaluation,
} from "./score-question";
import {
  QUESTION_TYPES,
  SUPPORTED_METHOD_VERSIONS,
  ScoringInputError,
  type CompletenessResult,
  type KnockOutResult,
  type QuestionResult,
  type ScoreAssessmentInput,
  type ScoringOptions,
  type ScoringQuestion,
  type ScoringResult,
  type ScoringSection,
  type ScoringTemplate,
  type SectionResult,
  type TierThresholds,
} from "./types";

const SCORE_DECIMALS = 2;
const RATIO_DECIMALS = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function assertWeight(weight: unknown, where: string): asserts weight is number {
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
    throw new ScoringInputError(
      `${where}: weight must be a finite number ≥ 0, got ${String(weight)}`,
    );
  }
}

function assertPoints(points: unknown, where: string): asserts points is number {
  if (typeof points !== "number" || !Number.isFinite(points) || points < 0 || points > 1) {
    throw new ScoringInputError(
      `${where}: points must be a number between 0 and 1, got ${String(points)}`,
    );
  }
}

function validateQuestion(question: ScoringQuestion, where: string, hasAsOf: boolean): void {
  if (!isRecord(question)) throw new ScoringInputError(`${where}: question must be an object`);
  if (!(QUESTION_TYPES as readonly string[]).includes(question.type)) {
    throw new ScoringInputError(`${where}: unknown question type ${String(question.type)}`);
  }
  assertWeight(question.weight, where);
  if (typeof question.required !== "boolean") {
    throw new ScoringInputError(`${where}: required must be a boolean`);
  }
  if (question.options !== undefined) {
    if (!Array.isArray(question.options))
      throw new ScoringInputError(`${where}: options must be a list`);
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      const at = `${where}.options[${index}]`;
      if (!isRecord(option) || typeof option.value !== "string" || option.value === "") {
        throw new ScoringInputError(`${at}: option value must be a non-empty string`);
      }
      if (seen.has(option.value))
        throw new ScoringInputError(`${at}: duplicate option value '${option.value}'`);
      seen.add(option.value);
      assertPoints(option.points, at);
    });
  }
  if (
    (question.type === "single_choice" || question.type === "multi_choice") &&
    !question.options?.length
  ) {
    throw new ScoringInputError(`${where}: ${question.type} questions need options`);
  }
  const thresholds = question.thresholds;
  if (thresholds !== undefined) {
    if (question.type !== "number" && question.type !== "date") {
      throw new ScoringInputError(`${where}: thresholds only apply to number and date questions`);
    }
    if (!isRecord(thresholds))
      throw new ScoringInputError(`${where}: thresholds must be an object`);
    if (thresholds.kind === "steps") {
      if (!Array.isArray(thresholds.steps) || thresholds.steps.length === 0) {
        throw new ScoringInputError(`${where}: step thresholds need at least one step`);
      }
      const mins = new Set<number>();
      thresholds.steps.forEach((step, index) => {
        const at = `${where}.thresholds.steps[${index}]`;
        if (!isRecord(step) || typeof step.min !== "number" || !Number.isFinite(step.min)) {
          throw new ScoringInputError(`${at}: min must be a finite number`);
        }
        if (mins.has(step.min)) throw new ScoringInputError(`${at}: duplicate min ${step.min}`);
        mins.add(step.min);
        assertPoints(step.points, at);
      });
    } else if (thresholds.kind === "linear") {
      const { min, max } = thresholds;
      if (
        typeof min !== "number" ||
        typeof max !== "number" ||
        !Number.isFinite(min) ||
        !Number.isFinite(max) ||
        !(max > min)
      ) {
        throw new ScoringInputError(`${where}: linear thresholds need finite min < max`);
      }
      if (typeof thresholds.higherIsBetter !== "boolean") {
        throw new ScoringInputError(`${where}: linear thresholds need higherIsBetter`);
      }
    } else {
      throw new ScoringInputError(`${where}: thresholds kind must be 'steps' or 'linear'`);
    }
    if (question.type === "date" && !hasAsOf) {
      throw new ScoringInputError(`${where}: date thresholds need options.asOf (YYYY-MM-DD)`);
    }
  }
  if (question.knockOut !== undefined) {
    const knockOut = question.knockOut;
    if (
      !isRecord(knockOut) ||
      !Array.isArray(knockOut.when) ||
      !knockOut.when.every((token) => typeof token === "string") ||
      typeof knockOut.label !== "string"
    ) {
      throw new ScoringInputError(
        `${where}: knockOut needs a list of answer values 'when' and a 'label'`,
      );
    }
  }
}

/** Checks the template's structure and weights; throws ScoringInputError with the offending place. */
export function validateScoringTemplate(template: ScoringTemplate, hasAsOf: boolean): void {
  if (!isRecord(template) || !Array.isArray(template.sections)) {
    throw new ScoringInputError("template: sections must be a list");
  }
  const sectionKeys = new Set<string>();
  const questionKeys = new Set<string>();
  template.sections.forEach((section: ScoringSection, sectionIndex) => {
    const where = `sections[${sectionIndex}]`;
    if (!isRecord(section) || typeof section.key !== "string" || section.key === "") {
      throw new ScoringInputError(`${where}: section key must be a non-empty string`);
    }
    if (sectionKeys.has(section.key))
      throw new ScoringInputError(`${where}: duplicate section key '${section.key}'`);
    sectionKeys.add(section.key);
    assertWeight(section.weight, `${where} (${section.key})`);
    if (!Array.isArray(section.questions))
      throw new ScoringInputError(`${where}: questions must be a list`);
    section.questions.forEach((question, questionIndex) => {
      const at = `${where}.questions[${questionIndex}]`;
      if (!isRecord(question) || typeof question.key !== "string" || question.key === "") {
        throw new ScoringInputError(`${at}: question key must be a non-empty string`);
      }
      if (questionKeys.has(question.key))
        throw new ScoringInputError(`${at}: duplicate question key '${question.key}'`);
      questionKeys.add(question.key);
      validateQuestion(question, `${at} (${question.key})`, hasAsOf);
    });
  });
}

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

function normalizeOptions(options: ScoringOptions): NormalizedOptions {
  if (!isRecord(options)) throw new ScoringInputError("options are required");
  if (!SUPPORTED_METHOD_VERSIONS.includes(options.methodVersion)) {
    throw new ScoringInputError(
      `unsupported scoring method version ${String(options.methodVersion)} (supported: ${SUPPORTED_METHOD_VERSIONS.join(", ")})`,
    );
  }
  let asOfDay: number | null = null;
  if (options.asOf !== undefined) {
    asOfDay = typeof options.asOf === "string" ? parseIsoDay(options.asOf) : null;
    if (asOfDay === null)
      throw new ScoringInputError(
        `options.asOf must be a date YYYY-MM-DD, got ${String(options.asOf)}`,
      );
  }
  return {
    methodVersion: options.methodVersion,
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

/** Scores an assessment. Throws ScoringInputError for invalid templates or options, never for answers. */
export function scoreAssessment(input: ScoreAssessmentInput): ScoringResult {
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
