import { DomainError } from "../../utils/errors";
import { assertCan } from "../../utils/permissions";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";

/**
 * Removes a dead job of the actor's organisation, and with it its sealed payload (audited
 * "job.discarded" with the kind, attempts and last error, so the trail still says what gave up).
 */
export async function discardDeadJob(actor: UserActor, jobId: string): Promise<void> {
  assertCan(actor, "job:manage", "errors.forbidden");
  await inTransaction(async (tx) => {
    const job = await tx.job.findFirst({
      where: { id: jobId, organizationId: actor.organizationId, status: "dead" },
      select: { id: true, kind: true, attempts: true, lastError: true },
    });
    if (!job) throw new DomainError("NOT_FOUND", "errors.jobNotFound");
    const removed = await tx.job.deleteMany({ where: { id: job.id, status: "dead" } });
    if (removed.count !== 1) throw new DomainError("NOT_FOUND", "errors.jobNotFound");
    await recordAuditEvent(tx, actor, {
      action: "job.discarded",
      target: { type: "job", id: job.id },
      payload: { kind: job.kind, attempts: job.attempts, lastError: job.lastError },
    });
  });
}
