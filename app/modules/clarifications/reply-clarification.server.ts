import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor, VendorActor } from "../auth/actor";
import { requireAssessmentWriter } from "../assessments/permissions";
import {
  assertOpenForClarifications,
  findOrgAssessment,
  questionOf,
  sectionVisible,
  userAuthor,
  vendorAuthor,
  vendorContactOf,
} from "./clarification-access.server";
import {
  CLARIFICATION_BODY_MAX_CHARS,
  replyClarificationSchema,
  type ReplyClarificationInput,
} from "./clarification-input";
import { mailAssessmentCreator, mailVendorContacts } from "./clarification-mail.server";

/**
 * A message on an existing thread, from an assessor/admin of the organisation or from a vendor
 * contact of the thread's assessment (a delegated colleague only on their own sections). Vendors
 * may reply after submitting: the answers are read-only then, the conversation is not. A reply
 * to a resolved thread reopens it. The other side is told by mail afterwards.
 */
export async function replyClarification(
  actor: UserActor | VendorActor,
  input: ReplyClarificationInput,
): Promise<{ messageId: string; reopened: boolean }> {
  if (actor.kind === "user") requireAssessmentWriter(actor);
  const parsed = replyClarificationSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", "errors.clarificationReplyInvalid", {
      params: { max: CLARIFICATION_BODY_MAX_CHARS },
    });
  const { threadId, body, assessmentId } = parsed.data;
  // A vendor contact only ever reaches the threads of their own assessment.
  const scopeAssessmentId = actor.kind === "vendor" ? actor.assessmentId : assessmentId;

  const done = await inTransaction(async (tx) => {
    const found = await tx.clarificationThread.findFirst({
      where: {
        id: threadId,
        organizationId: actor.organizationId,
        ...(scopeAssessmentId ? { assessmentId: scopeAssessmentId } : {}),
      },
      select: { assessmentId: true },
    });
    if (!found) throw new DomainError("NOT_FOUND", "errors.clarificationNotFound");
    await lockRow(tx, "Assessment", found.assessmentId);
    const assessment = await findOrgAssessment(tx, actor.organizationId, found.assessmentId);
    const thread = await tx.clarificationThread.findUniqueOrThrow({
      where: { id: threadId },
      select: { id: true, questionKey: true, status: true },
    });
    const question = await questionOf(tx, assessment.templateVersionId, thread.questionKey);
    if (!question) throw new DomainError("NOT_FOUND", "errors.clarificationNotFound");
    let author: string;
    let authorLabel: string;
    if (actor.kind === "vendor") {
      const contact = await vendorContactOf(tx, actor);
      // Outside a delegated colleague's sections the thread does not exist for them.
      if (!sectionVisible(contact.sections, question.sectionKey))
        throw new DomainError("NOT_FOUND", "errors.clarificationNotFound");
      author = vendorAuthor(actor.inviteLinkId);
      authorLabel = contact.label;
    } else {
      author = userAuthor(actor.userId);
      authorLabel = actor.name;
    }
    assertOpenForClarifications(assessment.status);
    const message = await tx.clarificationMessage.create({
      data: { threadId: thread.id, author, authorLabel, body },
      select: { id: true },
    });
    const reopened = thread.status === "RESOLVED";
    if (reopened)
      await tx.clarificationThread.update({
        where: { id: thread.id },
        data: { status: "OPEN", resolvedAt: null },
      });
    if (actor.kind === "vendor") {
      await mailAssessmentCreator(tx, {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        question: question.label,
        body,
        authorLabel,
      });
    } else {
      await mailVendorContacts(tx, {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        sectionKey: question.sectionKey,
        question: question.label,
        body,
        kind: "replied",
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "clarification.replied",
      target: { type: "clarification", id: thread.id },
      payload: {
        assessmentId: assessment.id,
        questionKey: thread.questionKey,
        messageId: message.id,
        reopened,
      },
    });
    return { messageId: message.id, reopened };
  });

  return { messageId: done.messageId, reopened: done.reopened };
}
