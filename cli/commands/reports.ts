import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "../../app/utils/db.server";
import { runReportSweep } from "../../app/modules/reports/report-sweep.server";

/**
 * `reports sweep [--retry-failed]`: one run of the sweep that makes missing signed reports
 * (ADR 0020), as the server does at start and every REPORT_SWEEP_INTERVAL_SECONDS, under the same
 * lease. `--retry-failed` first sets reports that were given up back to pending (after the
 * operator fixed the certificate or the timestamp authority). Exit 1 when a report failed again.
 */
export async function reportsSweepCommand(options: { retryFailed: boolean }): Promise<number> {
  if (options.retryFailed) {
    const reset = await db().pendingReport.updateMany({
      where: { status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
    });
    process.stdout.write(`Reports given up and tried again: ${reset.count}\n`);
  }
  const holder = `cli:${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
  const result = await runReportSweep({ holder });
  if (!result.leased) {
    process.stdout.write("Another instance is running the report sweep right now: nothing done.\n");
    return 0;
  }
  const waiting = await db().pendingReport.count();
  process.stdout.write(
    `Signed reports made: ${result.signed}; failed: ${result.failed}; still pending or given up: ${waiting}\n`,
  );
  return result.failed > 0 ? 1 : 0;
}
