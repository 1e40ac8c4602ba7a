import type { Tx } from "../../utils/db.server";
import { logger } from "../../utils/logger.server";
import { afterCommit } from "../../utils/transaction.server";
import { anchorMac } from "./anchor-key.server";
import {
  checkpointLogFields,
  checkpointRecord,
  CHECKPOINT_LOG_EVENT,
  type CheckpointReason,
} from "./audit-checkpoint";

export const CHECKPOINT_MAC_PURPOSE = "audit-checkpoint";

/**
 * Anchors the organisation's chain at `head` (an event this transaction can see, normally the
 * one it just wrote): a checkpoint row with its HMAC, and, once the transaction has committed,
 * the same checkpoint as a JSON log line for the operator's log store. A head that is already
 * anchored (a report signed at a cadence position) keeps its checkpoint.
 */
export async function writeAuditCheckpoint(
  tx: Tx,
  head: { organizationId: string; seq: number; hash: string },
  reason: CheckpointReason,
): Promise<void> {
  const existing = await tx.auditCheckpoint.findUnique({
    where: { organizationId_seq: { organizationId: head.organizationId, seq: head.seq } },
    select: { id: true },
  });
  if (existing) return;
  const fields = {
    organizationId: head.organizationId,
    seq: head.seq,
    hash: head.hash,
    reason,
    createdAt: new Date(),
  };
  const checkpoint = {
    ...fields,
    mac: anchorMac(CHECKPOINT_MAC_PURPOSE, checkpointRecord(fields)),
  };
  await tx.auditCheckpoint.create({ data: checkpoint });
  afterCommit(tx, () => logger.record(CHECKPOINT_LOG_EVENT, checkpointLogFields(checkpoint)));
}
