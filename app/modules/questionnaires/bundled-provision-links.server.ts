import {
  PROVISION_LINK_DEFAULTS,
  TEMPLATE_REFERENCE_LINKS,
} from "../../reference-data/template-provision-links";
import type { Tx } from "../../utils/db.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "../auth/actor";
import { questionsOf, type TemplateDefinition } from "./template-definition";

/**
 * The links a bundled definition's references stand for, one per question and provision: its
 * provision keys (`references`), and the reference strings of versions before issue 21.
 */
export function bundledLinksOf(definition: TemplateDefinition) {
  const links = new Map<
    string,
    { questionKey: string; provisionKey: string; relationship: string; rationale: string }
  >();
  for (const question of questionsOf(definition)) {
    for (const provisionKey of question.references) {
      const link = PROVISION_LINK_DEFAULTS[provisionKey];
      const id = `${question.key}|${provisionKey}`;
      if (link && !links.has(id))
        links.set(id, { questionKey: question.key, provisionKey, ...link });
    }
    for (const reference of question.regulationRefs)
      for (const link of TEMPLATE_REFERENCE_LINKS[reference] ?? []) {
        const id = `${question.key}|${link.provisionKey}`;
        if (!links.has(id)) links.set(id, { questionKey: question.key, ...link });
      }
  }
  return [...links.values()];
}

/**
 * Installs the links of a bundled template's references (origin "bundled") into the
 * organisation, in the caller's transaction. "whenNew" records its own audit event; "always" runs
 * just before a bundled version is published and its count goes into that version's event. Idempotent: a link that exists
 * (bundled or edited) is left as it is. `whenNew`: only for a template that has never had
 * bundled links, so a link the organisation removed in the editor stays removed until we ship a
 * new version of the template (at boot, existing organisations get the links once this way).
 */
export async function installBundledProvisionLinks(
  tx: Tx,
  actor: Actor,
  template: { id: string; key: string },
  definition: TemplateDefinition,
  mode: "whenNew" | "always",
): Promise<number> {
  const where = { templateId: template.id, organizationId: actor.organizationId };
  // Every start asks this for every organisation and template: one row answers it, the template's
  // few hundred links are read only when some are to be written.
  if (
    mode === "whenNew" &&
    (await tx.provisionLink.findFirst({
      where: { ...where, origin: "bundled" },
      select: { id: true },
    }))
  )
    return 0;
  const existing = await tx.provisionLink.findMany({
    where,
    select: { questionKey: true, provisionKey: true },
  });
  const have = new Set(existing.map((link) => `${link.questionKey}|${link.provisionKey}`));
  const missing = bundledLinksOf(definition).filter(
    (link) => !have.has(`${link.questionKey}|${link.provisionKey}`),
  );
  if (missing.length === 0) return 0;
  await tx.provisionLink.createMany({
    data: missing.map((link) => ({
      ...link,
      organizationId: actor.organizationId,
      templateId: template.id,
      origin: "bundled",
    })),
  });
  if (mode === "whenNew")
    await recordAuditEvent(tx, actor, {
      action: "template.provision_links_installed",
      target: { type: "QuestionnaireTemplate", id: template.id },
      payload: { templateKey: template.key, links: missing.length },
    });
  return missing.length;
}
