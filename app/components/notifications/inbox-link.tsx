import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-t";

/**
 * The header's link to /notifications with the unread count (from the root loader). Its name is
 * its visible text plus a hidden word ("Notifications 2 unread"), so what a speech-input user
 * sees is what they can say (WCAG 2.5.3, axe's label-content-name-mismatch).
 */
export function InboxLink({ unread }: { unread: number }) {
  const { t } = useT();
  return (
    <Link
      to="/notifications"
      data-testid="inbox-link"
      className="inline-flex items-center gap-1 text-slate-700 underline-offset-2 hover:underline"
    >
      <span>{t("notifications.inboxLink")}</span>
      {unread > 0 ? (
        <>
          <span
            data-testid="inbox-unread"
            className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="sr-only"> {t("notifications.unreadWord")}</span>
        </>
      ) : null}
    </Link>
  );
}
