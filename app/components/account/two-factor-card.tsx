import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type { AccountActionData } from "~/modules/auth/run-account-action.server";
import { useT } from "~/utils/use-t";

/** Two-factor status, and new recovery codes (after a fresh second factor). */
export function TwoFactorCard({
  account,
  actionData,
  busy,
  recentMfa,
  stepUpMinutes,
}: {
  account: { totpEnabledAt: string | null; unusedRecoveryCodes: number };
  actionData: AccountActionData | undefined;
  busy: boolean;
  recentMfa: boolean;
  stepUpMinutes: number;
}) {
  const { t, date } = useT();
  return (
    <Card title={t("auth.twoFactor")}>
      {account.totpEnabledAt ? (
        <div className="space-y-3 text-sm">
          <p data-testid="mfa-status">
            {t("auth.twoFactorOn", { date: date(account.totpEnabledAt) })}
          </p>
          <p data-testid="recovery-codes-left">
            {t("auth.recoveryCodesLeft", { count: account.unusedRecoveryCodes })}
          </p>
          {actionData?.intent === "regenerateCodes" && actionData.recoveryCodes ? (
            <div className="space-y-2">
              <Alert tone="warning">{t("auth.recoveryCodesIntro")}</Alert>
              <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
                {actionData.recoveryCodes.map((code) => (
                  <li key={code} className="rounded bg-slate-100 px-2 py-1">
                    {code}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {actionData?.intent === "regenerateCodes" && !actionData.ok && actionData.message ? (
            <Alert tone="error">{t(actionData.message)}</Alert>
          ) : null}
          {!recentMfa ? (
            <p className="text-slate-700">
              {t("auth.recoveryCodesStepUp", { minutes: stepUpMinutes })}{" "}
              <Link
                className="font-medium text-brand-700 underline"
                to={`/auth/step-up?redirectTo=${encodeURIComponent("/account")}`}
              >
                {t("auth.confirmNow")}
              </Link>
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="regenerateCodes" />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("auth.regenerateRecoveryCodes")}
            </Button>
          </Form>
        </div>
      ) : (
        <div className="space-y-3 text-sm">
          <p data-testid="mfa-status">{t("auth.twoFactorOff")}</p>
          <Link
            to="/mfa/setup"
            className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            {t("auth.setUpTwoFactor")}
          </Link>
        </div>
      )}
    </Card>
  );
}
