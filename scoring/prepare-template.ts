// Method 1.1.0, step 1: validates a template and its options once and indexes everything that
// does not depend on the answers (weights after the profile, knock-out sets, indicators, best
// answers, the order of keys, the residency reference in force on `asOf`). A prepared template
// scores any number of answer sets with scorePrepared(). Pure; the result is frozen.

import { bestAnswerCandidate } from "./best-answer";
import { EvaluationCache } from "./evaluation-cache";
import { scoreCountriesByResidency } from "./countries-question";
import { METHOD_VERSION_1_0_0, METHOD_VERSION_1_1_0 } from "./method-version";
import { parseIsoDay } from "./iso-day";
import {
  prepareResidencyReference,
  residencyReferenceFromCodes,
  type PreparedResidencyReference,
} from "./residency";
import { DEFAULT_TIER_THRESHOLDS, validateTierThresholds } from "./risk-tier";
import { evaluateQuestion, isScoreable, type QuestionContext, type QuestionEvaluation } from "./score-question";
import { indicatorRule, validateIndicator } from "./transparency";
import {
  RESIDENCY_FLOW_KINDS,
  ScoringInputError,
  type CountryFlowDefaults,
  type ScoringOptions,
  type ScoringQuestion,
  type ScoringTemplate,
  type TierThresholds,
  type WeightProfileRef,
} from "./types";
import { validateScoringTemplate, isRecord } from "./validate-template";
import { applyWeightProfile, weightProfileRef } from "./weight-profile";

/** Options of a prepared template: everything but the per-assessment residency data. */
export type PrepareOptions = Omit<ScoringOptions, "residencyFlows" | "countryFlowDefaults">;

export interface PreparedBestAnswer {
  points: number;
  answer: string | number | string[];
  text: string;
}

export interface PreparedIndicator {
  domain: string;
  subdomain: string;
  awardWhen: ReadonlySet<string>;
  rule: string;
}

export interface PreparedQuestion {
  /** The question with the profile's weight applied. */
  question: ScoringQuestion;
  key: string;
  sectionKey: string;
  sectionIndex: number;
  weight: number;
  required: boolean;
  isCountries: boolean;
  knockOut: { when: ReadonlySet<string>; label: string } | null;
  indicator: PreparedIndicator | null;
  /** Null when no answer earns points. */
  best: PreparedBestAnswer | null;
  /** Position of the key among all question keys sorted (ties in explanations break by key). */
  keyRank: number;
  /** Scores answers of this question (no country-flow defaults), remembering repeated answers. */
  evaluator: QuestionEvaluator;
  /** Countries questions: evaluators per country-flow defaults (see countryFlowDefaultsKey). */
  countryEvaluators: Map<string, QuestionEvaluator> | null;
}

export interface QuestionEvaluator {
  cache: EvaluationCache;
  evaluate: (raw: unknown) => QuestionEvaluation;
}

export interface PreparedSection {
  key: string;
  weight: number;
  /** Flat indices of the section's questions, template order. */
  questionIndices: readonly number[];
  /** The same indices in key order: the order sums are taken in. */
  sumOrder: readonly number[];
}

