import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";

/** Marks every unread notification of the actor in their organisation as read. */
export async function markAllNotificationsRead(actor: UserActor): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { organizationId: actor.organizationId, userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
