import type { Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { displayDefinition } from "./display-definition.server";
import { parseTemplateDefinition, type TemplateDefinition } from "./template-definition";

/** Stored JSON is parsed again on read: a definition that no longer validates is an error. */
export function parseStoredDefinition(json: string): TemplateDefinition {
  const parsed = parseTemplateDefinition(JSON.parse(json));
  if (!parsed.ok)
    throw new Error(`Stored template definition is invalid at ${parsed.errors[0]?.path}`);
  return parsed.definition;
}

/**
 * A template version for the pages, the report and the scoring that shows its texts: parsed,
 * with every date placeholder resolved for today against the catalogue its organisation sees
 * (issue 21 item 6; display-definition.server.ts). The stored definition keeps the placeholders;
 * code that compares or edits definitions reads them with parseStoredDefinition.
 */
export async function loadTemplateVersion(
  templateVersionId: string,
  client: Tx | ReturnType<typeof db> = db(),
) {
  const version = await client.templateVersion.findUnique({
    where: { id: templateVersionId },
    select: {
      id: true,
      version: true,
      definition: true,
      template: { select: { name: true, key: true, organizationId: true } },
    },
  });
  if (!version) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  const definition = parseStoredDefinition(version.definition);
  return {
    ...version,
    definition: await displayDefinition(
      definition,
      { organizationId: version.template.organizationId },
      new Date(),
      client,
    ),
  };
}
