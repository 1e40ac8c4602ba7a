import { DomainError } from "../../utils/errors";
import { assertCan } from "../../utils/permissions";
import { afterCommit, inTransaction } from "../../utils/transaction.server";
import type { UserActor } from "../auth/actor";
import { runJobsNow } from "./job-runner.server";
import { recordJobRetried, requeueDeadJob } from "./requeue-dead-job.server";

/**
 * Puts a dead job of the actor's organisation back in the queue with fresh attempts (audited
 * "job.retried"), and tries it at once. A foreign or unknown id, or a job that is not dead
 * (someone retried or discarded it meanwhile), is NOT_FOUND.
 */
export async function retryDeadJob(actor: UserActor, jobId: string): Promise<void> {
  assertCan(actor, "job:manage", "errors.forbidden");
  await inTransaction(async (tx) => {
    const job = await requeueDeadJob(tx, jobId, actor.organizationId);
    if (!job) throw new DomainError("NOT_FOUND", "errors.jobNotFound");
    await recordJobRetried(tx, actor, job);
    afterCommit(tx, () => runJobsNow([job.id]));
  });
}
