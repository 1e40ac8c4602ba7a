// Inside the DPO decision's transaction: note that the decision needs its signed report, with
// everything the report must show. Only reads and one insert happen here; rendering, signing and
// the timestamp request run after the commit (finish-pending-report.server.ts, ADR 0020), so
// the decision neither holds the database's write lock for them nor fails when the timestamp
// authority is slow or down.

import type { Tx } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import type { UserActor } from "../auth/actor";
import { resolveReportSigner } from "../signing/resolve-report-signer.server";
import { buildReportInput } from "./build-report-input.server";
import { serializeReportInput } from "./report-input-snapshot";

export interface PendingReportInput {
  assessmentId: string;
  decisionId: string;
  /** The decision's own audit event: the chain head the report carries (ADR 0015). */
  decisionEvent: { seq: number; hash: string };
  recommendation: "APPROVE" | "REJECT" | null;
  againstRecommendation: boolean;
}

/**
 * Records the pending report of a decision. Returns false when nothing can sign the
 * organisation's reports (no certificate outside production): the decision then has no report,
 * as before.
 */
export async function recordPendingReport(
  tx: Tx,
  actor: UserActor,
  input: PendingReportInput,
): Promise<boolean> {
  // Normally ready (decideAssessment prepares the signer before its transaction); reads only then.
  if (!(await resolveReportSigner(tx, actor))) return false;
  const signer = await tx.user.findUnique({
    where: { id: actor.userId },
    select: { name: true, locale: true },
  });
  const report = await buildReportInput(tx, {
    organizationId: actor.organizationId,
    assessmentId: input.assessmentId,
    decisionId: input.decisionId,
    signerName: signer?.name ?? actor.name,
    signerLocale: signer?.locale ?? null,
    recommendation: input.recommendation,
    againstRecommendation: input.againstRecommendation,
    auditHead: input.decisionEvent,
    verifyUrl: `${getEnv().APP_URL}/verify`,
  });
  await tx.pendingReport.create({
    data: {
      decisionId: input.decisionId,
      organizationId: actor.organizationId,
      assessmentId: input.assessmentId,
      reportInput: serializeReportInput(report),
      auditHeadSeq: input.decisionEvent.seq,
      auditHeadHash: input.decisionEvent.hash,
    },
  });
  return true;
}
