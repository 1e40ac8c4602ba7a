import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { logger } from "../../utils/logger.server";
import { startPeriodicTask } from "../../utils/periodic-task.server";
import { acquireJobLease, releaseJobLease } from "../reminders/job-lease.server";
import { finishPendingReport } from "./finish-pending-report.server";

export const REPORT_SWEEP_JOB_NAME = "report-sweep";
/** How many reports one run takes on, oldest due first; the next run continues. */
const REPORTS_PER_RUN = 20;

export interface ReportSweepResult {
  /** False when another holder has the lease: this run did nothing. */
  leased: boolean;
  signed: number;
  failed: number;
}

/**
 * Finishes decisions whose signed report is missing — the process that decided crashed or was
 * killed while signing, or the timestamp authority was down (ADR 0020). One instance at a time
 * (the job lease of the reminders); each report is claimed again by finishPendingReport, so the
 * request that decided, or an instance whose lease ran out, never signs the same report twice at
 * once, and only one report is ever stored per decision.
 */
export async function runReportSweep({
  now = new Date(),
  holder,
}: {
  now?: Date;
  holder: string;
}): Promise<ReportSweepResult> {
  // Renewed before each report, so a sweeper that dies mid-run blocks the others only briefly.
  const leaseMs = 2 * getEnv().REPORT_SIGNING_TIMEOUT_SECONDS * 1000;
  if (!(await acquireJobLease(REPORT_SWEEP_JOB_NAME, holder, now, leaseMs)))
    return { leased: false, signed: 0, failed: 0 };
  const startedAt = Date.now();
  const nowInRun = () => new Date(now.getTime() + (Date.now() - startedAt));
  try {
    const due = await db().pendingReport.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: REPORTS_PER_RUN,
      select: { decisionId: true },
    });
    let signed = 0;
    let failed = 0;
    for (const { decisionId } of due) {
      if (!(await acquireJobLease(REPORT_SWEEP_JOB_NAME, holder, nowInRun(), leaseMs))) break;
      const outcome = await finishPendingReport(decisionId, { now: nowInRun() });
      if (outcome.kind === "signed") signed++;
      if (outcome.kind === "failed") failed++;
    }
    return { leased: true, signed, failed };
  } finally {
    // Given back as of the real clock too: a run told a later `now` must not block the next one.
    await releaseJobLease(
      REPORT_SWEEP_JOB_NAME,
      holder,
      new Date(Math.min(now.getTime(), Date.now())),
    );
  }
}

/**
 * Runs the sweep at start and then every `intervalSeconds` in this process (server/index.js);
 * across instances the lease takes care of it.
 */
export function startReportSweepSchedule({
  intervalSeconds,
  holder,
}: {
  intervalSeconds: number;
  holder: string;
}): () => Promise<void> {
  return startPeriodicTask({
    name: "reports.sweep",
    intervalMs: intervalSeconds * 1000,
    runAtStart: true,
    run: async () => {
      const result = await runReportSweep({ holder });
      if (result.signed > 0 || result.failed > 0) logger.info("reports.sweep", { ...result });
    },
  });
}
