import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { PASSWORD_MIN_LENGTH_CLIENT } from "~/modules/admin/password-limits";
import type { AccountActionData } from "~/modules/auth/run-account-action.server";
import { useT } from "~/utils/use-t";

/** Changing one's password: the current one, the new one twice; errors beside their fields. */
export function ChangePasswordCard({
  email,
  actionData,
  busy,
}: {
  email: string;
  actionData: AccountActionData | undefined;
  busy: boolean;
}) {
  const { t, tm } = useT();
  const passwordErrors =
    actionData?.intent === "changePassword" ? (actionData.fieldErrors ?? {}) : {};
  return (
    <Card title={t("auth.changePassword")}>
      {actionData?.intent === "changePassword" && actionData.ok && actionData.message ? (
        <div className="mb-3">
          <Alert tone="success">{t(actionData.message)}</Alert>
        </div>
      ) : null}
      <Form
        method="post"
        className="max-w-md space-y-4"
        key={
          actionData?.intent === "changePassword" && actionData.nonce ? actionData.nonce : "form"
        }
        noValidate
      >
        <input type="hidden" name="intent" value="changePassword" />
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <TextField
          label={t("auth.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={passwordErrors.currentPassword ? tm(passwordErrors.currentPassword) : null}
        />
        <TextField
          label={t("auth.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH_CLIENT}
          hint={t("auth.passwordPolicyHint", { min: PASSWORD_MIN_LENGTH_CLIENT })}
          error={passwordErrors.newPassword ? tm(passwordErrors.newPassword) : null}
        />
        <TextField
          label={t("auth.confirmNewPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={passwordErrors.confirmPassword ? tm(passwordErrors.confirmPassword) : null}
        />
        <Button type="submit" disabled={busy}>
          {t("auth.changePassword")}
        </Button>
      </Form>
    </Card>
  );
}
