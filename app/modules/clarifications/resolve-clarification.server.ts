import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { requireAssessmentWriter } from "../assessments/permissions";
import { assertOpenForClarifications, findOrgAssessment } from "./clarification-access.server";
import { resolveClarificationSchema, type ResolveClarificationInput } from "./clarification-input";

/**
 * An assessor (or admin) marks a thread as resolved. Resolving a resolved thread changes nothing
 * (a double submit without JavaScript is harmless); a later reply reopens it.
 */
export async function resolveClarification(
  actor: UserActor,
  input: ResolveClarificationInput,
): Promise<{ changed: boolean }> {
  requireAssessmentWriter(actor);
  const parsed = resolveClarificationSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "errors.clarificationWhich");
  const { threadId, assessmentId } = parsed.data;

  return inTransaction(async (tx) => {
    const found = await tx.clarificationThread.findFirst({
      where: {
        id: threadId,
        organizationId: actor.organizationId,
        ...(assessmentId ? { assessmentId } : {}),
      },
      select: { assessmentId: true },
    });
    if (!found) throw new DomainError("NOT_FOUND", "errors.clarificationNotFound");
    await lockRow(tx, "Assessment", found.assessmentId);
    const assessment = await findOrgAssessment(tx, actor.organizationId, found.assessmentId);
    assertOpenForClarifications(assessment.status);
    const thread = await tx.clarificationThread.findUniqueOrThrow({
      where: { id: threadId },
      select: { id: true, status: true, questionKey: true },
    });
    if (thread.status === "RESOLVED") return { changed: false };
    await tx.clarificationThread.update({
      where: { id: thread.id },
      data: { status: "RESOLVED", resolvedAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: "clarification.resolved",
      target: { type: "clarification", id: thread.id },
      payload: { assessmentId: assessment.id, questionKey: thread.questionKey },
    });
    return { changed: true };
  });
}
