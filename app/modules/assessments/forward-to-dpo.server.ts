import { z } from "zod";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertTransition } from "./assessment-status";
import { requireAssessmentWriter } from "./permissions";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";
import { notifyForwarded } from "../notifications/notify-forwarded.server";

/** The note is recorded in the audit event, cut at FORWARD_NOTE_MAX_CHARS (a long note is not refused: nothing typed is lost to an error). */
export const FORWARD_NOTE_MAX_CHARS = 2000;
export const forwardToDpoInputSchema = z.object({
  assessmentId: entityIdInput,
  note: z.string().transform((note) => note.slice(0, FORWARD_NOTE_MAX_CHARS)),
});
export type ForwardToDpoInput = z.input<typeof forwardToDpoInputSchema>;

/** The assessor hands a submitted assessment to the DPO; the forwarder may not decide it later. */
export async function forwardToDpo(
  actor: UserActor,
  rawAssessmentId: ForwardToDpoInput["assessmentId"],
  rawNote: ForwardToDpoInput["note"],
): Promise<void> {
  requireAssessmentWriter(actor);
  const input = parseUseCaseInput(forwardToDpoInputSchema, {
    assessmentId: rawAssessmentId,
    note: rawNote,
  });
  const assessmentId = requireEntityId(input.assessmentId, "Assessment");
  const note = input.note;
  await inTransaction(async (tx) => {
    const assessment = await tx.assessment.findFirst({
      where: { id: assessmentId, organizationId: actor.organizationId },
      select: { id: true, status: true },
    });
    if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
    assertTransition(assessment.status, "AWAITING_DECISION");
    const claimed = await tx.assessment.updateMany({
      where: { id: assessment.id, status: assessment.status },
      data: {
        status: "AWAITING_DECISION",
        forwardedById: actor.userId,
        forwardedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (claimed.count !== 1) throw new DomainError("CONFLICT", "errors.assessmentChanged");
    await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    // The DPOs hear of it if and only if the hand-over commits (ADR 0042).
    await notifyForwarded(tx, actor, assessment.id);
    await recordAuditEvent(tx, actor, {
      action: "assessment.forwarded",
      target: { type: "assessment", id: assessment.id },
      payload: { note },
    });
  });
}
