import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-t";

/** The header's link to /notifications with the unread count (from the root loader). */
export function InboxLink({ unread }: { unread: number }) {
  const { t } = useT();
  return (
    <Link
      to="/notifications"
      data-testid="inbox-link"
      aria-label={
        unread > 0
          ? t("notifications.inboxLinkUnread", { count: unread })
          : t("notifications.inboxLink")
      }
      className="inline-flex items-center gap-1 text-slate-700 underline-offset-2 hover:underline"
    >
      <span aria-hidden="true">{t("notifications.inboxLink")}</span>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="inbox-unread"
          className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
