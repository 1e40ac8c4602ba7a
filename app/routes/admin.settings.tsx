import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ReminderSettingsCard } from "~/components/admin/reminder-settings-card";
import { SecuritySettingsCard } from "~/components/admin/security-settings-card";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { getOrganizationSettings } from "~/modules/admin/get-organization-settings.server";
import {
  runSettingsAction,
  type SettingsActionData,
} from "~/modules/admin/run-settings-action.server";
import { hasRecentMfa, requirePermission, requireRecentMfa } from "~/modules/auth/guards.server";
import { getEnv } from "~/utils/env.server";
import { isLocale, translate } from "~/utils/i18n";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [
    { title: `${translate(isLocale(locale) ? locale : "en", "admin.settingsTitle")} · Vetted` },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  const settings = await runUseCase(() => getOrganizationSettings(actor));
  return { settings, recentMfa: hasRecentMfa(actor), stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  requireRecentMfa(request, actor);
  const result = await runSettingsAction(actor, await readFormData(request));
  return data<SettingsActionData>(result.body, { status: result.status });
}

export default function AdminSettingsPage() {
  const { settings, recentMfa, stepUpMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.settingsTitle")}>
        {t("admin.settingsIntro", { organization: settings.name })}
      </PageHeader>
      {actionData ? (
        <Alert tone={actionData.ok ? "success" : "error"}>{t(actionData.message)}</Alert>
      ) : null}
      {!recentMfa ? (
        <Alert tone="info">
          {t("admin.stepUpHintSettings", { minutes: stepUpMinutes })}{" "}
          <Link
            className="font-medium underline"
            to={`/auth/step-up?redirectTo=${encodeURIComponent("/admin/settings")}`}
          >
            {t("admin.stepUpNow")}
          </Link>
        </Alert>
      ) : null}
      <SecuritySettingsCard settings={settings} busy={busy} />
      <ReminderSettingsCard settings={settings} actionData={actionData} busy={busy} />
      <Card title={t("signing.settingsLink")}>
        <p className="text-sm text-slate-700">
          {t("signing.settingsLinkHint")}{" "}
          <Link className="font-medium text-brand-700 underline" to="/admin/signing">
            {t("signing.title")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
