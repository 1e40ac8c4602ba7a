import { describe, expect, it } from "vitest";
import { auditEventsOf } from "../../../tests/support/assessment-factories";
import { createOrganization } from "../../../tests/support/factories";
import { TEMPLATE_REFERENCE_LINKS } from "../../reference-data/template-provision-links";
import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import type { SystemActor } from "../auth/actor";
import { verifyAuditChain } from "../audit/verify-audit-chain.server";
import { BUNDLED_TEMPLATES, installBundledTemplates } from "./bundled-templates.server";
import { bundledLinksOf } from "./bundled-provision-links.server";
import { parseTemplateDefinition, questionsOf } from "./template-definition";

const definitions = BUNDLED_TEMPLATES.map((raw) => {
  const parsed = parseTemplateDefinition(raw);
  if (!parsed.ok) throw new Error("bundled template invalid");
  return parsed.definition;
});
const expectedLinks = definitions.reduce((sum, d) => sum + bundledLinksOf(d).length, 0);

async function organisationWithTemplates() {
  const org = await createOrganization();
  const actor: SystemActor = { kind: "system", organizationId: org.id, label: "bundled templates" };
  await inTransaction((tx) => installBundledTemplates(tx, actor));
  return { org, actor };
}

describe("installing the bundled templates installs their reference links", () => {
  it("links every reference of every question to its provisions, audited, in the organisation only", async () => {
    const { org } = await organisationWithTemplates();
    const links = await db().provisionLink.findMany({ where: { organizationId: org.id } });
    // Every question × reference × mapped provision, and nothing else.
    let wanted = 0;
    for (const d of definitions)
      for (const q of questionsOf(d))
        for (const ref of q.regulationRefs) wanted += TEMPLATE_REFERENCE_LINKS[ref]!.length;
    expect(links.length).toBe(expectedLinks);
    expect(links.length).toBeGreaterThanOrEqual(wanted - 5); // two references may share a provision
    expect(links.every((l) => l.origin === "bundled")).toBe(true);
    const dpa = links.find(
      (l) => l.provisionKey === "eu:2016/679:art:28:par:3:pt:a" && l.relationship === "subset",
    );
    expect(dpa?.rationale).toMatch(/instruct/);
    // Counted in each installation's own event (no extra event for a new template).
    const installed = await auditEventsOf(org.id, "template.installed");
    expect(installed).toHaveLength(definitions.length);
    const counted = installed.map((e) => JSON.parse(e.payload).provisionLinksInstalled as number);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(expectedLinks);
    expect((await verifyAuditChain(db(), org.id)).ok).toBe(true);
    const other = await createOrganization();
    expect(await db().provisionLink.count({ where: { organizationId: other.id } })).toBe(0);
  });

  it("is idempotent and keeps a link the organisation removed", async () => {
    const { org, actor } = await organisationWithTemplates();
    const removed = await db().provisionLink.findFirstOrThrow({
      where: { organizationId: org.id },
    });
    await db().provisionLink.delete({ where: { id: removed.id } });
    await inTransaction((tx) => installBundledTemplates(tx, actor));
    expect(await db().provisionLink.count({ where: { organizationId: org.id } })).toBe(
      expectedLinks - 1,
    );
    expect(await db().provisionLink.count({ where: { id: removed.id } })).toBe(0);
    expect(await auditEventsOf(org.id, "template.provision_links_installed")).toHaveLength(0);
  });

  it("gives an organisation that had the templates before links existed its links at the next start", async () => {
    const { org, actor } = await organisationWithTemplates();
    await db().provisionLink.deleteMany({ where: { organizationId: org.id } });
    await inTransaction((tx) => installBundledTemplates(tx, actor));
    expect(await db().provisionLink.count({ where: { organizationId: org.id } })).toBe(
      expectedLinks,
    );
    const events = await auditEventsOf(org.id, "template.provision_links_installed");
    expect(events).toHaveLength(definitions.length);
    expect((await verifyAuditChain(db(), org.id)).ok).toBe(true);
  });
});
