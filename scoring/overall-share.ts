// A question's share of the overall score, in percentage points: one formula for the question
// results (contributionToOverall, maxContributionToOverall) and for the explanations built later
// from the same numbers, so both always agree to the last bit. Pure.

/** Points of the overall score a section carries: its normalised weight × 100; 0 without a score. */
export function sectionPoints(
  sectionWeight: number,
  sectionFraction: number | null,
  overallFraction: number | null,
  overallWeightSum: number,
): number {
  return overallFraction !== null && sectionFraction !== null
    ? (sectionWeight / overallWeightSum) * 100
    : 0;
}

/** Points of the overall score a question carries (0 when it does not count in the score). */
export function questionShare(
  sectionPointsOfQuestion: number,
  countsInScore: boolean,
  questionWeight: number,
  sectionWeightSum: number,
): number {
  return countsInScore && sectionWeightSum > 0
    ? sectionPointsOfQuestion * (questionWeight / sectionWeightSum)
    : 0;
}
