import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type { AccountActionData } from "~/modules/auth/run-account-action.server";
import { useT } from "~/utils/use-t";

/**
 * The user's secret change-feed address: create, replace (rotate) and revoke. The address itself
 * is in the action's answer only, so it is shown once, right after it was made.
 */
export function FeedCard({
  feed,
  actionData,
  busy,
}: {
  feed: { createdAt: Date | string; lastUsedAt: Date | string | null } | null;
  actionData: AccountActionData | undefined;
  busy: boolean;
}) {
  const { t, tm, date } = useT();
  const created = actionData?.intent === "createFeedToken" ? actionData.feedUrls : undefined;
  const revoked = actionData?.intent === "revokeFeedToken" && actionData.message;
  return (
    <Card title={t("regulationChanges.feedCardTitle")}>
      <div className="space-y-3 text-sm">
        <p className="text-slate-700">{t("regulationChanges.feedCardIntro")}</p>
        {created ? (
          <Alert tone="success">
            <p className="font-medium">{t("regulationChanges.feedCardShownOnce")}</p>
            <dl className="mt-2 space-y-1">
              <dt className="font-medium">{t("regulationChanges.feedCardAtom")}</dt>
              <dd>
                <code className="break-all" data-testid="feed-url-atom">
                  {created.atom}
                </code>
              </dd>
              <dt className="font-medium">{t("regulationChanges.feedCardJson")}</dt>
              <dd>
                <code className="break-all" data-testid="feed-url-json">
                  {created.json}
                </code>
              </dd>
            </dl>
          </Alert>
        ) : null}
        {revoked && actionData.message ? (
          <Alert tone="success">{tm({ key: actionData.message })}</Alert>
        ) : null}
        {feed ? (
          <p data-testid="feed-status">
            {t("regulationChanges.feedCardActive", { date: date(feed.createdAt, true) })}{" "}
            {feed.lastUsedAt
              ? t("regulationChanges.feedCardLastUsed", { date: date(feed.lastUsedAt, true) })
              : t("regulationChanges.feedCardNeverUsed")}
          </p>
        ) : (
          <p data-testid="feed-status">{t("regulationChanges.feedCardNone")}</p>
        )}
        <div className="flex flex-wrap gap-2">
          <Form method="post">
            <input type="hidden" name="intent" value="createFeedToken" />
            <Button type="submit" disabled={busy}>
              {feed ? t("regulationChanges.feedCardRotate") : t("regulationChanges.feedCardCreate")}
            </Button>
          </Form>
          {feed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revokeFeedToken" />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("regulationChanges.feedCardRevoke")}
              </Button>
            </Form>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
