// Makes the signed report of a decided assessment, outside any transaction (ADR 0020; the order
// follows documenso's seal job: claim → render → sign last → store in a short transaction).
//
//   1. claim the pending report: one conditional update moves nextAttemptAt past this attempt's
//      time limit, so no other finisher starts on it meanwhile (a crashed attempt's claim simply
//      runs out, and the sweep takes the report up again);
//   2. render the report input the decision's transaction recorded, sign it with the
//      organisation's certificate, ask the timestamp authority (cut off at the time limit);
//   3. store it in one short transaction with its audit event and a checkpoint — only if the
//      pending row is still there to delete, so two finishers never store two reports (and the
//      unique decisionId of SignedReport says so again).
// A failure is written to the pending row (tried again later with backoff, given up after the
// last attempt) and never undoes the decision.

import { createHash } from "node:crypto";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { logger } from "../../utils/logger.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { writeAuditCheckpoint } from "../audit/write-audit-checkpoint.server";
import type { SystemActor } from "../auth/actor";
import { signPdf } from "../signing/pades-sign";
import {
  prepareReportSigner,
  resolveReportSigner,
  type ReportSigner,
} from "../signing/resolve-report-signer.server";
import { renderReportPdf } from "./render-report";
import { parseReportInput } from "./report-input-snapshot";
import { MAX_REPORT_ATTEMPTS, reportRetryDelayMs } from "./report-retry";

export type FinishReportOutcome =
  /** This call stored the report. */
  | { kind: "signed"; reportId: string }
  /** Nothing (more) to do: the report exists (stored by another finisher), or none is due. */
  | { kind: "done"; reportId: string | null }
  /** Another attempt is running, the next one is not due yet, or the report was given up. */
  | { kind: "skipped" }
  /** This attempt failed; `gaveUp`: it was the last one. */
  | { kind: "failed"; error: string; gaveUp: boolean };

type PendingRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof db>["pendingReport"]["findUnique"]>>
>;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const MAX_ERROR_LENGTH = 500;

function signingActor(organizationId: string): SystemActor {
  return { kind: "system", organizationId, label: "report signing" };
}

export async function finishPendingReport(
  decisionId: string,
  options: { now?: Date } = {},
): Promise<FinishReportOutcome> {
  const now = options.now ?? new Date();
  const timeLimitMs = getEnv().REPORT_SIGNING_TIMEOUT_SECONDS * 1000;
  const pending = await db().pendingReport.findUnique({ where: { decisionId } });
  if (!pending) {
    const report = await db().signedReport.findUnique({
      where: { decisionId },
      select: { id: true },
    });
    return { kind: "done", reportId: report?.id ?? null };
  }
  if (pending.status !== "PENDING" || pending.nextAttemptAt > now) return { kind: "skipped" };
  // The claim: matches only while nobody else moved the row on since we read it.
  const claimed = await db().pendingReport.updateMany({
    where: {
      decisionId,
      status: "PENDING",
      attempts: pending.attempts,
      nextAttemptAt: { lte: now },
    },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + timeLimitMs) },
  });
  if (claimed.count !== 1) return { kind: "skipped" };
  const attempt = pending.attempts + 1;
  try {
    return await signAndStore(pending, attempt, AbortSignal.timeout(timeLimitMs));
  } catch (error) {
    return recordFailure(pending, attempt, error);
  }
}

