import { z } from "zod";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import { findTemplate } from "./find-template.server";
import { diffTemplateDefinitions } from "./template-diff";

export const getTemplateInputSchema = z.object({
  templateId: entityIdInput,
  versionId: entityIdInput.nullable(),
});
export type GetTemplateInput = z.input<typeof getTemplateInputSchema>;

/**
 * A template's page: its versions (newest first) with their assessment counts, and for the
 * chosen version (default: the newest) its differences to the version before it — for a
 * published version the previous published one, for the draft the latest published one.
 */
export async function getTemplate(
  actor: UserActor,
  rawInput: { templateId: string; versionId?: string | null },
) {
  const parsed = parseUseCaseInput(getTemplateInputSchema, rawInput);
  // Checked before the query: Prisma reads `id: {}` as "the organisation's first template".
  const input = {
    templateId: requireEntityId(parsed.templateId, "Template"),
    // No version asked for (absent, null or "") means the newest; anything else must be an id.
    versionId: parsed.versionId ? requireEntityId(parsed.versionId, "Template version") : null,
  };
  const template = await findTemplate(actor, input.templateId);
  const versions = await db().templateVersion.findMany({
    where: { templateId: template.id },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      status: true,
      origin: true,
      checksum: true,
      publishedAt: true,
      createdAt: true,
      createdById: true,
      _count: { select: { assessments: true } },
    },
  });
  const authorIds = [
    ...new Set(versions.map((v) => v.createdById).filter((id): id is string => id !== null)),
  ];
  // Only members of this organisation are named; anyone else stays anonymous.
  const authors = await db().membership.findMany({
    where: { organizationId: actor.organizationId, userId: { in: authorIds } },
    select: { userId: true, user: { select: { name: true } } },
  });
  const authorName = new Map(authors.map((a) => [a.userId, a.user.name]));

  const selected = input.versionId
    ? versions.find((v) => v.id === input.versionId)
    : (versions.find((v) => v.status === "PUBLISHED") ?? versions[0]);
  if (input.versionId && !selected)
    throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  let comparison = null;
  if (selected) {
    const previous =
      versions.find(
        (v) => v.status === "PUBLISHED" && v.version < selected.version && v.id !== selected.id,
      ) ??
      (selected.status === "DRAFT" ? versions.find((v) => v.status === "PUBLISHED") : undefined);
    const rows = await db().templateVersion.findMany({
      where: { id: { in: [selected.id, ...(previous ? [previous.id] : [])] } },
      select: { id: true, definition: true },
    });
    const definitionOf = (id: string) =>
      parseStoredDefinition(rows.find((r) => r.id === id)!.definition);
    const current = definitionOf(selected.id);
    comparison = {
      versionId: selected.id,
      version: selected.version,
      status: selected.status,
      title: current.title,
      sections: current.sections.length,
      questions: current.sections.reduce((n, s) => n + s.questions.length, 0),
      previousVersion: previous?.version ?? null,
      diff: previous ? diffTemplateDefinitions(definitionOf(previous.id), current) : null,
    };
  }
  return {
    template,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      origin: v.origin,
      checksum: v.checksum,
      publishedAt: v.publishedAt,
      createdAt: v.createdAt,
      createdBy: v.createdById ? (authorName.get(v.createdById) ?? null) : null,
      assessments: v._count.assessments,
    })),
    draft: versions.find((v) => v.status === "DRAFT")
      ? { id: versions.find((v) => v.status === "DRAFT")!.id }
      : null,
    comparison,
  };
}
