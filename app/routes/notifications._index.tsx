import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotificationList } from "~/components/notifications/notification-list";
import { Button } from "~/components/ui/button";
import { Alert, PageHeader } from "~/components/ui/layout";
import { requireUser } from "~/modules/auth/guards.server";
import { listNotifications } from "~/modules/notifications/list-notifications.server";
import { markAllNotificationsRead } from "~/modules/notifications/mark-all-notifications-read.server";
import { translatedTitle } from "~/utils/page-title";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "notifications.title"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  return { notifications: await listNotifications(actor) };
}

/** "Mark all as read" (the only action here; opening one goes through /notifications/:id/open). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  await markAllNotificationsRead(actor);
  return redirect("/notifications?marked=all");
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useT();
  const unread = notifications.some((n) => !n.read);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("notifications.title")}
        actions={
          unread ? (
            <Form method="post">
              <Button type="submit" variant="secondary">
                {t("notifications.markAllRead")}
              </Button>
            </Form>
          ) : null
        }
      />
      {searchParams.get("marked") === "all" ? (
        <Alert tone="success">{t("notifications.allMarkedRead")}</Alert>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        {notifications.length === 0 ? (
          <p className="p-5 text-slate-700">{t("notifications.empty")}</p>
        ) : (
          <NotificationList items={notifications} />
        )}
      </section>
    </div>
  );
}
