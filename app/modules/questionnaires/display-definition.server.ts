import { db, type Tx } from "../../utils/db.server";
import type { CatalogueReader } from "../regulations/catalogue-scope";
import { dateToDay } from "../regulations/catalogue-days";
import { citeProvision } from "../regulations/citations/cite-provision";
import { placeholderWindowsOn } from "../regulations/placeholder-windows.server";
import { placeholderKeysOf, resolveDefinitionPlaceholders } from "./date-placeholders";
import type { TemplateDefinition } from "./template-definition";

/**
 * A definition as the reader sees it on `onDay` (issue 21 item 6): every date placeholder replaced
 * by the day its provision applies from per the catalogue in force that day (bundled and the
 * organisation's imports). The one place display loaders call, so the portal, the assessment page
 * and the report show the same text; the stored definition keeps the placeholders. No query when
 * the definition has none.
 */
export async function displayDefinition(
  definition: TemplateDefinition,
  reader: CatalogueReader,
  onDay: Date = new Date(),
  client: Tx | ReturnType<typeof db> = db(),
): Promise<TemplateDefinition> {
  const keys = placeholderKeysOf(definition);
  if (keys.length === 0) return definition;
  const windowsOf = await placeholderWindowsOn(reader, keys, dateToDay(onDay), client);
  // A key the catalogue no longer resolves (an import removed) reads as the provision's citation.
  return resolveDefinitionPlaceholders(definition, windowsOf, (key, locale) =>
    citeProvision(key, locale),
  );
}
