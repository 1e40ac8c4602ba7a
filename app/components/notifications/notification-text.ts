import { labelKey, type MessageKey, type MessageParams } from "~/utils/i18n";
import { KIND_INBOX_TEXT, type NotificationKind } from "~/modules/notifications/notification-kinds";

/**
 * The inbox line of a notification, in the reader's language at reading time: the stored params
 * are values (names, titles, an outcome code), the words come from the dictionary.
 */
export function notificationText(
  t: (key: MessageKey, params?: MessageParams) => string,
  kind: NotificationKind,
  params: Record<string, string>,
): string {
  const outcomeKey = labelKey("assessments.status", params.outcomeCode);
  return t(KIND_INBOX_TEXT[kind], {
    title: params.title ?? "",
    vendor: params.vendor ?? "",
    outcome: outcomeKey ? t(outcomeKey) : "",
  });
}
