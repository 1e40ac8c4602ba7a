// Risk tier from the overall score, capped by knock-outs. Pure.

import { ScoringInputError, type RiskTier, type TierThresholds } from "./types";

export const DEFAULT_TIER_THRESHOLDS: Readonly<TierThresholds> = Object.freeze({
  low: 80,
  medium: 60,
  high: 40,
});

/** Tiers from best to worst. */
export const RISK_TIERS: readonly RiskTier[] = ["low", "medium", "high", "critical"];

/** Throws ScoringInputError unless 100 ≥ low ≥ medium ≥ high ≥ 0, all finite. */
export function validateTierThresholds(thresholds: TierThresholds): TierThresholds {
  const { low, medium, high } = thresholds;
  for (const [name, value] of [
    ["low", low],
    ["medium", medium],
    ["high", high],
  ] as const) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new ScoringInputError(
        `tier threshold '${name}' must be a finite number between 0 and 100, got ${String(value)}`,
      );
    }
  }
  if (!(low >= medium && medium >= high)) {
    throw new ScoringInputError(
      `tier thresholds must satisfy low ≥ medium ≥ high, got low ${low}, medium ${medium}, high ${high}`,
    );
  }
  return { low, medium, high };
}

/** The tier of an overall score (0–100) before knock-outs. */
export function tierForScore(
  overall: number,
  thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS,
): RiskTier {
  if (overall >= thresholds.low) return "low";
  if (overall >= thresholds.medium) return "medium";
  if (overall >= thresholds.high) return "high";
  return "critical";
}

/**
 * The risk tier: from the overall score, then capped by knock-outs — a triggered knock-out turns
 * "low" and "medium" into "high"; "high" and "critical" stay. Null when there is no overall score.
 */
export function riskTier(
  overall: number | null,
  knockOutTriggered: boolean,
  thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS,
): RiskTier | null {
  if (overall === null) return null;
  const tier = tierForScore(overall, thresholds);
  if (knockOutTriggered && (tier === "low" || tier === "medium")) return "high";
  return tier;
}
