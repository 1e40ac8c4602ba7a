import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import {
  DEFAULT_CHANNEL,
  isNotificationChannel,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "./notification-kinds";

export type NotificationPreferences = Record<NotificationKind, NotificationChannel>;

/** The actor's channel for every kind in their organisation (the default where none is stored). */
export async function getNotificationPreferences(
  actor: UserActor,
): Promise<NotificationPreferences> {
  const rows = await db().notificationPreference.findMany({
    where: { organizationId: actor.organizationId, userId: actor.userId },
    select: { kind: true, channel: true },
  });
  const stored = new Map(rows.map((r) => [r.kind, r.channel]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => {
      const channel = stored.get(kind);
      return [kind, isNotificationChannel(channel) ? channel : DEFAULT_CHANNEL];
    }),
  ) as NotificationPreferences;
}

/**
 * Saves the actor's channel for every kind (the form sends all of them), with its audit event in
 * the same transaction. A missing or unknown value refuses the whole form: nothing is half-saved.
 * Security mails are no kind and cannot be reached from here.
 */
export async function saveNotificationPreferences(
  actor: UserActor,
  form: Record<string, unknown>,
): Promise<NotificationPreferences> {
  const chosen = {} as NotificationPreferences;
  for (const kind of NOTIFICATION_KINDS) {
    const value = form[kind];
    if (!isNotificationChannel(value)) {
      throw new DomainError("VALIDATION", "notifications.preferencesInvalid");
    }
    chosen[kind] = value;
  }
  await inTransaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await tx.notificationPreference.upsert({
        where: {
          organizationId_userId_kind: {
            organizationId: actor.organizationId,
            userId: actor.userId,
            kind,
          },
        },
        create: {
          organizationId: actor.organizationId,
          userId: actor.userId,
          kind,
          channel: chosen[kind],
        },
        update: { channel: chosen[kind] },
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "notifications.preferencesSaved",
      target: { type: "user", id: actor.userId },
      payload: { ...chosen },
    });
  });
  return chosen;
}
