import { db } from "../../../utils/db.server";
import type { UserActor } from "../../auth/actor";
import { linksAffectedBy } from "../../regulations/links-affected-by.server";
import { requireReReviewStarter } from "../permissions";
import {
  CLOSED_STATUSES,
  findSourceAssessment,
  findVisibleChangeEvent,
  NOT_RE_REVIEWABLE,
  planReReview,
} from "./plan-re-review.server";

export interface ReReviewCandidate {
  assessmentId: string;
  title: string;
  status: string;
  vendor: { id: string; name: string };
  templateName: string;
  versionFrom: number;
  versionTo: number;
  asked: number;
  carried: number;
  /** An open re-review of this assessment for this change (a second one is not started). */
  openReReviewId: string | null;
  chosen: boolean;
}

/**
 * The re-review start page of a change (issue 14 item 8): the organisation's affected
 * assessments — per vendor and template, the latest assessment that was sent (not a draft, not
 * cancelled, not itself a re-review of this change) on a template with a question linked to a
 * provision the change touches — each with what a re-review would ask and carry. `chosen` ids
 * (from the impact page) are preselected; without them every affected assessment is.
 */
export async function getReReviewStartPage(
  actor: UserActor,
  input: { changeId: string; chosen: readonly string[] },
) {
  requireReReviewStarter(actor);
  const change = await findVisibleChangeEvent(actor.organizationId, input.changeId);
  const links = await linksAffectedBy(actor.organizationId, change.affectedProvisionKeys);
  const templateIds = [...new Set(links.map((link) => link.templateId))];
  const rows =
    templateIds.length === 0
      ? []
      : await db().assessment.findMany({
          where: {
            organizationId: actor.organizationId,
            status: { notIn: [...NOT_RE_REVIEWABLE] },
            templateVersion: { templateId: { in: templateIds } },
            vendor: { archivedAt: null },
            // SQL's NOT on a nullable column would drop the NULLs (assessments of no change).
            OR: [{ changeEventId: null }, { changeEventId: { not: change.id } }],
          },
          orderBy: { createdAt: "desc" },
          select: {
            id: true,
            vendorId: true,
            templateVersion: { select: { templateId: true } },
          },
        });
  const latest = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.vendorId}:${row.templateVersion.templateId}`;
    if (!latest.has(key)) latest.set(key, row.id);
  }
  const chosen = new Set(input.chosen);
  const candidates: ReReviewCandidate[] = [];
  for (const id of latest.values()) {
    const source = await findSourceAssessment(actor.organizationId, id);
    const plan = await planReReview(actor.organizationId, source, change);
    const details = await db().assessment.findUniqueOrThrow({
      where: { id },
      select: {
        vendor: { select: { id: true, name: true } },
        templateVersion: { select: { template: { select: { name: true } } } },
        reReviews: {
          where: { changeEventId: change.id, status: { notIn: CLOSED_STATUSES } },
          select: { id: true },
          take: 1,
        },
      },
    });
    candidates.push({
      assessmentId: id,
      title: source.title,
      status: source.status,
      vendor: details.vendor,
      templateName: details.templateVersion.template.name,
      versionFrom: source.templateVersion,
      versionTo: plan.target.version,
      asked: plan.delta.length,
      carried: plan.carried.filter((key) => plan.sourceAnswers.has(key)).length,
      openReReviewId: details.reReviews[0]?.id ?? null,
      chosen: chosen.size === 0 || chosen.has(id),
    });
  }
  candidates.sort(
    (a, b) => a.vendor.name.localeCompare(b.vendor.name) || a.title.localeCompare(b.title),
  );
  return {
    change: {
      id: change.id,
      key: change.key,
      summary: { en: change.summaryEn, de: change.summaryDe },
    },
    candidates,
  };
}
