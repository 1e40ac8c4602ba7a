import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FeedCard } from "~/components/account/feed-card";
import { ChangePasswordCard } from "~/components/account/change-password-card";
import { LanguageCard } from "~/components/account/language-card";
import { NotificationPreferencesCard } from "~/components/account/notification-preferences-card";
import { getNotificationPreferences } from "~/modules/notifications/notification-preferences.server";
import { ProfileCard } from "~/components/account/profile-card";
import { TwoFactorCard } from "~/components/account/two-factor-card";
import { PageHeader } from "~/components/ui/layout";
import { getAccountOverview } from "~/modules/admin/get-account-overview.server";
import { hasRecentMfa, requireUser } from "~/modules/auth/guards.server";
import { feedTokenStatus } from "~/modules/regulations/feed/feed-token-status.server";
import { runAccountAction, type AccountActionData } from "~/modules/auth/run-account-action.server";
import { getEnv } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, translate } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [
    { title: `${translate(isLocale(locale) ? locale : "en", "auth.accountTitle")} · Vetted` },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const [account, feed, notificationPreferences] = await Promise.all([
    runUseCase(() => getAccountOverview(actor)),
    feedTokenStatus(actor),
    getNotificationPreferences(actor),
  ]);
  return {
    account,
    feed,
    notificationPreferences,
    recentMfa: hasRecentMfa(actor),
    stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const result = await runAccountAction(request, actor, await readFormData(request));
  if ("redirectTo" in result) {
    return redirect(result.redirectTo, { headers: { "Set-Cookie": result.setCookie } });
  }
  return data<AccountActionData>(result.body, { status: result.status });
}

export default function AccountPage() {
  const { account, feed, notificationPreferences, recentMfa, stepUpMinutes } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AccountActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("auth.accountTitle")} />
      <ProfileCard account={account} />
      <ChangePasswordCard email={account.email} actionData={actionData} busy={busy} />
      <TwoFactorCard
        account={account}
        actionData={actionData}
        busy={busy}
        recentMfa={recentMfa}
        stepUpMinutes={stepUpMinutes}
      />
      <LanguageCard account={account} actionData={actionData} busy={busy} />
      <NotificationPreferencesCard preferences={notificationPreferences} />
      <FeedCard feed={feed} actionData={actionData} busy={busy} />
    </div>
  );
}
