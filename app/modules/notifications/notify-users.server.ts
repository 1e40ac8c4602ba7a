import type { Tx } from "../../utils/db.server";
import type { Locale } from "../../utils/i18n";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { recipientLocale } from "../mail/recipient-locale";
import {
  DEFAULT_CHANNEL,
  isNotificationChannel,
  type NotificationChannel,
  type NotificationKind,
} from "./notification-kinds";

/** Values shown in the inbox text and the mail (vendor name, title, outcome key…). */
export type NotificationParams = Record<string, string>;

export interface UserNotification {
  organizationId: string;
  kind: NotificationKind;
  /** Candidate recipients; only active members of organizationId receive anything. */
  userIds: readonly string[];
  /** Never told of their own action. */
  exceptUserId?: string;
  assessmentId?: string | null;
  vendorId?: string | null;
  params: NotificationParams;
  /** The mail in the recipient's language. */
  mail: (locale: Locale) => { subject: string; text: string };
}

/**
 * Notifies users of one event, inside the event's transaction (ADR 0042): an inbox row per
 * recipient whose preference is not "off", and a queued mail where it is "mail". If the event's
 * write fails, neither the rows nor the mails exist. Recipients are filtered to active members of
 * the event's organisation here, whatever the caller passed: no notification crosses tenants.
 * Returns the ids of the users who got an inbox row.
 */
export async function notifyUsers(tx: Tx, input: UserNotification): Promise<string[]> {
  const candidates = [...new Set(input.userIds)].filter((id) => id !== input.exceptUserId);
  if (candidates.length === 0) return [];
  const members = await tx.membership.findMany({
    where: {
      organizationId: input.organizationId,
      userId: { in: candidates },
      deactivatedAt: null,
    },
    orderBy: { userId: "asc" },
    select: { user: { select: { id: true, email: true, locale: true } } },
  });
  if (members.length === 0) return [];
  const channels = await channelsOf(
    tx,
    input.organizationId,
    members.map((m) => m.user.id),
    input.kind,
  );
  const notified: string[] = [];
  for (const { user } of members) {
    const channel = channels.get(user.id) ?? DEFAULT_CHANNEL;
    if (channel === "off") continue;
    await tx.notification.create({
      data: {
        organizationId: input.organizationId,
        userId: user.id,
        kind: input.kind,
        assessmentId: input.assessmentId ?? null,
        vendorId: input.vendorId ?? null,
        params: JSON.stringify(input.params),
      },
      select: { id: true },
    });
    notified.push(user.id);
    if (channel === "mail") {
      const mail = input.mail(recipientLocale(user.locale));
      await enqueueMail(tx, { organizationId: input.organizationId, to: user.email, ...mail });
    }
  }
  return notified;
}

async function channelsOf(
  tx: Tx,
  organizationId: string,
  userIds: string[],
  kind: NotificationKind,
): Promise<Map<string, NotificationChannel>> {
  const rows = await tx.notificationPreference.findMany({
    where: { organizationId, userId: { in: userIds }, kind },
    select: { userId: true, channel: true },
  });
  // A value not in the closed set (written by hand) counts as the default rather than silence.
  return new Map(
    rows.map((r) => [r.userId, isNotificationChannel(r.channel) ? r.channel : DEFAULT_CHANNEL]),
  );
}
