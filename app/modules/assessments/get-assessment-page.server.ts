import type { UserActor } from "~/modules/auth/actor";
import { hasRecentMfa } from "~/modules/auth/guards.server";
import { listClarificationsForUser } from "~/modules/clarifications/list-clarifications.server";
import { listPendingReports, listSignedReports } from "~/modules/reports/signed-reports.server";
import { getReviewWorkspace } from "~/modules/review/review-workspace.server";
import { getEnv } from "~/utils/env.server";
import { runUseCase } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { isAssessmentStatus } from "./assessment-status";
import type { AssessmentTab } from "./assessment-tabs";
import { decisionBlockers } from "./decision-blockers.server";
import { getAssessment } from "./get-assessment.server";
import { getForwardNote } from "./get-forward-note.server";
import { listInviteLinks } from "./list-invite-links.server";
import { getReReviewView } from "./re-review/re-review-view.server";
import { getTemplateUpdateView } from "./re-review/template-update-view.server";
import { nextStep } from "./next-step";

/**
 * Everything the assessment page shows, scoped to the actor's organisation: the assessment with
 * its score, invite links, clarifications, signed and pending reports, the review workspace, and
 * what the actor may do (write, decide, and why not), the next step for the sticky action bar and
 * the active tab. A foreign or unknown id is a 404 Response on every tab (the assessment is read
 * first). Every tab's data is loaded: the page is one document per tab, and the counts in the tab
 * list need most of it anyway.
 */
export async function getAssessmentPage(
  actor: UserActor,
  input: { assessmentId: string; tab?: AssessmentTab },
) {
  const assessment = await runUseCase(() => getAssessment(actor, input.assessmentId));
  const inviteLinks = await runUseCase(() => listInviteLinks(actor, assessment.id));
  const clarifications = await runUseCase(() => listClarificationsForUser(actor, assessment.id));
  const signedReports = await listSignedReports(actor, assessment.id);
  const pendingReports = await listPendingReports(actor, assessment.id);
  const review = await runUseCase(() => getReviewWorkspace(actor, assessment.id));
  const canDecide = can(actor.role, "assessment:decide");
  const canWrite = can(actor.role, "assessment:edit");
  // Why this DPO may not decide (separation of duties over every round); empty: they may.
  const blockers = canDecide ? await runUseCase(() => decisionBlockers(actor, assessment.id)) : [];
  return {
    tab: input.tab ?? "overview",
    assessment,
    forwardNote: await getForwardNote(actor.organizationId, assessment.id),
    // A status outside the life cycle (never written by the app) offers no step.
    nextStep: isAssessmentStatus(assessment.status)
      ? nextStep({
          status: assessment.status,
          canEdit: canWrite,
          canDecide,
          decisionBlocked: blockers.length > 0,
        })
      : null,
    reReview: await getReReviewView(actor.organizationId, assessment.id),
    templateUpdate: await getTemplateUpdateView(actor.organizationId, assessment.id),
    canReReview: can(actor.role, "assessment:re-review"),
    review,
    inviteLinks: { ...inviteLinks, defaultTtlDays: getEnv().INVITE_TTL_DAYS },
    clarifications,
    signedReports,
    pendingReports,
    canWrite,
    canDecide,
    decisionBlockers: blockers,
    stepUpFresh: hasRecentMfa(actor),
    stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES,
  };
}
