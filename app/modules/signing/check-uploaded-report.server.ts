import { consumeRateLimit } from "~/modules/auth/rate-limit.server";
import {
  ParserBusyError,
  PARSER_BUSY_RETRY_AFTER_SECONDS,
  parserPool,
} from "~/modules/parsing/parser-pool.server";
import { cleanDisplayText } from "~/utils/display-text";
import { readFileUpload, UploadTooLargeError, type FileUpload } from "~/utils/file-upload.server";
import { VERIFY_MAX_BYTES } from "./verify-limits";
import { verifyReport, type ReportVerdict, type UncheckedReason } from "./verify-report.server";
import { VERIFY_RATE_LIMIT } from "./verify-upload.server";

// Room for the multipart boundaries and part headers around the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** What the public verification page shows about one uploaded file (never the file itself). */
export interface VerdictView {
  verdict: ReportVerdict;
  uncheckedReason: UncheckedReason | null;
  fileName: string;
  sha256: string | null;
  signerName: string | null;
  certificateFingerprint: string | null;
  signingTime: string | null;
  timestamp: { time: string; tsaName: string | null } | null;
  report: {
    organizationName: string;
    assessmentId: string;
    assessmentTitle: string;
    vendorName: string;
    productName: string | null;
    decisionOutcome: string;
    signerName: string;
    signedAt: string;
    supersededAt: string | null;
  } | null;
}

export type VerifyUploadError = "noFile" | "tooLarge" | "unreadableUpload" | "rateLimited" | "busy";
export type VerifyActionData =
  { error: VerifyUploadError; minutes?: number } | { result: VerdictView };
export type VerifyUploadOutcome = {
  status: number;
  headers?: Record<string, string>;
  body: VerifyActionData;
};

/**
 * Public report verification (no login): every outcome, garbage included, is a verdict or a
 * refusal with a message, never an error page. Checks are rate limited per IP. The 25 MB limit
 * holds before the body is buffered (declared length first, then counted while streaming). The
 * file is checked in memory and never stored, in a parser worker (ADR 0014): when every worker is
 * busy and the queue is full the answer is 503 with Retry-After, before the upload is even read.
 */
export async function checkUploadedReport(input: {
  request: Request;
  ip: string | null;
}): Promise<VerifyUploadOutcome> {
  const { request } = input;
  const limit = await consumeRateLimit(`verify:ip:${input.ip ?? "unknown"}`, VERIFY_RATE_LIMIT);
  if (limit.limited) {
    return {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
      body: { error: "rateLimited", minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) },
    };
  }
  const tooLarge: VerifyUploadOutcome = {
    status: 413,
    headers: { Connection: "close" },
    body: { error: "tooLarge" },
  };
  const busy: VerifyUploadOutcome = {
    status: 503,
    headers: { "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS), Connection: "close" },
    body: { error: "busy" },
  };
  const noFile: VerifyUploadOutcome = { status: 400, body: { error: "noFile" } };
  // Refused before the upload is buffered: a full queue must not also fill the memory.
  if (!parserPool().hasRoom()) return busy;
  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES))
    return tooLarge;
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body) return noFile;

  let upload: FileUpload;
  try {
    upload = await readFileUpload(request, {
      fileField: "file",
      maxFileBytes: VERIFY_MAX_BYTES,
      maxBodyBytes: VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES,
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return tooLarge;
    return { status: 400, body: { error: "unreadableUpload" } };
  }
  const file = upload.file;
  if (!file || file.bytes.length === 0) return noFile;

  let checked: Awaited<ReturnType<typeof verifyReport>>;
  try {
    // The upload's own buffer moves to the worker: no copy of up to 25 MB on the event loop.
    checked = await verifyReport(file.bytes, { transfer: true });
  } catch (error) {
    if (error instanceof ParserBusyError) return busy;
    throw error;
  }
  return { status: 200, body: { result: verdictView(checked, file.name) } };
}

function verdictView(
  checked: Awaited<ReturnType<typeof verifyReport>>,
  fileName: string,
): VerdictView {
  const { signature, report } = checked;
  return {
    verdict: checked.verdict,
    uncheckedReason: checked.uncheckedReason ?? null,
    fileName: cleanDisplayText(fileName).slice(0, 200),
    sha256: checked.sha256,
    signerName: signature.signerName,
    certificateFingerprint: signature.certificateFingerprint,
    signingTime: signature.signingTime?.toISOString() ?? null,
    timestamp: signature.timestamp
      ? { time: signature.timestamp.time.toISOString(), tsaName: signature.timestamp.tsaName }
      : null,
    report: report
      ? {
          organizationName: report.organizationName,
          assessmentId: report.assessmentId,
          assessmentTitle: report.assessmentTitle,
          vendorName: report.vendorName,
          productName: report.productName,
          decisionOutcome: report.decisionOutcome,
          signerName: report.signerName,
          signedAt: report.signedAt.toISOString(),
          supersededAt: report.supersededAt?.toISOString() ?? null,
        }
      : null,
  };
}
