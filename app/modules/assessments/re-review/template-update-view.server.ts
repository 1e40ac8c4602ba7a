// What the assessment page says about newer template versions (issue 21 item 8): when the
// assessment's template has a newer published version — the bundled templates publish one when
// their content changes — the assessor can start a re-review on it that asks only what changed
// (startReReviews without a change event). Also the re-reviews started from this assessment, so
// the source links to them. Read-only and scoped to the organisation.

import { db, type Tx } from "../../../utils/db.server";
import { CLOSED_STATUSES, NOT_RE_REVIEWABLE } from "./plan-re-review.server";

type Client = Tx | ReturnType<typeof db>;

export interface TemplateUpdateView {
  /** The newest published version when it is newer than the assessment's; else null. */
  newer: { version: number; publishedAt: string | null } | null;
  currentVersion: number;
  /** An open re-review of this assessment on the newest version (any cause), if any. */
  openReReviewId: string | null;
  /** Whether a re-review may start from this assessment's status. */
  reReviewable: boolean;
  /** Every re-review started from this assessment, newest first. */
  reReviews: {
    id: string;
    status: string;
    createdAt: string;
    templateVersion: number;
    changeKey: string | null;
  }[];
}

export async function getTemplateUpdateView(
  organizationId: string,
  assessmentId: string,
  client: Client = db(),
): Promise<TemplateUpdateView | null> {
  const assessment = await client.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: {
      status: true,
      templateVersion: { select: { version: true, templateId: true } },
    },
  });
  if (!assessment) return null;
  const { templateId, version } = assessment.templateVersion;
  const newest = await client.templateVersion.findFirst({
    where: { templateId, status: "PUBLISHED", template: { organizationId } },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true },
  });
  const reReviews = await client.assessment.findMany({
    where: { organizationId, reReviewOfId: assessmentId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      templateVersion: { select: { version: true } },
      changeEvent: { select: { key: true } },
    },
  });
  // Any open re-review already on the newest version answers the need, whatever its cause.
  const open = reReviews.find(
    (r) => !CLOSED_STATUSES.includes(r.status) && r.templateVersion.version === newest?.version,
  );
  return {
    newer:
      newest && newest.version > version
        ? { version: newest.version, publishedAt: newest.publishedAt?.toISOString() ?? null }
        : null,
    currentVersion: version,
    openReReviewId: open?.id ?? null,
    reReviewable: !(NOT_RE_REVIEWABLE as readonly string[]).includes(assessment.status),
    reReviews: reReviews.map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      templateVersion: r.templateVersion.version,
      changeKey: r.changeEvent?.key ?? null,
    })),
  };
}
