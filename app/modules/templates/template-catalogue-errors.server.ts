import { db, type Tx } from "../../utils/db.server";
import { datePlaceholderErrors } from "../questionnaires/date-placeholder-errors";
import { placeholderKeysOf } from "../questionnaires/date-placeholders";
import {
  templateError,
  type TemplateDefinition,
  type TemplateDefinitionError,
} from "../questionnaires/template-definition";
import { dateToDay } from "../regulations/catalogue-days";
import { visibleTo } from "../regulations/catalogue-scope";
import { bundledCitationCatalogue } from "../regulations/citations/cite-provision";
import { placeholderWindowsOn } from "../regulations/placeholder-windows.server";

/**
 * What the schema cannot check because it needs the regulation catalogue the organisation sees
 * (issue 21): every `references` key names a provision (bundled, or of the organisation's
 * imported frameworks), and every date placeholder resolves to one day today. Run where a
 * definition is saved or imported, so an author's mistake is a template error (DE/EN) with its
 * path, never a broken page later.
 */
export async function templateCatalogueErrors(
  definition: TemplateDefinition,
  organizationId: string,
  client: Tx | ReturnType<typeof db> = db(),
  today: Date = new Date(),
): Promise<TemplateDefinitionError[]> {
  const reader = { organizationId };
  const bundled = bundledCitationCatalogue();
  const cited = definition.sections.flatMap((s) => s.questions.flatMap((q) => q.references));
  const notBundled = [...new Set(cited.filter((key) => !bundled.provision(key)))];
  const imported =
    notBundled.length === 0
      ? new Set<string>()
      : new Set(
          (
            await client.provision.findMany({
              where: { key: { in: notBundled }, version: { instrument: visibleTo(reader) } },
              select: { key: true },
            })
          ).map((row) => row.key),
        );
  const errors: TemplateDefinitionError[] = [];
  definition.sections.forEach((section, s) =>
    section.questions.forEach((question, q) =>
      question.references.forEach((key, r) => {
        if (!bundled.provision(key) && !imported.has(key))
          errors.push(
            templateError(
              `sections[${s}].questions[${q}].references[${r}]`,
              "templateErrors.referenceUnknown",
              {
                key,
              },
            ),
          );
      }),
    ),
  );
  const placeholderKeys = placeholderKeysOf(definition);
  if (placeholderKeys.length > 0) {
    const windowsOf = await placeholderWindowsOn(reader, placeholderKeys, dateToDay(today), client);
    errors.push(...datePlaceholderErrors(definition, windowsOf));
  }
  return errors;
}
