import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { findDraft, findLatestPublished, findTemplate } from "./find-template.server";
import { publishTemplateVersion, templateChecksum } from "./publish-template-version.server";
import { draftConflict } from "./save-template-draft.server";
import { requireTemplateWriter, type TemplateActor } from "./template-access";

export const publishTemplateDraftSchema = z.object({
  templateId: z.string().min(1).max(64),
  revision: z.coerce.number().int().min(1),
});

/**
 * Publishes the draft as the next version: validated again, refused when it is identical to the
 * latest published version (a version without changes would only confuse), numbered after every
 * existing version. From then on it is immutable; running assessments keep their own version.
 */
export async function publishTemplateDraft(
  actor: TemplateActor,
  input: z.input<typeof publishTemplateDraftSchema>,
) {
  requireTemplateWriter(actor);
  const { templateId, revision } = publishTemplateDraftSchema.parse(input);
  return inTransaction(async (tx) => {
    const template = await findTemplate(actor, templateId, tx);
    const draft = await findDraft(template.id, tx);
    if (!draft || draft.revision !== revision) throw draftConflict(draft?.revision ?? null);
    const latest = await findLatestPublished(template.id, tx);
    if (latest && latest.checksum === templateChecksum(draft.definition)) {
      throw new DomainError("INVALID_STATE", "errors.draftIdentical", {
        params: { version: latest.version },
        reason: "identical",
        version: latest.version,
      });
    }
    const published = await publishTemplateVersion(tx, actor, {
      templateId: template.id,
      definition: draft.definition,
      origin: draft.origin === "import" ? "import" : "editor",
      draft: { id: draft.id, revision },
      payload: { previousVersion: latest?.version ?? null },
    });
    await tx.questionnaireTemplate.update({
      where: { id: template.id },
      data: { name: draft.definition.title.en },
    });
    return published;
  });
}
