import { describe, expect, it } from "vitest";
import { scoreCountriesByResidency } from "./countries-question";
import { ADEQUACY_DECISIONS, EU_EEA } from "./fixtures/sample-template";
import { prepareResidencyReference } from "./residency";
import type { CountryFlowDefaults, ScoringQuestion } from "./types";

const reference = prepareResidencyReference(
  { euEea: EU_EEA, adequacy: ADEQUACY_DECISIONS },
  "2025-06-30",
);
const question: ScoringQuestion = {
  key: "residency.storage",
  type: "countries",
  weight: 1,
  required: true,
};

function score(raw: unknown, defaults: CountryFlowDefaults = {}) {
  return scoreCountriesByResidency(question, raw, reference, defaults);
}

describe("countries questions in method 1.1.0 (through the residency rating)", () => {
  it.each([
    [["FR", "DE", "NO"], {}, "scored", 1, "all in EU/EEA (DE, FR, NO) → 1"],
    [["DE", "CH", "JP"], {}, "scored", 0.8, "adequacy decision (CH, JP) → 0.8"],
    [
      ["DE", "US"],
      { recipient: { dpfCertified: true } },
      "scored",
      0.8,
      "adequacy decision (US) → 0.8",
    ],
    [
      ["DE", "US"],
      { safeguard: "scc" },
      "scored",
      0.5,
      "third country with safeguards (US: third country (the adequacy decision covers DPF-certified recipients only); safeguard SCC) → 0.5",
    ],
    [
      ["US", "CN"],
      {},
      "scored",
      0,
      "third country without safeguards (CN: third country; no safeguard declared | US: third country (the adequacy decision covers DPF-certified recipients only); no safeguard declared) → 0",
    ],
    [
      ["CN"],
      { safeguard: "unknown" },
      "unknown",
      0,
      "residency unknown (CN: third country; safeguard unknown) → 0 (unknown)",
    ],
  ] as const)("%j with %j → %s %d", (raw, defaults, status, points, reason) => {
    const result = score(raw, defaults as CountryFlowDefaults);
    expect(result).toMatchObject({ status, points, reason, countsInScore: true });
  });

  it("produces knock-out tokens: codes, residency classes, and 'third_country' for either third-country class", () => {
    expect(score(["de", "ch", "us"]).tokens).toEqual([
      "CH",
      "DE",
      "US",
      "adequacy",
      "eu_eea",
      "third_country",
      "third_country_no_safeguards",
    ]);
    expect(score(["US"], { safeguard: "bcr" }).tokens).toEqual([
      "US",
      "third_country",
      "third_country_safeguards",
    ]);
    expect(score(["CN"], { safeguard: "unknown" }).tokens).toEqual(["CN", "unknown"]);
  });

  it("keeps unanswered, unknown, n/a and invalid answers as in 1.0.0", () => {
    expect(score(undefined)).toMatchObject({ status: "unanswered", reason: "no answer → 0" });
    expect(score(null)).toMatchObject({ status: "unanswered" });
    expect(score("  ")).toMatchObject({ status: "unanswered" });
    expect(score([])).toMatchObject({
      status: "unknown",
      points: 0,
      reason: "no countries given → 0 (unknown)",
    });
    expect(score("unknown")).toMatchObject({ status: "unknown", points: 0 });
    expect(score("na")).toMatchObject({ status: "not_applicable", countsInScore: false });
    for (const raw of [["Germany"], "DE", [1], ["D"], { DE: true }]) {
      expect(score(raw).reason).toMatch(/^invalid answer/);
    }
  });
});
