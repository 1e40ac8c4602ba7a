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
  return createHash("sha256")
    .update(event.prevHash)
    .update(canonicalJson(chainedBody(event)))
    .digest("hex");
}

/**
 * The canonical JSON that hashAuditEvent covers, cut around the seq's digits: body =
 * beforeSeq + String(seq) + afterSeq for every seq. PostgreSQL appends with the seq it decides
 * under the organisation's row lock and hashes this text itself (record-audit-event.server.ts).
 * canonicalJson sorts the keys, so `,"seq":` sits between "payload" and "targetId"; inside a JSON
 * string a quote is always escaped (\"), so the marker cannot occur in any value.
 */
export function canonicalBodyAroundSeq(event: Omit<ChainedEventFields, "seq" | "prevHash">): {
  beforeSeq: string;
  afterSeq: string;
} {
  const body = canonicalJson(chainedBody({ ...event, seq: 0 }));
  const marker = ',"seq":0,';
  const at = body.indexOf(marker);
  if (at < 0 || body.indexOf(marker, at + 1) >= 0)
    throw new Error("canonicalBodyAroundSeq: the seq marker is not unique");
  return {
    beforeSeq: body.slice(0, at + ',"seq":'.length),
    afterSeq: body.slice(at + marker.length - 1),
  };
}

function chainedBody(event: Omit<ChainedEventFields, "prevHash">) {
  // Pick the covered fields explicitly: a row read back also carries id and hash.
  return {
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
  };
}
