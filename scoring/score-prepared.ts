// Method 1.1.0, step 2: scores one answer set against a prepared template — questions → sections →
// overall → risk tier, knock-outs, completeness, transparency index, residency rating and the
// explanations. Deterministic: the same prepared template, answers and residency data give a
// byte-identical JSON.stringify of the result. Sums are taken in key order, so the order of
// questions in the template never matters. Never throws on answers.
//
// Results of one prepared template share a few frozen sub-objects (knock-out and indicator
// entries, best answers); everything else is created per result.
//
// The explanation is built when it is first read (explain-result.ts) and then remembered:
// `explanation` is an own, enumerable accessor in the place the data property had, so
// JSON.stringify, spreads, structuredClone and deep equality see exactly the object the eager
// implementation built (issue 12: most callers read the scores alone, and the explanation cost
// about as much as the scores). The accessor stays (turning it into a data property on first read
// would switch the object to slow dictionary mode).

import { explainResult, type ScoredAnswers } from "./explain-result";
import { questionShare, sectionPoints } from "./overall-share";
import { evaluatorFor, type PreparedTemplate } from "./prepare-template";
import type { PreparedAnswer } from "./prepared-answer";
import { countryFlowDefaultsKey } from "./question-evaluator";
import { rateResidencyPrepared, validateRecipient, validateResidencyFlows } from "./residency";
import { riskTier } from "./risk-tier";
import { hundredths, roundTo } from "./round";
import { countPlannedIndicators } from "./transparency";
import {
  ScoringInputError,
  TRANSFER_SAFEGUARDS,
  type CountryFlowDefaults,
  type IndicatorResult,
  type KnockOutResult,
  type QuestionResult,
  type ResidencyFlow,
  type ScoringAnswers,
  type ScoringExplanation,
  type ScoringResultV1_1,
  type SectionResult,
  type TransparencyResult,
} from "./types";
import { isRecord } from "./validate-template";

const SCORE_DECIMALS = 2;
const RATIO_DECIMALS = 4;

/** Per-assessment data besides the answers. */
export interface AssessmentResidencyInput {
  /** The product's data flows; the result then carries a residency rating. */
  residencyFlows?: ResidencyFlow[];
  /** Safeguard/recipient for the flows of countries questions. */
  countryFlowDefaults?: CountryFlowDefaults;
  /**
   * Keys of questions that are not required in this assessment whatever the template says (the
   * app's questions hidden by a show-if rule): the result is the one of the template with these
   * questions' `required` set to false, so one prepared template serves every show-if outcome.
   */
  notRequired?: ReadonlySet<string>;
}

const hasOwn = Object.prototype.hasOwnProperty;

const NO_DEFAULTS: CountryFlowDefaults = Object.freeze({});

function defaultsOf(defaults: unknown): CountryFlowDefaults {
  if (defaults === undefined) return NO_DEFAULTS;
  if (!isRecord(defaults)) throw new ScoringInputError("countryFlowDefaults must be an object");
  if (
    defaults.safeguard !== undefined &&
    !(TRANSFER_SAFEGUARDS as readonly unknown[]).includes(defaults.safeguard)
  ) {
    throw new ScoringInputError(
      `countryFlowDefaults.safeguard must be one of ${TRANSFER_SAFEGUARDS.join(", ")}`,
    );
  }
  validateRecipient(defaults.recipient, "countryFlowDefaults.recipient");
  return defaults as CountryFlowDefaults;
}

function notRequiredOf(keys: unknown): ReadonlySet<string> | null {
  if (keys === undefined) return null;
  if (!(keys instanceof Set))
    throw new ScoringInputError("notRequired must be a Set of question keys");
  return keys.size === 0 ? null : (keys as ReadonlySet<string>);
}

/** Where a result keeps what its explanation is built from (not enumerable: invisible to JSON). */
const SCORED = Symbol("scored answers");

interface LazyState {
  scored: ScoredAnswers;
  explanation: ScoringExplanation | undefined;
}

type ResultWithState = ScoringResultV1_1 & { [SCORED]: LazyState };

