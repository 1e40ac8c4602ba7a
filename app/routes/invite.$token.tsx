import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import { vendorDeviceCookie, vendorSessionCookie } from "~/modules/auth/cookies.server";
import {
  describeInvite,
  exchangeInviteToken,
  type InviteState,
} from "~/modules/portal/invite-links.server";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

// Invite links carry a secret: never leak it through search engines, caches or the Referer.
// server/app.js sends Referrer-Policy: no-referrer, X-Robots-Tag and Cache-Control: no-store on
// every /invite and /portal response (ADR 0007); the meta tag repeats noindex for crawlers that
// only read the page.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const details = data?.invite.details;
  const title = details
    ? translatedTitle(matches, "portal.landingTitle", { organization: details.organizationName })
    : translatedTitle(matches, "portal.linkInvalidTitle");
  return [{ name: "robots", content: "noindex, nofollow" }, title];
};

const statusFor = (state: InviteState) => (state === "unknown" ? 404 : 410);

/** GET (and HEAD) only describe the invitation: link scanners must not burn or use it. */
export async function loader({ params }: LoaderFunctionArgs) {
  const invite = await describeInvite(params.token ?? "");
  if (invite.state !== "valid") return data({ invite }, { status: statusFor(invite.state) });
  return { invite };
}

/**
 * POST exchanges the token for a vendor session and redirects to a URL without the token: the
 * questionnaire on a remembered browser (device cookie of this link), else the code page.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const deviceToken = await vendorDeviceCookie().parse(request.headers.get("Cookie"));
  const result = await exchangeInviteToken(
    params.token ?? "",
    clientIp(context),
    request.headers.get("User-Agent"),
    deviceToken,
  );
  if (result.kind === "rate_limited") {
    return data(
      { error: "rateLimited" as const, minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429 },
    );
  }
  if (result.kind === "invalid") {
    return data({ error: result.state, minutes: 0 }, { status: statusFor(result.state) });
  }
  return redirect(result.verified ? "/portal" : "/portal/verify", {
    headers: { "Set-Cookie": await vendorSessionCookie().serialize(result.sessionToken) },
  });
}

const STATE_MESSAGE = {
  expired: "portal.linkExpired",
  revoked: "portal.linkRevoked",
  unknown: "portal.linkUnknown",
  closed: "portal.linkClosed",
} as const;

export default function InviteLandingPage() {
  const { invite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const failed =
    actionData && actionData.error !== "rateLimited" && actionData.error !== "valid"
      ? actionData.error
      : null;
  const details = invite.details;
  if (!details || failed) {
    const state = (failed ?? invite.state) as keyof typeof STATE_MESSAGE;
    return (
      <div className="mx-auto max-w-lg">
        <Card title={t("portal.linkInvalidTitle")} level={1}>
          <p data-testid="invite-state" data-state={state} className="text-slate-700">
            {t(STATE_MESSAGE[state] ?? "portal.linkUnknown")}
          </p>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-xl font-semibold">
          {t("portal.landingTitle", { organization: details.organizationName })}
        </h1>
        <p className="mt-3 text-slate-700">
          {t("portal.landingBody", { title: details.assessmentTitle, vendor: details.vendorName })}
        </p>
        {details.dueDate ? (
          <p className="mt-2 text-sm text-slate-600">
            {t("portal.landingDue", { date: date(details.dueDate) })}
          </p>
        ) : null}
        {actionData?.error === "rateLimited" ? (
          <div className="mt-3">
            <Alert tone="error">{t("portal.rateLimited", { minutes: actionData.minutes })}</Alert>
          </div>
        ) : null}
        <Form method="post" className="mt-5">
          <Button type="submit">{t("portal.continue")}</Button>
        </Form>
      </Card>
    </div>
  );
}
