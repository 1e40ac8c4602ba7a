import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import {
  parseTemplateDefinition,
  templateError,
  type TemplateDefinitionError,
} from "../questionnaires/template-definition";
import { knockOutDayErrors } from "../questionnaires/knock-out-days";
import { findDraft, findTemplate } from "./find-template.server";
import { templateCatalogueErrors } from "./template-catalogue-errors.server";
import { storedDefinition, templateChecksum } from "./publish-template-version.server";
import { requireTemplateWriter, type TemplateActor } from "./template-access";

export const saveTemplateDraftSchema = z.object({
  templateId: z.string().min(1).max(64),
  /** The draft revision the author's page showed: optimistic concurrency. */
  revision: z.coerce.number().int().min(1),
  definition: z.unknown(),
  /** What the edit was (e.g. "question.updated"), recorded in the audit event. */
  change: z.string().max(80),
});
export type SaveTemplateDraftInput = z.input<typeof saveTemplateDraftSchema>;

export type SaveTemplateDraftResult =
  | { ok: true; revision: number; unchanged: boolean }
  | { ok: false; errors: TemplateDefinitionError[] };

/** Thrown (as CONFLICT) when the draft moved on since the author loaded it; carries the current revision. */
export function draftConflict(current: number | null): DomainError {
  return current === null
    ? new DomainError("CONFLICT", "errors.draftGone", { currentRevision: current })
    : new DomainError("CONFLICT", "errors.draftChangedRevision", {
        currentRevision: current,
        params: { revision: current },
      });
}

/**
 * Replaces the draft's whole definition after validating it with the template schema. A stale
 * revision is a CONFLICT and nothing is overwritten; an invalid definition comes back as a list
 * of errors with their paths and nothing is stored.
 */
export async function saveTemplateDraft(
  actor: TemplateActor,
  input: SaveTemplateDraftInput,
): Promise<SaveTemplateDraftResult> {
  requireTemplateWriter(actor);
  const {
    templateId,
    revision,
    definition: candidate,
    change,
  } = saveTemplateDraftSchema.parse(input);
  return inTransaction(async (tx) => {
    const template = await findTemplate(actor, templateId, tx);
    const draft = await findDraft(template.id, tx);
    if (!draft || draft.revision !== revision) throw draftConflict(draft?.revision ?? null);
    const parsed = parseTemplateDefinition(candidate);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const dayErrors = knockOutDayErrors(parsed.definition);
    if (dayErrors.length > 0) return { ok: false, errors: dayErrors };
    if (parsed.definition.key !== template.key) {
      return {
        ok: false,
        errors: [templateError("key", "templateErrors.keyMustStay", { key: template.key })],
      };
    }
    const catalogueErrors = await templateCatalogueErrors(
      parsed.definition,
      actor.organizationId,
      tx,
    );
    if (catalogueErrors.length > 0) return { ok: false, errors: catalogueErrors };
    const checksum = templateChecksum(parsed.definition);
    if (checksum === templateChecksum(draft.definition))
      return { ok: true, revision, unchanged: true };
    const updated = await tx.templateVersion.updateMany({
      where: { id: draft.id, status: "DRAFT", revision },
      data: {
        definition: storedDefinition(parsed.definition),
        checksum,
        revision: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw draftConflict(null);
    await tx.questionnaireTemplate.update({
      where: { id: template.id },
      data: { name: parsed.definition.title.en },
    });
    await recordAuditEvent(tx, actor, {
      action: "template.draft_saved",
      target: { type: "template", id: template.id },
      payload: {
        key: template.key,
        draftVersionId: draft.id,
        version: draft.version,
        revision: revision + 1,
        change,
        checksum,
      },
    });
    return { ok: true, revision: revision + 1, unchanged: false };
  });
}
