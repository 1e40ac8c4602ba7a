import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import { inviteIdOfNewLinkRef } from "~/modules/portal/new-link-ref.server";
import { requestNewInviteLink } from "~/modules/portal/request-new-invite-link.server";
import { notFoundResponse } from "~/utils/http.server";
import { translatedTitle } from "~/utils/page-title";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";

// Under /portal: server/app.js sends no-referrer, noindex and no-store for it (ADR 0007).
export const meta: MetaFunction = ({ matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  translatedTitle(matches, "notifications.newLinkTitle"),
];

/** Only an address we made shows the page (an HMAC check; nothing is read or written). */
export function loader({ params }: LoaderFunctionArgs) {
  if (!inviteIdOfNewLinkRef(params.token ?? "")) throw notFoundResponse();
  return null;
}

/**
 * "Send me a new link" from a notification mail (ADR 0042). GET only shows the button (mail
 * scanners open links); POST asks for the new link, which goes to the invited address only.
 */
export async function action({ params, context }: ActionFunctionArgs) {
  const result = await requestNewInviteLink(params.token ?? "", clientIp(context));
  if (result.kind === "invalid")
    return data({ outcome: "invalid" as const, minutes: 0 }, { status: 404 });
  if (result.kind === "rate_limited") {
    return data(
      { outcome: "rateLimited" as const, minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429 },
    );
  }
  return { outcome: "sent" as const, minutes: 0 };
}

export default function NewLinkPage() {
  const result = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-lg">
      <Card title={t("notifications.newLinkTitle")} level={1}>
        {result?.outcome === "sent" ? (
          <Alert tone="success">{t("notifications.newLinkSent")}</Alert>
        ) : (
          <>
            {result?.outcome === "invalid" ? (
              <div className="mb-3">
                <Alert tone="error">{t("notifications.newLinkInvalid")}</Alert>
              </div>
            ) : null}
            {result?.outcome === "rateLimited" ? (
              <div className="mb-3">
                <Alert tone="error">
                  {t("notifications.newLinkRateLimited", { minutes: result.minutes })}
                </Alert>
              </div>
            ) : null}
            <p className="text-slate-700">{t("notifications.newLinkBody")}</p>
            <Form method="post" className="mt-5">
              <Button type="submit">{t("notifications.newLinkSubmit")}</Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
