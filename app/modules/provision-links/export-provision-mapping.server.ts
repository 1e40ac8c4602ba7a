import { db } from "../../utils/db.server";
import { visibleTo } from "../regulations/catalogue-scope";
import { findTemplate } from "../templates/find-template.server";
import type { TemplateActor } from "../templates/template-access";
import { buildMappingCollection } from "./oscal-mapping";

/**
 * A template's question ↔ provision links as an OSCAL 1.2 mapping collection (JSON download).
 * Tenant-scoped: a foreign template is NOT_FOUND; only the organisation's links are exported, each
 * with the instrument of its provision as the organisation sees the catalogue.
 */
export async function exportProvisionMapping(actor: TemplateActor, input: { templateId: string }) {
  const template = await findTemplate(actor, input.templateId);
  const links = await db().provisionLink.findMany({
    where: { organizationId: actor.organizationId, templateId: template.id },
    orderBy: [{ questionKey: "asc" }, { provisionKey: "asc" }],
    select: {
      questionKey: true,
      provisionKey: true,
      relationship: true,
      rationale: true,
      updatedAt: true,
    },
  });
  const owners = await db().provision.findMany({
    where: {
      key: { in: [...new Set(links.map((l) => l.provisionKey))] },
      version: { instrument: visibleTo({ organizationId: actor.organizationId }) },
    },
    select: {
      key: true,
      version: {
        select: { instrument: { select: { key: true, sourceUrl: true, organizationId: true } } },
      },
    },
  });
  const instrumentOf = new Map<string, { key: string; sourceUrl: string | null }>();
  for (const owner of owners) {
    const instrument = owner.version.instrument;
    if (!instrumentOf.has(owner.key) || instrument.organizationId !== null)
      instrumentOf.set(owner.key, { key: instrument.key, sourceUrl: instrument.sourceUrl });
  }
  const latest = await db().templateVersion.findFirst({
    where: { templateId: template.id, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true },
  });
  const lastModified = [latest?.createdAt, ...links.map((l) => l.updatedAt)]
    .filter((d): d is Date => d instanceof Date)
    .reduce((a, b) => (a > b ? a : b), new Date(0));
  const document = buildMappingCollection({
    template,
    version: `${template.key}-v${latest?.version ?? 0}-links-${links.length}`,
    lastModified,
    links: links.map((link) => {
      const instrument = instrumentOf.get(link.provisionKey);
      return {
        ...link,
        // A key no longer in the visible catalogue still exports, under its own prefix.
        instrumentKey: instrument?.key ?? "unknown",
        instrumentSourceUrl: instrument?.sourceUrl ?? null,
      };
    }),
  });
  return {
    fileName: `${template.key}-oscal-mapping.json`,
    contentType: "application/json; charset=utf-8",
    body: `${JSON.stringify(document, null, 2)}\n`,
  };
}
