// The simple entry point: scores one assessment with the method version named in the options.
// "1.0.0" runs the frozen 1.0.0 rules (reproducing stored results byte for byte); "1.1.0" and
// "1.2.0" validate and index the template (prepareTemplate) and score it (scorePrepared). To score
// many answer sets against one template, call those two directly. Pure.

import {
  METHOD_VERSION_1_0_0,
  METHOD_VERSION_1_1_0,
  METHOD_VERSION_1_2_0,
  SUPPORTED_METHOD_VERSIONS,
} from "./method-version";
import { prepareTemplate } from "./prepare-template";
import { scoreAssessmentV1_0 } from "./score-assessment-1-0-0";
import { scorePrepared } from "./score-prepared";
import { ScoringInputError, type ScoreAssessmentInput, type ScoringResult } from "./types";
import { isRecord } from "./validate-template";

const OPTIONS_SINCE_1_1_0 = [
  "adequacyDecisions",
  "weightProfile",
  "residencyFlows",
  "countryFlowDefaults",
] as const;

/**
 * Scores an assessment. Throws ScoringInputError for invalid templates, options, weight profiles
 * or residency flows, never for answers.
 */
export function scoreAssessment(input: ScoreAssessmentInput): ScoringResult {
  const options: unknown = isRecord(input) ? input.options : undefined;
  if (!isRecord(options)) throw new ScoringInputError("options are required");
  switch (options.methodVersion) {
    case METHOD_VERSION_1_0_0: {
      for (const name of OPTIONS_SINCE_1_1_0) {
        if (options[name] !== undefined) {
          throw new ScoringInputError(
            `method 1.0.0 does not support options.${name} (it was added in ${METHOD_VERSION_1_1_0})`,
          );
        }
      }
      return scoreAssessmentV1_0(input);
    }
    case METHOD_VERSION_1_1_0:
    case METHOD_VERSION_1_2_0:
      return scorePrepared(prepareTemplate(input.template, input.options), input.answers, {
        residencyFlows: input.options.residencyFlows,
        countryFlowDefaults: input.options.countryFlowDefaults,
      });
    default:
      throw new ScoringInputError(
        `unsupported scoring method version ${String(options.methodVersion)} (supported: ${SUPPORTED_METHOD_VERSIONS.join(", ")})`,
      );
  }
}
