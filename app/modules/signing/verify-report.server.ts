import { createHash } from "node:crypto";
import { db } from "../../utils/db.server";
import { verifyPdfSignature, type PdfSignatureVerification } from "./verify-pdf-signature";

/**
 * The public verdict on an uploaded report (/verify and `vetted verify`): the cryptographic check
 * plus our records. A file is "valid" only when its SHA-256 is one we stored when signing, so a
 * report is both authentic and unchanged. No tenancy scope: anyone holding a report may check it,
 * and the answer reveals only what is printed on the report anyway.
 */
export type ReportVerdict = "valid" | "modified" | "invalid" | "unknown" | "unsigned" | "not_pdf";

export interface VerifiedReportFacts {
  organizationName: string;
  assessmentId: string;
  assessmentTitle: string;
  vendorName: string;
  productName: string | null;
  decisionId: string;
  decisionOutcome: string;
  signerName: string;
  signedAt: Date;
  timestamped: boolean;
  /** When a later decision superseded this one; null: still the current decision. */
  supersededAt: Date | null;
}

export interface ReportVerification {
  verdict: ReportVerdict;
  /** For "valid": the report; for "modified": the report the file claims to be, when we know it. */
  report: VerifiedReportFacts | null;
  signature: PdfSignatureVerification;
  sha256: string;
}

const reportSelect = {
  id: true,
  signedPdf: false,
  signerName: true,
  signedAt: true,
  timestamped: true,
  organization: { select: { name: true } },
  assessment: { select: { id: true, title: true, vendor: { select: { name: true } }, product: { select: { name: true } } } },
  decision: { select: { id: true, outcome: true, supersededAt: true } },
} as const;

type ReportRow = {
  signerName: string;
  signedAt: Date;
  timestamped: boolean;
  organization: { name: string };
  assessment: { id: string; title: string; vendor: { name: string }; product: { name: string } | null };
  decision: { id: string; outcome: string; supersededAt: Date | null };
};

function facts(row: ReportRow): VerifiedReportFacts {
  return {
    organizationName: row.organization.name,
    assessmentId: row.assessment.id,
    assessmentTitle: row.assessment.title,
    vendorName: row.assessment.vendor.name,
    productName: row.assessment.product?.name ?? null,
    decisionId: row.decision.id,
    decisionOutcome: row.decision.outcome,
    signerName: row.signerName,
    signedAt: row.signedAt,
    timestamped: row.timestamped,
    supersededAt: row.decision.supersededAt,
  };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function verifyReport(bytes: Uint8Array): Promise<ReportVerification> {
  const signature = await verifyPdfSignature(bytes);
  const sha256 = sha256Hex(bytes);
  const base = { signature, sha256, report: null };
  if (signature.kind === "not_pdf" || signature.kind === "unsigned") return { ...base, verdict: signature.kind };

  const issued = await db().signedReport.findUnique({ where: { sha256 }, select: reportSelect });
  if (signature.kind === "valid") {
    return issued ? { ...base, verdict: "valid", report: facts(issued) } : { ...base, verdict: "unknown" };
  }
  if (signature.kind === "invalid") return { ...base, verdict: "invalid" };
  // Modified: name the report it claims to be, when the certificate is one of ours.
  return { ...base, verdict: "modified", report: await claimedReport(bytes, signature) };
}

/**
 * Which of our reports a modified file was made from. Appended bytes: the file still starts with
 * the whole report, found by the hash of that prefix. Changed bytes: the signature value itself
 * (the /Contents hole, which the change does not touch) is compared with the reports signed by
 * the same certificate at the same second.
 */
async function claimedReport(bytes: Uint8Array, signature: PdfSignatureVerification): Promise<VerifiedReportFacts | null> {
  const range = signature.byteRange;
  if (!range || !signature.certificateFingerprint) return null;
  const [a, b, c, d] = range;
  const end = c + d;
  if (a === 0 && end < bytes.length) {
    const prefix = await db().signedReport.findUnique({ where: { sha256: sha256Hex(bytes.subarray(0, end)) }, select: reportSelect });
    if (prefix) return facts(prefix);
  }
  if (!signature.signingTime || end > bytes.length) return null;
  const from = signature.signingTime;
  const candidates = await db().signedReport.findMany({
    where: { certificateFingerprint: signature.certificateFingerprint, signedAt: { gte: from, lt: new Date(from.getTime() + 1000) } },
    select: { ...reportSelect, signedPdf: true },
    take: 20,
  });
  const hole = Buffer.from(bytes.subarray(a + b, c));
  const match = candidates.find((row) => Buffer.from(row.signedPdf).subarray(a + b, c).equals(hole));
  return match ? facts(match) : null;
}