async function signAndStore(
  pending: PendingRow,
  attempt: number,
  signal: AbortSignal,
): Promise<FinishReportOutcome> {
  const report = parseReportInput(pending.reportInput);
  const actor = signingActor(pending.organizationId);
  // The decision prepared the signer; this only matters when its certificate changed since.
  await prepareReportSigner(actor, db());
  const reportSigner = await inTransaction((tx) => resolveReportSigner(tx, actor));
  if (!reportSigner) throw new Error("no certificate can sign this organisation's reports");
  const env = getEnv();
  // The signing time is when it is signed (a certificate issued since the decision is valid
  // then); the PDF's /M has whole seconds and the stored time matches it exactly.
  const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const unsigned = await renderReportPdf(report);
  const signed = await signPdf(unsigned, reportSigner.identity, {
    signingTime: signedAt,
    reason: `${report.decision.outcome}: ${report.assessment.title}`,
    location: report.organizationName,
    ...(env.TSA_URL ? { tsaUrl: env.TSA_URL, signal } : {}),
  });
  return storeSignedReport(pending, {
    unsigned,
    signed,
    signedAt,
    signerName: report.signerName,
    reportSigner,
    timestamped: Boolean(env.TSA_URL),
    attempt,
  });
}

interface SignedFiles {
  unsigned: Uint8Array;
  signed: Uint8Array;
  signedAt: Date;
  signerName: string;
  reportSigner: ReportSigner;
  timestamped: boolean;
  attempt: number;
}

async function storeSignedReport(
  pending: PendingRow,
  files: SignedFiles,
): Promise<FinishReportOutcome> {
  return inTransaction(async (tx) => {
    // Whoever deletes the pending row stores the report; a second finisher finds it gone.
    const removed = await tx.pendingReport.deleteMany({
      where: { decisionId: pending.decisionId },
    });
    if (removed.count !== 1) {
      const existing = await tx.signedReport.findUnique({
        where: { decisionId: pending.decisionId },
        select: { id: true },
      });
      return { kind: "done", reportId: existing?.id ?? null };
    }
    const fingerprint = files.reportSigner.identity.fingerprint;
    const stored = await tx.signedReport.create({
      data: {
        organizationId: pending.organizationId,
        assessmentId: pending.assessmentId,
        decisionId: pending.decisionId,
        unsignedPdf: new Uint8Array(files.unsigned),
        signedPdf: new Uint8Array(files.signed),
        unsignedSha256: sha256(files.unsigned),
        sha256: sha256(files.signed),
        certificateFingerprint: fingerprint,
        signerName: files.signerName,
        signedAt: files.signedAt,
        timestamped: files.timestamped,
        auditHeadSeq: pending.auditHeadSeq,
        auditHeadHash: pending.auditHeadHash,
      },
      select: { id: true, sha256: true },
    });
    const event = await recordAuditEvent(tx, signingActor(pending.organizationId), {
      action: "report.signed",
      target: { type: "assessment", id: pending.assessmentId },
      payload: {
        decisionId: pending.decisionId,
        reportId: stored.id,
        sha256: stored.sha256,
        certificateFingerprint: fingerprint,
        certificateSource: files.reportSigner.source,
        auditHeadSeq: pending.auditHeadSeq,
        timestamped: files.timestamped,
        attempt: files.attempt,
      },
    });
    // A report leaves the system: anchor the chain as it stands, report event included.
    await writeAuditCheckpoint(tx, event, "report");
    return { kind: "signed", reportId: stored.id };
  });
}

async function recordFailure(
  pending: PendingRow,
  attempt: number,
  error: unknown,
): Promise<FinishReportOutcome> {
  const message = String((error as Error)?.message ?? error).slice(0, MAX_ERROR_LENGTH);
  const gaveUp = attempt >= MAX_REPORT_ATTEMPTS;
  // Only while this attempt's claim holds: a report stored meanwhile has no row left to mark.
  await db().pendingReport.updateMany({
    where: { decisionId: pending.decisionId, attempts: attempt },
    data: {
      status: gaveUp ? "FAILED" : "PENDING",
      lastError: message,
      nextAttemptAt: new Date(Date.now() + reportRetryDelayMs(attempt)),
    },
  });
  logger.warn("report.signing_failed", {
    decisionId: pending.decisionId,
    organizationId: pending.organizationId,
    attempt,
    gaveUp,
    error: message,
  });
  return { kind: "failed", error: message, gaveUp };
}
