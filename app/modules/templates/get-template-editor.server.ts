import { z } from "zod";
import { findDraft, findTemplate } from "./find-template.server";
import { requireTemplateWriter, type TemplateActor } from "./template-access";
import { serializeTemplate } from "./template-file";

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
    },
    yaml: serializeTemplate(draft.definition, "yaml"),
  };
}
