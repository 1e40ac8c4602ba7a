// Explains the overall score and every section score: each question's contribution, largest lost
// points first, and the ten answer changes that would raise the score most (gain = the best
// possible answer's contribution − the current contribution; for questions whose best answer earns
// full points that is max contribution − contribution). All amounts are percentage points of the OVERALL score, so
// one question's entry is the same object in the overall list and in its section's list, and a
// section's list is the overall list restricted to the section. Ties break by question key.
// Amounts are whole hundredths internally, so `lost` is exactly `max − earned` as shown.
// Sorting: the questions are visited in key order and then stably sorted by amount with a radix
// sort (amounts are integers below 2^14), which gives "largest first, ties by key" in linear time.
// Pure (the scratch buffers below are reused between calls but never escape).

import type { PreparedQuestion } from "./prepare-template";
import type { PreparedAnswer } from "./prepared-answer";
import { hundredths } from "./round";
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
let earnedCentBuffer = new Int32Array(256);
let maxCentBuffer = new Int32Array(256);
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
  earnedCentBuffer = new Int32Array(size);
  maxCentBuffer = new Int32Array(size);
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

function contributionEntry(
  question: PreparedQuestion,
  answer: PreparedAnswer,
  earnedInCents: number,
  maxInCents: number,
): ContributionEntry {
  return {
    questionKey: question.key,
    sectionKey: question.sectionKey,
    status: answer.status,
    points: answer.points,
    // The question result's contributionToOverall and maxContributionToOverall (same rounding).
    earned: earnedInCents / 100,
    max: maxInCents / 100,
    lost: (maxInCents - earnedInCents) / 100,
  };
}

function improvementEntry(
  question: PreparedQuestion,
  answer: PreparedAnswer,
  gainInCents: number,
): ImprovementEntry {
  const best = question.best!;
  return {
    questionKey: question.key,
    sectionKey: question.sectionKey,
    currentPoints: answer.points ?? 0,
    bestPoints: best.points,
    // Frozen in the prepared template, so results can share it safely.
    bestAnswer: best.answer,
    bestAnswerText: best.text,
    gain: gainInCents / 100,
  };
}

export interface ExplainedScores {
  overall: { contributions: ContributionEntry[]; improvements: ImprovementEntry[] };
  /** By section index. */
  sections: Array<{ contributions: ContributionEntry[]; improvements: ImprovementEntry[] }>;
}

/**
 * @param keyOrder flat question indices in key order
 * @param share    per flat index: the question's share of the overall score in points (0 when
 *                 it carries none; see overall-share.ts)
 * @param evaluations the prepared answers
 */
export function explainScores(
  keyOrder: Int32Array,
  share: Float64Array,
  sectionCount: number,
  questions: readonly PreparedQuestion[],
  evaluations: readonly PreparedAnswer[],
): ExplainedScores {
  ensureCapacity(questions.length);
  // Locals: module-level `let` bindings cost a check on every access in hot loops.
  const items = itemBuffer;
  const keys = keyBuffer;
  const gainItems = gainItemBuffer;
  const gainKeys = gainKeyBuffer;
  const gainCents = gainCentBuffer;
  const earnedCents = earnedCentBuffer;
  const maxCents = maxCentBuffer;
  let count = 0;
  let candidates = 0;
  for (let r = 0; r < keyOrder.length; r++) {
    const index = keyOrder[r]!;
    const questionShare = share[index]!;
    if (!(questionShare > 0)) continue;
    const points = evaluations[index]!.points ?? 0;
    // Whole hundredths, exactly as the question result rounds contribution and maximum.
    const earned = hundredths(questionShare * points);
    const max = hundredths(questionShare);
    earnedCents[index] = earned;
    maxCents[index] = max;
    // Largest first: sort ascending on (limit − 1 − amount).
    items[count] = index;
    keys[count] = AMOUNT_LIMIT - 1 - (max - earned);
    count += 1;
    const best = questions[index]!.best;
    if (best === null || best.points <= points) continue;
    // As shown: the best answer's contribution − the current contribution.
    const gain = hundredths(questionShare * best.points) - earned;
    if (gain <= 0) continue;
    gainItems[candidates] = index;
    gainKeys[candidates] = AMOUNT_LIMIT - 1 - gain;
    gainCents[index] = gain;
    candidates += 1;
  }
  radixSort(items, keys, count);
  radixSort(gainItems, gainKeys, candidates);

  // Sized section lists, filled in order (growing arrays by push is slower).
  const sizes = new Array<number>(sectionCount).fill(0);
  for (let k = 0; k < count; k++) sizes[questions[items[k]!]!.sectionIndex]! += 1;
  const sections: ExplainedScores["sections"] = new Array(sectionCount);
  for (let s = 0; s < sectionCount; s++) {
    sections[s] = { contributions: new Array<ContributionEntry>(sizes[s]!), improvements: [] };
    sizes[s] = 0;
  }
  const contributions: ContributionEntry[] = new Array<ContributionEntry>(count);
  for (let k = 0; k < count; k++) {
    const index = items[k]!;
    const question = questions[index]!;
    const answer = evaluations[index]!;
    const entry = contributionEntry(question, answer, earnedCents[index]!, maxCents[index]!);
    contributions[k] = entry;
    const s = question.sectionIndex;
    sections[s]!.contributions[sizes[s]!] = entry;
    sizes[s]! += 1;
  }
  const improvements: ImprovementEntry[] = [];
  for (let k = 0; k < candidates; k++) {
    const index = gainItems[k]!;
    const question = questions[index]!;
    const sectionList = sections[question.sectionIndex]!.improvements;
    const forOverall = improvements.length < MAX_IMPROVEMENTS;
    if (!forOverall && sectionList.length >= MAX_IMPROVEMENTS) continue;
    const answer = evaluations[index]!;
    const entry = improvementEntry(question, answer, gainCents[index]!);
    if (forOverall) improvements.push(entry);
    if (sectionList.length < MAX_IMPROVEMENTS) sectionList.push(entry);
  }
  return { overall: { contributions, improvements }, sections };
}
