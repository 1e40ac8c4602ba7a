import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor, VendorActor } from "../auth/actor";
import { sectionVisible, vendorContactOf } from "../clarifications/clarification-access.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import { loadVendorAssessment } from "../portal/vendor-questionnaire.server";
import { listChangeRequests, openChangeRequest } from "./change-requests.server";
import { listCommentsForUser, listCommentsForVendor } from "./comments.server";
import { parseKeyList, type FindingSeverity, type FindingStatus } from "./review-input";
import { can } from "../../utils/permissions";

/** Everything the review workspace shows besides the assessment itself (any member reads it). */
export async function getReviewWorkspace(actor: UserActor, assessmentId: string) {
  const assessment = await db().assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const findings = await db().finding.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      severity: true,
      description: true,
      remediation: true,
      owner: true,
      dueDate: true,
      status: true,
      questionKeys: true,
      version: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  return {
    findings: findings.map((f) => ({
      ...f,
      severity: f.severity as FindingSeverity,
      status: f.status as FindingStatus,
      questionKeys: parseKeyList(f.questionKeys),
    })),
    comments: await listCommentsForUser(actor, assessment.id),
    changeRequests: await listChangeRequests(actor, assessment.id),
    canWriteFindings: can(actor.role, "finding:edit"),
    canComment: can(actor.role, "comment:write"),
  };
}
export type ReviewWorkspace = Awaited<ReturnType<typeof getReviewWorkspace>>;

/**
 * The vendor side: comments meant for this contact and the open change request (message and the
 * reopened questions of the contact's sections). `reopened` is null when no request is open,
 * i.e. no restriction beyond the usual status rules.
 */
export async function getVendorReview(actor: VendorActor) {
  const assessment = await loadVendorAssessment(actor);
  const comments = await listCommentsForVendor(actor);
  const open = await openChangeRequest(db(), actor.organizationId, assessment.id);
  if (!open) return { comments, changeRequest: null };
  const contact = await vendorContactOf(db(), actor);
  const { definition } = await loadTemplateVersion(assessment.templateVersionId);
  const sectionOf = new Map(questionsOf(definition).map((q) => [q.key, q.sectionKey]));
  const questionKeys = open.questionKeys.filter((k) => {
    const section = sectionOf.get(k);
    return section !== undefined && sectionVisible(contact.sections, section);
  });
  return {
    comments,
    changeRequest: { message: open.message, createdAt: open.createdAt, questionKeys },
  };
}
export type VendorReview = Awaited<ReturnType<typeof getVendorReview>>;
