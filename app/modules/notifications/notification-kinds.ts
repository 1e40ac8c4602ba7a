import type { MessageKey } from "../../utils/i18n";

/**
 * What users can be notified of (ADR 0042). Vendor contacts get mail only and have no account,
 * so their mails are not kinds with preferences. Security mails (sign-in codes, two-factor,
 * password) are not kinds either: they are sent directly and can never be switched off.
 */
export const NOTIFICATION_KINDS = ["forwarded", "decided", "submitted", "vendorReplied"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** mail: inbox and mail (the default); inbox: inbox only; off: nothing. */
export const NOTIFICATION_CHANNELS = ["mail", "inbox", "off"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const DEFAULT_CHANNEL: NotificationChannel = "mail";

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return typeof value === "string" && (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}

export const KIND_LABEL: Record<NotificationKind, MessageKey> = {
  forwarded: "notifications.kindForwarded",
  decided: "notifications.kindDecided",
  submitted: "notifications.kindSubmitted",
  vendorReplied: "notifications.kindVendorReplied",
};

export const KIND_INBOX_TEXT: Record<NotificationKind, MessageKey> = {
  forwarded: "notifications.inboxForwarded",
  decided: "notifications.inboxDecided",
  submitted: "notifications.inboxSubmitted",
  vendorReplied: "notifications.inboxVendorReplied",
};

export const CHANNEL_LABEL: Record<NotificationChannel, MessageKey> = {
  mail: "notifications.channelMail",
  inbox: "notifications.channelInbox",
  off: "notifications.channelOff",
};
