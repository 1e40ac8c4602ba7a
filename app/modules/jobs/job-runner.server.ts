import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { logger } from "../../utils/logger.server";
import { claimJobs } from "./claim-jobs.server";
import { runClaimedJob, type JobOutcome } from "./run-claimed-job.server";

/** How many jobs one poll claims; they run one after the other. */
const JOBS_PER_POLL = 10;
/** Done jobs (their payload already erased) are kept this long for inspection, then deleted. */
export const DONE_JOB_RETENTION_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
/** How long a request waits for its own mails before answering (the job carries on regardless). */
const IMMEDIATE_WAIT_MS = 10_000;

// The jobs this process is running, and under which holder: stop() waits for them and then gives
// back the locks of those still running, so another instance need not wait for the lock to expire.
const inFlight = new Set<Promise<unknown>>();
const holdersInUse = new Set<string>();
let immediateHolder: string | undefined;

/** A holder id naming this process: host, pid and a random part (pids repeat across containers). */
export function newJobHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
}

function track<T>(holder: string, work: Promise<T>): Promise<T> {
  holdersInUse.add(holder);
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work)).catch(() => {});
  return work;
}

/** Claims due jobs once and runs them; returns their outcomes (tests, the CLI, the runner). */
export async function runDueJobs({
  holder,
  now = new Date(),
  limit = JOBS_PER_POLL,
}: {
  holder: string;
  now?: Date;
  limit?: number;
}): Promise<JobOutcome[]> {
  const jobs = await claimJobs({ holder, now, limit });
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) outcomes.push(await track(holder, runClaimedJob(job, holder)));
  return outcomes;
}

/**
 * Delivers jobs a use case just committed, now, so that a mail goes out while the user waits (as
 * before the queue). They are claimed with the same one-statement claim, so a runner polling at
 * the same moment never runs them twice. Never throws: a job that fails stays queued for the
 * runner's retries, and after IMMEDIATE_WAIT_MS the caller goes on while the attempt continues.
 * Returns the ids that were done in time.
 */
export async function runJobsNow(ids: readonly string[]): Promise<Set<string>> {
  const done = new Set<string>();
  if (ids.length === 0) return done;
  immediateHolder ??= newJobHolder();
  const holder = immediateHolder;
  const attempt = (async () => {
    const jobs = await claimJobs({ holder, now: new Date(), limit: ids.length, onlyIds: ids });
    for (const job of jobs) {
      if ((await track(holder, runClaimedJob(job, holder))) === "done") done.add(job.id);
    }
  })().catch((error: unknown) => {
    logger.warn("job.immediate_failed", { error: String((error as Error)?.message ?? error) });
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    attempt,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, IMMEDIATE_WAIT_MS);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  return new Set(done);
}

export interface JobRunner {
  /** Stops claiming, waits for running jobs up to `deadlineMs`, then releases their locks. */
  stop(deadlineMs?: number): Promise<void>;
}

/**
 * A runner per process: polls every JOB_POLL_SECONDS (or `pollSeconds`) for due jobs, one poll at
 * a time. The timer does not keep the process alive.
 */
export function startJobRunner({
  holder,
  pollSeconds = getEnv().JOB_POLL_SECONDS,
}: {
  holder: string;
  pollSeconds?: number;
}): JobRunner {
  let stopped = false;
  let polling: Promise<void> | undefined;
  let prunedAt = 0;
  const poll = async () => {
    try {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneDoneJobs(new Date());
      }
      // Drain what is due, a batch at a time, unless asked to stop.
      while (!stopped && (await runDueJobs({ holder })).length > 0);
    } catch (error) {
      logger.error("jobs.poll_failed", { error: String((error as Error)?.message ?? error) });
    }
  };
  const tick = () => {
    if (stopped || polling) return;
    polling = poll().finally(() => (polling = undefined));
  };
  const timer = setInterval(tick, pollSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop(deadlineMs = 10_000) {
      stopped = true;
      clearInterval(timer);
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([polling, ...inFlight]),
        new Promise<void>((resolve) => {
          deadline = setTimeout(resolve, deadlineMs);
          deadline.unref();
        }),
      ]);
      clearTimeout(deadline);
      await releaseJobLocks([holder, ...holdersInUse]);
    },
  };
}

/** Deletes done jobs older than DONE_JOB_RETENTION_MS; dead ones stay until an admin acts. */
export async function pruneDoneJobs(now: Date): Promise<number> {
  const pruned = await db().job.deleteMany({
    where: { status: "done", finishedAt: { lt: new Date(now.getTime() - DONE_JOB_RETENTION_MS) } },
  });
  return pruned.count;
}

/**
 * Gives the jobs still locked by these holders back to the queue (the attempt does not count), so
 * another instance takes them at once instead of after the lock expires.
 */
export async function releaseJobLocks(holders: readonly string[]): Promise<number> {
  const released = await db().job.updateMany({
    where: { status: "running", lockedBy: { in: [...new Set(holders)] } },
    data: {
      status: "queued",
      lockedBy: null,
      lockedUntil: null,
      runAt: new Date(),
      attempts: { decrement: 1 },
    },
  });
  return released.count;
}
