import {
  placeholderDay,
  placeholdersIn,
  placeholderTexts,
  type WindowsOf,
} from "./date-placeholders";
import {
  templateError,
  type TemplateDefinition,
  type TemplateDefinitionError,
} from "./template-definition";

/**
 * The template errors of a definition's date placeholders against the catalogue (issue 21 item
 * 6): a key the catalogue lacks, a condition without a window, several days without a condition.
 * Malformed placeholders are the schema's errors already (template-definition.ts).
 */
export function datePlaceholderErrors(
  definition: TemplateDefinition,
  windowsOf: WindowsOf,
): TemplateDefinitionError[] {
  const errors: TemplateDefinitionError[] = [];
  for (const { path, text } of placeholderTexts(definition)) {
    for (const locale of ["en", "de"] as const) {
      for (const placeholder of placeholdersIn(text[locale]).found) {
        const result = placeholderDay(placeholder, windowsOf);
        if (result.ok) continue;
        const at = `${path}.${locale}`;
        const conditions = result.conditions.join(", ") || "–";
        if (result.reason === "unknown_provision")
          errors.push(
            templateError(at, "templateErrors.placeholderUnknownProvision", {
              key: placeholder.key,
            }),
          );
        else if (result.reason === "ambiguous")
          errors.push(
            templateError(at, "templateErrors.placeholderAmbiguous", {
              key: placeholder.key,
              conditions,
            }),
          );
        else
          errors.push(
            templateError(at, "templateErrors.placeholderNoWindow", {
              key: placeholder.key,
              condition: placeholder.condition ?? "–",
              conditions,
            }),
          );
      }
    }
  }
  return errors;
}
