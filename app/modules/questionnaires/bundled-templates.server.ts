import { createHash } from "node:crypto";
import aiVendorDueDiligence from "../../../seeds/templates/ai-vendor-due-diligence.json" with { type: "json" };
import type { Tx } from "../../utils/db.server";
import { canonicalJson } from "../../utils/canonical-json";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "../auth/actor";
import { parseTemplateDefinition, type TemplateDefinition } from "./template-definition";

/** Templates written by us and installed into every organisation as published version 1. */
export const BUNDLED_TEMPLATES: readonly unknown[] = [aiVendorDueDiligence];

export function templateChecksum(definition: TemplateDefinition): string {
  return createHash("sha256").update(canonicalJson(definition)).digest("hex");
}

/** Idempotent: installs each bundled template the organisation does not have yet. */
export async function installBundledTemplates(tx: Tx, actor: Actor): Promise<number> {
  let installed = 0;
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok) throw new Error(`Bundled template is invalid: ${JSON.stringify(parsed.errors)}`);
    const definition = parsed.definition;
    const exists = await tx.questionnaireTemplate.findUnique({
      where: { organizationId_key: { organizationId: actor.organizationId, key: definition.key } },
      select: { id: true },
    });
    if (exists) continue;
    const template = await tx.questionnaireTemplate.create({
      data: {
        organizationId: actor.organizationId,
        key: definition.key,
        name: definition.title.en,
        versions: {
          create: {
            version: 1,
            status: "PUBLISHED",
            definition: canonicalJson(definition),
            checksum: templateChecksum(definition),
            publishedAt: new Date(),
          },
        },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "template.installed",
      target: { type: "template", id: template.id },
      payload: { key: definition.key, version: 1 },
    });
    installed++;
  }
  return installed;
}
