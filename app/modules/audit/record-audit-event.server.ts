import { randomBytes } from "node:crypto";
import type { Tx } from "../../utils/db.server";
import { canonicalJson } from "../../utils/canonical-json";
import { getEnv } from "../../utils/env.server";
import { providerOf } from "../../utils/migrate.server";
import type { Actor } from "../auth/actor";
import {
  canonicalBodyAroundSeq,
  GENESIS_HASH,
  hashAuditEvent,
  type ChainedEventFields,
} from "./audit-chain";
import { AUDIT_CHECKPOINT_EVERY_EVENTS } from "./audit-checkpoint";
import { writeAuditCheckpoint } from "./write-audit-checkpoint.server";

export interface AuditEventInput {
  action: string;
  target?: { type: string; id: string };
  payload?: Record<string, unknown>;
}

function describeActor(actor: Actor): {
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
} {
  switch (actor.kind) {
    case "user":
      return { actorType: "user", actorId: actor.userId, actorLabel: actor.email, ip: actor.ip };
    case "vendor":
      return {
        actorType: "vendor",
        actorId: actor.inviteLinkId,
        actorLabel: actor.email,
        ip: actor.ip,
      };
    case "system":
      return { actorType: "system", actorId: null, actorLabel: actor.label, ip: null };
  }
}

/**
 * Appends one event to the organisation's hash chain. Must be called inside the transaction
 * that makes the change it records (use inTransaction), as its LAST write: on PostgreSQL the
 * organisation's row stays locked from here to the commit, so the shorter that is, the less its
 * other writers queue. Every AUDIT_CHECKPOINT_EVERY_EVENTS-th event is anchored by a checkpoint
 * in the same transaction (one more insert and an HMAC; the other events cost nothing extra).
 * Statements are tagged queries: every write of the product runs them, and Prisma 6 compiles
 * each ORM query anew, which cost more CPU than the whole rest of an autosave (ADR 0021).
 */
export async function recordAuditEvent(tx: Tx, actor: Actor, input: AuditEventInput) {
  const who = describeActor(actor);
  const event = {
    id: auditEventId(),
    organizationId: actor.organizationId,
    action: input.action,
    actorType: who.actorType,
    actorId: who.actorId,
    actorLabel: who.actorLabel,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    payload: canonicalJson(input.payload ?? {}),
    ipAddress: who.ip,
    createdAt: new Date(),
  };
  const chained =
    providerOf(getEnv().DATABASE_URL) === "postgresql"
      ? await appendOnPostgres(tx, event)
      : await appendOnSqlite(tx, event);
  if (chained.seq % AUDIT_CHECKPOINT_EVERY_EVENTS === 0)
    await writeAuditCheckpoint(tx, chained, "cadence");
  return chained;
}

type UnchainedEvent = Omit<ChainedEventFields, "seq" | "prevHash"> & { id: string };

/**
 * PostgreSQL: ONE statement takes the next position from the head on the organisation's row and
 * inserts the event, hashed by the database (sha256 of the previous hash and the canonical JSON
 * the application built around the seq: canonicalBodyAroundSeq, so the hash is hashAuditEvent's).
 * The UPDATE takes the row lock (FOR NO KEY UPDATE strength, which does not conflict with the KEY
 * SHARE locks of inserts referencing the organisation), and a writer that queued on it evaluates
 * SET again on the row its predecessor committed (READ COMMITTED), so queued writers get
 * consecutive seqs without a retry. The lock is held for this statement and the commit, not for
 * three round trips through a busy event loop (ADR 0021). The unique (organizationId, seq)
 * index still refuses a fork should the head ever disagree with the events.
 */
async function appendOnPostgres(tx: Tx, event: UnchainedEvent) {
  const { beforeSeq, afterSeq } = canonicalBodyAroundSeq(event);
  const [head] = await tx.$queryRaw<{ seq: number; prevHash: string; hash: string }[]>`
    WITH "head" AS (
      UPDATE "Organization"
      SET "auditSeq" = "auditSeq" + 1,
          "auditPrevHash" = "auditHash",
          "auditHash" = encode(sha256(convert_to("auditHash" || ${beforeSeq}::text || ("auditSeq" + 1)::text || ${afterSeq}::text, 'UTF8')), 'hex')
      WHERE "id" = ${event.organizationId}
      RETURNING "auditSeq", "auditPrevHash", "auditHash"
    )
    INSERT INTO "AuditEvent" ("id", "organizationId", "seq", "action", "actorType", "actorId", "actorLabel", "targetType", "targetId", "payload", "ipAddress", "createdAt", "prevHash", "hash")
    SELECT ${event.id}::text, ${event.organizationId}::text, "head"."auditSeq", ${event.action}::text, ${event.actorType}::text, ${event.actorId}::text, ${event.actorLabel}::text,
           ${event.targetType}::text, ${event.targetId}::text, ${event.payload}::text, ${event.ipAddress}::text, ${event.createdAt}::timestamp(3), "head"."auditPrevHash", "head"."auditHash"
    FROM "head"
    RETURNING "seq", "prevHash", "hash"`;
  if (!head)
    throw new Error(`recordAuditEvent: organisation ${event.organizationId} does not exist`);
  return { ...event, seq: Number(head.seq), prevHash: head.prevHash, hash: head.hash };
}

/**
 * SQLite has one writer at a time: read the newest event, insert the next, and keep the head on
 * the organisation's row equal to it (so data copied into PostgreSQL appends correctly there).
 */
async function appendOnSqlite(tx: Tx, event: UnchainedEvent) {
  const [previous] = await tx.$queryRaw<{ seq: number | bigint; hash: string }[]>`
    SELECT "seq", "hash" FROM "AuditEvent" WHERE "organizationId" = ${event.organizationId} ORDER BY "seq" DESC LIMIT 1`;
  const fields = {
    ...event,
    seq: Number(previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  const chained = { ...fields, hash: hashAuditEvent(fields) };
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "organizationId", "seq", "action", "actorType", "actorId", "actorLabel", "targetType", "targetId", "payload", "ipAddress", "createdAt", "prevHash", "hash")
    VALUES (${chained.id}, ${chained.organizationId}, ${chained.seq}, ${chained.action}, ${chained.actorType}, ${chained.actorId}, ${chained.actorLabel}, ${chained.targetType}, ${chained.targetId}, ${chained.payload}, ${chained.ipAddress}, ${chained.createdAt}, ${chained.prevHash}, ${chained.hash})`;
  await tx.$executeRaw`
    UPDATE "Organization" SET "auditSeq" = ${chained.seq}, "auditHash" = ${chained.hash}, "auditPrevHash" = ${chained.prevHash} WHERE "id" = ${chained.organizationId}`;
  return chained;
}

/** A collision-resistant row id (the schema's cuid() default is generated by Prisma's client, not the database). */
function auditEventId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("hex")}`;
}
