import { SCORING_METHOD_VERSION, scoreAssessment, type ResidencyReference, type ScoringResult, type WeightProfile } from "../../../scoring";
import { adequacyDecisionsForScoring } from "../../reference-data/adequacy-decisions";
import { EU_EEA_CODES } from "../../reference-data/countries";
import { answersForScoring } from "../questionnaires/scoring-answers";
import { toScoringTemplate, type TemplateDefinition } from "../questionnaires/template-definition";
import { residencyFlowDefaults, residencyFlowsFromAnswers } from "./residency-flows";

/**
 * The reference data of the residency rating: EU/EEA states and every dated, scoped adequacy
 * decision. The vendor portal's country groups read the same (country-groups.server.ts).
 */
export function residencyReferenceData(): ResidencyReference {
  return { euEea: [...EU_EEA_CODES], adequacy: adequacyDecisionsForScoring() };
}

export interface ComputeScoreOptions {
  /** The organisation's weight profile; absent: the template's own weights. */
  weightProfile?: WeightProfile | null;
}

/**
 * Scores one assessment with the current scoring method: section and overall scores, tier,
 * knock-outs, transparency index, residency rating and explanations. `asOf` (YYYY-MM-DD) fixes
 * the legal reference date (adequacy decisions in force), so a stored result can be reproduced
 * exactly from the same template version, answers, weight profile and method version.
 */
export function computeScore(
  definition: TemplateDefinition,
  answers: Record<string, unknown>,
  asOf: string,
  options: ComputeScoreOptions = {},
): ScoringResult {
  const { answers: scoringAnswers, hidden } = answersForScoring(definition, answers);
  const reference = residencyReferenceData();
  return scoreAssessment({
    template: toScoringTemplate(definition, "en", hidden),
    answers: scoringAnswers,
    options: {
      methodVersion: SCORING_METHOD_VERSION,
      euEeaCountries: reference.euEea,
      adequacyDecisions: reference.adequacy,
      asOf,
      ...(options.weightProfile ? { weightProfile: profileForTemplate(options.weightProfile, definition) } : {}),
      residencyFlows: residencyFlowsFromAnswers(definition, answers, hidden),
      countryFlowDefaults: residencyFlowDefaults(definition, answers),
    },
  });
}

/**
 * An organisation's profile applies to every template; the library refuses keys a template does
 * not have, so keep only the sections and questions this template contains.
 */
function profileForTemplate(profile: WeightProfile, definition: TemplateDefinition): WeightProfile {
  const sectionKeys = new Set(definition.sections.map((s) => s.key));
  const questionKeys = new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.key)));
  const pick = (weights: Record<string, number> | undefined, keys: Set<string>) =>
    Object.fromEntries(Object.entries(weights ?? {}).filter(([key]) => keys.has(key)));
  return {
    id: profile.id,
    name: profile.name,
    sectionWeights: pick(profile.sectionWeights, sectionKeys),
    questionWeights: pick(profile.questionWeights, questionKeys),
  };
}

/** The tool's recommendation beside the human decision: approve only without knock-outs and with a low or medium tier. */
export function recommendationFor(result: Pick<ScoringResult, "knockOuts" | "riskTier">): "APPROVE" | "REJECT" {
  if (result.knockOuts.length > 0) return "REJECT";
  return result.riskTier === "low" || result.riskTier === "medium" ? "APPROVE" : "REJECT";
}
