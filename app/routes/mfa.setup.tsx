import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { confirmTotpEnrolment } from "~/modules/auth/enrol-totp.server";
import { getMfaSetupPage } from "~/modules/auth/get-mfa-setup-page.server";
import { requireUser } from "~/modules/auth/guards.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => [
  translatedTitle(matches, loaderData?.enabled ? "auth.mfaEnabledTitle" : "auth.mfaSetupTitle"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context, { allowWithoutMfa: true });
  // Not a redirect when enabled: right after enrolment this loader runs again while the page
  // still has to show the recovery codes from the action.
  return getMfaSetupPage(actor);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context, { allowWithoutMfa: true });
  const form = await readFormData(request);
  const result = await confirmTotpEnrolment(actor, {
    code: String(form.get("code") ?? "").slice(0, 32),
  });
  if (!result.ok)
    return data(
      { error: result.error, recoveryCodes: null },
      { status: result.error === "alreadyEnabled" ? 409 : 400 },
    );
  return { error: null, recoveryCodes: result.recoveryCodes };
}

export default function MfaSetupPage() {
  const { enabled, manualKey, qrCodeSvg, required } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (actionData?.recoveryCodes) {
    return (
      <div className="mx-auto max-w-lg">
        <Card title={t("auth.mfaEnabledTitle")} level={1}>
          <p className="mb-3 text-sm text-slate-700">{t("auth.recoveryCodesIntro")}</p>
          <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
            {actionData.recoveryCodes.map((code) => (
              <li key={code} className="rounded bg-slate-100 px-2 py-1">
                {code}
              </li>
            ))}
          </ul>
          <Link
            to="/"
            className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
          >
            {t("auth.continue")}
          </Link>
        </Card>
      </div>
    );
  }
  if (enabled || !qrCodeSvg) {
    return (
      <div className="mx-auto max-w-lg">
        <Card title={t("auth.mfaEnabledTitle")} level={1}>
          {actionData?.error === "alreadyEnabled" ? (
            <div className="mb-3">
              <Alert tone="info">{t("auth.mfaAlreadyEnabled")}</Alert>
            </div>
          ) : null}
          <Link to="/account" className="text-brand-700 underline">
            {t("common.navAccount")}
          </Link>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <Card title={t("auth.mfaSetupTitle")} level={1}>
        {required ? <Alert tone="warning">{t("auth.mfaSetupRequired")}</Alert> : null}
        <p className="my-3 text-sm text-slate-700">{t("auth.mfaSetupScan")}</p>
        {/* QR code SVG generated on the server by the qrcode package from our own key URI. */}
        <div
          className="mx-auto w-48"
          aria-hidden="true"
          dangerouslySetInnerHTML={{ __html: qrCodeSvg }}
        />
        <p className="mt-3 text-sm">
          {t("auth.manualKey")}:{" "}
          <code data-testid="totp-manual-key" className="select-all font-mono">
            {manualKey}
          </code>
        </p>
        {actionData?.error === "invalidCode" ? (
          <div className="mt-3">
            <Alert tone="error">{t("auth.invalidCode")}</Alert>
          </div>
        ) : null}
        <Form method="post" className="mt-4 space-y-3">
          <TextField
            label={t("auth.mfaSetupConfirm")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,8}"
            required
          />
          <Button type="submit">{t("auth.verify")}</Button>
        </Form>
      </Card>
    </div>
  );
}
