import { describe, it, expect } from "vitest";
import {
  DEFAULT_TIER_THRESHOLDS,
  riskTier,
  tierForScore,
  validateTierThresholds,
} from "./risk-tier";
import { ScoringInputError } from "./types";

describe("tierForScore", () => {
  it("uses the default thresholds low ≥ 80, medium ≥ 60, high ≥ 40", () => {
    expect(tierForScore(100)).toBe("low");
    expect(tierForScore(80)).toBe("low");
    expect(tierForScore(79.99)).toBe("medium");
    expect(tierForScore(60)).toBe("medium");
    expect(tierForScore(59.99)).toBe("high");
    expect(tierForScore(40)).toBe("high");
    expect(tierForScore(39.99)).toBe("critical");
    expect(tierForScore(0)).toBe("critical");
  });

  it("accepts custom thresholds", () => {
    expect(tierForScore(85, { low: 90, medium: 70, high: 50 })).toBe("medium");
  });
});

describe("riskTier", () => {
  it("caps low and medium at high when a knock-out fired", () => {
    expect(riskTier(95, true)).toBe("high");
    expect(riskTier(65, true)).toBe("high");
    expect(riskTier(45, true)).toBe("high");
    expect(riskTier(10, true)).toBe("critical");
  });

  it("leaves the tier alone without knock-outs", () => {
    expect(riskTier(95, false)).toBe("low");
  });

  it("is null without an overall score", () => {
    expect(riskTier(null, true)).toBeNull();
  });
});

describe("validateTierThresholds", () => {
  it("accepts the defaults", () => {
    expect(validateTierThresholds(DEFAULT_TIER_THRESHOLDS)).toEqual({
      low: 80,
      medium: 60,
      high: 40,
    });
  });

  it("rejects unordered, out-of-range or non-finite thresholds", () => {
    expect(() => validateTierThresholds({ low: 50, medium: 60, high: 40 })).toThrow(
      ScoringInputError,
    );
    expect(() => validateTierThresholds({ low: 120, medium: 60, high: 40 })).toThrow(
      ScoringInputError,
    );
    expect(() => validateTierThresholds({ low: 80, medium: Number.NaN, high: 40 })).toThrow(
      /medium/,
    );
  });
});
