import type { Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { parseTemplateDefinition, type TemplateDefinition } from "./template-definition";

/** Stored JSON is parsed again on read: a definition that no longer validates is an error. */
export function parseStoredDefinition(json: string): TemplateDefinition {
  const parsed = parseTemplateDefinition(JSON.parse(json));
  if (!parsed.ok)
    throw new Error(`Stored template definition is invalid at ${parsed.errors[0]?.path}`);
  return parsed.definition;
}

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
      template: { select: { name: true, key: true } },
    },
  });
  if (!version) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  return { ...version, definition: parseStoredDefinition(version.definition) };
}
