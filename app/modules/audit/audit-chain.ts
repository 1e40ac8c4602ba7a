import { createHash } from "node:crypto";
import { canonicalJson } from "../../utils/canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers (everything but the row id and hash). */
export interface ChainedEventFields {
  organizationId: string;
  seq: number;
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  targetType: string | null;
  targetId: string | null;
  payload: string;
  ipAddress: string | null;
  createdAt: Date;
  prevHash: string;
}

/** hash = sha256(prevHash ‖ canonical JSON of the event). */
export function hashAuditEvent(event: ChainedEventFields): string {
  // Pick the covered fields explicitly: a row read back also carries id and hash.
  const body = canonicalJson({
    organizationId: event.organizationId,
    seq: event.seq,
    action: event.action,
    actorType: event.actorType,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    targetType: event.targetType,
    targetId: event.targetId,
    payload: event.payload,
    ipAddress: event.ipAddress,
    createdAt: event.createdAt.toISOString(),
  });
  return createHash("sha256").update(event.prevHash).update(body).digest("hex");
}
