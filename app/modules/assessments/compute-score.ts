import {
  METHOD_VERSION_1_1_0,
  METHOD_VERSION_1_2_0,
  SCORING_METHOD_VERSION,
  canonicalJson,
  prepareTemplate,
  scorePrepared,
  type PreparedTemplate,
  type ResidencyReference,
  type ScoringResult,
  type WeightProfile,
} from "../../../scoring";
import { EU_EEA_CODES } from "../../reference-data/countries";
import { answersForScoring } from "../questionnaires/scoring-answers";
import {
  catalogueAdequacyAsOf,
  catalogueAdequacyRevision,
} from "../regulations/adequacy-from-catalogue.server";
import { knockOutDaysOn } from "../questionnaires/knock-out-days";
import {
  toScoringTemplate,
  type KnockOutDays,
  type TemplateDefinition,
} from "../questionnaires/template-definition";
import { residencyFlowDefaults, residencyFlowsFromAnswers } from "./residency-flows";

/**
 * The reference data of the residency rating on `asOf`: EU/EEA states and the dated, scoped
 * adequacy decisions of the regulation catalogue as the law stood that day (the versions in force
 * on it). The vendor portal's country groups read the same (country-groups.server.ts).
 */
export function residencyReferenceData(asOf: string): ResidencyReference {
  return { euEea: [...EU_EEA_CODES], adequacy: catalogueAdequacyAsOf(asOf).decisions };
}

/** Where computeScore may find and keep prepared templates (prepared-template-cache.server.ts). */
export interface PreparedTemplateLookup {
  /** The prepared template stored under `key`, built with `build` (and kept) when there is none. */
  get(key: string, build: () => PreparedTemplate): PreparedTemplate;
}

export interface ComputeScoreOptions {
  /** The organisation's weight profile; absent: the template's own weights. */
  weightProfile?: WeightProfile | null;
  /**
   * Reuse the prepared template of a PUBLISHED (so immutable) template version: preparing it
   * (validation, weights, best answers, residency reference) costs more than scoring one answer
   * set. The key holds everything else the prepared template depends on (see preparedTemplateKey).
   */
  preparedTemplates?: { templateVersionId: string; cache: PreparedTemplateLookup };
  /**
   * The scoring method: a new score uses the current one (SCORING_METHOD_VERSION); recomputing a
   * stored score (a what-if beside it, a re-rating) passes the version it was stored with, so the
   * figures differ by what was asked for and not by a newer method.
   */
  methodVersion?: string;
}

/**
 * Everything a prepared template of computeScore depends on besides the version's definition:
 * the weight profile (as applied to this template), the reference date (adequacy decisions in
 * force, date thresholds), the revision of the catalogue's adequacy facts, the scoring method
 * and the resolved days of dated knock-outs (method 1.2.0: a catalogue that moves a provision's
 * day gives another key, never a stale prepared template). The answers' show-if outcome is not
 * part of it: hidden questions are passed to scorePrepared as not required.
 */
export function preparedTemplateKey(
  templateVersionId: string,
  asOf: string,
  profile: WeightProfile | undefined,
  adequacyRevision: string = catalogueAdequacyRevision(),
  methodVersion: string = SCORING_METHOD_VERSION,
  knockOutDays: KnockOutDays | null = null,
): string {
  return canonicalJson({
    templateVersionId,
    asOf,
    profile: profile ?? null,
    adequacyRevision,
    methodVersion,
    knockOutDays,
  });
}

/**
 * The method to recompute a stored score with: the one it was stored with when computeScore can
 * run it (1.1.0 and later), so a stored 1.1.0 score is recomputed by 1.1.0's rules; else (1.0.0,
 * whose results lack what the pages compare) the current method.
 */
export function methodVersionToRecompute(stored: { methodVersion: string }): string {
  return stored.methodVersion === METHOD_VERSION_1_1_0 ||
    stored.methodVersion === METHOD_VERSION_1_2_0
    ? stored.methodVersion
    : SCORING_METHOD_VERSION;
}

/** Dated knock-outs exist from method 1.2.0 on; 1.1.0 never read them (its results ignore them). */
function knockOutDaysFor(
  methodVersion: string,
  definition: TemplateDefinition,
  asOf: string,
): KnockOutDays | null {
  return methodVersion === METHOD_VERSION_1_1_0 ? null : knockOutDaysOn(definition, asOf);
}

/**
 * Scores one assessment with the current scoring method (or `options.methodVersion`): section and
 * overall scores, tier, knock-outs, transparency index, residency rating and explanations. `asOf`
 * (YYYY-MM-DD) fixes the legal reference date (adequacy decisions and knock-out days in force),
 * so a stored result can be reproduced exactly from the same template version, answers, weight
 * profile and method version. With `options.preparedTemplates` the prepared template is reused;
 * the result is the same.
 */
export function computeScore(
  definition: TemplateDefinition,
  answers: Record<string, unknown>,
  asOf: string,
  options: ComputeScoreOptions = {},
): ScoringResult {
  const { answers: scoringAnswers, hidden } = answersForScoring(definition, answers);
  const profile = options.weightProfile
    ? profileForTemplate(options.weightProfile, definition)
    : undefined;
  const methodVersion = options.methodVersion ?? SCORING_METHOD_VERSION;
  const knockOutDays = knockOutDaysFor(methodVersion, definition, asOf);
  const prepare = () => {
    const reference = residencyReferenceData(asOf);
    return prepareTemplate(toScoringTemplate(definition, "en", undefined, knockOutDays), {
      methodVersion,
      euEeaCountries: reference.euEea,
      adequacyDecisions: reference.adequacy,
      asOf,
      ...(profile ? { weightProfile: profile } : {}),
    });
  };
  const lookup = options.preparedTemplates;
  const prepared = lookup
    ? lookup.cache.get(
        preparedTemplateKey(
          lookup.templateVersionId,
          asOf,
          profile,
          catalogueAdequacyRevision(),
          methodVersion,
          knockOutDays,
        ),
        prepare,
      )
    : prepare();
  return scorePrepared(prepared, scoringAnswers, {
    residencyFlows: residencyFlowsFromAnswers(definition, answers, hidden),
    countryFlowDefaults: residencyFlowDefaults(definition, answers),
    // A question hidden by its show-if rule is never required.
    notRequired: hidden,
  });
}

/**
 * An organisation's profile applies to every template; the library refuses keys a template does
 * not have, so keep only the sections and questions this template contains.
 */
export function profileForTemplate(
  profile: WeightProfile,
  definition: TemplateDefinition,
): WeightProfile {
  // Runs on every score (it is part of the prepared-template key): no key sets for empty weights.
  const pick = (weights: Record<string, number> | undefined, keysOf: () => Set<string>) => {
    const entries = Object.entries(weights ?? {});
    if (entries.length === 0) return {};
    const keys = keysOf();
    return Object.fromEntries(entries.filter(([key]) => keys.has(key)));
  };
  return {
    id: profile.id,
    name: profile.name,
    sectionWeights: pick(
      profile.sectionWeights,
      () => new Set(definition.sections.map((s) => s.key)),
    ),
    questionWeights: pick(
      profile.questionWeights,
      () => new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.key))),
    ),
  };
}

/** The tool's recommendation beside the human decision: approve only without knock-outs and with a low or medium tier. */
export function recommendationFor(
  result: Pick<ScoringResult, "knockOuts" | "riskTier">,
): "APPROVE" | "REJECT" {
  if (result.knockOuts.length > 0) return "REJECT";
  return result.riskTier === "low" || result.riskTier === "medium" ? "APPROVE" : "REJECT";
}
