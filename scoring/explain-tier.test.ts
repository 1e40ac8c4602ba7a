import { describe, expect, it } from "vitest";
import { explainKnockOut } from "./explain-knock-out";
import { explainTier } from "./explain-tier";
import { DEFAULT_TIER_THRESHOLDS } from "./risk-tier";

describe("explainTier", () => {
  it.each([
    [91.24, "low", [], { tier: "low", min: 80 }, [], "overall 91.24 ≥ 80 (low threshold) → low"],
    [
      65,
      "medium",
      [],
      { tier: "medium", min: 60 },
      [],
      "overall 65 ≥ 60 (medium threshold) → medium",
    ],
    [40, "high", [], { tier: "high", min: 40 }, [], "overall 40 ≥ 40 (high threshold) → high"],
    [39.99, "critical", [], null, [], "overall 39.99 < 40 (high threshold) → critical"],
    [
      91.24,
      "high",
      ["access.admin_mfa"],
      { tier: "low", min: 80 },
      ["access.admin_mfa"],
      "overall 91.24 ≥ 80 (low threshold) → low; capped at high by knock-out access.admin_mfa",
    ],
    [
      70,
      "high",
      ["a", "b"],
      { tier: "medium", min: 60 },
      ["a", "b"],
      "overall 70 ≥ 60 (medium threshold) → medium; capped at high by knock-outs a, b",
    ],
    [
      20,
      "critical",
      ["a"],
      null,
      [],
      "overall 20 < 40 (high threshold) → critical; knock-outs (a) cap at high, the tier is already critical",
    ],
  ] as const)(
    "overall %d, tier %s, knock-outs %j",
    (overall, tier, keys, threshold, cappedBy, reason) => {
      const explanation = explainTier(overall, tier, DEFAULT_TIER_THRESHOLDS, keys);
      expect(explanation).toEqual({
        tier,
        overall,
        thresholds: { low: 80, medium: 60, high: 40 },
        scoreTier: threshold?.tier ?? "critical",
        threshold,
        cappedBy,
        reason,
      });
    },
  );

  it("explains a missing tier", () => {
    expect(explainTier(null, null, DEFAULT_TIER_THRESHOLDS, ["a"])).toMatchObject({
      tier: null,
      scoreTier: null,
      threshold: null,
      cappedBy: [],
      reason: "no overall score → no tier",
    });
  });
});

describe("explainKnockOut", () => {
  it("names the question, the matched answer values and the label", () => {
    expect(
      explainKnockOut("access.admin_mfa", "access", "No MFA", ["no_mfa"], "option 'no_mfa' → 0"),
    ).toEqual({
      questionKey: "access.admin_mfa",
      sectionKey: "access",
      label: "No MFA",
      matched: ["no_mfa"],
      answerReason: "option 'no_mfa' → 0",
      reason: `access.admin_mfa: answer matched 'no_mfa' → knock-out "No MFA" (caps the tier at high)`,
    });
  });
});
