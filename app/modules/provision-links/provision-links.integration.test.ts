import { beforeAll, describe, expect, it } from "vitest";
import {
  auditEventsOf,
  createMemberActor,
  rejectionOf,
} from "../../../tests/support/assessment-factories";
import { createOrganization } from "../../../tests/support/factories";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { verifyAuditChain } from "../audit/verify-audit-chain.server";
import { installBundledTemplates } from "../questionnaires/bundled-templates.server";
import { syncBundledRegulations } from "../regulations/load-bundled-regulations.server";
import { changeProvisionLink } from "./change-provision-link.server";
import { exportProvisionMapping } from "./export-provision-mapping.server";
import { getProvisionLinks } from "./get-provision-links.server";
import { linksFromMappingCollection, RELATIONSHIP_TO_OSCAL } from "./oscal-mapping";

beforeAll(async () => {
  await syncBundledRegulations();
});

async function organisation() {
  const organization = await createOrganization();
  const org = { id: organization.id, slug: organization.slug, name: organization.name };
  const admin = await createMemberActor(org, "ADMIN");
  const auditor = await createMemberActor(org, "AUDITOR", { mfaVerifiedAt: null });
  await inTransaction((tx) => installBundledTemplates(tx, admin));
  const template = await db().questionnaireTemplate.findFirstOrThrow({
    where: { organizationId: org.id, key: "ai-vendor-due-diligence" },
  });
  return { org, admin, auditor, template };
}

/** An organisation's own imported framework: visible to it, never to another organisation. */
async function privateProvision(organizationId: string) {
  const instrument = await db().instrument.create({
    data: {
      organizationId,
      scopeKey: organizationId,
      key: "private:framework",
      kind: "framework",
      titleDe: "Eigenes Rahmenwerk",
      titleEn: "Own framework",
      authority: "Org",
      jurisdiction: "DE",
      versions: {
        create: {
          label: "1",
          legalStatus: "published",
          contentSha256: "x",
          provisions: {
            create: {
              key: "private:framework:ctl:1",
              kind: "control",
              label: "CTL-1",
              textSha256: "y",
            },
          },
        },
      },
    },
  });
  return instrument;
}

const codeOf = async (promise: Promise<unknown>) => {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  return { code: (error as DomainError).code, key: (error as DomainError).key };
};

