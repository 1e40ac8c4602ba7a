import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { InvitationCard } from "~/components/invitations/invitation-card";
import { InvitationSignUpCard } from "~/components/invitations/invitation-sign-up-card";
import { JoinedInvitation } from "~/components/invitations/joined-invitation";
import { UnusableInvitation } from "~/components/invitations/unusable-invitation";
import {
  getInvitationPage,
  runInvitationAction,
  type InvitationActionData,
  type InvitationPageData,
} from "~/modules/admin/invitation-page.server";
import { visitorFrom } from "~/modules/admin/visitor";
import { getUserActor } from "~/modules/auth/guards.server";
import { readFormData } from "~/utils/form-data.server";
import { isLocale, labelKey, translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";
import { retryAfterHeaders } from "~/utils/retry-after-headers";

/**
 * The invitation page (issue 11, item 7). Signed out, everybody sees the same page: "sign in to
 * accept" and "create your account". It never takes an existing account's password: an existing
 * account signs in normally, comes back here and joins. Creating an account answers "sign in to
 * continue" whether or not the address already had one.
 */
export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [
    { title: `${translate(isLocale(locale) ? locale : "en", "admin.acceptPageTitle")} · Vetted` },
  ];
};

export const headers = retryAfterHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getUserActor(request, context);
  const visitor = visitorFrom(clientIp(context));
  const page = await getInvitationPage(visitor, actor, { token: params.token ?? "" });
  return data<InvitationPageData>(page.body, { status: page.status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const actor = await getUserActor(request, context);
  const result = await runInvitationAction(visitorFrom(clientIp(context)), actor, {
    token: params.token ?? "",
    form,
    locale: () => resolveLocale(request),
  });
  if ("redirectTo" in result) return redirect(result.redirectTo, 303);
  return data<InvitationActionData>(result.body, {
    status: result.status,
    headers: result.headers,
  });
}

export default function AcceptInvitationPage() {
  const loaderData = useLoaderData<typeof loader>() as InvitationPageData;
  const actionData = useActionData<typeof action>() as InvitationActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useT();

  if (loaderData.state === "unusable") return <UnusableInvitation reason={loaderData.reason} />;
  if (actionData?.unusable) return <UnusableInvitation reason={actionData.unusable} />;
  if (loaderData.state === "joined") {
    return <JoinedInvitation organizationName={loaderData.organizationName} />;
  }
  const { invitation, viewer, signInPath, signedInAs } = loaderData;
  const role = t(labelKey("common.role", invitation.role) ?? "common.unknownValue");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <InvitationCard
        invitation={invitation}
        viewer={viewer}
        signInPath={signInPath}
        signedInAs={signedInAs}
        role={role}
        actionData={actionData}
        busy={busy}
      />
      {viewer === "anonymous" ? (
        <InvitationSignUpCard invitedName={invitation.name} actionData={actionData} busy={busy} />
      ) : null}
    </div>
  );
}
