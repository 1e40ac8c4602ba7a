import type { Db } from "../../utils/db.server";
import { anchorMacMatches } from "./anchor-key.server";
import { GENESIS_HASH, hashAuditEvent } from "./audit-chain";
import { checkpointRecord } from "./audit-checkpoint";
import { CHECKPOINT_MAC_PURPOSE } from "./write-audit-checkpoint.server";

/** How many of the newest events the home page re-hashes: a page load stays cheap at any size. */
export const RECENT_AUDIT_EVENTS_CHECKED = 200;

export type RecentChainStatus =
  | { state: "empty" }
  | {
      state: "intact" | "broken";
      headSeq: number;
      lastEventAt: Date;
      /** Events re-hashed (the newest ones): the full verification runs on /audit. */
      checkedEvents: number;
      /** The newest checkpoint: null when there is none; `ok` false when its HMAC or hash fails. */
      checkpoint: { seq: number; ok: boolean } | null;
      /** The first event of the window that does not hold (null when intact). */
      brokenSeq: number | null;
    };

/**
 * A bounded look at an organisation's audit chain for the home page: the newest
 * RECENT_AUDIT_EVENTS_CHECKED events are re-hashed and linked (the same hash as
 * verifyAuditChain), and the newest checkpoint is checked against its HMAC and the chain. What
 * lies before the window is the full verification's job (/audit, `vetted audit verify`), which
 * walks the whole chain and every anchor; this never replaces it.
 */
export async function checkRecentAuditChain(
  database: Db,
  organizationId: string,
  window = RECENT_AUDIT_EVENTS_CHECKED,
): Promise<RecentChainStatus> {
  // One more than the window: the event before the window gives the first one's prevHash.
  const newestFirst = await database.auditEvent.findMany({
    where: { organizationId },
    orderBy: { seq: "desc" },
    take: window + 1,
  });
  const head = newestFirst[0];
  if (!head) return { state: "empty" };
  const events = newestFirst.reverse();
  const checked = events.length > window ? events.slice(1) : events;
  let prevHash = events.length > window ? events[0]!.hash : GENESIS_HASH;
  let expectedSeq = events.length > window ? events[0]!.seq + 1 : 1;
  let brokenSeq: number | null = null;
  for (const event of checked) {
    if (
      event.seq !== expectedSeq ||
      event.prevHash !== prevHash ||
      hashAuditEvent(event) !== event.hash
    ) {
      brokenSeq = event.seq;
      break;
    }
    prevHash = event.hash;
    expectedSeq++;
  }
  const checkpoint = await newestCheckpointStatus(database, organizationId);
  return {
    state: brokenSeq === null && checkpoint?.ok !== false ? "intact" : "broken",
    headSeq: head.seq,
    lastEventAt: head.createdAt,
    checkedEvents: checked.length,
    checkpoint,
    brokenSeq,
  };
}

async function newestCheckpointStatus(
  database: Db,
  organizationId: string,
): Promise<{ seq: number; ok: boolean } | null> {
  const row = await database.auditCheckpoint.findFirst({
    where: { organizationId },
    orderBy: { seq: "desc" },
  });
  if (!row) return null;
  if (!anchorMacMatches(CHECKPOINT_MAC_PURPOSE, checkpointRecord(row), row.mac))
    return { seq: row.seq, ok: false };
  const anchored = await database.auditEvent.findUnique({
    where: { organizationId_seq: { organizationId, seq: row.seq } },
    select: { hash: true },
  });
  return { seq: row.seq, ok: anchored?.hash === row.hash };
}
