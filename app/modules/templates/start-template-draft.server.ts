import { z } from "zod";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { starterDefinition } from "./draft-edits";
import { findDraft, findLatestPublished, findTemplate } from "./find-template.server";
import {
  nextVersionNumber,
  storedDefinition,
  templateChecksum,
} from "./publish-template-version.server";
import { createdByOf, requireTemplateWriter, type TemplateActor } from "./template-access";

export const startTemplateDraftSchema = z.object({ templateId: z.string().min(1).max(64) });

/**
 * Opens the draft of the next version as a copy of the latest published one. A template has at
 * most one draft: when one is open already (a colleague started it), that one is returned.
 */
export async function startTemplateDraft(
  actor: TemplateActor,
  input: z.input<typeof startTemplateDraftSchema>,
) {
  requireTemplateWriter(actor);
  const { templateId } = startTemplateDraftSchema.parse(input);
  return inTransaction(async (tx) => {
    const template = await findTemplate(actor, templateId, tx);
    const open = await findDraft(template.id, tx);
    if (open) return { id: open.id, version: open.version, created: false };
    const latest = await findLatestPublished(template.id, tx);
    const definition =
      latest?.definition ??
      starterDefinition(template.key, { en: template.name, de: template.name });
    const version = await nextVersionNumber(tx, actor.organizationId, template.id);
    const draft = await tx.templateVersion.create({
      data: {
        templateId: template.id,
        version,
        status: "DRAFT",
        definition: storedDefinition(definition),
        checksum: templateChecksum(definition),
        origin: "editor",
        createdById: createdByOf(actor),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "template.draft_started",
      target: { type: "template", id: template.id },
      payload: {
        key: template.key,
        draftVersionId: draft.id,
        version,
        basedOnVersion: latest?.version ?? null,
      },
    });
    return { id: draft.id, version, created: true };
  });
}