/** A validated, indexed template for method 1.1.0. Treat as opaque; build it with prepareTemplate(). */
export interface PreparedTemplate {
  readonly methodVersion: typeof METHOD_VERSION_1_1_0;
  readonly sections: readonly PreparedSection[];
  /** All questions, template order. */
  readonly questions: readonly PreparedQuestion[];
  /** Section indices in key order. */
  readonly sectionSumOrder: readonly number[];
  readonly questionContext: QuestionContext;
  readonly residency: PreparedResidencyReference;
  readonly tierThresholds: TierThresholds;
  readonly weightProfile: WeightProfileRef | null;
  readonly hasIndicators: boolean;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function residencyReferenceOf(options: PrepareOptions): PreparedResidencyReference {
  if (options.adequacyDecisions === undefined) {
    return residencyReferenceFromCodes(options.euEeaCountries, options.adequacyCountries);
  }
  if (options.adequacyCountries !== undefined) {
    throw new ScoringInputError(
      "give either options.adequacyCountries or options.adequacyDecisions, not both",
    );
  }
  if (options.asOf === undefined) {
    throw new ScoringInputError("options.adequacyDecisions need options.asOf (YYYY-MM-DD)");
  }
  return prepareResidencyReference(
    { euEea: options.euEeaCountries, adequacy: options.adequacyDecisions },
    options.asOf,
    { euEea: "options.euEeaCountries", adequacy: "options.adequacyDecisions" },
  );
}

function validateResidencyFlowKind(question: ScoringQuestion, where: string): void {
  if (question.residencyFlowKind === undefined) return;
  if (question.type !== "countries") {
    throw new ScoringInputError(`${where}: residencyFlowKind only applies to countries questions`);
  }
  if (!(RESIDENCY_FLOW_KINDS as readonly string[]).includes(question.residencyFlowKind)) {
    throw new ScoringInputError(
      `${where}: residencyFlowKind must be one of ${RESIDENCY_FLOW_KINDS.join(", ")}`,
    );
  }
}

/** Scores one answer with method 1.1.0 rules (countries through the residency rating). */
export function evaluatePrepared(
  prepared: Pick<PreparedTemplate, "questionContext" | "residency">,
  question: ScoringQuestion,
  raw: unknown,
  defaults: CountryFlowDefaults,
): QuestionEvaluation {
  return question.type === "countries"
    ? scoreCountriesByResidency(question, raw, prepared.residency, defaults)
    : evaluateQuestion(question, raw, prepared.questionContext);
}

function makeEvaluator(
  prepared: Pick<PreparedTemplate, "questionContext" | "residency">,
  question: ScoringQuestion,
  defaults: CountryFlowDefaults,
): QuestionEvaluator {
  return {
    cache: new EvaluationCache(),
    evaluate: (raw) => evaluatePrepared(prepared, question, raw, defaults),
  };
}

/** "" for no defaults, else a key that tells different defaults apart. */
export function countryFlowDefaultsKey(defaults: CountryFlowDefaults): string {
  const { safeguard, recipient } = defaults;
  if (safeguard === undefined && recipient === undefined) return "";
  return `${safeguard ?? "-"}|${String(recipient?.dpfCertified)}|${String(recipient?.commercial)}`;
}

/** The evaluator of a question for the assessment's country-flow defaults. */
export function evaluatorFor(
  prepared: PreparedTemplate,
  question: PreparedQuestion,
  defaults: CountryFlowDefaults,
  defaultsKey: string,
): QuestionEvaluator {
  if (defaultsKey === "" || question.countryEvaluators === null) return question.evaluator;
  let evaluator = question.countryEvaluators.get(defaultsKey);
  if (!evaluator) {
    evaluator = makeEvaluator(prepared, question.question, { ...defaults });
    question.countryEvaluators.set(defaultsKey, evaluator);
  }
  return evaluator;
}

/**
 * Validates and indexes a template for method 1.1.0. Throws ScoringInputError for an invalid
 * template, weight profile, or options (with the offending place).
 */
export function prepareTemplate(template: ScoringTemplate, options: PrepareOptions): PreparedTemplate {
  if (!isRecord(options)) throw new ScoringInputError("options are required");
  if (options.methodVersion !== METHOD_VERSION_1_1_0) {
    const hint =
      options.methodVersion === METHOD_VERSION_1_0_0
        ? "; method 1.0.0 is scored by scoreAssessment()"
        : "";
    throw new ScoringInputError(
      `prepareTemplate computes method ${METHOD_VERSION_1_1_0}, got ${String(options.methodVersion)}${hint}`,
    );
  }
  let asOfDay: number | null = null;
  if (options.asOf !== undefined) {
    asOfDay = typeof options.asOf === "string" ? parseIsoDay(options.asOf) : null;
    if (asOfDay === null) {
      throw new ScoringInputError(`options.asOf must be a date YYYY-MM-DD, got ${String(options.asOf)}`);
    }
  }
  const tierThresholds = validateTierThresholds(options.tierThresholds ?? DEFAULT_TIER_THRESHOLDS);
  const residency = residencyReferenceOf(options);
  validateScoringTemplate(template, asOfDay !== null);
  const weighted =
    options.weightProfile === undefined ? template : applyWeightProfile(template, options.weightProfile);

  const questionContext: QuestionContext = Object.freeze({
    euEeaCountries: residency.euEea,
    adequacyCountries: new Set<string>(),
    asOfDay,
  });
  const evaluator = { questionContext, residency };

  const allKeys = weighted.sections.flatMap((section) => section.questions.map((question) => question.key));
  const rankOf = new Map([...allKeys].sort(byString).map((key, rank) => [key, rank]));

  const questions: PreparedQuestion[] = [];
  const sections: PreparedSection[] = weighted.sections.map((section, sectionIndex) => {
    const questionIndices: number[] = [];
    section.questions.forEach((question, questionIndex) => {
      const where = `sections[${sectionIndex}].questions[${questionIndex}] (${question.key})`;
      validateIndicator(question, where);
      validateResidencyFlowKind(question, where);
      const candidate = isScoreable(question)
        ? bestAnswerCandidate(question, asOfDay, residency)
        : null;
      const bestPoints = candidate
        ? evaluatePrepared(evaluator, question, candidate.answer, {}).points
        : null;
      const best =
        candidate && bestPoints !== null
          ? Object.freeze({
              points: bestPoints,
              answer: Array.isArray(candidate.answer)
                ? Object.freeze([...candidate.answer]) as string[]
                : candidate.answer,
              text: candidate.text,
            })
          : null;
      const indicator = question.indicator
        ? Object.freeze({
            domain: question.indicator.domain,
            subdomain: question.indicator.subdomain,
            awardWhen: new Set(question.indicator.awardWhen),
            rule: indicatorRule(question, question.indicator),
          })
        : null;
      questionIndices.push(questions.length);
      questions.push(
        Object.freeze({
          question,
          key: question.key,
          sectionKey: section.key,
          sectionIndex,
          weight: question.weight,
          required: question.required,
          isCountries: question.type === "countries",
          knockOut: question.knockOut
            ? Object.freeze({ when: new Set(question.knockOut.when), label: question.knockOut.label })
            : null,
          indicator,
          best,
          keyRank: rankOf.get(question.key)!,
          evaluator: makeEvaluator(evaluator, question, {}),
          countryEvaluators: question.type === "countries" ? new Map() : null,
        }),
      );
    });
    const sumOrder = [...questionIndices].sort((a, b) => questions[a]!.keyRank - questions[b]!.keyRank);
    return Object.freeze({
      key: section.key,
      weight: section.weight,
      questionIndices: Object.freeze(questionIndices),
      sumOrder: Object.freeze(sumOrder),
    });
  });
  const sectionSumOrder = sections
    .map((section, index) => ({ key: section.key, index }))
    .sort((a, b) => byString(a.key, b.key))
    .map(({ index }) => index);

  return Object.freeze({
    methodVersion: METHOD_VERSION_1_1_0,
    sections: Object.freeze(sections),
    questions: Object.freeze(questions),
    sectionSumOrder: Object.freeze(sectionSumOrder),
    questionContext,
    residency,
    tierThresholds,
    weightProfile: options.weightProfile === undefined ? null : weightProfileRef(options.weightProfile),
    hasIndicators: questions.some((question) => question.indicator !== null),
  });
}
