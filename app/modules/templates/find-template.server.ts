import type { Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import type { TemplateActor } from "./template-access";

type Client = Tx | ReturnType<typeof db>;

/** The template with this id in the actor's organisation; NOT_FOUND for any other id. */
export async function findTemplate(
  actor: TemplateActor,
  templateId: string,
  client: Client = db(),
) {
  const template = await client.questionnaireTemplate.findFirst({
    where: { id: templateId, organizationId: actor.organizationId },
    select: { id: true, key: true, name: true },
  });
  if (!template) throw new DomainError("NOT_FOUND", "errors.templateNotFound");
  return template;
}

/** The template's open draft (at most one), with its definition parsed again (house rule 5). */
export async function findDraft(templateId: string, client: Client = db()) {
  const draft = await client.templateVersion.findFirst({
    where: { templateId, status: "DRAFT" },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      revision: true,
      definition: true,
      origin: true,
      createdAt: true,
    },
  });
  return draft ? { ...draft, definition: parseStoredDefinition(draft.definition) } : null;
}

/** The newest PUBLISHED version, parsed; null when the template has none yet. */
export async function findLatestPublished(templateId: string, client: Client = db()) {
  const version = await client.templateVersion.findFirst({
    where: { templateId, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: { id: true, version: true, checksum: true, definition: true },
  });
  return version ? { ...version, definition: parseStoredDefinition(version.definition) } : null;
}
