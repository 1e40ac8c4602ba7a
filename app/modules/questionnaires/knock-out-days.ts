// Dated knock-outs (scoring method 1.2.0): a knock-out's `from` is a day or a catalogue provision
// key ("eu:2024/1689:art:6:par:2", optionally "|<window condition>"). This module checks that a
// provision key resolves (template validation on the server: the catalogue is too large for the
// browser's copy of the schema) and resolves every `from` to its day for one scoring reference
// day. Pure: the bundled regulation snapshot is its only data.

import { parseIsoDay } from "../../../scoring";
import { translate } from "../../utils/i18n";
import { provisionAppliesFrom } from "../regulations/provision-applies-from";
import {
  templateError,
  type KnockOutDays,
  type TemplateDefinition,
  type TemplateDefinitionError,
} from "./template-definition";

const REASON_KEYS = {
  unknown: "templateErrors.knockOutFromUnknown",
  noWindow: "templateErrors.knockOutFromNoDay",
  ambiguous: "templateErrors.knockOutFromAmbiguous",
} as const;

/**
 * Errors for knock-outs whose `from` names a provision the catalogue does not know, or one
 * without a single application day (paths as the schema's errors have them). Days and keys that
 * are not well formed are the schema's job (templateErrors.knockOutFrom).
 */
export function knockOutDayErrors(definition: TemplateDefinition): TemplateDefinitionError[] {
  const errors: TemplateDefinitionError[] = [];
  definition.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      const from = question.knockOut?.from;
      if (from === undefined || parseIsoDay(from) !== null) return;
      const resolved = provisionAppliesFrom(from, null);
      if (resolved.ok) return;
      errors.push(
        templateError(
          `sections[${sectionIndex}].questions[${questionIndex}].knockOut.from`,
          REASON_KEYS[resolved.reason],
          { value: from },
        ),
      );
    });
  });
  return errors;
}

/**
 * The day every dated knock-out applies from, as the law stood on `asOf` (the version of the
 * provision's instrument in force that day). Null when no knock-out is dated. Throws for a
 * provision that does not resolve: templates are validated (knockOutDayErrors) before they are
 * stored, so that is a defect, not a user's mistake.
 */
export function knockOutDaysOn(definition: TemplateDefinition, asOf: string): KnockOutDays | null {
  let days: Record<string, string> | null = null;
  // Runs on every score: no copies of the questions (questionsOf would make one per question).
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const from = question.knockOut?.from;
      if (from === undefined) continue;
      days ??= {};
      if (parseIsoDay(from) !== null) {
        days[question.key] = from;
        continue;
      }
      const resolved = provisionAppliesFrom(from, asOf);
      if (!resolved.ok) {
        throw new Error(
          `knock-out of ${question.key}: ${translate("en", REASON_KEYS[resolved.reason], { value: from })}`,
        );
      }
      days[question.key] = resolved.day;
    }
  }
  return days;
}
