import { z } from "zod";
import { displayNameSchema } from "../../utils/display-name-schema";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { TEMPLATE_KEY_PATTERN } from "../questionnaires/template-definition";
import { starterDefinition } from "./draft-edits";
import {
  nextVersionNumber,
  storedDefinition,
  templateChecksum,
} from "./publish-template-version.server";
import { createdByOf, requireTemplateWriter, type TemplateActor } from "./template-access";

export const createTemplateSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "required")
    .max(80, "tooLong")
    .regex(TEMPLATE_KEY_PATTERN, "templateKeyFormat"),
  titleEn: displayNameSchema({ max: 200, required: "required", tooLong: "tooLong" }),
  titleDe: displayNameSchema({ max: 200, required: "required", tooLong: "tooLong" }),
});
export type CreateTemplateInput = z.input<typeof createTemplateSchema>;

/** A new template whose first version is a DRAFT with one section and one question to edit. */
export async function createTemplate(actor: TemplateActor, input: CreateTemplateInput) {
  requireTemplateWriter(actor);
  const { key, titleEn, titleDe } = createTemplateSchema.parse(input);
  const definition = starterDefinition(key, { en: titleEn, de: titleDe });
  return inTransaction(async (tx) => {
    const taken = await tx.questionnaireTemplate.findUnique({
      where: { organizationId_key: { organizationId: actor.organizationId, key } },
      select: { id: true },
    });
    if (taken)
      throw new DomainError("CONFLICT", "errors.templateKeyTaken", {
        reason: "keyTaken",
        params: { key },
      });
    const template = await tx.questionnaireTemplate.create({
      data: { organizationId: actor.organizationId, key, name: titleEn },
      select: { id: true, key: true },
    });
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
      action: "template.created",
      target: { type: "template", id: template.id },
      payload: { key, draftVersionId: draft.id, version, origin: "editor" },
    });
    return { id: template.id, key };
  });
}
