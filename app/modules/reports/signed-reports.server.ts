import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";

/** The signed reports of an assessment, newest first (metadata only, no file bytes). */
export async function listSignedReports(actor: UserActor, assessmentId: string) {
  return db().signedReport.findMany({
    where: { assessmentId, organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      sha256: true,
      certificateFingerprint: true,
      signerName: true,
      signedAt: true,
      timestamped: true,
      auditHeadSeq: true,
      decision: { select: { outcome: true, supersededAt: true } },
    },
  });
}

/** One signed report's file, for members of its organisation (any role: it is the record of the decision). */
export async function readSignedReport(
  actor: UserActor,
  input: { assessmentId: string; reportId: string },
) {
  const report = await db().signedReport.findFirst({
    where: {
      id: input.reportId,
      assessmentId: input.assessmentId,
      organizationId: actor.organizationId,
    },
    select: { signedPdf: true, assessmentId: true, decisionId: true },
  });
  if (!report) throw new DomainError("NOT_FOUND", "errors.reportNotFound");
  return report;
}

/**
 * Decisions of an assessment whose signed report is still being made (ADR 0020), oldest first:
 * PENDING (tried again from nextAttemptAt on; lastError says why the last attempt failed) or
 * FAILED (given up). Shown on the decision page until the report is there.
 */
export async function listPendingReports(actor: UserActor, assessmentId: string) {
  return db().pendingReport.findMany({
    where: { assessmentId, organizationId: actor.organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      decisionId: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      decision: { select: { outcome: true, createdAt: true } },
    },
  });
}
