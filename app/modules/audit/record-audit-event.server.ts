import type { Tx } from "../../utils/db.server";
import { canonicalJson } from "../../utils/canonical-json";
import type { Actor } from "../auth/actor";
import { GENESIS_HASH, hashAuditEvent } from "./audit-chain";
import { AUDIT_CHECKPOINT_EVERY_EVENTS } from "./audit-checkpoint";
import { writeAuditCheckpoint } from "./write-audit-checkpoint.server";

export interface AuditEventInput {
  action: string;
  target?: { type: string; id: string };
  payload?: Record<string, unknown>;
}

function describeActor(actor: Actor): { actorType: string; actorId: string | null; actorLabel: string; ip: string | null } {
  switch (actor.kind) {
    case "user":
      return { actorType: "user", actorId: actor.userId, actorLabel: actor.email, ip: actor.ip };
    case "vendor":
      return { actorType: "vendor", actorId: actor.inviteLinkId, actorLabel: actor.email, ip: actor.ip };
    case "system":
      return { actorType: "system", actorId: null, actorLabel: actor.label, ip: null };
  }
}

/**
 * Appends one event to the organisation's hash chain. Must be called inside the transaction
 * that makes the change it records (use inTransaction): the unique (organizationId, seq) index
 * makes a concurrent writer fail and retry rather than fork the chain. Every
 * AUDIT_CHECKPOINT_EVERY_EVENTS-th event is anchored by a checkpoint in the same transaction
 * (one more insert and an HMAC; the other events cost nothing extra).
 */
export async function recordAuditEvent(tx: Tx, actor: Actor, input: AuditEventInput) {
  const previous = await tx.auditEvent.findFirst({
    where: { organizationId: actor.organizationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const who = describeActor(actor);
  const fields = {
    organizationId: actor.organizationId,
    seq: (previous?.seq ?? 0) + 1,
    action: input.action,
    actorType: who.actorType,
    actorId: who.actorId,
    actorLabel: who.actorLabel,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    payload: canonicalJson(input.payload ?? {}),
    ipAddress: who.ip,
    createdAt: new Date(),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  const event = await tx.auditEvent.create({ data: { ...fields, hash: hashAuditEvent(fields) } });
  if (event.seq % AUDIT_CHECKPOINT_EVERY_EVENTS === 0) await writeAuditCheckpoint(tx, event, "cadence");
  return event;
}
