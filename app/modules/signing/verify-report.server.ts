import { db } from "../../utils/db.server";
import { ParserBusyError, parserTimeBudgetMs, runParserJob } from "../parsing/parser-pool.server";
import type { ReportFileInspection } from "./inspect-report-file";
import type { PdfSignatureVerification } from "./verify-pdf-signature";

/**
 * The public verdict on an uploaded report (/verify and `vetted verify`): the cryptographic check
 * plus our records. A file is "valid" only when its SHA-256 is one we stored when signing, so a
 * report is both authentic and unchanged. No tenancy scope: anyone holding a report may check it,
 * and the answer reveals only what is printed on the report anyway.
 *
 * The file itself is read in a parser worker (ADR 0014, inspect-report-file.ts), never on the
 * event loop; a file the worker cannot finish in its time or memory is "unchecked", and a full
 * pool throws ParserBusyError (the caller answers "busy, try again").
 */
export type ReportVerdict =
  "valid" | "modified" | "invalid" | "unknown" | "unsigned" | "not_pdf" | "unchecked";

/** Why a file was not checked: a limit of the check, its time, or the worker's memory. */
export type UncheckedReason = "time" | "structure" | "signatures" | "resources";

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
  /** null when the file was not checked to the end. */
  sha256: string | null;
  /** For "unchecked". */
  uncheckedReason?: UncheckedReason;
}

const reportSelect = {
  id: true,
  signedPdf: false,
  signerName: true,
  signedAt: true,
  timestamped: true,
  organization: { select: { name: true } },
  assessment: {
    select: {
      id: true,
      title: true,
      vendor: { select: { name: true } },
      product: { select: { name: true } },
    },
  },
  decision: { select: { id: true, outcome: true, supersededAt: true } },
} as const;

type ReportRow = {
  signerName: string;
  signedAt: Date;
  timestamped: boolean;
  organization: { name: string };
  assessment: {
    id: string;
    title: string;
    vendor: { name: string };
    product: { name: string } | null;
  };
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

function unchecked(reason: UncheckedReason, why: string): ReportVerification {
  const signature: PdfSignatureVerification = {
    kind: "unchecked",
    signerName: null,
    certificateFingerprint: null,
    signingTime: null,
    reasons: [why],
    signaturesChecked: 0,
    objectsRead: 0,
  };
  return { verdict: "unchecked", uncheckedReason: reason, signature, sha256: null, report: null };
}

export interface VerifyReportOptions {
  /**
   * Move `bytes.buffer` (all of it) to the worker instead of copying: only for a buffer the caller
   * allocated for this file alone (never a Buffer from Node's shared pool); unusable afterwards.
   */
  transfer?: boolean;
}

export async function verifyReport(
  bytes: Uint8Array,
  options: VerifyReportOptions = {},
): Promise<ReportVerification> {
  // new Uint8Array(view) copies (Buffer#slice would not).
  const owned =
    options.transfer && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  const outcome = await runParserJob(
    "inspect-report-file",
    { bytes: owned, timeBudgetMs: parserTimeBudgetMs() },
    { transfer: [owned.buffer as ArrayBuffer] },
  );
  if (outcome.status === "busy") throw new ParserBusyError();
  if (outcome.status === "timeout")
    return unchecked("time", "the file could not be checked in time");
  if (outcome.status === "failed")
    return unchecked("resources", `the file could not be checked (${outcome.reason})`);
  const inspection: ReportFileInspection = outcome.value;
  const { signature, sha256 } = inspection;
  const base = { signature, sha256, report: null };
  if (signature.kind === "unchecked")
    return { ...base, verdict: "unchecked", uncheckedReason: signature.limit ?? "structure" };
  if (signature.kind === "not_pdf" || signature.kind === "unsigned")
    return { ...base, verdict: signature.kind };

  const issued = await db().signedReport.findUnique({ where: { sha256 }, select: reportSelect });
  if (signature.kind === "valid") {
    return issued
      ? { ...base, verdict: "valid", report: facts(issued) }
      : { ...base, verdict: "unknown" };
  }
  if (signature.kind === "invalid") return { ...base, verdict: "invalid" };
  // Modified: name the report it claims to be, when the certificate is one of ours.
  return { ...base, verdict: "modified", report: await claimedReport(inspection) };
}

/**
 * Which of our reports a modified file was made from. Appended bytes: the file still starts with
 * the whole report, found by the hash of that prefix. Changed bytes: the signature value itself
 * (the /Contents hole, which the change does not touch) is compared with the reports signed by
 * the same certificate at the same second.
 */
async function claimedReport({
  signature,
  signedPrefixSha256,
  signatureHole,
}: ReportFileInspection): Promise<VerifiedReportFacts | null> {
  const range = signature.byteRange;
  if (!range || !signature.certificateFingerprint) return null;
  const [a, b, c] = range;
  if (signedPrefixSha256) {
    const prefix = await db().signedReport.findUnique({
      where: { sha256: signedPrefixSha256 },
      select: reportSelect,
    });
    if (prefix) return facts(prefix);
  }
  if (!signature.signingTime || !signatureHole) return null;
  const from = signature.signingTime;
  const candidates = await db().signedReport.findMany({
    where: {
      certificateFingerprint: signature.certificateFingerprint,
      signedAt: { gte: from, lt: new Date(from.getTime() + 1000) },
    },
    select: { ...reportSelect, signedPdf: true },
    take: 20,
  });
  const hole = Buffer.from(signatureHole);
  const match = candidates.find((row) =>
    Buffer.from(row.signedPdf)
      .subarray(a + b, c)
      .equals(hole),
  );
  return match ? facts(match) : null;
}
