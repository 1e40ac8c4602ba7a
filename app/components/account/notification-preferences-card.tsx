import { Form, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import {
  CHANNEL_LABEL,
  KIND_LABEL,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "~/modules/notifications/notification-kinds";
import { useT } from "~/utils/use-t";

/** Mail, inbox only or off per kind; saved at /notifications/preferences (back here after). */
export function NotificationPreferencesCard({
  preferences,
}: {
  preferences: Record<NotificationKind, NotificationChannel>;
}) {
  const { t } = useT();
  const [searchParams] = useSearchParams();
  return (
    <div id="notification-preferences">
      <Card title={t("notifications.preferencesTitle")}>
        {searchParams.get("saved") === "notifications" ? (
          <div className="mb-3">
            <Alert tone="success">{t("notifications.preferencesSaved")}</Alert>
          </div>
        ) : null}
        {searchParams.get("notifications") === "invalid" ? (
          <div className="mb-3">
            <Alert tone="error">{t("notifications.preferencesInvalid")}</Alert>
          </div>
        ) : null}
        <p className="mb-4 text-sm text-slate-700">{t("notifications.preferencesIntro")}</p>
        <Form method="post" action="/notifications/preferences" className="space-y-4">
          {NOTIFICATION_KINDS.map((kind) => (
            <fieldset key={kind} className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium text-slate-900">
                {t(KIND_LABEL[kind])}
              </legend>
              <div className="flex flex-wrap gap-4">
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <label key={channel} className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="radio"
                      name={kind}
                      value={channel}
                      defaultChecked={preferences[kind] === channel}
                    />
                    {t(CHANNEL_LABEL[channel])}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <Button type="submit">{t("common.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}
