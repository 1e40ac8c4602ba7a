import { db } from "../../utils/db.server";
import { findLatestPublished, findTemplate } from "../templates/find-template.server";
import type { TemplateActor } from "../templates/template-access";
import {
  citationCatalogueFor,
  referenceKeysOf,
} from "../regulations/citations/citation-catalogue.server";
import { citeProvision } from "../regulations/citations/cite-provision";
import { localizedQuestionCitations } from "../regulations/citations/question-citations";
import {
  searchVisibleProvisions,
  visibleProvisions,
  type CatalogueProvision,
} from "./provision-catalogue.server";

export interface EditorLink {
  id: string;
  provisionKey: string;
  relationship: string;
  rationale: string;
  origin: string;
  /** The optimistic-concurrency token the edit forms send back. */
  updatedAt: string;
  /** Null: the provision is not (or no longer) in the catalogue the organisation sees. */
  provision: CatalogueProvision | null;
  /** The provision's citation in both languages ("Art. 28 Abs. 1 DSGVO" / "GDPR Art. 28(1)"). */
  citation: { en: string; de: string };
}

/**
 * The link editor's page: the template's questions (newest published version) with their
 * references and links, and the provisions matching the search. Tenant-scoped like every
 * template read: a foreign template is NOT_FOUND.
 */
export async function getProvisionLinks(
  actor: TemplateActor,
  input: { templateId: string; search?: string | null },
) {
  const template = await findTemplate(actor, input.templateId);
  const latest = await findLatestPublished(template.id);
  const links = await db().provisionLink.findMany({
    where: { organizationId: actor.organizationId, templateId: template.id },
    orderBy: [{ questionKey: "asc" }, { provisionKey: "asc" }],
    select: {
      id: true,
      questionKey: true,
      provisionKey: true,
      relationship: true,
      rationale: true,
      origin: true,
      updatedAt: true,
    },
  });
  const provisions = await visibleProvisions(
    actor.organizationId,
    links.map((l) => l.provisionKey),
  );
  const citations = await citationCatalogueFor({ organizationId: actor.organizationId }, [
    ...links.map((l) => l.provisionKey),
    ...referenceKeysOf(latest?.definition ?? { sections: [] }),
  ]);
  const linksOf = (questionKey: string): EditorLink[] =>
    links
      .filter((l) => l.questionKey === questionKey)
      .map((l) => ({
        id: l.id,
        provisionKey: l.provisionKey,
        relationship: l.relationship,
        rationale: l.rationale,
        origin: l.origin,
        updatedAt: l.updatedAt.toISOString(),
        provision: provisions.get(l.provisionKey) ?? null,
        citation: {
          en: citeProvision(l.provisionKey, "en", citations),
          de: citeProvision(l.provisionKey, "de", citations),
        },
      }));
  const sections = (latest?.definition.sections ?? []).map((section) => ({
    key: section.key,
    title: section.title,
    questions: section.questions.map((question) => ({
      key: question.key,
      label: question.label,
      references: localizedQuestionCitations(question, citations),
      links: linksOf(question.key),
    })),
  }));
  const search = input.search?.trim() ?? "";
  return {
    template,
    version: latest?.version ?? null,
    sections,
    search,
    results: search ? await searchVisibleProvisions(actor.organizationId, search) : [],
  };
}
