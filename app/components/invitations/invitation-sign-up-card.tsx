import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { PASSWORD_MIN_LENGTH_CLIENT } from "~/modules/admin/password-limits";
import type { InvitationActionData } from "~/modules/admin/invitation-page.server";
import { useT } from "~/utils/use-t";

/** "Create your account", for visitors who are not signed in. */
export function InvitationSignUpCard({
  invitedName,
  actionData,
  busy,
}: {
  invitedName: string;
  actionData: InvitationActionData | undefined;
  busy: boolean;
}) {
  const { t, tm } = useT();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("admin.acceptNewAccount")}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("admin.acceptNewAccountBody")}</p>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="signUp" />
        <TextField
          label={t("auth.yourName")}
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          defaultValue={actionData?.name ?? invitedName}
          error={errors.name ? tm(errors.name) : null}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          required
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH_CLIENT}
          hint={t("admin.acceptPasswordHint", { min: PASSWORD_MIN_LENGTH_CLIENT })}
          error={errors.password ? tm(errors.password) : null}
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {t("auth.createAccount")}
        </Button>
      </Form>
    </Card>
  );
}
