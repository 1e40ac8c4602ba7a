import { z } from "zod";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";

/** One assessment's reports: the id is checked before the query (Prisma reads `{}` as "any"). */
export const assessmentReportsInputSchema = z.object({ assessmentId: entityIdInput });
export type AssessmentReportsInput = z.input<typeof assessmentReportsInputSchema>;

function assessmentIdOf(rawAssessmentId: string) {
  const input = parseUseCaseInput(assessmentReportsInputSchema, { assessmentId: rawAssessmentId });
  return requireEntityId(input.assessmentId, "Assessment");
}

/** The signed reports of an assessment, newest first (metadata only, no file bytes). */
export async function listSignedReports(actor: UserActor, rawAssessmentId: string) {
  const assessmentId = assessmentIdOf(rawAssessmentId);
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

export const readSignedReportInputSchema = z.object({
  assessmentId: entityIdInput,
  reportId: entityIdInput,
});
export type ReadSignedReportInput = z.input<typeof readSignedReportInputSchema>;

/** One signed report's file, for members of its organisation (any role: it is the record of the decision). */
export async function readSignedReport(
  actor: UserActor,
  rawInput: { assessmentId: string; reportId: string },
) {
  const parsed = parseUseCaseInput(readSignedReportInputSchema, rawInput);
  const input = {
    assessmentId: requireEntityId(parsed.assessmentId, "Assessment"),
    reportId: requireEntityId(parsed.reportId, "Report"),
  };
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
export async function listPendingReports(actor: UserActor, rawAssessmentId: string) {
  const assessmentId = assessmentIdOf(rawAssessmentId);
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
