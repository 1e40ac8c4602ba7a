import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { getOrganizationSettings } from "~/modules/admin/get-organization-settings.server";
import { updateOrganizationSettings, type OrganizationSettingsInput } from "~/modules/admin/update-organization-settings.server";
import { MAX_REMINDER_DAYS_BEFORE } from "~/modules/reminders/reminder-rules";
import { hasRecentMfa, requirePermission, requireRecentMfa } from "~/modules/auth/guards.server";
import { getEnv } from "~/utils/env.server";
import { isLocale, translate, type MessageKey } from "~/utils/i18n";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "admin.settingsTitle")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  const settings = await runUseCase(() => getOrganizationSettings(actor));
  return { settings, recentMfa: hasRecentMfa(actor), stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES };
}

/** What the settings form shows after a submit: a message key, translated on the page. */
type ActionResult = { ok: boolean; message: MessageKey; typedDays?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  requireRecentMfa(request, actor);
  const form = await readFormData(request);
  const intent = form.get("intent");
  let input: OrganizationSettingsInput;
  if (intent === "saveSecurity") {
    // An unchecked checkbox is simply absent from the form.
    input = { requireMfaForAll: form.get("requireMfaForAll") === "on" };
  } else if (intent === "saveReminders") {
    const days = String(form.get("reminderDaysBefore") ?? "").trim();
    // Whole days 0–30; anything else is answered with the form's message (400), not an error page.
    if (!/^\d{1,2}$/.test(days) || Number(days) > MAX_REMINDER_DAYS_BEFORE) {
      return data<ActionResult>({ ok: false, message: "mail.reminderDaysInvalid", typedDays: days.slice(0, 10) }, { status: 400 });
    }
    input = { reminderDaysBefore: Number(days), remindWhenOverdue: form.get("remindWhenOverdue") === "on" };
  } else {
    return data<ActionResult>({ ok: false, message: "admin.errorUnknownAction" }, { status: 400 });
  }
  const result = await runUseCase(() => updateOrganizationSettings(actor, input));
  return data<ActionResult>({ ok: true, message: result.changed ? "admin.settingsSaved" : "admin.settingsUnchanged" });
}

export default function AdminSettingsPage() {
  const { settings, recentMfa, stepUpMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.settingsTitle")}>{t("admin.settingsIntro", { organization: settings.name })}</PageHeader>
      {actionData ? <Alert tone={actionData.ok ? "success" : "error"}>{t(actionData.message)}</Alert> : null}
      {!recentMfa ? (
        <Alert tone="info">
          {t("admin.stepUpHintSettings", { minutes: stepUpMinutes })}{" "}
          <Link className="font-medium underline" to={`/auth/step-up?redirectTo=${encodeURIComponent("/admin/settings")}`}>
            {t("admin.stepUpNow")}
          </Link>
        </Alert>
      ) : null}
      <Card title={t("admin.securityHeading")}>
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="saveSecurity" />
          <div className="flex items-start gap-3">
            <input
              id="requireMfaForAll"
              name="requireMfaForAll"
              type="checkbox"
              defaultChecked={settings.requireMfaForAll}
              key={String(settings.requireMfaForAll)}
              aria-describedby="requireMfaForAll-hint"
              className="mt-1 h-4 w-4 rounded border-slate-300"
            />
            <div>
              <label htmlFor="requireMfaForAll" className="text-sm font-medium text-slate-900">
                {t("admin.requireMfaForAll")}
              </label>
              <p id="requireMfaForAll-hint" className="text-sm text-slate-600">
                {t("admin.requireMfaForAllHint")}
              </p>
              {settings.activeMembersWithoutMfa > 0 ? (
                <p className="mt-1 text-sm text-amber-800">
                  {t("admin.membersWithoutMfa", { count: settings.activeMembersWithoutMfa })}
                </p>
              ) : null}
            </div>
          </div>
          <p className="text-sm text-slate-700">
            {t("admin.currentSetting")}: <strong>{settings.requireMfaForAll ? t("admin.settingOn") : t("admin.settingOff")}</strong>
          </p>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("mail.remindersHeading")}>
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="saveReminders" />
          <div className="max-w-xs">
            <TextField
              label={t("mail.reminderDaysBefore")}
              hint={t("mail.reminderDaysBeforeHint")}
              name="reminderDaysBefore"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_REMINDER_DAYS_BEFORE}
              step={1}
              required
              defaultValue={actionData && "typedDays" in actionData ? String(actionData.typedDays) : settings.reminderDaysBefore}
              key={`days-${settings.reminderDaysBefore}`}
              error={actionData && "typedDays" in actionData ? t("mail.reminderDaysInvalid") : null}
            />
          </div>
          <div className="flex items-start gap-3">
            <input
              id="remindWhenOverdue"
              name="remindWhenOverdue"
              type="checkbox"
              defaultChecked={settings.remindWhenOverdue}
              key={String(settings.remindWhenOverdue)}
              aria-describedby="remindWhenOverdue-hint"
              className="mt-1 h-4 w-4 rounded border-slate-300"
            />
            <div>
              <label htmlFor="remindWhenOverdue" className="text-sm font-medium text-slate-900">
                {t("mail.remindWhenOverdue")}
              </label>
              <p id="remindWhenOverdue-hint" className="text-sm text-slate-600">
                {t("mail.remindWhenOverdueHint")}
              </p>
            </div>
          </div>
          <p className="text-sm text-slate-700">
            {t("mail.remindersCurrent", {
              days: settings.reminderDaysBefore,
              overdue: settings.remindWhenOverdue ? t("admin.settingOn") : t("admin.settingOff"),
            })}
          </p>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("common.save")}
          </Button>
        </Form>
      </Card>
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
