import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";

/** The header's unread count: one indexed count of the actor's unread rows in their organisation. */
export function countUnreadNotifications(actor: UserActor): Promise<number> {
  return db().notification.count({
    where: { organizationId: actor.organizationId, userId: actor.userId, readAt: null },
  });
}
