import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { isNotificationKind, type NotificationKind } from "./notification-kinds";

/** The inbox shows this many, newest first: older ones stay stored but are not listed. */
export const INBOX_PAGE_SIZE = 100;

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  read: boolean;
  createdAt: Date;
}

/** The actor's own notifications in their current organisation, newest first. */
export async function listNotifications(actor: UserActor): Promise<NotificationView[]> {
  const rows = await db().notification.findMany({
    where: { organizationId: actor.organizationId, userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE_SIZE,
    select: { id: true, kind: true, params: true, readAt: true, createdAt: true },
  });
  return rows.flatMap((row) =>
    isNotificationKind(row.kind)
      ? [
          {
            id: row.id,
            kind: row.kind,
            params: parseParams(row.params),
            read: row.readAt !== null,
            createdAt: row.createdAt,
          },
        ]
      : [],
  );
}

/** Stored JSON is parsed again on read: only string values reach the page. */
function parseParams(stored: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== "object" || value === null) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
  } catch {
    return {};
  }
}
