import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";

/**
 * The organisation's templates for the overview: the latest published version, the open draft
 * (if any), and how many assessments use each version (a version in use shows why it is frozen).
 */
export async function listTemplates(actor: UserActor) {
  const templates = await db().questionnaireTemplate.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ name: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          status: true,
          origin: true,
          publishedAt: true,
          _count: { select: { assessments: true } },
        },
      },
    },
  });
  return templates.map((template) => {
    const published = template.versions.filter((v) => v.status === "PUBLISHED");
    const draft = template.versions.find((v) => v.status === "DRAFT") ?? null;
    const latest = published[0] ?? null;
    return {
      id: template.id,
      key: template.key,
      name: template.name,
      latest: latest
        ? {
            id: latest.id,
            version: latest.version,
            origin: latest.origin,
            publishedAt: latest.publishedAt,
          }
        : null,
      draft: draft ? { id: draft.id, version: draft.version } : null,
      versions: published.map((v) => ({ version: v.version, assessments: v._count.assessments })),
      assessments: published.reduce((sum, v) => sum + v._count.assessments, 0),
    };
  });
}

/** For starting an assessment: every template's latest published version (title + version). */
export async function latestPublishedVersions(actor: UserActor) {
  const versions = await db().templateVersion.findMany({
    where: { status: "PUBLISHED", template: { organizationId: actor.organizationId } },
    orderBy: [{ template: { name: "asc" } }, { version: "desc" }],
    select: {
      id: true,
      version: true,
      templateId: true,
      template: { select: { name: true, key: true } },
    },
  });
  const seen = new Set<string>();
  return versions
    .filter((v) => !seen.has(v.templateId) && seen.add(v.templateId))
    .map((v) => ({ id: v.id, key: v.template.key, label: `${v.template.name} (v${v.version})` }));
}
