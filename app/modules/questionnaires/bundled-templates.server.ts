import { createHash } from "node:crypto";
import aiVendorDueDiligence from "../../../seeds/templates/ai-vendor-due-diligence.json" with { type: "json" };
import { db, type Tx } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { canonicalJson } from "../../utils/canonical-json";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "../auth/actor";
import { parseTemplateDefinition, type TemplateDefinition } from "./template-definition";

/** Templates written by us and installed into every organisation as published version 1. */
export const BUNDLED_TEMPLATES: readonly unknown[] = [aiVendorDueDiligence];

export function templateChecksum(definition: TemplateDefinition): string {
  return createHash("sha256").update(canonicalJson(definition)).digest("hex");
}

/**
 * Idempotent: installs each bundled template the organisation does not have yet, and publishes
 * a new version when the bundled definition changed (existing assessments keep their version).
 */
export async function installBundledTemplates(tx: Tx, actor: Actor): Promise<number> {
  let installed = 0;
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok) throw new Error(`Bundled template is invalid: ${JSON.stringify(parsed.errors)}`);
    const definition = parsed.definition;
    const checksum = templateChecksum(definition);
    const exists = await tx.questionnaireTemplate.findUnique({
      where: { organizationId_key: { organizationId: actor.organizationId, key: definition.key } },
      select: { id: true, versions: { orderBy: { version: "desc" }, select: { version: true, checksum: true, status: true } } },
    });
    if (exists) {
      // Compare with the newest published version; number the new one after every version (drafts too).
      const latestPublished = exists.versions.find((v) => v.status === "PUBLISHED");
      if (latestPublished?.checksum === checksum) continue;
      const version = (exists.versions[0]?.version ?? 0) + 1;
      const created = await tx.templateVersion.create({
        data: { templateId: exists.id, version, status: "PUBLISHED", definition: canonicalJson(definition), checksum, publishedAt: new Date() },
      });
      await recordAuditEvent(tx, actor, {
        action: "template.version_published",
        target: { type: "template", id: exists.id },
        payload: { key: definition.key, version, templateVersionId: created.id, source: "bundled" },
      });
      installed++;
      continue;
    }
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
            checksum,
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

/** At start: bring every organisation's bundled templates up to date (one transaction per organisation). */
export async function syncBundledTemplates(): Promise<number> {
  const organizations = await db().organization.findMany({ select: { id: true } });
  let published = 0;
  for (const organization of organizations) {
    published += await inTransaction((tx) =>
      installBundledTemplates(tx, { kind: "system", organizationId: organization.id, label: "bundled templates" }),
    );
  }
  return published;
}
