import { DomainError } from "../../utils/errors";
import { assertCan } from "../../utils/permissions";
import { afterCommit, inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { runJobsNow } from "./job-runner.server";

/**
 * Puts a dead job of the actor's organisation back in the queue with fresh attempts (audited
 * "job.retried"), and tries it at once. A foreign or unknown id, or a job that is not dead
 * (someone retried or discarded it meanwhile), is NOT_FOUND: the conditional update decides.
 */
export async function retryDeadJob(actor: UserActor, jobId: string): Promise<void> {
  assertCan(actor, "job:manage", "errors.forbidden");
  await inTransaction(async (tx) => {
    const job = await tx.job.findFirst({
      where: { id: jobId, organizationId: actor.organizationId, status: "dead" },
      select: { id: true, kind: true, attempts: true, lastError: true },
    });
    if (!job) throw new DomainError("NOT_FOUND", "errors.jobNotFound");
    const requeued = await tx.job.updateMany({
      where: { id: job.id, status: "dead" },
      data: { status: "queued", attempts: 0, runAt: new Date(), finishedAt: null },
    });
    if (requeued.count !== 1) throw new DomainError("NOT_FOUND", "errors.jobNotFound");
    await recordAuditEvent(tx, actor, {
      action: "job.retried",
      target: { type: "job", id: job.id },
      payload: { kind: job.kind, attempts: job.attempts, lastError: job.lastError },
    });
    afterCommit(tx, () => runJobsNow([job.id]));
  });
}
