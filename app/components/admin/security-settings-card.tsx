import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";

/** Whether every member must use a second factor (and how many do not yet). */
export function SecuritySettingsCard({
  settings,
  busy,
}: {
  settings: { requireMfaForAll: boolean; activeMembersWithoutMfa: number };
  busy: boolean;
}) {
  const { t } = useT();
  return (
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
          {t("admin.currentSetting")}:{" "}
          <strong>
            {settings.requireMfaForAll ? t("admin.settingOn") : t("admin.settingOff")}
          </strong>
        </p>
        <Button type="submit" disabled={busy}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
