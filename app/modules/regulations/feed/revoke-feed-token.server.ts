import { inTransaction } from "../../../utils/transaction.server";
import { recordAuditEvent } from "../../audit/record-audit-event.server";
import type { UserActor } from "../../auth/actor";

/** Revokes the user's live feed address in the actor's organisation; false when there was none. */
export async function revokeFeedToken(actor: UserActor, now = new Date()): Promise<boolean> {
  return inTransaction(async (tx) => {
    const live = await tx.feedToken.findMany({
      where: { userId: actor.userId, organizationId: actor.organizationId, revokedAt: null },
      select: { id: true },
    });
    if (live.length === 0) return false;
    await tx.feedToken.updateMany({
      where: { id: { in: live.map((token) => token.id) } },
      data: { revokedAt: now },
    });
    for (const token of live)
      await recordAuditEvent(tx, actor, {
        action: "regulations.feed_token_revoked",
        target: { type: "feed_token", id: token.id },
      });
    return true;
  });
}
