import { db, type Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { validationError } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertTransition } from "../assessments/assessment-status";
import { requireAssessmentWriter } from "../assessments/permissions";
import { mailChangeRequest } from "./change-request-mail.server";
import {
  assertKnownQuestions,
  lockedReviewAssessment,
  withDependents,
} from "./review-access.server";
import { parseKeyList, requestChangesSchema, type RequestChangesInput } from "./review-input";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";

/**
 * "Request changes": the assessor (or admin) sends a submitted assessment back to the vendor with
 * a message and the questions to reopen. Only those questions can be saved until the vendor
 * submits again (enforced in saveAnswers); the submit closes the request in its transaction.
 */
export async function requestChanges(
  actor: UserActor,
  input: RequestChangesInput,
): Promise<{ changeRequestId: string }> {
  requireAssessmentWriter(actor);
  const parsed = requestChangesSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { assessmentId, message, expectedVersion } = parsed.data;
  const created = await inTransaction(async (tx) => {
    const assessment = await lockedReviewAssessment(tx, actor, assessmentId);
    assertTransition(assessment.status, "CHANGES_REQUESTED");
    if (expectedVersion !== undefined && expectedVersion !== assessment.version) {
      throw new DomainError("CONFLICT", "errors.assessmentChanged");
    }
    const keys = withDependents(
      assessment.questions,
      assertKnownQuestions(assessment.questions, parsed.data.questionKeys),
    );
    const claimed = await tx.assessment.updateMany({
      where: { id: assessment.id, status: assessment.status, version: assessment.version },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    if (claimed.count !== 1) throw new DomainError("CONFLICT", "errors.assessmentChanged");
    await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    // At most one request is open: an older one (which cannot normally exist) is closed now.
    await tx.changeRequest.updateMany({
      where: { assessmentId: assessment.id, closedAt: null },
      data: { closedAt: new Date() },
    });
    const request = await tx.changeRequest.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        message,
        questionKeys: JSON.stringify(keys),
        requestedById: actor.userId,
      },
      select: { id: true },
    });
    const questions = keys.map((k) => assessment.questions.get(k)!);
    await mailChangeRequest(tx, {
      organizationId: actor.organizationId,
      assessmentId: assessment.id,
      message,
      questions,
    });
    await recordAuditEvent(tx, actor, {
      action: "assessment.changes_requested",
      target: { type: "assessment", id: assessment.id },
      payload: { changeRequestId: request.id, from: assessment.status, questionKeys: keys },
    });
    return { changeRequestId: request.id };
  });
  return { changeRequestId: created.changeRequestId };
}

/**
 * The open change request of an assessment (null: none), read inside the caller's transaction:
 * saveAnswers uses it to refuse questions that were not reopened, the submit closes it.
 */
export async function openChangeRequest(
  client: Tx | ReturnType<typeof db>,
  organizationId: string,
  assessmentId: string,
) {
  const row = await client.changeRequest.findFirst({
    where: { assessmentId, organizationId, closedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, message: true, questionKeys: true, createdAt: true },
  });
  return row
    ? {
        id: row.id,
        message: row.message,
        questionKeys: parseKeyList(row.questionKeys),
        createdAt: row.createdAt,
      }
    : null;
}

/**
 * Only the questions the open change request reopened (null: none is open), in one tagged query:
 * the autosave path asks this on every save (ADR 0021).
 */
export async function openChangeRequestKeys(
  client: Tx | ReturnType<typeof db>,
  organizationId: string,
  assessmentId: string,
): Promise<string[] | null> {
  const rows = await client.$queryRaw<{ questionKeys: string }[]>`
    SELECT "questionKeys" FROM "ChangeRequest"
    WHERE "assessmentId" = ${assessmentId} AND "organizationId" = ${organizationId} AND "closedAt" IS NULL
    ORDER BY "createdAt" DESC LIMIT 1`;
  return rows[0] ? parseKeyList(rows[0].questionKeys) : null;
}

/** Closes the open change request (the vendor submitted again). Call inside the submit transaction. */
export async function closeOpenChangeRequests(
  tx: Tx,
  organizationId: string,
  assessmentId: string,
  now: Date,
): Promise<number> {
  const closed = await tx.changeRequest.updateMany({
    where: { assessmentId, organizationId, closedAt: null },
    data: { closedAt: now },
  });
  return closed.count;
}

/** The history for the assessor: every request, newest first, with who asked. */
export async function listChangeRequests(actor: UserActor, assessmentId: string) {
  const rows = await db().changeRequest.findMany({
    where: { assessmentId, organizationId: actor.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      message: true,
      questionKeys: true,
      requestedById: true,
      createdAt: true,
      closedAt: true,
    },
  });
  const users = await db().user.findMany({
    where: {
      id: { in: [...new Set(rows.map((r) => r.requestedById))] },
      memberships: { some: { organizationId: actor.organizationId } },
    },
    select: { id: true, name: true },
  });
  return rows.map(({ requestedById, questionKeys, ...r }) => ({
    ...r,
    questionKeys: parseKeyList(questionKeys),
    requestedByName: users.find((u) => u.id === requestedById)?.name ?? null,
  }));
}
