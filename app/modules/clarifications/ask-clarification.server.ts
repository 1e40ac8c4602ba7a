import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { requireAssessmentWriter } from "../assessments/permissions";
import {
  assertOpenForClarifications,
  findOrgAssessment,
  questionOf,
  userAuthor,
} from "./clarification-access.server";
import {
  askClarificationSchema,
  CLARIFICATION_BODY_MAX_CHARS,
  type AskClarificationInput,
} from "./clarification-input";
import { mailVendorContacts } from "./clarification-mail.server";

/**
 * An assessor (or admin) asks the vendor about one question of the assessment: a new thread with
 * its first message. Afterwards every active contact who may see the question is told by mail.
 */
export async function askClarification(
  actor: UserActor,
  input: AskClarificationInput,
): Promise<{ threadId: string; messageId: string }> {
  requireAssessmentWriter(actor);
  const parsed = askClarificationSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", "errors.clarificationInvalid", {
      params: { max: CLARIFICATION_BODY_MAX_CHARS },
    });
  const { assessmentId, questionKey, body } = parsed.data;

  const created = await inTransaction(async (tx) => {
    const assessment = await findOrgAssessment(tx, actor.organizationId, assessmentId);
    // Serialise with other changes to the assessment (status changes, other threads).
    await lockRow(tx, "Assessment", assessment.id);
    const fresh = await findOrgAssessment(tx, actor.organizationId, assessment.id);
    assertOpenForClarifications(fresh.status);
    const question = await questionOf(tx, fresh.templateVersionId, questionKey);
    if (!question) throw new DomainError("VALIDATION", "errors.questionNotInQuestionnaire");
    const thread = await tx.clarificationThread.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: fresh.id,
        questionKey,
        status: "OPEN",
        messages: { create: { author: userAuthor(actor.userId), authorLabel: actor.name, body } },
      },
      select: { id: true, messages: { select: { id: true } } },
    });
    const messageId = thread.messages[0]!.id;
    await mailVendorContacts(tx, {
      organizationId: actor.organizationId,
      assessmentId: fresh.id,
      sectionKey: question.sectionKey,
      question: question.label,
      body,
      kind: "asked",
    });
    await recordAuditEvent(tx, actor, {
      action: "clarification.asked",
      target: { type: "clarification", id: thread.id },
      payload: { assessmentId: fresh.id, questionKey, messageId },
    });
    return { threadId: thread.id, messageId };
  });
  return { threadId: created.threadId, messageId: created.messageId };
}
