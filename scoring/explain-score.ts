// Explains one score (a section's or the overall): every question's contribution, largest lost
// points first, and the ten answer changes that would raise the score most. Ties break by
// question key. Pure (the scratch buffers below are reused between calls but never escape).

import type { PreparedQuestion } from "./prepare-template";
import { roundTo, type QuestionEvaluation } from "./score-question";
import type { ContributionEntry, ImprovementEntry } from "./types";

export const MAX_IMPROVEMENTS = 10;
const DECIMALS = 2;
/** Scores are 0–100, so lost points and gains in hundredths are integers below 2^14. */
const CENTS_SPACE = 16384;

// Sorting packs (hundredths, key rank) into one integer-valued double per entry, so a plain
// numeric typed-array sort (no comparator) gives "largest first, ties by key".
let lostKeys = new Float64Array(256);
let gainKeys = new Float64Array(256);
let earnedBuffer = new Float64Array(256);
let maxBuffer = new Float64Array(256);
let lostBuffer = new Float64Array(256);
let gainBuffer = new Float64Array(256);
let slotOfRank = new Int32Array(256);

function ensureCapacity(entries: number, ranks: number): void {
  if (entries > lostKeys.length) {
    const size = Math.max(entries, lostKeys.length * 2);
    lostKeys = new Float64Array(size);
    gainKeys = new Float64Array(size);
    earnedBuffer = new Float64Array(size);
    maxBuffer = new Float64Array(size);
    lostBuffer = new Float64Array(size);
    gainBuffer = new Float64Array(size);
  }
  if (ranks > slotOfRank.length) slotOfRank = new Int32Array(Math.max(ranks, slotOfRank.length * 2));
}

/** Smallest power of two ≥ n (at least 1). */
function rankSpaceFor(n: number): number {
  let space = 1;
  while (space < n) space *= 2;
  return space;
}

export interface ExplainedScore {
  contributions: ContributionEntry[];
  improvements: ImprovementEntry[];
}

/**
 * @param indices flat indices of the questions that carry a share of this score (share > 0)
 * @param share   per flat index: the question's share of this score in points (0–100)
 */
export function explainScore(
  indices: readonly number[],
  share: Float64Array,
  questions: readonly PreparedQuestion[],
  evaluations: readonly QuestionEvaluation[],
): ExplainedScore {
  const count = indices.length;
  const rankSpace = rankSpaceFor(questions.length);
  ensureCapacity(count, rankSpace);
  let candidates = 0;
  for (let j = 0; j < count; j++) {
    const index = indices[j]!;
    const question = questions[index]!;
    const points = evaluations[index]!.points ?? 0;
    const carried = share[index]!;
    const got = carried * points;
    const lost = roundTo(carried - got, DECIMALS);
    earnedBuffer[j] = roundTo(got, DECIMALS);
    maxBuffer[j] = roundTo(carried, DECIMALS);
    lostBuffer[j] = lost;
    slotOfRank[question.keyRank] = j;
    lostKeys[j] = (CENTS_SPACE - 1 - Math.round(lost * 100)) * rankSpace + question.keyRank;
    const best = question.best;
    if (best !== null && best.points > points) {
      const gain = roundTo(carried * (best.points - points), DECIMALS);
      gainBuffer[j] = gain;
      if (gain > 0) {
        gainKeys[candidates] = (CENTS_SPACE - 1 - Math.round(gain * 100)) * rankSpace + question.keyRank;
        candidates += 1;
      }
    }
  }
  lostKeys.subarray(0, count).sort();
  gainKeys.subarray(0, candidates).sort();

  const contributions: ContributionEntry[] = new Array<ContributionEntry>(count);
  for (let k = 0; k < count; k++) {
    const j = slotOfRank[lostKeys[k]! % rankSpace]!;
    const index = indices[j]!;
    const question = questions[index]!;
    const evaluation = evaluations[index]!;
    contributions[k] = {
      questionKey: question.key,
      sectionKey: question.sectionKey,
      status: evaluation.status,
      points: evaluation.points,
      earned: earnedBuffer[j]!,
      max: maxBuffer[j]!,
      lost: lostBuffer[j]!,
    };
  }
  const top = Math.min(MAX_IMPROVEMENTS, candidates);
  const improvements: ImprovementEntry[] = new Array<ImprovementEntry>(top);
  for (let k = 0; k < top; k++) {
    const j = slotOfRank[gainKeys[k]! % rankSpace]!;
    const index = indices[j]!;
    const question = questions[index]!;
    const best = question.best!;
    improvements[k] = {
      questionKey: question.key,
      sectionKey: question.sectionKey,
      currentPoints: evaluations[index]!.points ?? 0,
      bestPoints: best.points,
      bestAnswer: best.answer,
      bestAnswerText: best.text,
      gain: gainBuffer[j]!,
    };
  }
  return { contributions, improvements };
}
