import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { validationError } from "../../utils/validation-messages";
import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { hasRecentMfa } from "../auth/guards.server";
import { assertTransition, DECISION_OUTCOMES } from "./assessment-status";
import { recommendationFor } from "./compute-score";
import { decisionBlockers } from "./decision-blockers.server";
import { requireDecider } from "./permissions";
import { parseStoredScore } from "./stored-score";
import { recordPendingReport } from "../reports/record-pending-report.server";
import { prepareReportSigner } from "../signing/resolve-report-signer.server";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";
import { countDecision } from "../metrics/app-metrics.server";
import { notifyDecided } from "../notifications/notify-decided.server";

export const decisionSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    rationale: z.string().trim().min(10, "rationaleTooShort").max(5000),
    conditions: z
      .array(
        z.object({
          text: z.string().trim().min(3).max(1000),
          dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        }),
      )
      .max(20)
      .default([]),
    expectedVersion: z.coerce.number().int(),
  })
  .refine((d) => d.outcome !== "APPROVED_WITH_CONDITIONS" || d.conditions.length > 0, {
    path: ["conditions"],
    message: "conditionsRequired",
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/**
 * The DPO decides. Server-side rules: only a DPO; a fresh second-factor check (step-up); nobody
 * who took part in any round of the assessment (separation of duties); a decision against
 * the score's recommendation is recorded as such with its rationale. Decisions are appended,
 * never edited. `reportPending`: the decision awaits its signed report — start it with
 * startReportSigning (the sweep finishes it otherwise).
 */
export async function decideAssessment(
  actor: UserActor,
  assessmentId: string,
  rawInput: DecisionInput,
) {
  // Counted for the metrics endpoint after the commit: a refusal the user sees (conflict, no
  // step-up, separation of duties, invalid input) counts as "refused"; crashes are not counted.
  try {
    const decided = await recordDecision(actor, assessmentId, rawInput);
    countDecision(decided.outcome);
    return decided;
  } catch (error) {
    if (error instanceof DomainError) countDecision("refused");
    throw error;
  }
}

async function recordDecision(actor: UserActor, assessmentId: string, rawInput: DecisionInput) {
  requireDecider(actor);
  const parsed = decisionSchema.safeParse(rawInput);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  if (!hasRecentMfa(actor)) throw new DomainError("FORBIDDEN", "errors.recentMfaRequired");
  // A certificate the report needs is issued before, not inside, the decision's transaction.
  await prepareReportSigner(actor, db());
  return inTransaction(async (tx) => {
    const assessment = await tx.assessment.findFirst({
      where: { id: assessmentId, organizationId: actor.organizationId },
      select: { id: true, status: true, version: true, scoreResult: true },
    });
    if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
    // Every round counts: who created, forwarded, requested changes, reviewed or answered for
    // the vendor at any time cannot decide (decision-blockers.server.ts).
    const blockers = await decisionBlockers(actor, assessment.id, tx);
    if (blockers.length > 0) {
      throw new DomainError("FORBIDDEN", "errors.separationOfDuties", {
        blockers,
        params: { roles: blockers.join(", ") },
      });
    }
    assertTransition(assessment.status, input.outcome);
    if (assessment.version !== input.expectedVersion) {
      throw new DomainError("CONFLICT", "errors.assessmentChangedDecide");
    }
    // Claim the row first: of two concurrent deciders only the one whose version still holds
    // wins; the other gets a conflict (the row lock makes PostgreSQL re-check the condition).
    const claimed = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.expectedVersion, status: assessment.status },
      data: { status: input.outcome, version: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      throw new DomainError("CONFLICT", "errors.assessmentChangedDecide");
    }
    await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    const score = parseStoredScore(assessment.scoreResult);
    const recommendation = score ? recommendationFor(score) : null;
    const againstRecommendation =
      recommendation !== null && (recommendation === "APPROVE") !== (input.outcome !== "REJECTED");
    await tx.decision.updateMany({
      where: { assessmentId: assessment.id, supersededAt: null },
      data: { supersededAt: new Date() },
    });
    const decision = await tx.decision.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        outcome: input.outcome,
        rationale: input.rationale,
        conditions: JSON.stringify(input.conditions),
        decidedById: actor.userId,
      },
    });
    // Assessor and vendor hear of the decision if and only if it commits (ADR 0042).
    await notifyDecided(tx, actor, {
      assessmentId: assessment.id,
      outcome: input.outcome,
      conditions: input.conditions,
    });
    const decided = await recordAuditEvent(tx, actor, {
      action: "assessment.decided",
      target: { type: "assessment", id: assessment.id },
      payload: {
        decisionId: decision.id,
        outcome: input.outcome,
        recommendation,
        againstRecommendation,
        conditions: input.conditions.length,
      },
    });
    // The signed report is made after the commit (finishPendingReport, ADR 0020): rendering,
    // signing and the timestamp request must not hold the database or fail the decision. What
    // the report shows, and the chain head it carries (this event), are fixed here.
    const reportPending = await recordPendingReport(tx, actor, {
      assessmentId: assessment.id,
      decisionId: decision.id,
      decisionEvent: { seq: decided.seq, hash: decided.hash },
      recommendation,
      againstRecommendation,
    });
    return {
      decisionId: decision.id,
      outcome: input.outcome,
      againstRecommendation,
      reportPending,
    };
  });
}
