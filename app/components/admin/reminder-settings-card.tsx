import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import type { SettingsActionData } from "~/modules/admin/run-settings-action.server";
import { MAX_REMINDER_DAYS_BEFORE } from "~/modules/reminders/reminder-rules";
import { useT } from "~/utils/use-t";

/** When vendors are reminded of a due questionnaire (days before; when overdue). */
export function ReminderSettingsCard({
  settings,
  actionData,
  busy,
}: {
  settings: { reminderDaysBefore: number; remindWhenOverdue: boolean };
  actionData: SettingsActionData | undefined;
  busy: boolean;
}) {
  const { t } = useT();
  return (
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
            defaultValue={
              actionData && "typedDays" in actionData
                ? String(actionData.typedDays)
                : settings.reminderDaysBefore
            }
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
        <Button type="submit" disabled={busy}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
