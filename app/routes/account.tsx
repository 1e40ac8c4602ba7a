import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { getAccountOverview } from "~/modules/admin/get-account-overview.server";
import { PASSWORD_MIN_LENGTH_CLIENT } from "~/modules/admin/password-limits";
import { changePassword, CURRENT_PASSWORD_MAX_CHARS, newPasswordSchema, setUserLocale } from "~/modules/auth/account.server";
import { languageCookie } from "~/utils/locale.server";
import { regenerateRecoveryCodes } from "~/modules/auth/enrol-totp.server";
import { hasRecentMfa, requireRecentMfa, requireUser } from "~/modules/auth/guards.server";
import { getEnv } from "~/utils/env.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, LOCALES, translate, type LocalizedMessage, type MessageKey, labelKey } from "~/utils/i18n";
import { messageForIssue } from "~/utils/validation-messages";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "auth.accountTitle")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const account = await runUseCase(() => getAccountOverview(actor));
  return { account, recentMfa: hasRecentMfa(actor), stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES };
}

interface ActionResult {
  intent: "changePassword" | "regenerateCodes" | "setLocale" | null;
  ok: boolean;
  message?: MessageKey;
  fieldErrors?: Record<string, LocalizedMessage>;
  recoveryCodes?: string[];
  /** Changes on each success so the password form starts empty again. */
  nonce?: number;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const form = await readFormData(request);
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  switch (field("intent")) {
    case "changePassword": {
      const current = field("currentPassword");
      const next = field("newPassword");
      const errors: Record<string, LocalizedMessage> = {};
      if (!current || current.length > CURRENT_PASSWORD_MAX_CHARS) errors.currentPassword = { key: "auth.wrongCurrentPassword" };
      const policy = newPasswordSchema.safeParse(next);
      if (!policy.success) errors.newPassword = policy.error.issues[0] ? messageForIssue(policy.error.issues[0]) : { key: "auth.passwordTooShort" };
      else if (next !== field("confirmPassword")) errors.confirmPassword = { key: "auth.passwordsDoNotMatch" };
      if (Object.keys(errors).length > 0) {
        return data<ActionResult>({ intent: "changePassword", ok: false, fieldErrors: errors }, { status: 400 });
      }
      const outcome = await runUseCase(() => changePassword(actor, current, next));
      if (!outcome.ok) {
        return data<ActionResult>(
          {
            intent: "changePassword",
            ok: false,
            fieldErrors: { currentPassword: { key: outcome.error === "rateLimited" ? "auth.passwordChangeRateLimited" : "auth.wrongCurrentPassword" } },
          },
          { status: outcome.error === "rateLimited" ? 429 : 400 },
        );
      }
      return data<ActionResult>({ intent: "changePassword", ok: true, message: "auth.passwordChanged", nonce: Date.now() });
    }
    case "regenerateCodes": {
      requireRecentMfa(request, actor);
      const account = await runUseCase(() => getAccountOverview(actor));
      if (!account.totpEnabledAt) {
        return data<ActionResult>({ intent: "regenerateCodes", ok: false, message: "auth.recoveryCodesNeedMfa" }, { status: 409 });
      }
      const recoveryCodes = await regenerateRecoveryCodes(actor);
      return data<ActionResult>({ intent: "regenerateCodes", ok: true, recoveryCodes });
    }
    case "setLocale": {
      const locale = field("locale");
      if (!isLocale(locale)) {
        return data<ActionResult>({ intent: "setLocale", ok: false, fieldErrors: { locale: { key: "auth.languageInvalid" } } }, { status: 400 });
      }
      await setUserLocale(actor, locale);
      return redirect("/account?saved=language", { headers: { "Set-Cookie": await languageCookie().serialize(locale) } });
    }
    default:
      return data<ActionResult>({ intent: null, ok: false, message: "auth.unknownAction" }, { status: 400 });
  }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

export default function AccountPage() {
  const { account, recentMfa, stepUpMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, tm, date, locale } = useT();
  const passwordErrors = actionData?.intent === "changePassword" ? (actionData.fieldErrors ?? {}) : {};
  const [searchParams] = useSearchParams();
  const savedLanguage = searchParams.get("saved") === "language";

  return (
    <div className="space-y-6">
      <PageHeader title={t("auth.accountTitle")} />

      <Card title={t("auth.profileHeading")}>
        <dl className="divide-y divide-slate-100">
          <Row label={t("auth.yourName")}>{account.name}</Row>
          <Row label={t("auth.email")}>{account.email}</Row>
          <Row label={t("auth.organization")}>{account.organizationName}</Row>
          <Row label={t("auth.role")}>{t(labelKey("common.role", account.role) ?? "common.unknownValue")}</Row>
        </dl>
      </Card>

      <Card title={t("auth.changePassword")}>
        {actionData?.intent === "changePassword" && actionData.ok && actionData.message ? (
          <div className="mb-3">
            <Alert tone="success">{t(actionData.message)}</Alert>
          </div>
        ) : null}
        <Form method="post" className="max-w-md space-y-4" key={actionData?.intent === "changePassword" && actionData.nonce ? actionData.nonce : "form"} noValidate>
          <input type="hidden" name="intent" value="changePassword" />
          <input type="hidden" name="username" value={account.email} autoComplete="username" />
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

      <Card title={t("auth.twoFactor")}>
        {account.totpEnabledAt ? (
          <div className="space-y-3 text-sm">
            <p data-testid="mfa-status">{t("auth.twoFactorOn", { date: date(account.totpEnabledAt) })}</p>
            <p data-testid="recovery-codes-left">{t("auth.recoveryCodesLeft", { count: account.unusedRecoveryCodes })}</p>
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
                <Link className="font-medium text-brand-700 underline" to={`/auth/step-up?redirectTo=${encodeURIComponent("/account")}`}>
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
            <Link to="/mfa/setup" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("auth.setUpTwoFactor")}
            </Link>
          </div>
        )}
      </Card>

      <Card title={t("auth.languagePreference")}>
        {savedLanguage ? (
          <div className="mb-3">
            <Alert tone="success">{t("auth.languageSaved")}</Alert>
          </div>
        ) : null}
        <Form method="post" className="flex max-w-md items-end gap-3">
          <input type="hidden" name="intent" value="setLocale" />
          <div className="flex-1">
            <SelectField
              label={t("common.language")}
              name="locale"
              defaultValue={account.locale && isLocale(account.locale) ? account.locale : locale}
              options={LOCALES.map((l) => ({ value: l, label: l === "de" ? t("common.german") : t("common.english") }))}
              error={actionData?.intent === "setLocale" && actionData.fieldErrors?.locale ? tm(actionData.fieldErrors.locale) : null}
            />
          </div>
          <Button type="submit" disabled={busy}>
            {t("common.save")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
