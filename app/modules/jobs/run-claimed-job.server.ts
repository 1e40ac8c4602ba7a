import { randomInt } from "node:crypto";
import { db } from "../../utils/db.server";
import { logger } from "../../utils/logger.server";
import { inTransaction } from "../../utils/transaction.server";
import { countJobFailure } from "../metrics/app-metrics.server";
import type { ClaimedJob } from "./claim-jobs.server";
import { jobHandlerFor } from "./job-handlers.server";
import { isJobKind } from "./job-kinds";
import { openJobPayload } from "./job-payload.server";
import { retryDelayMs } from "./retry-backoff";

export type JobOutcome = "done" | "retry" | "dead" | "lost";

/**
 * Runs one claimed job and records the outcome, each write conditional on this holder still
 * holding the lock (a runner that was too slow and lost the job to another must not overwrite
 * what that one recorded). Done erases the payload (it may hold secrets); dead keeps it sealed
 * for a retry until an admin retries or discards the job.
 */
export async function runClaimedJob(job: ClaimedJob, holder: string): Promise<JobOutcome> {
  let payload: unknown;
  try {
    if (!isJobKind(job.kind)) throw new Error(`unknown job kind ${job.kind}`);
    const handler = jobHandlerFor(job.kind);
    payload = handler.parse(openJobPayload(job.payload));
    // A job claimed again after its runner died mid-way, more often than it may run.
    if (job.attempts > job.maxAttempts) throw new Error("no attempts left after interrupted runs");
    await handler.run(payload, job);
  } catch (error) {
    return recordFailure(job, holder, payload, error);
  }
  return recordDone(job, holder, payload);
}

async function recordDone(job: ClaimedJob, holder: string, payload: unknown): Promise<JobOutcome> {
  const now = new Date();
  const recorded = await inTransaction(async (tx) => {
    const marked = await tx.job.updateMany({
      where: { id: job.id, status: "running", lockedBy: holder },
      data: {
        status: "done",
        payload: "",
        finishedAt: now,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
      },
    });
    if (marked.count !== 1) return false;
    await jobHandlerFor(job.kind as never).onDone?.(tx, payload, job);
    return true;
  });
  if (!recorded) logger.warn("job.lost_lock", { jobId: job.id, kind: job.kind });
  return recorded ? "done" : "lost";
}

async function recordFailure(
  job: ClaimedJob,
  holder: string,
  payload: unknown,
  error: unknown,
): Promise<JobOutcome> {
  const lastError = describeError(error);
  const now = new Date();
  const dead = job.attempts >= job.maxAttempts || payload === undefined;
  if (!dead) {
    const marked = await db().job.updateMany({
      where: { id: job.id, status: "running", lockedBy: holder },
      data: {
        status: "queued",
        runAt: new Date(now.getTime() + retryDelayMs(job.attempts, randomInt(1_000_000) / 1e6)),
        lockedBy: null,
        lockedUntil: null,
        lastError,
      },
    });
    logger.warn("job.failed", {
      jobId: job.id,
      kind: job.kind,
      attempts: job.attempts,
      error: lastError,
    });
    if (marked.count === 1) countJobFailure(job.kind, "retry");
    return marked.count === 1 ? "retry" : "lost";
  }
  const recorded = await inTransaction(async (tx) => {
    const marked = await tx.job.updateMany({
      where: { id: job.id, status: "running", lockedBy: holder },
      // The sealed payload stays while the job is dead, so an admin can retry it; it is erased
      // when the job is done or discarded.
      data: { status: "dead", finishedAt: now, lockedBy: null, lockedUntil: null, lastError },
    });
    if (marked.count !== 1) return false;
    if (payload !== undefined) await jobHandlerFor(job.kind as never).onDead?.(tx, payload, job);
    return true;
  });
  if (recorded) countJobFailure(job.kind, "dead");
  logger.error("job.dead", {
    jobId: job.id,
    kind: job.kind,
    attempts: job.attempts,
    error: lastError,
  });
  return recorded ? "dead" : "lost";
}

/**
 * A short reason for the admin's dead-letter list: the error's class and first line, never a
 * payload (transport errors name hosts and SMTP replies, not the mail's content).
 */
function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${message.split("\n")[0] ?? ""}`.slice(0, 300);
}
