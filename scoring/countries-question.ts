// Method 1.1.0 scoring of a countries question through the residency rating: every listed
// country is classified like a data flow (with the assessment's `countryFlowDefaults` safeguard
// and recipient); the question earns the points of its worst country (1 / 0.8 / 0.5 / 0 / 0).
// Malformed answers never throw. Pure.

import {
  RESIDENCY_CLASS_POINTS,
  classifyCountry,
  residencyClassLabel,
  worseResidencyClass,
  type CountryClassification,
  type PreparedResidencyReference,
} from "./residency";
import {
  describe,
  invalid,
  notApplicable,
  scored,
  sortedUnique,
  unanswered,
  unknown,
  type QuestionEvaluation,
} from "./score-question";
import {
  NOT_APPLICABLE_VALUE,
  UNKNOWN_VALUE,
  type CountryFlowDefaults,
  type ResidencyRatingClass,
  type ScoringQuestion,
} from "./types";

const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Scores a countries answer by the residency class of its worst country. */
export function scoreCountriesByResidency(
  question: ScoringQuestion,
  raw: unknown,
  reference: PreparedResidencyReference,
  defaults: CountryFlowDefaults,
): QuestionEvaluation {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return unanswered(question, "no answer");
  }
  if (raw === UNKNOWN_VALUE) return unknown(question);
  if (raw === NOT_APPLICABLE_VALUE) return notApplicable();
  if (!Array.isArray(raw)) {
    return invalid(question, `expected a list of ISO country codes, got ${describe(raw)}`);
  }
  const items: unknown[] = raw;
  const codes: string[] = [];
  for (const item of items) {
    const code = typeof item === "string" ? item.trim().toUpperCase() : "";
    if (!COUNTRY_CODE.test(code)) {
      return invalid(question, `expected ISO 3166-1 alpha-2 country codes, got ${describe(item)}`);
    }
    codes.push(code);
  }
  const unique = sortedUnique(codes);
  if (unique.length === 0) return unknown(question, "no countries given");

  const classified: CountryClassification[] = unique.map((code) =>
    classifyCountry(code, defaults.safeguard, defaults.recipient, reference),
  );
  let worst: ResidencyRatingClass = "eu_eea";
  const classes = new Set<string>();
  for (const entry of classified) {
    worst = worseResidencyClass(worst, entry.class);
    classes.add(entry.class);
    if (
      entry.class === "third_country_safeguards" ||
      entry.class === "third_country_no_safeguards"
    ) {
      classes.add("third_country");
    }
  }
  const tokens = sortedUnique([...unique, ...classes]);
  const worstEntries = classified.filter((entry) => entry.class === worst);
  const label = residencyClassLabel(worst);
  if (worst === "eu_eea") {
    return scored(1, `all in EU/EEA (${unique.join(", ")})`, tokens);
  }
  if (worst === "adequacy") {
    return scored(
      RESIDENCY_CLASS_POINTS.adequacy,
      `${label} (${worstEntries.map((entry) => entry.country).join(", ")})`,
      tokens,
    );
  }
  const detail = worstEntries.map((entry) => entry.reason).join(" | ");
  if (worst === "unknown") {
    return {
      status: "unknown",
      points: 0,
      reason: `residency unknown (${detail}) → 0 (unknown)`,
      countsInScore: true,
      tokens,
    };
  }
  return scored(RESIDENCY_CLASS_POINTS[worst], `${label} (${detail})`, tokens);
}
