import { SCORING_METHOD_VERSION, scoreAssessment, type ScoringResult } from "../../../scoring";
import { EU_EEA_CODES } from "../../../seeds/reference/countries";
import { wholeCountryAdequacyCodes } from "../../../seeds/reference/adequacy-decisions";
import { toScoringTemplate, type TemplateDefinition } from "../questionnaires/template-definition";

/**
 * Scores one assessment with the current scoring method. `asOf` (YYYY-MM-DD) fixes the legal
 * reference date (adequacy decisions in force) so a stored result can be reproduced exactly.
 */
export function computeScore(definition: TemplateDefinition, answers: Record<string, unknown>, asOf: string): ScoringResult {
  return scoreAssessment({
    template: toScoringTemplate(definition),
    answers,
    options: {
      methodVersion: SCORING_METHOD_VERSION,
      euEeaCountries: [...EU_EEA_CODES],
      adequacyCountries: wholeCountryAdequacyCodes(asOf),
      asOf,
    },
  });
}

/** The tool's recommendation beside the human decision: approve only without knock-outs and with a low or medium tier. */
export function recommendationFor(result: Pick<ScoringResult, "knockOuts" | "riskTier">): "APPROVE" | "REJECT" {
  if (result.knockOuts.length > 0) return "REJECT";
  return result.riskTier === "low" || result.riskTier === "medium" ? "APPROVE" : "REJECT";
}
