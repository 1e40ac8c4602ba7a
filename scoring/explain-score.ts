// Explains the overall score and every section score: each question's contribution, largest lost
// points first, and the ten answer changes that would raise the score most (gain = best possible
// contribution − current contribution). All amounts are percentage points of the OVERALL score, so
// one question's entry is the same object in the overall list and in its section's list, and a
// section's list is the overall list restricted to the section. Ties break by question key.
// Amounts are whole hundredths internally, so `lost` is exactly `max − earned` as shown.
// Sorting: the questions are visited in key order and then stably sorted by amount with a radix
// sort (amounts are integers below 2^14), which gives "largest first, ties by key" in linear time.
// Pure (the scratch buffers below are reused between calls but never escape).

import type { PreparedQuestion } from "./prepare-template";
import { hundredths } from "./round";
import type { QuestionEvaluation } from "./score-question";
import type { ContributionEntry, ImprovementEntry } from "./types";

export const MAX_IMPROVEMENTS = 10;
/** Amounts in hundredths of 0–100 points are integers below 2^14: two 7-bit radix digits. */
const AMOUNT_LIMIT = 1 << 14;
const DIGIT_BITS = 7;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const BUCKETS = 1 << DIGIT_BITS;

let itemBuffer = new Int32Array(256);
let keyBuffer = new Int32Array(256);
let gainItemBuffer = new Int32Array(256);
let gainKeyBuffer = new Int32Array(256);
let gainCentBuffer = new Float64Array(256);
let swapItems = new Int32Array(256);
let swapKeys = new Int32Array(256);
const bucketStarts = new Int32Array(BUCKETS);

function ensureCapacity(count: number): void {
  if (count <= itemBuffer.length) return;
  const size = Math.max(count, itemBuffer.length * 2);
  itemBuffer = new Int32Array(size);
  keyBuffer = new Int32Array(size);
  gainItemBuffer = new Int32Array(size);
  gainKeyBuffer = new Int32Array(size);
  gainCentBuffer = new Float64Array(size);
  swapItems = new Int32Array(size);
  swapKeys = new Int32Array(size);
}

/** One stable counting pass on one digit: (items, keys) → (toItems, toKeys). */
function countingPass(
  items: Int32Array,
  keys: Int32Array,
  toItems: Int32Array,
  toKeys: Int32Array,
  n: number,
  shift: number,
): void {
  const starts = bucketStarts;
  starts.fill(0);
  for (let k = 0; k < n; k++) starts[(keys[k]! >> shift) & DIGIT_MASK]! += 1;
  let total = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const size = starts[b]!;
    starts[b] = total;
    total += size;
  }
  for (let k = 0; k < n; k++) {
    const slot = starts[(keys[k]! >> shift) & DIGIT_MASK]!++;
    toItems[slot] = items[k]!;
    toKeys[slot] = keys[k]!;
  }
}

/** Stable sort of items[0..n) by keys ascending (keys in [0, 2^14)); the result is back in items/keys. */
function radixSort(items: Int32Array, keys: Int32Array, n: number): void {
  countingPass(items, keys, swapItems, swapKeys, n, 0);
  countingPass(swapItems, swapKeys, items, keys, n, DIGIT_BITS);
}

export interface ExplainedScores {
  overall: { contributions: ContributionEntry[]; improvements: ImprovementEntry[] };
  /** By section index. */
  sections: Array<{ contributions: ContributionEntry[]; improvements: ImprovementEntry[] }>;
}

/**
 * @param keyOrder    flat question indices in key order
 * @param share       per flat index: the question's share of the overall score in points; > 0
 *                    exactly for the questions that enter the explanation when `marked[i] === mark`
 * @param earnedCents per flat index: hundredths of the overall score the answer earned
 * @param maxCents    per flat index: hundredths of the overall score the question carries
 */
export function explainScores(
  keyOrder: Int32Array,
  marked: Int32Array,
  mark: number,
  share: Float64Array,
  earnedCents: Float64Array,
  maxCents: Float64Array,
  sectionCount: number,
  questions: readonly PreparedQuestion[],
  evaluations: readonly QuestionEvaluation[],
): ExplainedScores {
  ensureCapacity(questions.length);
  // Locals: module-level `let` bindings cost a check on every access in hot loops.
  const items = itemBuffer;
  const keys = keyBuffer;
  const gainItems = gainItemBuffer;
  const gainKeys = gainKeyBuffer;
  const gainCents = gainCentBuffer;
  let count = 0;
  let candidates = 0;
  for (let r = 0; r < keyOrder.length; r++) {
    const index = keyOrder[r]!;
    if (marked[index] !== mark) continue;
    // Largest first: sort ascending on (limit − 1 − amount).
    items[count] = index;
    keys[count] = AMOUNT_LIMIT - 1 - (maxCents[index]! - earnedCents[index]!);
    count += 1;
    const best = questions[index]!.best;
    if (best === null) continue;
    const points = evaluations[index]!.points ?? 0;
    if (best.points <= points) continue;
    const gain = hundredths(share[index]! * (best.points - points));
    if (gain <= 0) continue;
    gainItems[candidates] = index;
    gainKeys[candidates] = AMOUNT_LIMIT - 1 - gain;
    gainCents[index] = gain;
    candidates += 1;
  }
  radixSort(items, keys, count);
  radixSort(gainItems, gainKeys, candidates);

  const sections: ExplainedScores["sections"] = new Array(sectionCount);
  for (let s = 0; s < sectionCount; s++) sections[s] = { contributions: [], improvements: [] };
  const contributions: ContributionEntry[] = new Array<ContributionEntry>(count);
  for (let k = 0; k < count; k++) {
    const index = items[k]!;
    const question = questions[index]!;
    const evaluation = evaluations[index]!;
    const earned = earnedCents[index]!;
    const max = maxCents[index]!;
    const entry: ContributionEntry = {
      questionKey: question.key,
      sectionKey: question.sectionKey,
      status: evaluation.status,
      points: evaluation.points,
      earned: earned / 100,
      max: max / 100,
      lost: (max - earned) / 100,
    };
    contributions[k] = entry;
    sections[question.sectionIndex]!.contributions.push(entry);
  }
  const improvements: ImprovementEntry[] = [];
  for (let k = 0; k < candidates; k++) {
    const index = gainItems[k]!;
    const question = questions[index]!;
    const sectionList = sections[question.sectionIndex]!.improvements;
    const forOverall = improvements.length < MAX_IMPROVEMENTS;
    if (!forOverall && sectionList.length >= MAX_IMPROVEMENTS) continue;
    const best = question.best!;
    const entry: ImprovementEntry = {
      questionKey: question.key,
      sectionKey: question.sectionKey,
      currentPoints: evaluations[index]!.points ?? 0,
      bestPoints: best.points,
      // Frozen in the prepared template, so results can share it safely.
      bestAnswer: best.answer,
      bestAnswerText: best.text,
      gain: gainCents[index]! / 100,
    };
    if (forOverall) improvements.push(entry);
    if (sectionList.length < MAX_IMPROVEMENTS) sectionList.push(entry);
  }
  return { overall: { contributions, improvements }, sections };
}
