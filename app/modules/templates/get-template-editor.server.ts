import { z } from "zod";
import { findDraft, findTemplate } from "./find-template.server";
import { requireTemplateWriter, type TemplateActor } from "./template-access";
import { serializeTemplate } from "./template-file";
import {
  citationCatalogueFor,
  referenceKeysOf,
} from "../regulations/citations/citation-catalogue.server";
import { citationOf } from "../regulations/citations/cite-provision";
import type { TemplateDefinition } from "../questionnaires/template-definition";

/** Each catalogue key the draft cites, as the editor shows it read-only: DE/EN and whether known. */
async function referenceCitations(organizationId: string, definition: TemplateDefinition) {
  const keys = [...new Set(referenceKeysOf(definition))];
  const catalogue = await citationCatalogueFor({ organizationId }, keys);
  return Object.fromEntries(
    keys.map((key) => [
      key,
      {
        en: citationOf(key, "en", catalogue).text,
        de: citationOf(key, "de", catalogue).text,
        known: catalogue.provision(key) !== undefined,
      },
    ]),
  );
}

// Any string: an id that is not one of the organisation's templates is NOT_FOUND, whatever its shape.
export const getTemplateEditorSchema = z.object({ templateId: z.string() });
export type GetTemplateEditorInput = z.infer<typeof getTemplateEditorSchema>;

/**
 * What the draft editor shows: the template, its open draft and the draft as YAML for the
 * advanced view. `draft: null` when there is no open draft (the page sends the user to the
 * template). NOT_FOUND for a template of another organisation.
 */
export async function getTemplateEditor(actor: TemplateActor, input: GetTemplateEditorInput) {
  requireTemplateWriter(actor);
  const { templateId } = getTemplateEditorSchema.parse(input);
  const template = await findTemplate(actor, templateId);
  const draft = await findDraft(template.id);
  if (!draft) return { template, draft: null, yaml: null };
  return {
    template,
    draft: {
      id: draft.id,
      version: draft.version,
      revision: draft.revision,
      definition: draft.definition,
      citations: await referenceCitations(actor.organizationId, draft.definition),
    },
    yaml: serializeTemplate(draft.definition, "yaml"),
  };
}
