// Methods 1.1.0 and 1.2.0, step 1: validates a template and its options once and indexes everything that
// does not depend on the answers (weights after the profile, knock-out sets, indicators, best
// answers, the order of keys, the residency reference in force on `asOf`). A prepared template
// scores any number of answer sets with scorePrepared(). Pure. The prepared template is read-only
// by contract (not frozen: frozen arrays slow the hot loops down several times in V8); its only
// mutable parts are the evaluation memos.

import { bestAnswerCandidate } from "./best-answer";
import type { EvaluationCache } from "./evaluation-cache";
import type { AnswerKnockOut, PreparedAnswer } from "./prepared-answer";
import { evaluateAnswer, makeEvaluator, type QuestionEvaluator } from "./question-evaluator";
import {
  METHOD_VERSION_1_0_0,
  METHOD_VERSION_1_1_0,
  METHOD_VERSION_1_2_0,
  type PreparedMethodVersion,
} from "./method-version";
import { parseIsoDay } from "./iso-day";
import {
  prepareResidencyReference,
  residencyReferenceFromCodes,
  type PreparedResidencyReference,
} from "./residency";
import { DEFAULT_TIER_THRESHOLDS, validateTierThresholds } from "./risk-tier";
import { isScoreable, RULES_1_2_0, type QuestionContext } from "./score-question";
import {
  indicatorRule,
  planTransparency,
  validateIndicator,
  type TransparencyPlan,
} from "./transparency";
import {
  RESIDENCY_FLOW_KINDS,
  ScoringInputError,
  type CountryFlowDefaults,
  type IndicatorResult,
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
  knockOut: AnswerKnockOut | null;
  indicator: PreparedIndicator | null;
  /** The indicator's result entries, [not satisfied, satisfied] (frozen, shared by results). */
  indicatorResults: readonly [IndicatorResult, IndicatorResult] | null;
  /** Null when no answer earns points. */
  best: PreparedBestAnswer | null;
  /** Position of the key among all question keys sorted (ties in explanations break by key). */
  keyRank: number;
  /** Remembers the prepared answers of repeated answers (no country-flow defaults). */
  cache: EvaluationCache<PreparedAnswer>;
  /** Scores and prepares an answer of this question (no country-flow defaults). */
  evaluate: (raw: unknown) => PreparedAnswer;
  /** Countries questions: evaluators per country-flow defaults (see countryFlowDefaultsKey). */
  countryEvaluators: Map<string, QuestionEvaluator> | null;
}

export interface PreparedSection {
  key: string;
  weight: number;
  /** Flat indices of the section's questions, template order. */
  questionIndices: readonly number[];
  /** The same indices in key order: the order sums are taken in. */
  sumOrder: readonly number[];
}

/** A validated, indexed template for method 1.1.0 or 1.2.0. Treat as opaque; build it with prepareTemplate(). */
export interface PreparedTemplate {
  readonly methodVersion: PreparedMethodVersion;
  readonly sections: readonly PreparedSection[];
  /** All questions, template order. */
  readonly questions: readonly PreparedQuestion[];
  /** Section indices in key order. */
  readonly sectionSumOrder: readonly number[];
  /** Flat question indices in key order. */
  readonly keyOrder: Int32Array;
  readonly questionContext: QuestionContext;
  readonly residency: PreparedResidencyReference;
  readonly tierThresholds: TierThresholds;
  readonly weightProfile: WeightProfileRef | null;
  /** Null when no question carries an indicator. */
  readonly transparency: TransparencyPlan | null;
}

/** Orders unique keys by UTF-16 code units (template validation guarantees uniqueness). */
const byKey = (a: string, b: string): number => (a < b ? -1 : 1);

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

