import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";

/**
 * The vendor confirms, with one click, every answer a re-review carried over from the previous
 * review (issue 14 item 8): they still hold. Records carriedConfirmedAt on each carried answer
 * (the values are not touched) and the audit event in one transaction. Only the invited contact
 * confirms, as only they submit; confirming again changes nothing.
 */
export async function confirmCarriedAnswers(
  actor: VendorActor,
  now = new Date(),
): Promise<{ confirmed: number }> {
  if (actor.sections) throw new DomainError("FORBIDDEN", "errors.submitMainContactOnly");
  return inTransaction(async (tx) => {
    await lockRow(tx, "Assessment", actor.assessmentId);
    const assessment = await tx.assessment.findFirst({
      where: { id: actor.assessmentId, organizationId: actor.organizationId },
      select: { id: true, status: true },
    });
    if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
    if (!(VENDOR_EDITABLE as readonly string[]).includes(assessment.status))
      throw new DomainError("INVALID_STATE", "errors.questionnaireReadOnly");
    const carried = { assessmentId: assessment.id, carriedFromAssessmentId: { not: null } };
    if ((await tx.answer.count({ where: carried })) === 0)
      throw new DomainError("INVALID_STATE", "reReview.errorNothingToConfirm");
    const { count } = await tx.answer.updateMany({
      where: { ...carried, carriedConfirmedAt: null },
      data: { carriedConfirmedAt: now },
    });
    if (count === 0) return { confirmed: 0 };
    if (assessment.status === "INVITED") {
      await tx.assessment.update({
        where: { id: assessment.id },
        data: { status: "IN_PROGRESS", version: { increment: 1 } },
      });
      await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    }
    await recordAuditEvent(tx, actor, {
      action: "answers.carried_confirmed",
      target: { type: "assessment", id: assessment.id },
      payload: { count },
    });
    return { confirmed: count };
  });
}

/** How many carried answers of the assessment still wait for the vendor's confirmation. */
export function unconfirmedCarriedCount(
  client: { answer: { count: (args: { where: object }) => Promise<number> } },
  assessmentId: string,
): Promise<number> {
  return client.answer.count({
    where: { assessmentId, carriedFromAssessmentId: { not: null }, carriedConfirmedAt: null },
  });
}
