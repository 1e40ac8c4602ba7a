import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { validationError, type IssueLike } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import {
  assertKnownQuestions,
  lockedReviewAssessment,
  requireFindingWriter,
} from "./review-access.server";
import {
  calendarDay,
  createFindingSchema,
  deleteFindingSchema,
  updateFindingSchema,
  type CreateFindingInput,
  type DeleteFindingInput,
  type UpdateFindingInput,
} from "./review-input";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";

/**
 * Findings of an assessment (ADMIN/ASSESSOR). They stay editable after the DPO's decision, since
 * their status moves on (OPEN → RESOLVED …); a report signed earlier is NOT re-rendered: it keeps
 * the findings as they were at signing time, which is what the signature vouches for.
 *
 * Edits use optimistic concurrency: the editor sends the version they started from; a stale
 * version is a CONFLICT and nothing is overwritten.
 */

function invalid(issues: readonly IssueLike[]): DomainError {
  return validationError(issues);
}

export async function createFinding(
  actor: UserActor,
  input: CreateFindingInput,
): Promise<{ findingId: string; version: number }> {
  requireFindingWriter(actor);
  const parsed = createFindingSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { assessmentId, questionKeys, dueDate, ...fields } = parsed.data;
  return inTransaction(async (tx) => {
    const assessment = await lockedReviewAssessment(tx, actor, assessmentId);
    const keys = assertKnownQuestions(assessment.questions, questionKeys);
    const finding = await tx.finding.create({
      data: {
        ...fields,
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        dueDate: calendarDay(dueDate),
        questionKeys: JSON.stringify(keys),
        createdById: actor.userId,
      },
      select: { id: true, version: true },
    });
    await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    await recordAuditEvent(tx, actor, {
      action: "finding.created",
      target: { type: "finding", id: finding.id },
      payload: {
        assessmentId: assessment.id,
        severity: fields.severity,
        status: fields.status,
        questionKeys: keys,
      },
    });
    return { findingId: finding.id, version: finding.version };
  });
}

export async function updateFinding(
  actor: UserActor,
  input: UpdateFindingInput,
): Promise<{ version: number }> {
  requireFindingWriter(actor);
  const parsed = updateFindingSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { assessmentId, findingId, expectedVersion, questionKeys, dueDate, ...fields } =
    parsed.data;
  return inTransaction(async (tx) => {
    const existing = await findOwnFinding(tx, actor, assessmentId, findingId);
    const assessment = await lockedReviewAssessment(tx, actor, existing.assessmentId);
    const keys = assertKnownQuestions(assessment.questions, questionKeys);
    // The version condition in the WHERE makes a concurrent editor who read the same version lose.
    const updated = await tx.finding.updateMany({
      where: { id: existing.id, organizationId: actor.organizationId, version: expectedVersion },
      data: {
        ...fields,
        dueDate: calendarDay(dueDate),
        questionKeys: JSON.stringify(keys),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "errors.findingChanged");
    await refreshPortfolioOfAssessment(tx, actor.organizationId, existing.assessmentId);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (k) => fields[k] !== existing[k],
    );
    await recordAuditEvent(tx, actor, {
      action: "finding.updated",
      target: { type: "finding", id: existing.id },
      payload: {
        assessmentId: existing.assessmentId,
        version: expectedVersion + 1,
        changed,
        status: fields.status,
        severity: fields.severity,
      },
    });
    return { version: expectedVersion + 1 };
  });
}

export async function deleteFinding(actor: UserActor, input: DeleteFindingInput): Promise<void> {
  requireFindingWriter(actor);
  const parsed = deleteFindingSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { assessmentId, findingId, expectedVersion } = parsed.data;
  await inTransaction(async (tx) => {
    const existing = await findOwnFinding(tx, actor, assessmentId, findingId);
    await lockedReviewAssessment(tx, actor, existing.assessmentId);
    const deleted = await tx.finding.deleteMany({
      where: { id: existing.id, organizationId: actor.organizationId, version: expectedVersion },
    });
    if (deleted.count !== 1) throw new DomainError("CONFLICT", "errors.findingChanged");
    await refreshPortfolioOfAssessment(tx, actor.organizationId, existing.assessmentId);
    await recordAuditEvent(tx, actor, {
      action: "finding.deleted",
      target: { type: "finding", id: existing.id },
      payload: {
        assessmentId: existing.assessmentId,
        title: existing.title,
        severity: existing.severity,
        status: existing.status,
      },
    });
  });
}

/** The finding of this assessment in the actor's organisation; anything else is NOT_FOUND. */
async function findOwnFinding(tx: Tx, actor: UserActor, assessmentId: string, findingId: string) {
  const finding = await tx.finding.findFirst({
    where: { id: findingId, assessmentId, organizationId: actor.organizationId },
  });
  if (!finding) throw new DomainError("NOT_FOUND", "errors.findingNotFound");
  return finding;
}