describe("OSCAL 1.2 mapping collection export", () => {
  it("is valid JSON with the required fields and round-trips every link", async () => {
    const { admin, template } = await organisation();
    const file = await exportProvisionMapping(admin, { templateId: template.id });
    expect(file.contentType).toMatch(/application\/json/);
    const document = JSON.parse(file.body);
    const collection = document["mapping-collection"];
    expect(collection.uuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(collection.metadata).toMatchObject({ "oscal-version": "1.2.0" });
    expect(collection.metadata.title).toBeTruthy();
    expect(collection.metadata.version).toBeTruthy();
    expect(Number.isNaN(Date.parse(collection.metadata["last-modified"]))).toBe(false);
    expect(collection.provenance).toMatchObject({
      method: "human",
      "matching-rationale": "semantic",
    });
    expect(collection.mappings.length).toBeGreaterThan(5);
    const relationships = new Set(Object.values(RELATIONSHIP_TO_OSCAL));
    for (const mapping of collection.mappings) {
      expect(mapping["source-resource"]).toMatchObject({ type: "catalog" });
      expect(mapping["target-resource"].href).toBeTruthy();
      for (const map of mapping.maps) {
        expect(relationships.has(map.relationship)).toBe(true);
        for (const end of [...map.sources, ...map.targets]) {
          expect(end.type).toBe("control");
          expect(end["id-ref"]).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
        }
        expect(map.remarks).toBeTruthy();
      }
    }
    const stored = await db().provisionLink.findMany({
      where: { templateId: template.id },
      select: { questionKey: true, provisionKey: true, relationship: true, rationale: true },
    });
    const sort = (list: { questionKey: string; provisionKey: string }[]) =>
      [...list].sort((a, b) =>
        `${a.questionKey}|${a.provisionKey}`.localeCompare(`${b.questionKey}|${b.provisionKey}`),
      );
    expect(stored.length).toBeGreaterThan(100);
    expect(sort(linksFromMappingCollection(document))).toEqual(sort(stored));
  });

  it("answers NOT_FOUND for another organisation's template", async () => {
    const { template } = await organisation();
    const other = await organisation();
    expect(
      await codeOf(exportProvisionMapping(other.admin, { templateId: template.id })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the link editor", () => {
  it("shows each question's links with the provision, instrument and confirmation mark, and searches the catalogue", async () => {
    const { admin, template } = await organisation();
    const page = await getProvisionLinks(admin, { templateId: template.id, search: "Art. 28(3)" });
    const links = page.sections.flatMap((s) => s.questions.flatMap((q) => q.links));
    const dpa = links.find((l) => l.provisionKey === "eu:2016/679:art:28:par:3:pt:a");
    expect(dpa?.provision).toMatchObject({ label: "Art. 28(3)(a)", instrumentKey: "eu:2016/679" });
    expect(typeof dpa?.provision?.confirmed).toBe("boolean");
    expect(page.results.map((r) => r.key)).toContain("eu:2016/679:art:28:par:3:pt:a");
    // Case does not matter on either database.
    const lower = await getProvisionLinks(admin, {
      templateId: template.id,
      search: "transparency OBLIGATIONS",
    });
    expect(lower.results.map((r) => r.key)).toContain("eu:2024/1689:art:50");
  });

  it("adds, changes and removes a link, each audited; refuses a stale edit and a provision the organisation cannot see", async () => {
    const { org, admin, template } = await organisation();
    const questionKey = "security.iso27001";
    await changeProvisionLink(admin, template.id, {
      intent: "add",
      questionKey,
      provisionKey: "eu:2024/1689:art:15",
      relationship: "intersects",
      rationale: "Certified ISMS supports the cybersecurity requirement.",
    });
    const added = await db().provisionLink.findFirstOrThrow({
      where: { templateId: template.id, questionKey, provisionKey: "eu:2024/1689:art:15" },
    });
    expect(added).toMatchObject({
      origin: "editor",
      relationship: "intersects",
      createdById: admin.userId,
    });

    // Twice: the unique link is refused with a message, not a 500.
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, {
          intent: "add",
          questionKey,
          provisionKey: "eu:2024/1689:art:15",
          relationship: "subset",
          rationale: "Again.",
        }),
      ),
    ).toEqual({ code: "CONFLICT", key: "provisionLinks.errorLinkExists" });

    // Another organisation's imported framework is not in this organisation's catalogue.
    const other = await createOrganization();
    await privateProvision(other.id);
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, {
          intent: "add",
          questionKey,
          provisionKey: "private:framework:ctl:1",
          relationship: "subset",
          rationale: "Not ours to see.",
        }),
      ),
    ).toEqual({ code: "VALIDATION", key: "provisionLinks.errorProvisionUnknown" });
    // …while its own import is.
    await privateProvision(org.id);
    await changeProvisionLink(admin, template.id, {
      intent: "add",
      questionKey,
      provisionKey: "private:framework:ctl:1",
      relationship: "equal",
      rationale: "Our own control asks the same.",
    });

    const seen = added.updatedAt.toISOString();
    await changeProvisionLink(admin, template.id, {
      intent: "update",
      linkId: added.id,
      seenUpdatedAt: seen,
      relationship: "subset",
      rationale: "Changed rationale.",
    });
    // A colleague still showing the old state: refused, and their text is not written.
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, {
          intent: "update",
          linkId: added.id,
          seenUpdatedAt: seen,
          relationship: "equal",
          rationale: "Stale overwrite.",
        }),
      ),
    ).toEqual({ code: "CONFLICT", key: "provisionLinks.errorLinkChanged" });
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, {
          intent: "remove",
          linkId: added.id,
          seenUpdatedAt: seen,
        }),
      ),
    ).toEqual({ code: "CONFLICT", key: "provisionLinks.errorLinkChanged" });
    const current = await db().provisionLink.findUniqueOrThrow({ where: { id: added.id } });
    expect(current).toMatchObject({ relationship: "subset", rationale: "Changed rationale." });

    await changeProvisionLink(admin, template.id, {
      intent: "remove",
      linkId: added.id,
      seenUpdatedAt: current.updatedAt.toISOString(),
    });
    expect(await db().provisionLink.count({ where: { id: added.id } })).toBe(0);

    const actions = (await auditEventsOf(org.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "template.provision_link_added")).toHaveLength(2);
    expect(actions).toContain("template.provision_link_changed");
    expect(actions).toContain("template.provision_link_removed");
    expect((await verifyAuditChain(db(), org.id)).ok).toBe(true);
  });

  it("refuses bad input with a message, a foreign template as NOT_FOUND and a reader as FORBIDDEN", async () => {
    const { admin, auditor, template } = await organisation();
    const base = {
      intent: "add",
      questionKey: "security.iso27001",
      provisionKey: "eu:2024/1689:art:15",
    };
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, {
          ...base,
          relationship: "same",
          rationale: "Fine text.",
        }),
      ),
    ).toEqual({ code: "VALIDATION", key: "provisionLinks.errorRelationship" });
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, { ...base, relationship: "equal", rationale: "" }),
      ),
    ).toEqual({ code: "VALIDATION", key: "provisionLinks.errorRationale" });
    expect(
      await codeOf(
        changeProvisionLink(admin, template.id, {
          ...base,
          questionKey: "no.such.question",
          relationship: "equal",
          rationale: "Fine text.",
        }),
      ),
    ).toEqual({ code: "VALIDATION", key: "provisionLinks.errorQuestionUnknown" });
    const other = await organisation();
    expect(
      (
        await codeOf(
          changeProvisionLink(other.admin, template.id, {
            ...base,
            relationship: "equal",
            rationale: "Fine text.",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await codeOf(
          changeProvisionLink(auditor, template.id, {
            ...base,
            relationship: "equal",
            rationale: "Fine text.",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
