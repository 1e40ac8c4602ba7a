// Builds a method-1.1.0 result's explanation (overall and section contributions and improvements,
// knock-outs, tier) from what scorePrepared computed for the scores. scorePrepared calls it only
// when the explanation is first read: most callers read the scores alone, and the explanation
// costs as much as the scores. Everything it reads is internal to that one call (never handed to
// the caller), so a later scorePrepared call or a caller editing the result cannot change it. Pure
// (the scratch buffer below is reused between calls but never escapes).

import { explainScores } from "./explain-score";
import { explainTier } from "./explain-tier";
import { questionShare, sectionPoints } from "./overall-share";
import type { PreparedTemplate } from "./prepare-template";
import type { PreparedAnswer } from "./prepared-answer";
import { roundTo } from "./round";
import type {
  KnockOutExplanation,
  RiskTier,
  ScoringExplanation,
  SectionExplanation,
} from "./types";

const SCORE_DECIMALS = 2;

let shareBuffer = new Float64Array(256);

/** What scorePrepared computed for one answer set that the explanation needs. */
export interface ScoredAnswers {
  prepared: PreparedTemplate;
  /** Prepared answers by flat question index. */
  evaluations: readonly PreparedAnswer[];
  /** Per section: earned / weight sum of its counted questions; null when nothing counts. */
  fractions: ReadonlyArray<number | null>;
  /** Per section: the weight sum of its counted questions. */
  weightSums: readonly number[];
  overallFraction: number | null;
  overallWeightSum: number;
  overall: number | null;
  tier: RiskTier | null;
}

export function explainResult(scored: ScoredAnswers): ScoringExplanation {
  const { prepared, evaluations, fractions, weightSums, overallFraction, overallWeightSum } =
    scored;
  const { questions, sections } = prepared;
  const count = questions.length;
  if (count > shareBuffer.length) shareBuffer = new Float64Array(Math.max(count, 2 * count));
  // Local: module-level `let` bindings cost a check on every access in hot loops.
  const share = shareBuffer;
  const sectionCount = sections.length;
  const knockOuts: KnockOutExplanation[] = [];
  const knockOutKeys: string[] = [];
  for (let s = 0; s < sectionCount; s++) {
    const section = sections[s]!;
    const points = sectionPoints(section.weight, fractions[s]!, overallFraction, overallWeightSum);
    const weightSum = weightSums[s]!;
    const questionIndices = section.questionIndices;
    for (let k = 0; k < questionIndices.length; k++) {
      const i = questionIndices[k]!;
      const answer = evaluations[i]!;
      share[i] = questionShare(points, answer.countsInScore, questions[i]!.weight, weightSum);
      // Template order, like the result's knockOuts.
      if (answer.knockOut !== null) {
        knockOuts.push(answer.knockOut.explanation);
        knockOutKeys.push(answer.knockOut.result.questionKey);
      }
    }
  }
  const explained = explainScores(prepared.keyOrder, share, sectionCount, questions, evaluations);
  const sectionExplanations: SectionExplanation[] = new Array<SectionExplanation>(sectionCount);
  for (let s = 0; s < sectionCount; s++) {
    const fraction = fractions[s]!;
    sectionExplanations[s] = {
      sectionKey: sections[s]!.key,
      // The section result's score (same rounding).
      score: fraction === null ? null : roundTo(fraction * 100, SCORE_DECIMALS),
      share:
        overallFraction !== null && fraction !== null
          ? roundTo((sections[s]!.weight / overallWeightSum) * 100, SCORE_DECIMALS)
          : 0,
      contributions: explained.sections[s]!.contributions,
      improvements: explained.sections[s]!.improvements,
    };
  }
  return {
    overall: {
      score: scored.overall,
      contributions: explained.overall.contributions,
      improvements: explained.overall.improvements,
    },
    sections: sectionExplanations,
    knockOuts,
    tier: explainTier(scored.overall, scored.tier, prepared.tierThresholds, knockOutKeys),
  };
}
