import { db } from "../../utils/db.server";
import { validationError } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor, VendorActor } from "../auth/actor";
import { loadVendorAssessment } from "../portal/vendor-questionnaire.server";
import { sectionVisible, vendorContactOf } from "../clarifications/clarification-access.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import {
  assertKnownQuestions,
  lockedReviewAssessment,
  requireCommentWriter,
} from "./review-access.server";
import { notifyVendorComment } from "../notifications/notify-vendor-comment.server";
import { addCommentSchema, type AddCommentInput, type CommentVisibility } from "./review-input";

/**
 * Review comments on the assessment or on one answer. INTERNAL ones stay inside the
 * organisation; VENDOR ones are shown to the vendor contacts in the portal (a delegated
 * colleague sees only those on questions of their sections; comments on the whole assessment go
 * to the main contacts only, since they may concern sections the colleague cannot see).
 * Comments are never edited: the review history is a record.
 */
export async function addComment(
  actor: UserActor,
  input: AddCommentInput,
): Promise<{ commentId: string }> {
  requireCommentWriter(actor);
  const parsed = addCommentSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { assessmentId, questionKey, visibility, body } = parsed.data;
  return inTransaction(async (tx) => {
    const assessment = await lockedReviewAssessment(tx, actor, assessmentId);
    if (questionKey) assertKnownQuestions(assessment.questions, [questionKey]);
    const comment = await tx.assessmentComment.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        questionKey,
        visibility,
        body,
        authorId: actor.userId,
        authorLabel: actor.name,
      },
      select: { id: true },
    });
    if (visibility === "VENDOR") {
      await notifyVendorComment(tx, {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        question: questionKey ? (assessment.questions.get(questionKey) ?? null) : null,
        body,
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "comment.added",
      target: { type: "assessment", id: assessment.id },
      payload: { commentId: comment.id, questionKey, visibility },
    });
    return { commentId: comment.id };
  });
}

export interface CommentView {
  id: string;
  questionKey: string | null;
  visibility: CommentVisibility;
  body: string;
  authorLabel: string;
  createdAt: Date;
}

const commentSelect = {
  id: true,
  questionKey: true,
  visibility: true,
  body: true,
  authorLabel: true,
  createdAt: true,
} as const;

/** Every comment of the assessment, oldest first (any member of the organisation may read them). */
export async function listCommentsForUser(
  actor: UserActor,
  assessmentId: string,
): Promise<CommentView[]> {
  const rows = await db().assessmentComment.findMany({
    where: { assessmentId, organizationId: actor.organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
  return rows.map((r) => ({ ...r, visibility: r.visibility === "VENDOR" ? "VENDOR" : "INTERNAL" }));
}

/** The comments this vendor contact may see: VENDOR only, limited to their sections. */
export async function listCommentsForVendor(
  actor: VendorActor,
): Promise<{ general: CommentView[]; byQuestion: Record<string, CommentView[]> }> {
  const assessment = await loadVendorAssessment(actor);
  const contact = await vendorContactOf(db(), actor);
  const rows = await db().assessmentComment.findMany({
    where: {
      assessmentId: assessment.id,
      organizationId: actor.organizationId,
      visibility: "VENDOR",
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
  const { definition } = await loadTemplateVersion(assessment.templateVersionId);
  const sectionOf = new Map(questionsOf(definition).map((q) => [q.key, q.sectionKey]));
  const general: CommentView[] = [];
  const byQuestion: Record<string, CommentView[]> = {};
  for (const row of rows) {
    const view: CommentView = { ...row, visibility: "VENDOR" };
    if (row.questionKey === null) {
      if (contact.sections === null) general.push(view);
      continue;
    }
    const sectionKey = sectionOf.get(row.questionKey);
    if (!sectionKey || !sectionVisible(contact.sections, sectionKey)) continue;
    (byQuestion[row.questionKey] ??= []).push(view);
  }
  return { general, byQuestion };
}
