import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "../auth/actor";
import type { Tx } from "../../utils/db.server";

export interface RequeuedJob {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  organizationId: string | null;
}

/**
 * Puts one dead job back in the queue with fresh attempts, in `tx`; null when it is not dead (or
 * not found within `organizationId`'s jobs, when given). The conditional update decides a race
 * with another retry or a discard.
 */
export async function requeueDeadJob(
  tx: Tx,
  jobId: string,
  organizationId?: string,
): Promise<RequeuedJob | null> {
  const job = await tx.job.findFirst({
    where: { id: jobId, status: "dead", ...(organizationId ? { organizationId } : {}) },
    select: { id: true, kind: true, attempts: true, lastError: true, organizationId: true },
  });
  if (!job) return null;
  const requeued = await tx.job.updateMany({
    where: { id: job.id, status: "dead" },
    data: { status: "queued", attempts: 0, runAt: new Date(), finishedAt: null },
  });
  return requeued.count === 1 ? job : null;
}

/** The audit event of a retry, in the job's organisation (a job without one has no trail). */
export async function recordJobRetried(tx: Tx, actor: Actor | null, job: RequeuedJob) {
  if (!actor) return;
  await recordAuditEvent(tx, actor, {
    action: "job.retried",
    target: { type: "job", id: job.id },
    payload: { kind: job.kind, attempts: job.attempts, lastError: job.lastError },
  });
}

/** `vetted jobs retry <id>`: the operator's retry, audited as the system actor "cli". */
export async function retryDeadJobAsOperator(jobId: string): Promise<RequeuedJob | null> {
  return inTransaction(async (tx) => {
    const job = await requeueDeadJob(tx, jobId);
    if (!job) return null;
    const actor = job.organizationId
      ? { kind: "system" as const, organizationId: job.organizationId, label: "cli" }
      : null;
    await recordJobRetried(tx, actor, job);
    return job;
  });
}
