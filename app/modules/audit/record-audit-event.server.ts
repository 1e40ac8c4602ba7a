import type { Tx } from "../../utils/db.server";
import { canonicalJson } from "../../utils/canonical-json";
import { getEnv } from "../../utils/env.server";
import { providerOf } from "../../utils/migrate.server";
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
 * Writers of one organisation's chain queue on its row instead of racing for the next seq: 100
 * parallel sign-ins of one organisation used up the transaction retries and answered 500 (issue
 * 11, item 17). PostgreSQL: FOR NO KEY UPDATE, which does not conflict with the KEY SHARE locks
 * that inserts referencing the organisation take (FOR UPDATE would deadlock with them). SQLite
 * has one writer at a time and needs nothing.
 */
async function queueForChain(tx: Tx, organizationId: string): Promise<void> {
  if (providerOf(getEnv().DATABASE_URL) !== "postgresql") return;
  await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR NO KEY UPDATE`;
}

/**
 * Appends one event to the organisation's hash chain. Must be called inside the transaction
 * that makes the change it records (use inTransaction): the unique (organizationId, seq) index
 * makes a concurrent writer fail and retry rather than fork the chain. Every
 * AUDIT_CHECKPOINT_EVERY_EVENTS-th event is anchored by a checkpoint in the same transaction
 * (one more insert and an HMAC; the other events cost nothing extra).
 */
export async function recordAuditEvent(tx: Tx, actor: Actor, input: AuditEventInput) {
  await queueForChain(tx, actor.organizationId);
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
