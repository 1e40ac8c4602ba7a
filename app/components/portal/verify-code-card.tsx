import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import type { VerifyActionData } from "~/modules/portal/run-vendor-verify-action.server";
import { useT } from "~/utils/use-t";

/** Where the code went and for how long the browser is remembered (from the loader). */
export type PendingVerificationView = {
  maskedEmail: string;
  codeMinutes: number;
  deviceDays: number;
};

/**
 * The code page of a new browser: the e-mailed code's form (with its error) and a second form
 * that sends a new code. Both are plain forms, so they work without JavaScript.
 */
export function VerifyCodeCard({
  pending,
  result,
}: {
  pending: PendingVerificationView;
  result: VerifyActionData | undefined;
}) {
  const { t } = useT();
  const error =
    result &&
    result.message !== "resent" &&
    result.message !== "resendTooSoon" &&
    result.message !== "rateLimited"
      ? result.message
      : null;
  return (
    <Card>
      <h1 className="text-xl font-semibold">{t("access.verifyTitle")}</h1>
      <p className="mt-3 text-slate-700">
        {t("access.verifyBody", { email: pending.maskedEmail, minutes: pending.codeMinutes })}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        {t("access.verifyDeviceNote", { days: pending.deviceDays })}
      </p>
      {result?.message === "resent" ? (
        <div className="mt-3">
          <Alert tone="success">{t("access.resent")}</Alert>
        </div>
      ) : null}
      {result?.message === "resendTooSoon" ? (
        <div className="mt-3">
          <Alert tone="warning">
            {t("access.resendTooSoon", { seconds: result.seconds ?? 60 })}
          </Alert>
        </div>
      ) : null}
      {result?.message === "rateLimited" ? (
        <div className="mt-3">
          <Alert tone="error">{t("access.rateLimited", { minutes: result.minutes ?? 1 })}</Alert>
        </div>
      ) : null}
      <Form method="post" className="mt-5 space-y-3">
        <input type="hidden" name="intent" value="verify" />
        <TextField
          label={t("access.codeLabel")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          autoFocus
          error={error ? t(`access.${error}`, { attempts: result?.attempts ?? 0 }) : null}
        />
        <Button type="submit">{t("access.verifySubmit")}</Button>
      </Form>
      <Form method="post" className="mt-4">
        <input type="hidden" name="intent" value="resend" />
        <Button type="submit" variant="secondary">
          {t("access.resend")}
        </Button>
      </Form>
    </Card>
  );
}
