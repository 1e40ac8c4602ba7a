/**
 * Checkpoints anchor an organisation's audit chain (ADR 0015): the head (seq and hash) at a
 * moment, with an HMAC under a key the database does not hold. This file holds what is shared by
 * the writer, the verifier and the log: the cadence, the fields the HMAC covers and the JSON log
 * line ("audit.checkpoint") that gives an operator's log store its own copy. No I/O, no env.
 */

/** A checkpoint is written in the transaction of every event whose seq is a multiple of this. */
export const AUDIT_CHECKPOINT_EVERY_EVENTS = 25;

export const CHECKPOINT_REASONS = ["cadence", "report", "manual"] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];

export const CHECKPOINT_LOG_EVENT = "audit.checkpoint";

export interface AuditCheckpointFields {
  organizationId: string;
  seq: number;
  hash: string;
  reason: string;
  createdAt: Date;
}

export interface SignedCheckpoint extends AuditCheckpointFields {
  mac: string;
}

/** What the HMAC covers, in a fixed shape (the purpose label is added by anchorMac). */
export function checkpointRecord(checkpoint: AuditCheckpointFields): Record<string, unknown> {
  return {
    organizationId: checkpoint.organizationId,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    reason: checkpoint.reason,
    createdAt: checkpoint.createdAt.toISOString(),
  };
}

/** The fields of the log line after time, level and event (none of them is a secret: the HMAC is not the key). */
export function checkpointLogFields(checkpoint: SignedCheckpoint): Record<string, unknown> {
  return {
    organizationId: checkpoint.organizationId,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    reason: checkpoint.reason,
    checkpointAt: checkpoint.createdAt.toISOString(),
    mac: checkpoint.mac,
  };
}

/** The exact line the server logs for a checkpoint (see logger.server.ts: time, level, event, fields). */
export function checkpointLogLine(checkpoint: SignedCheckpoint, loggedAt: Date): string {
  return JSON.stringify({
    time: loggedAt.toISOString(),
    level: "info",
    event: CHECKPOINT_LOG_EVENT,
    ...checkpointLogFields(checkpoint),
  });
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * One line of an exported log: the checkpoint it records, "malformed" for an audit.checkpoint line
 * that cannot be read, null for any other line. Log shippers often prefix lines (timestamps,
 * container names), so the JSON object may start anywhere on the line.
 */
export function parseCheckpointLogLine(line: string): SignedCheckpoint | "malformed" | null {
  const start = line.indexOf("{");
  if (start < 0 || !line.includes(CHECKPOINT_LOG_EVENT)) return null;
  let value: unknown;
  try {
    value = JSON.parse(line.slice(start));
  } catch {
    return "malformed";
  }
  if (typeof value !== "object" || value === null) return null;
  const fields = value as Record<string, unknown>;
  if (fields.event !== CHECKPOINT_LOG_EVENT) return null;
  const { organizationId, seq, hash, reason, checkpointAt, mac } = fields;
  const createdAt = typeof checkpointAt === "string" ? new Date(checkpointAt) : null;
  if (
    typeof organizationId !== "string" ||
    organizationId.length === 0 ||
    typeof seq !== "number" ||
    !Number.isSafeInteger(seq) ||
    seq < 1 ||
    typeof hash !== "string" ||
    !HEX64.test(hash) ||
    typeof reason !== "string" ||
    !createdAt ||
    Number.isNaN(createdAt.getTime()) ||
    typeof mac !== "string" ||
    !HEX64.test(mac)
  ) {
    return "malformed";
  }
  return { organizationId, seq, hash, reason, createdAt, mac };
}
