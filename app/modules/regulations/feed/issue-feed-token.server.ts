import { generateToken, sha256Hex } from "../../../utils/crypto.server";
import { inTransaction } from "../../../utils/transaction.server";
import { recordAuditEvent } from "../../audit/record-audit-event.server";
import type { UserActor } from "../../auth/actor";

/**
 * Creates the user's secret feed address for the actor's organisation; a live one is revoked in
 * the same transaction (rotation), so there is at most one. Returns the secret: it exists only in
 * this answer (the database keeps its SHA-256), the page shows it once.
 */
export async function issueFeedToken(
  actor: UserActor,
  now = new Date(),
): Promise<{ secret: string; rotated: boolean }> {
  const secret = generateToken(32);
  return inTransaction(async (tx) => {
    const revoked = await tx.feedToken.updateMany({
      where: { userId: actor.userId, organizationId: actor.organizationId, revokedAt: null },
      data: { revokedAt: now },
    });
    const token = await tx.feedToken.create({
      data: {
        userId: actor.userId,
        organizationId: actor.organizationId,
        tokenHash: sha256Hex(secret),
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action:
        revoked.count > 0 ? "regulations.feed_token_rotated" : "regulations.feed_token_created",
      target: { type: "feed_token", id: token.id },
    });
    return { secret, rotated: revoked.count > 0 };
  });
}
