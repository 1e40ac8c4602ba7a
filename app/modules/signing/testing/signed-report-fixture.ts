import { createHash } from "node:crypto";
import { db } from "../../../utils/db.server";
import { signPdf } from "../pades-sign";
import type { SigningIdentity } from "../pkcs12";
import { makeUnsignedPdf } from "./test-pdf";

/**
 * Stores a signed report the way the DPO decision use case does (Decision + SignedReport rows),
 * without the renderer: tests of verification need a report "we issued", not a real one.
 */
export async function storeSignedReport(input: {
  organizationId: string;
  assessmentId: string;
  decidedById: string;
  identity: SigningIdentity;
  signingTime?: Date;
  outcome?: string;
}) {
  const signingTime = input.signingTime ?? new Date(Math.floor(Date.now() / 1000) * 1000);
  const decision = await db().decision.create({
    data: {
      organizationId: input.organizationId,
      assessmentId: input.assessmentId,
      outcome: input.outcome ?? "APPROVED",
      rationale: "Test rationale",
      decidedById: input.decidedById,
    },
  });
  const unsigned = await makeUnsignedPdf(`Report ${input.assessmentId} ${decision.id}`);
  const signed = await signPdf(unsigned, input.identity, { signingTime, reason: "DPO decision" });
  const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  const report = await db().signedReport.create({
    data: {
      organizationId: input.organizationId,
      assessmentId: input.assessmentId,
      decisionId: decision.id,
      unsignedPdf: unsigned,
      signedPdf: signed,
      unsignedSha256: sha(unsigned),
      sha256: sha(signed),
      certificateFingerprint: input.identity.fingerprint,
      signerName: input.identity.commonName,
      signedAt: signingTime,
      auditHeadSeq: 0,
      auditHeadHash: "0".repeat(64),
    },
  });
  return { decision, report, signed };
}
