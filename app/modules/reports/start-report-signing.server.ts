import { logger } from "../../utils/logger.server";
import { finishPendingReport, type FinishReportOutcome } from "./finish-pending-report.server";

/**
 * How long the DPO's request waits for the report after the decision committed. Usually the
 * report is signed well within it and the page shows it at once; a slow or unreachable
 * timestamp authority only makes the page say "report being signed" (ADR 0020).
 */
export const REPORT_WAIT_IN_REQUEST_MS = 3_000;

export type ReportSigningStart =
  FinishReportOutcome | { kind: "still_signing"; finished: Promise<FinishReportOutcome> };

/**
 * Starts making a decision's signed report right after the decision's commit, in this process,
 * and waits for it at most `waitMs`. The work goes on after that (and its outcome is recorded on
 * the pending report); if this process dies meanwhile, the sweep finishes it.
 */
export async function startReportSigning(
  decisionId: string,
  waitMs = REPORT_WAIT_IN_REQUEST_MS,
): Promise<ReportSigningStart> {
  const finished = finishPendingReport(decisionId).catch((error: unknown): FinishReportOutcome => {
    // E.g. the database went away while recording the failure: the sweep tries again.
    const message = String((error as Error)?.message ?? error);
    logger.warn("report.signing_failed", { decisionId, error: message });
    return { kind: "failed", error: message, gaveUp: false };
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<"waited">((resolve) => {
    timer = setTimeout(() => resolve("waited"), waitMs);
  });
  try {
    const first = await Promise.race([finished, waited]);
    return first === "waited" ? { kind: "still_signing", finished } : first;
  } finally {
    clearTimeout(timer);
  }
}
