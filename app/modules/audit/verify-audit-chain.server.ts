import type { Db } from "../../utils/db.server";
import { GENESIS_HASH, hashAuditEvent } from "./audit-chain";

export type ChainVerdict =
  | { ok: true; events: number; headSeq: number; headHash: string }
  | { ok: false; events: number; brokenSeq: number; brokenId: string; reason: string };

const PAGE_SIZE = 1000;

/** Walks an organisation's chain in order and names the first event that does not hold. */
export async function verifyAuditChain(
  database: Db,
  organizationId: string,
): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await database.auditEvent.findMany({
      where: { organizationId, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
    });
    for (const event of page) {
      count++;
      const broken = (reason: string): ChainVerdict => ({
        ok: false,
        events: count,
        brokenSeq: event.seq,
        brokenId: event.id,
        reason,
      });
      if (event.seq !== expectedSeq)
        return broken(`sequence gap: expected ${expectedSeq}, found ${event.seq}`);
      if (event.prevHash !== prevHash)
        return broken("prevHash does not match the previous event's hash");
      if (hashAuditEvent(event) !== event.hash)
        return broken("content does not match its hash (altered)");
      prevHash = event.hash;
      expectedSeq++;
    }
    if (page.length < PAGE_SIZE) break;
  }
  return { ok: true, events: count, headSeq: expectedSeq - 1, headHash: prevHash };
}