/** The evaluator of a question for the assessment's country-flow defaults ("" = none). */
export function evaluatorFor(
  prepared: PreparedTemplate,
  question: PreparedQuestion,
  defaults: CountryFlowDefaults,
  defaultsKey: string,
): QuestionEvaluator {
  if (defaultsKey === "" || question.countryEvaluators === null) return question;
  let evaluator = question.countryEvaluators.get(defaultsKey);
  if (!evaluator) {
    evaluator = makeEvaluator(
      prepared,
      question.question,
      question.knockOut,
      question.indicator?.awardWhen ?? null,
      { ...defaults },
    );
    question.countryEvaluators.set(defaultsKey, evaluator);
  }
  return evaluator;
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

const CHOICE_TYPES: readonly string[] = ["single_choice", "multi_choice"];

/**
 * Method 1.2.0's template fields: `knockOut.from` (a day; needs asOf) and options' `notApplicable`
 * (a boolean, choice questions only). Returns the knock-out's day (days since 1970-01-01) or null.
 * Method 1.1.0 never calls it: it ignores both fields, as it always did.
 */
function validateFields1_2(
  question: ScoringQuestion,
  where: string,
  hasAsOf: boolean,
): number | null {
  for (const [index, option] of (question.options ?? []).entries()) {
    if (option.notApplicable === undefined) continue;
    if (typeof option.notApplicable !== "boolean") {
      throw new ScoringInputError(`${where}.options[${index}]: notApplicable must be a boolean`);
    }
    if (!CHOICE_TYPES.includes(question.type)) {
      throw new ScoringInputError(
        `${where}.options[${index}]: notApplicable only applies to options of single_choice and multi_choice questions`,
      );
    }
  }
  const from: unknown = question.knockOut?.from;
  if (from === undefined) return null;
  const day = typeof from === "string" ? parseIsoDay(from) : null;
  if (day === null) {
    throw new ScoringInputError(
      `${where}: knockOut.from must be a date YYYY-MM-DD, got ${String(from)}`,
    );
  }
  if (!hasAsOf) {
    throw new ScoringInputError(`${where}: knockOut.from needs options.asOf (YYYY-MM-DD)`);
  }
  return day;
}

/**
 * Validates and indexes a template for method 1.1.0 or 1.2.0. Throws ScoringInputError for an
 * invalid template, weight profile, or options (with the offending place).
 */
export function prepareTemplate(
  template: ScoringTemplate,
  options: PrepareOptions,
): PreparedTemplate {
  if (!isRecord(options)) throw new ScoringInputError("options are required");
  const methodVersion = options.methodVersion;
  if (methodVersion !== METHOD_VERSION_1_1_0 && methodVersion !== METHOD_VERSION_1_2_0) {
    const hint =
      methodVersion === METHOD_VERSION_1_0_0 ? "; method 1.0.0 is scored by scoreAssessment()" : "";
    throw new ScoringInputError(
      `prepareTemplate computes methods ${METHOD_VERSION_1_1_0} and ${METHOD_VERSION_1_2_0}, got ${String(methodVersion)}${hint}`,
    );
  }
  const rules = methodVersion === METHOD_VERSION_1_2_0 ? RULES_1_2_0 : undefined;
  let asOfDay: number | null = null;
  if (options.asOf !== undefined) {
    asOfDay = typeof options.asOf === "string" ? parseIsoDay(options.asOf) : null;
    if (asOfDay === null) {
      throw new ScoringInputError(
        `options.asOf must be a date YYYY-MM-DD, got ${String(options.asOf)}`,
      );
    }
  }
  const tierThresholds = validateTierThresholds(options.tierThresholds ?? DEFAULT_TIER_THRESHOLDS);
  const residency = residencyReferenceOf(options);
  validateScoringTemplate(template, asOfDay !== null);
  const weighted =
    options.weightProfile === undefined
      ? template
      : applyWeightProfile(template, options.weightProfile);

  const questionContext: QuestionContext = {
    euEeaCountries: residency.euEea,
    adequacyCountries: new Set<string>(),
    asOfDay,
    ...(rules ? { rules } : {}),
  };
  const evaluator = { questionContext, residency };

  const allKeys = weighted.sections.flatMap((section) =>
    section.questions.map((question) => question.key),
  );
  const rankOf = new Map([...allKeys].sort(byKey).map((key, rank) => [key, rank]));

  const questions: PreparedQuestion[] = [];
  const sections: PreparedSection[] = weighted.sections.map((section, sectionIndex) => {
    const questionIndices: number[] = [];
    section.questions.forEach((question, questionIndex) => {
      const where = `sections[${sectionIndex}].questions[${questionIndex}] (${question.key})`;
      validateIndicator(question, where);
      validateResidencyFlowKind(question, where);
      const knockOutDay = rules ? validateFields1_2(question, where, asOfDay !== null) : null;
      const candidate = isScoreable(question)
        ? bestAnswerCandidate(question, asOfDay, residency, rules)
        : null;
      const bestPoints = candidate
        ? evaluateAnswer(evaluator, question, candidate.answer, {}).points
        : null;
      const best =
        candidate && bestPoints !== null
          ? {
              points: bestPoints,
              // Frozen: results share it (a small array that no hot loop iterates).
              answer: Array.isArray(candidate.answer)
                ? (Object.freeze([...candidate.answer]) as string[])
                : candidate.answer,
              text: candidate.text,
            }
          : null;
      const indicator = question.indicator
        ? {
            domain: question.indicator.domain,
            subdomain: question.indicator.subdomain,
            awardWhen: new Set(question.indicator.awardWhen),
            rule: indicatorRule(question, question.indicator),
          }
        : null;
      // Method 1.2.0: a knock-out dated after the reference day does not exist yet for this
      // assessment (prepared templates are per reference day): it neither caps nor is listed.
      const knockOutApplies = knockOutDay === null || (asOfDay !== null && asOfDay >= knockOutDay);
      const knockOut: AnswerKnockOut | null =
        question.knockOut && knockOutApplies
          ? {
              when: new Set(question.knockOut.when),
              label: question.knockOut.label,
              questionKey: question.key,
              sectionKey: section.key,
              appliesFrom: knockOutDay === null ? null : question.knockOut.from!,
            }
          : null;
      const indicatorResult = (satisfied: boolean): IndicatorResult =>
        Object.freeze({
          questionKey: question.key,
          domain: indicator!.domain,
          subdomain: indicator!.subdomain,
          satisfied,
          rule: indicator!.rule,
        });
      questionIndices.push(questions.length);
      questions.push({
        question,
        key: question.key,
        sectionKey: section.key,
        sectionIndex,
        weight: question.weight,
        required: question.required,
        knockOut,
        indicator,
        indicatorResults: indicator ? [indicatorResult(false), indicatorResult(true)] : null,
        best,
        keyRank: rankOf.get(question.key)!,
        ...makeEvaluator(evaluator, question, knockOut, indicator?.awardWhen ?? null, {}),
        countryEvaluators: question.type === "countries" ? new Map() : null,
      });
    });
    const sumOrder = [...questionIndices].sort(
      (a, b) => questions[a]!.keyRank - questions[b]!.keyRank,
    );
    return { key: section.key, weight: section.weight, questionIndices, sumOrder };
  });
  const sectionSumOrder = sections
    .map((section, index) => ({ key: section.key, index }))
    .sort((a, b) => byKey(a.key, b.key))
    .map(({ index }) => index);

  const keyOrder = new Int32Array(questions.length);
  questions.forEach((question, index) => {
    keyOrder[question.keyRank] = index;
  });
  return {
    methodVersion,
    sections,
    questions,
    sectionSumOrder,
    keyOrder,
    questionContext,
    residency,
    tierThresholds,
    weightProfile:
      options.weightProfile === undefined ? null : weightProfileRef(options.weightProfile),
    transparency: questions.some((question) => question.indicator !== null)
      ? planTransparency(
          questions.flatMap((question, questionIndex) =>
            question.indicator
              ? [
                  {
                    questionIndex,
                    domain: question.indicator.domain,
                    subdomain: question.indicator.subdomain,
                  },
                ]
              : [],
          ),
        )
      : null,
  };
}
