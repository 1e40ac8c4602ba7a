import { z } from "zod";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { findDraft, findTemplate } from "./find-template.server";
import { draftConflict } from "./save-template-draft.server";
import { requireTemplateWriter, type TemplateActor } from "./template-access";

export const discardTemplateDraftSchema = z.object({
  templateId: z.string().min(1).max(64),
  revision: z.coerce.number().int().min(1),
});

/** Deletes the open draft, but only the revision the author saw (a colleague's later edits are not thrown away unseen). */
export async function discardTemplateDraft(
  actor: TemplateActor,
  input: z.input<typeof discardTemplateDraftSchema>,
) {
  requireTemplateWriter(actor);
  const { templateId, revision } = discardTemplateDraftSchema.parse(input);
  return inTransaction(async (tx) => {
    const template = await findTemplate(actor, templateId, tx);
    const draft = await findDraft(template.id, tx);
    if (!draft || draft.revision !== revision) throw draftConflict(draft?.revision ?? null);
    const deleted = await tx.templateVersion.deleteMany({
      where: { id: draft.id, status: "DRAFT", revision },
    });
    if (deleted.count !== 1) throw draftConflict(null);
    await recordAuditEvent(tx, actor, {
      action: "template.draft_discarded",
      target: { type: "template", id: template.id },
      payload: { key: template.key, draftVersionId: draft.id, version: draft.version, revision },
    });
    return { templateId: template.id };
  });
}