// One getter and setter for every result. With a closure per result (a getter in the object
// literal) V8 gave every result its own hidden class, kept in the old generation until a full
// collection: the heap grew to about 550 MB and the materialised bench pass ran at 0.65× the eager
// implementation. With shared accessors all results share one hidden class.
const EXPLANATION_ACCESSOR: PropertyDescriptor = {
  get(this: ResultWithState): ScoringExplanation {
    const state = this[SCORED];
    state.explanation ??= explainResult(state.scored);
    return state.explanation;
  },
  set(this: ResultWithState, value: ScoringExplanation): void {
    this[SCORED].explanation = value;
  },
  enumerable: true,
  configurable: true,
};

/** Adds the lazy `explanation` (last among the keys, where the eager result had it). */
function withLazyExplanation(
  scores: Omit<ScoringResultV1_1, "explanation">,
  scored: ScoredAnswers,
): ScoringResultV1_1 {
  Object.defineProperty(scores, SCORED, { value: { scored, explanation: undefined } });
  return Object.defineProperty(scores, "explanation", EXPLANATION_ACCESSOR) as ScoringResultV1_1;
}

/** Scores one answer set with method 1.1.0. Throws ScoringInputError only for malformed residency input. */
export function scorePrepared(
  prepared: PreparedTemplate,
  answers: ScoringAnswers,
  assessment: AssessmentResidencyInput = {},
): ScoringResultV1_1 {
  const defaults = defaultsOf(assessment.countryFlowDefaults);
  const flows =
    assessment.residencyFlows === undefined
      ? null
      : validateResidencyFlows(assessment.residencyFlows);
  const { questions, sections } = prepared;
  const answerRecord = isRecord(answers) ? answers : null;
  const count = questions.length;
  const defaultsKey = countryFlowDefaultsKey(defaults);
  const notRequired = notRequiredOf(assessment.notRequired);

  // Evaluate every answer first, in template order (the order the answer set is usually laid out
  // in memory), then sum in key order. Answer sets are usually not in the processor's cache (the
  // bench's 10,000 sets score at half the speed of 16 sets scored over and over); this short loop
  // measured about 5–10 % faster than evaluating inside the key-order sums.
  const evaluations: PreparedAnswer[] = new Array<PreparedAnswer>(count);
  for (let i = 0; i < count; i++) {
    const question = questions[i]!;
    const key = question.key;
    let raw = answerRecord === null ? undefined : answerRecord[key];
    // Own answers only: a key like "constructor" must not read Object.prototype's.
    if (raw !== undefined && !hasOwn.call(answerRecord, key)) raw = undefined;
    const evaluator =
      defaultsKey === "" ? question : evaluatorFor(prepared, question, defaults, defaultsKey);
    evaluations[i] = evaluator.cache.get(raw, evaluator.evaluate);
  }
  // Sum each section in key order.
  const sectionCount = sections.length;
  const weightSums: number[] = new Array<number>(sectionCount);
  const fractions: Array<number | null> = new Array<number | null>(sectionCount);
  for (let s = 0; s < sectionCount; s++) {
    let weightSum = 0;
    let earned = 0;
    let counted = 0;
    const sumOrder = sections[s]!.sumOrder;
    for (let k = 0; k < sumOrder.length; k++) {
      const i = sumOrder[k]!;
      const question = questions[i]!;
      const answer = evaluations[i]!;
      if (!answer.countsInScore) continue;
      counted += 1;
      weightSum += question.weight;
      earned += question.weight * (answer.points ?? 0);
    }
    weightSums[s] = weightSum;
    fractions[s] = counted > 0 && weightSum > 0 ? earned / weightSum : null;
  }
  let overallWeightSum = 0;
  let overallEarned = 0;
  let scoredSections = 0;
  const sectionSumOrder = prepared.sectionSumOrder;
  for (let k = 0; k < sectionSumOrder.length; k++) {
    const s = sectionSumOrder[k]!;
    const fraction = fractions[s]!;
    if (fraction === null) continue;
    scoredSections += 1;
    overallWeightSum += sections[s]!.weight;
    overallEarned += sections[s]!.weight * fraction;
  }
  const overallFraction =
    scoredSections > 0 && overallWeightSum > 0 ? overallEarned / overallWeightSum : null;
  const overall = overallFraction === null ? null : roundTo(overallFraction * 100, SCORE_DECIMALS);

  const questionResults: QuestionResult[] = new Array<QuestionResult>(count);
  const knockOuts: KnockOutResult[] = [];
  const missingRequired: string[] = [];
  const sectionResults: SectionResult[] = new Array<SectionResult>(sectionCount);
  let required = 0;
  let answeredRequired = 0;
  for (let s = 0; s < sectionCount; s++) {
    const section = sections[s]!;
    const fraction = fractions[s]!;
    const weightSum = weightSums[s]!;
    // Share of the overall score (in percentage points) this section carries.
    const points = sectionPoints(section.weight, fraction, overallFraction, overallWeightSum);
    let answeredCount = 0;
    let applicableCount = 0;
    let unknownCount = 0;
    const questionIndices = section.questionIndices;
    for (let k = 0; k < questionIndices.length; k++) {
      const i = questionIndices[k]!;
      const question = questions[i]!;
      const answer = evaluations[i]!;
      if (answer.applicable) applicableCount += 1;
      if (answer.applicable && answer.answered) answeredCount += 1;
      if (answer.isUnknown) unknownCount += 1;
      if (question.required && (notRequired === null || !notRequired.has(question.key))) {
        required += 1;
        if (answer.answered) answeredRequired += 1;
        else missingRequired.push(question.key);
      }
      const share = questionShare(points, answer.countsInScore, question.weight, weightSum);
      questionResults[i] = {
        key: question.key,
        sectionKey: question.sectionKey,
        points: answer.points,
        status: answer.status,
        reason: answer.reason,
        weight: question.weight,
        contributionToOverall: hundredths(share * (answer.points ?? 0)) / 100,
        maxContributionToOverall: hundredths(share) / 100,
      };
      if (answer.knockOut !== null) knockOuts.push(answer.knockOut.result);
    }
    sectionResults[s] = {
      key: section.key,
      score: fraction === null ? null : roundTo(fraction * 100, SCORE_DECIMALS),
      weight: section.weight,
      answeredCount,
      applicableCount,
      unknownCount,
      questionCount: questionIndices.length,
    };
  }

  const tier = riskTier(overall, knockOuts.length > 0, prepared.tierThresholds);

  let transparency: TransparencyResult | null = null;
  const plan = prepared.transparency;
  if (plan !== null) {
    const indicatorCount = plan.questionIndex.length;
    const indicators: IndicatorResult[] = new Array<IndicatorResult>(indicatorCount);
    const satisfiedFlags: boolean[] = new Array<boolean>(indicatorCount);
    for (let k = 0; k < indicatorCount; k++) {
      const i = plan.questionIndex[k]!;
      const satisfied = evaluations[i]!.indicatorSatisfied;
      satisfiedFlags[k] = satisfied;
      indicators[k] = questions[i]!.indicatorResults![satisfied ? 1 : 0];
    }
    const counts = countPlannedIndicators(plan, satisfiedFlags);
    transparency = {
      satisfied: counts.satisfied,
      total: counts.total,
      byDomain: counts.byDomain,
      indicators,
    };
  }

  return withLazyExplanation(
    {
      methodVersion: prepared.methodVersion,
      overall,
      riskTier: tier,
      sections: sectionResults,
      questions: questionResults,
      knockOuts,
      completeness: {
        required,
        answeredRequired,
        ratio: required === 0 ? 1 : roundTo(answeredRequired / required, RATIO_DECIMALS),
        missingRequired,
      },
      weightProfile:
        prepared.weightProfile === null
          ? null
          : { id: prepared.weightProfile.id, checksum: prepared.weightProfile.checksum },
      transparency,
      residency: flows === null ? null : rateResidencyPrepared(flows, prepared.residency),
    },
    {
      prepared,
      evaluations,
      fractions,
      weightSums,
      overallFraction,
      overallWeightSum,
      overall,
      tier,
    },
  );
}
