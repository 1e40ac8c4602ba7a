import { z } from "zod";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { lockRow } from "../../utils/row-lock.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { assertTransition } from "../assessments/assessment-status";
import { loadVendorAssessment } from "./vendor-questionnaire.server";
import { scoreStoredAnswers } from "./score-stored-answers.server";
import { unconfirmedCarriedCount } from "./confirm-carried-answers.server";
import { closeOpenChangeRequests } from "../review/change-requests.server";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";
import { notifySubmitted } from "../notifications/notify-submitted.server";

/** carriedUnconfirmed: a re-review's carried answers wait for the vendor's confirmation. */
export type SubmitResult =
  { ok: true } | { ok: false; missingRequired: string[]; carriedUnconfirmed?: true };

/**
 * The submit takes nothing from the client: what is submitted is what is stored, and the scores
 * are computed here. Strict, so a caller that passes anything (a score, a status) is refused
 * rather than silently ignored.
 */
export const submitAssessmentInputSchema = z.strictObject({});
export type SubmitAssessmentInput = z.infer<typeof submitAssessmentInputSchema>;

/**
 * The vendor submits: every required question must be answered ("unknown" counts as an answer,
 * reported apart). Scores are computed and stored with the scoring-method version in the same
 * transaction as the status change and its audit event; then the assessor is told by mail.
 */
export async function submitAssessment(
  actor: VendorActor,
  now = new Date(),
  input: SubmitAssessmentInput = {},
): Promise<SubmitResult> {
  parseUseCaseInput(submitAssessmentInputSchema, input);
  // A colleague invited to some sections answers them; the contact who was invited submits.
  if (actor.sections) throw new DomainError("FORBIDDEN", "errors.submitMainContactOnly");
  const result = await inTransaction(async (tx) => {
    // Lock before reading status and answers: autosaves in flight wait, then see it submitted.
    await lockRow(tx, "Assessment", actor.assessmentId);
    const assessment = await loadVendorAssessment(actor, tx);
    assertTransition(assessment.status, "SUBMITTED");
    const { score, profile } = await scoreStoredAnswers(tx, actor, assessment, now);
    // A re-review is submitted once its carried answers are confirmed: the vendor vouches for
    // every answer the score uses, not only for the ones asked again.
    const carriedUnconfirmed = (await unconfirmedCarriedCount(tx, assessment.id)) > 0;
    if (score.completeness.missingRequired.length > 0 || carriedUnconfirmed) {
      return {
        ok: false as const,
        missingRequired: score.completeness.missingRequired,
        ...(carriedUnconfirmed ? { carriedUnconfirmed: true as const } : {}),
      };
    }
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, status: assessment.status },
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        scoreResult: JSON.stringify(score),
        scoringMethodVersion: score.methodVersion,
        overallScore: score.overall,
        weightProfileId: profile?.id ?? null,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "errors.assessmentChanged");
    await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    // A resubmit answers the open change request: it is closed with the new scores.
    await closeOpenChangeRequests(tx, actor.organizationId, assessment.id, now);
    // The assessor hears of it (inbox, mail per preference) if and only if it commits (ADR 0042).
    await notifySubmitted(tx, actor.organizationId, assessment.id);
    await recordAuditEvent(tx, actor, {
      action: "assessment.submitted",
      target: { type: "assessment", id: assessment.id },
      payload: {
        overall: score.overall,
        riskTier: score.riskTier,
        knockOuts: score.knockOuts.map((k) => k.questionKey),
        methodVersion: score.methodVersion,
      },
    });
    return { ok: true as const, assessmentId: assessment.id };
  });
  if (!result.ok) return result;
  return { ok: true };
}
