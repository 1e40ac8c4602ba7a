import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { requireEntityId } from "../../utils/entity-id";
import { safeRedirectPath } from "../../utils/safe-redirect.server";
import type { UserActor } from "../auth/actor";

/**
 * Opens one of the actor's notifications: marks it read and answers the internal path it
 * leads to. The path is built from the stored assessment id, never taken from the request, and
 * still passes safeRedirectPath. Another user's or organisation's notification is not found.
 */
export async function openNotification(actor: UserActor, rawId: unknown): Promise<string> {
  const notification = await findOwnNotification(actor, rawId);
  if (notification.readAt === null) {
    await db().notification.updateMany({
      where: { id: notification.id, readAt: null },
      data: { readAt: new Date() },
    });
  }
  const target = notification.assessmentId
    ? `/assessments/${encodeURIComponent(notification.assessmentId)}`
    : "/notifications";
  return safeRedirectPath(target, "/notifications");
}

/** The actor's own notification in their organisation, or NOT_FOUND (foreign ids included). */
export async function findOwnNotification(actor: UserActor, rawId: unknown) {
  const id = requireEntityId(rawId, "Notification");
  const notification = await db().notification.findFirst({
    where: { id, organizationId: actor.organizationId, userId: actor.userId },
    select: { id: true, assessmentId: true, readAt: true },
  });
  if (!notification) throw new DomainError("NOT_FOUND", "errors.notFound");
  return notification;
}
