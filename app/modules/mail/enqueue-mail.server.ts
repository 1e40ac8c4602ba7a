import { db, type Tx } from "../../utils/db.server";
import { afterCommit } from "../../utils/transaction.server";
import { enqueueJob } from "../jobs/enqueue-job.server";
import { runJobsNow } from "../jobs/job-runner.server";
import type { OutgoingMail } from "./send-mail.server";

/**
 * Queues a mail in the transaction of the change it reports (ADR 0028): it goes out if and only
 * if the change commits. Once committed, inTransaction waits for one immediate delivery attempt
 * (bounded), so the mail is usually out when the request answers; if the mail server is down the
 * job stays queued and the runner retries it. Call it inside inTransaction.
 */
export async function enqueueMail(
  tx: Tx,
  mail: OutgoingMail,
  {
    awaitDelivery = true,
    idempotencyKey,
  }: {
    /** false: the caller does not wait for the immediate attempt (it still runs). */
    awaitDelivery?: boolean;
    /** A mail with the same key is never queued twice (the job's unique index decides). */
    idempotencyKey?: string;
  } = {},
): Promise<string> {
  const id = await enqueueJob(tx, {
    kind: "mail.send",
    payload: mail,
    organizationId: mail.organizationId ?? null,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  afterCommit(tx, () => {
    const attempt = runJobsNow([id]);
    return awaitDelivery ? attempt : undefined;
  });
  return id;
}

/** Whether a queued mail has gone out (after its immediate attempt: false means it is retried). */
export async function isMailDelivered(jobId: string): Promise<boolean> {
  const job = await db().job.findUnique({ where: { id: jobId }, select: { status: true } });
  return job?.status === "done";
}
