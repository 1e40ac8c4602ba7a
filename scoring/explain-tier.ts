// Explains a risk tier: which threshold the overall score reached and which knock-outs capped it. Pure.

import { tierForScore } from "./risk-tier";
import { formatNumber } from "./score-question";
import type { RiskTier, TierExplanation, TierThresholds } from "./types";

/** The tier explanation for an overall score, its final tier and the knock-outs that fired (template order). */
export function explainTier(
  overall: number | null,
  tier: RiskTier | null,
  thresholds: TierThresholds,
  knockOutKeys: readonly string[],
): TierExplanation {
  const copy = { low: thresholds.low, medium: thresholds.medium, high: thresholds.high };
  if (overall === null) {
    return {
      tier,
      overall,
      thresholds: copy,
      scoreTier: null,
      threshold: null,
      cappedBy: [],
      reason: "no overall score → no tier",
    };
  }
  const scoreTier = tierForScore(overall, thresholds);
  const score = formatNumber(overall);
  const threshold =
    scoreTier === "critical" ? null : { tier: scoreTier, min: thresholds[scoreTier] };
  let reason = threshold
    ? `overall ${score} ≥ ${formatNumber(threshold.min)} (${threshold.tier} threshold) → ${scoreTier}`
    : `overall ${score} < ${formatNumber(thresholds.high)} (high threshold) → critical`;
  const capped = tier !== scoreTier;
  if (capped) {
    const plural = knockOutKeys.length === 1 ? "knock-out" : "knock-outs";
    reason += `; capped at ${tier} by ${plural} ${knockOutKeys.join(", ")}`;
  } else if (knockOutKeys.length > 0) {
    reason += `; knock-outs (${knockOutKeys.join(", ")}) cap at high, the tier is already ${tier}`;
  }
  return {
    tier,
    overall,
    thresholds: copy,
    scoreTier,
    threshold,
    cappedBy: capped ? [...knockOutKeys] : [],
    reason,
  };
}
