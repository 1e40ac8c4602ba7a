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
export async function readSignedReport(actor: UserActor, input: { assessmentId: string; reportId: string }) {
  const report = await db().signedReport.findFirst({
    where: { id: input.reportId, assessmentId: input.assessmentId, organizationId: actor.organizationId },
    select: { signedPdf: true, assessmentId: true, decisionId: true },
  });
  if (!report) throw new DomainError("NOT_FOUND", "errors.reportNotFound");
  return report;
}
