// Method 1.1.0, step 2: scores one answer set against a prepared template — questions → sections →
// overall → risk tier, knock-outs, completeness, transparency index, residency rating and the
// explanations. Deterministic: the same prepared template, answers and residency data give a
// byte-identical JSON.stringify of the result. Sums are taken in key order, so the order of
// questions in the template never matters. Never throws on answers.

import { explainKnockOut } from "./explain-knock-out";
import { explainScore } from "./explain-score";
import { explainTier } from "./explain-tier";
import {
  countryFlowDefaultsKey,
  evaluatorFor,
  type PreparedTemplate,
} from "./prepare-template";
import { rateResidencyPrepared, validateRecipient, validateResidencyFlows } from "./residency";
import { riskTier } from "./risk-tier";
import { roundTo, type QuestionEvaluation } from "./score-question";
import { countIndicators } from "./transparency";
import {
  ScoringInputError,
  TRANSFER_SAFEGUARDS,
  type CountryFlowDefaults,
  type IndicatorResult,
  type KnockOutExplanation,
  type KnockOutResult,
  type QuestionResult,
  type ResidencyFlow,
  type ScoringAnswers,
  type ScoringResultV1_1,
  type SectionExplanation,
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
}

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

/** Scores one answer set with method 1.1.0. Throws ScoringInputError only for malformed residency input. */
export function scorePrepared(
  prepared: PreparedTemplate,
  answers: ScoringAnswers,
  assessment: AssessmentResidencyInput = {},
): ScoringResultV1_1 {
  const defaults = defaultsOf(assessment.countryFlowDefaults);
  const flows =
    assessment.residencyFlows === undefined ? null : validateResidencyFlows(assessment.residencyFlows);
  const { questions, sections } = prepared;
  const answerRecord = isRecord(answers) ? answers : null;
  const count = questions.length;

  const defaultsKey = countryFlowDefaultsKey(defaults);
  const evaluations: QuestionEvaluation[] = new Array<QuestionEvaluation>(count);
  for (let i = 0; i < count; i++) {
    const question = questions[i]!;
    const raw =
      answerRecord !== null && Object.prototype.hasOwnProperty.call(answerRecord, question.key)
        ? answerRecord[question.key]
        : undefined;
    const evaluator = evaluatorFor(prepared, question, defaults, defaultsKey);
    evaluations[i] = evaluator.cache.get(raw, evaluator.evaluate);
  }

  // Section fractions, summed in key order.
  const sectionCount = sections.length;
  const weightSums = new Float64Array(sectionCount);
  const fractions: Array<number | null> = new Array<number | null>(sectionCount);
  for (let s = 0; s < sectionCount; s++) {
    let weightSum = 0;
    let earned = 0;
    let counted = 0;
    for (const i of sections[s]!.sumOrder) {
      const evaluation = evaluations[i]!;
      if (!evaluation.countsInScore) continue;
      const weight = questions[i]!.weight;
      counted += 1;
      weightSum += weight;
      earned += weight * (evaluation.points ?? 0);
    }
    weightSums[s] = weightSum;
    fractions[s] = counted > 0 && weightSum > 0 ? earned / weightSum : null;
  }
  let overallWeightSum = 0;
  let overallEarned = 0;
  let scoredSections = 0;
  for (const s of prepared.sectionSumOrder) {
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
  const knockOutExplanations: KnockOutExplanation[] = [];
  const missingRequired: string[] = [];
  const overallShare = new Float64Array(count);
  const sectionShare = new Float64Array(count);
  const overallIndices: number[] = [];
  const sectionExplanations: SectionExplanation[] = new Array<SectionExplanation>(sectionCount);
  let required = 0;
  let answeredRequired = 0;

  const sectionResults: SectionResult[] = new Array<SectionResult>(sectionCount);
  for (let s = 0; s < sectionCount; s++) {
    const section = sections[s]!;
    const fraction = fractions[s]!;
    const weightSum = weightSums[s]!;
    // Share of the overall score (in percentage points) this section carries.
    const sectionPoints =
      overallFraction !== null && fraction !== null ? (section.weight / overallWeightSum) * 100 : 0;
    const sectionIndices: number[] = [];
    let answeredCount = 0;
    let applicableCount = 0;
    let unknownCount = 0;
    for (const i of section.questionIndices) {
      const question = questions[i]!;
      const evaluation = evaluations[i]!;
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
      const inScore = evaluation.countsInScore && weightSum > 0 && question.weight > 0;
      const normalizedWeight = inScore ? question.weight / weightSum : 0;
      const share = sectionPoints * normalizedWeight;
      if (inScore && fraction !== null) {
        sectionShare[i] = 100 * normalizedWeight;
        sectionIndices.push(i);
        if (share > 0) {
          overallShare[i] = share;
          overallIndices.push(i);
        }
      }
      questionResults[i] = {
        key: question.key,
        sectionKey: question.sectionKey,
        points: evaluation.points,
        status: evaluation.status,
        reason: evaluation.reason,
        weight: question.weight,
        contributionToOverall: roundTo(share * (evaluation.points ?? 0), SCORE_DECIMALS),
        maxContributionToOverall: roundTo(share, SCORE_DECIMALS),
      };
      const knockOut = question.knockOut;
      if (knockOut) {
        let matched: string[] | null = null;
        for (const token of evaluation.tokens) {
          if (knockOut.when.has(token)) (matched ??= []).push(token);
        }
        if (matched) {
          knockOuts.push({ questionKey: question.key, label: knockOut.label });
          knockOutExplanations.push(
            explainKnockOut(question.key, section.key, knockOut.label, matched, evaluation.reason),
          );
        }
      }
    }
    const score = fraction === null ? null : roundTo(fraction * 100, SCORE_DECIMALS);
    sectionResults[s] = {
      key: section.key,
      score,
      weight: section.weight,
      answeredCount,
      applicableCount,
      unknownCount,
      questionCount: section.questionIndices.length,
    };
    const explained = explainScore(sectionIndices, sectionShare, questions, evaluations);
    sectionExplanations[s] = {
      sectionKey: section.key,
      score,
      contributions: explained.contributions,
      improvements: explained.improvements,
    };
  }

  const tier = riskTier(overall, knockOuts.length > 0, prepared.tierThresholds);
  const knockOutKeys = knockOuts.map((knockOut) => knockOut.questionKey);

  let transparency: TransparencyResult | null = null;
  if (prepared.hasIndicators) {
    const indicators: IndicatorResult[] = [];
    for (let i = 0; i < count; i++) {
      const indicator = questions[i]!.indicator;
      if (indicator === null) continue;
      const satisfied = evaluations[i]!.tokens.some((token) => indicator.awardWhen.has(token));
      indicators.push({
        questionKey: questions[i]!.key,
        domain: indicator.domain,
        subdomain: indicator.subdomain,
        satisfied,
        rule: indicator.rule,
      });
    }
    transparency = { ...countIndicators(indicators), indicators };
  }

  const overallExplained = explainScore(overallIndices, overallShare, questions, evaluations);
  return {
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
    weightProfile: prepared.weightProfile,
    transparency,
    residency: flows === null ? null : rateResidencyPrepared(flows, prepared.residency),
    explanation: {
      overall: {
        score: overall,
        contributions: overallExplained.contributions,
        improvements: overallExplained.improvements,
      },
      sections: sectionExplanations,
      knockOuts: knockOutExplanations,
      tier: explainTier(overall, tier, prepared.tierThresholds, knockOutKeys),
    },
  };
}
