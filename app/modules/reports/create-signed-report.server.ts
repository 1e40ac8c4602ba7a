// When the DPO decides: render the report, sign it (PAdES) with the organisation's certificate
// (its own, or the one the operator issued for it: ADR 0016) and store the unsigned original, the
// signed file, its SHA-256 and the certificate fingerprint, with an audit event and a checkpoint
// of the chain (ADR 0015) — all inside the decision's transaction, so a decision never exists
// without its report (when signing is configured; production refuses to start without a
// certificate).

import { createHash } from "node:crypto";
import type { Tx } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { writeAuditCheckpoint } from "../audit/write-audit-checkpoint.server";
import type { UserActor } from "../auth/actor";
import { signPdf } from "../signing/pades-sign";
import { resolveReportSigner } from "../signing/resolve-report-signer.server";
import { buildReportInput } from "./build-report-input.server";
import { renderReportPdf } from "./render-report";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export interface SignedReportRef {
  id: string;
  sha256: string;
}

export async function createSignedReport(
  tx: Tx,
  actor: UserActor,
  input: { assessmentId: string; decisionId: string; decidedAt: Date; recommendation: "APPROVE" | "REJECT" | null; againstRecommendation: boolean },
): Promise<SignedReportRef | null> {
  const reportSigner = await resolveReportSigner(tx, actor);
  if (!reportSigner) return null;
  const { identity } = reportSigner;
  // The PDF's signing time (/M) has whole seconds; the stored time matches it exactly.
  const signedAt = new Date(Math.floor(input.decidedAt.getTime() / 1000) * 1000);
  const env = getEnv();
  // The chain head at signing time: the decision's own event is already part of it.
  const head = await tx.auditEvent.findFirst({ where: { organizationId: actor.organizationId }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const signer = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true, locale: true } });
  const report = await buildReportInput(tx, {
    organizationId: actor.organizationId,
    assessmentId: input.assessmentId,
    decisionId: input.decisionId,
    signerName: signer?.name ?? actor.name,
    signerLocale: signer?.locale ?? null,
    recommendation: input.recommendation,
    againstRecommendation: input.againstRecommendation,
    auditHead: { seq: head?.seq ?? 0, hash: head?.hash ?? "" },
    verifyUrl: `${env.APP_URL}/verify`,
  });
  const unsigned = await renderReportPdf(report);
  const signed = await signPdf(unsigned, identity, {
    signingTime: signedAt,
    reason: `${report.decision.outcome}: ${report.assessment.title}`,
    location: report.organizationName,
    ...(env.TSA_URL ? { tsaUrl: env.TSA_URL } : {}),
  });
  const stored = await tx.signedReport.create({
    data: {
      organizationId: actor.organizationId,
      assessmentId: input.assessmentId,
      decisionId: input.decisionId,
      unsignedPdf: new Uint8Array(unsigned),
      signedPdf: new Uint8Array(signed),
      unsignedSha256: sha256(unsigned),
      sha256: sha256(signed),
      certificateFingerprint: identity.fingerprint,
      signerName: report.signerName,
      signedAt,
      timestamped: Boolean(env.TSA_URL),
      auditHeadSeq: head?.seq ?? 0,
      auditHeadHash: head?.hash ?? "",
    },
    select: { id: true, sha256: true },
  });
  const event = await recordAuditEvent(tx, actor, {
    action: "report.signed",
    target: { type: "assessment", id: input.assessmentId },
    payload: {
      decisionId: input.decisionId,
      reportId: stored.id,
      sha256: stored.sha256,
      certificateFingerprint: identity.fingerprint,
      certificateSource: reportSigner.source,
      auditHeadSeq: head?.seq ?? 0,
      timestamped: Boolean(env.TSA_URL),
    },
  });
  // A report leaves the system: anchor the chain as it stands, report event included.
  await writeAuditCheckpoint(tx, event, "report");
  return stored;
}
