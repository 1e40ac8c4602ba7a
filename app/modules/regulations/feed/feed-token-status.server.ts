import { db } from "../../../utils/db.server";
import type { UserActor } from "../../auth/actor";

export interface FeedTokenStatus {
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The user's live feed address in the actor's organisation (dates only: never the hash). */
export async function feedTokenStatus(actor: UserActor): Promise<FeedTokenStatus | null> {
  return db().feedToken.findFirst({
    where: { userId: actor.userId, organizationId: actor.organizationId, revokedAt: null },
    select: { createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}
