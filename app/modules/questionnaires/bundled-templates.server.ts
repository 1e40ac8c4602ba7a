import aiTransparencyIndicators from "../../reference-data/templates/ai-transparency-indicators.json" with { type: "json" };
import aiVendorDueDiligence from "../../reference-data/templates/ai-vendor-due-diligence.json" with { type: "json" };
import dataResidencyTransfers from "../../reference-data/templates/data-residency-transfers.json" with { type: "json" };
import { db, type Tx } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import type { Actor } from "../auth/actor";
import {
  publishTemplateVersion,
  templateChecksum,
} from "../templates/publish-template-version.server";
import { installBundledProvisionLinks } from "./bundled-provision-links.server";
import { knockOutDayErrors } from "./knock-out-days";
import { parseTemplateDefinition } from "./template-definition";

// Kept for callers that imported the checksum from here before it moved to the templates module.
export { templateChecksum };

/**
 * Templates written by us, installed into every organisation: every JSON file in app/reference-data/templates/
 * (static imports so the build bundles them; add a new file here as well).
 */
export const BUNDLED_TEMPLATES: readonly unknown[] = [
  aiVendorDueDiligence,
  aiTransparencyIndicators,
  dataResidencyTransfers,
];

/**
 * Idempotent: installs each bundled template the organisation does not have yet, and publishes
 * a new version when the bundled definition changed (existing assessments keep their version).
 * The comparison is with the newest version that came from us (origin "bundled"): when the
 * organisation published its own edited or imported version after it, that version wins and the
 * bundled update is skipped rather than silently undoing the organisation's edits.
 */
export async function installBundledTemplates(tx: Tx, actor: Actor): Promise<number> {
  let installed = 0;
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok)
      throw new Error(`Bundled template is invalid: ${JSON.stringify(parsed.errors)}`);
    const dayErrors = knockOutDayErrors(parsed.definition);
    if (dayErrors.length > 0)
      throw new Error(`Bundled template is invalid: ${JSON.stringify(dayErrors)}`);
    const definition = parsed.definition;
    const checksum = templateChecksum(definition);
    const exists = await tx.questionnaireTemplate.findUnique({
      where: { organizationId_key: { organizationId: actor.organizationId, key: definition.key } },
      select: {
        id: true,
        key: true,
        versions: {
          where: { status: "PUBLISHED" },
          orderBy: { version: "desc" },
          select: { version: true, checksum: true, origin: true },
        },
      },
    });
    if (exists) {
      const latestBundled = exists.versions.find((v) => v.origin === "bundled");
      const editedLater = exists.versions.some(
        (v) => v.origin !== "bundled" && v.version > (latestBundled?.version ?? 0),
      );
      if (latestBundled?.checksum === checksum || editedLater) {
        // Organisations that had the template before links existed get them once.
        await installBundledProvisionLinks(tx, actor, exists, definition, "whenNew");
        continue;
      }
      // Links first: the version's audit event (with their count) stays the last write.
      const links = await installBundledProvisionLinks(tx, actor, exists, definition, "always");
      await publishTemplateVersion(tx, actor, {
        templateId: exists.id,
        definition,
        origin: "bundled",
        action: "template.version_published",
        payload: { provisionLinksInstalled: links },
      });
      installed++;
      continue;
    }
    const template = await tx.questionnaireTemplate.create({
      data: {
        organizationId: actor.organizationId,
        key: definition.key,
        name: definition.title.en,
      },
      select: { id: true, key: true },
    });
    const links = await installBundledProvisionLinks(tx, actor, template, definition, "always");
    await publishTemplateVersion(tx, actor, {
      templateId: template.id,
      definition,
      origin: "bundled",
      action: "template.installed",
      payload: { provisionLinksInstalled: links },
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
      installBundledTemplates(tx, {
        kind: "system",
        organizationId: organization.id,
        label: "bundled templates",
      }),
    );
  }
  return published;
}
