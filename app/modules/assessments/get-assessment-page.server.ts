import type { UserActor } from "~/modules/auth/actor";
import { hasRecentMfa } from "~/modules/auth/guards.server";
import { listClarificationsForUser } from "~/modules/clarifications/list-clarifications.server";
import { listPendingReports, listSignedReports } from "~/modules/reports/signed-reports.server";
import { getReviewWorkspace } from "~/modules/review/review-workspace.server";
import { getEnv } from "~/utils/env.server";
import { runUseCase } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { decisionBlockers } from "./decision-blockers.server";
import { getAssessment } from "./get-assessment.server";
import { listInviteLinks } from "./list-invite-links.server";
import { getReReviewView } from "./re-review/re-review-view.server";
import { getTemplateUpdateView } from "./re-review/template-update-view.server";

/**
 * Everything the assessment page shows, scoped to the actor's organisation: the assessment with
 * its score, invite links, clarifications, signed and pending reports, the review workspace, and
 * what the actor may do (write, decide, and why not). A foreign or unknown id is a 404 Response.
 */
export async function getAssessmentPage(actor: UserActor, input: { assessmentId: string }) {
  const assessment = await runUseCase(() => getAssessment(actor, input.assessmentId));
  const inviteLinks = await runUseCase(() => listInviteLinks(actor, assessment.id));
  const clarifications = await runUseCase(() => listClarificationsForUser(actor, assessment.id));
  const signedReports = await listSignedReports(actor, assessment.id);
  const pendingReports = await listPendingReports(actor, assessment.id);
  const review = await runUseCase(() => getReviewWorkspace(actor, assessment.id));
  const canDecide = can(actor.role, "assessment:decide");
  return {
    assessment,
    reReview: await getReReviewView(actor.organizationId, assessment.id),
    templateUpdate: await getTemplateUpdateView(actor.organizationId, assessment.id),
    canReReview: can(actor.role, "assessment:re-review"),
    review,
    inviteLinks: { ...inviteLinks, defaultTtlDays: getEnv().INVITE_TTL_DAYS },
    clarifications,
    signedReports,
    pendingReports,
    canWrite: can(actor.role, "assessment:edit"),
    canDecide,
    // Why this DPO may not decide (separation of duties over every round); empty: they may.
    decisionBlockers: canDecide
      ? await runUseCase(() => decisionBlockers(actor, assessment.id))
      : [],
    stepUpFresh: hasRecentMfa(actor),
    stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES,
  };
}
