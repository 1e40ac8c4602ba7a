import { Form } from "@remix-run/react";
import type { NotificationKind } from "~/modules/notifications/notification-kinds";
import { useT } from "~/utils/use-t";
import { notificationText } from "./notification-text";

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  read: boolean;
  createdAt: Date | string;
}

/**
 * The inbox, newest first. Opening one is a POST (it marks it read), so each entry is a form whose
 * button reads like a link; unread entries are marked in words, not by colour alone.
 */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const { t, date } = useT();
  return (
    <ul aria-label={t("notifications.listLabel")} className="divide-y divide-slate-200">
      {items.map((item) => (
        <li
          key={item.id}
          data-testid="notification"
          data-read={item.read ? "true" : "false"}
          className={`flex flex-wrap items-start gap-3 px-4 py-3 ${item.read ? "" : "bg-brand-50"}`}
        >
          {item.read ? null : (
            <span className="mt-0.5 rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
              {t("notifications.unread")}
            </span>
          )}
          <div className="min-w-0 flex-1">
            <Form method="post" action={`/notifications/${item.id}/open`}>
              <button
                type="submit"
                className={`text-left text-brand-800 underline underline-offset-2 hover:text-brand-900 ${item.read ? "" : "font-semibold"}`}
              >
                {notificationText(t, item.kind, item.params)}
              </button>
            </Form>
            <p className="mt-1 text-xs text-slate-600">
              {t("notifications.receivedAt", { date: date(item.createdAt, true) })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
