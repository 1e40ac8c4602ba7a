import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { sessionCookie } from "~/modules/auth/cookies.server";
import { readLoginDevices, rememberLoginDevice } from "~/modules/auth/login-devices.server";
import { keepChosenLocale } from "~/modules/auth/keep-chosen-locale.server";
import { clearPendingLogin, readPendingLogin } from "~/modules/auth/pending-login.server";
import { completeLoginWithSecondFactor } from "~/modules/auth/verify-second-factor.server";
import { signInLanguageCookie } from "~/utils/locale.server";
import { clientIp } from "~/utils/request-context.server";
import { safeRedirectPath } from "~/utils/safe-redirect.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "auth.secondFactorTitle"),
];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await readPendingLogin(request))) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await readPendingLogin(request);
  if (!pending) return data({ error: "loginExpired" as const }, { status: 400 });
  const form = await readFormData(request);
  const code = String(form.get("code") ?? "").slice(0, 64);
  const result = await completeLoginWithSecondFactor({
    userId: pending.userId,
    organizationId: pending.organizationId,
    code,
    ip: clientIp(context),
    userAgent: request.headers.get("User-Agent"),
  });
  if (result.kind === "rate_limited") {
    return data(
      { error: "rateLimited" as const, minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429 },
    );
  }
  if (result.kind !== "ok" || !result.token)
    return data({ error: "invalidCode" as const }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize(result.token));
  headers.append("Set-Cookie", await clearPendingLogin());
  // This browser becomes a known device of the account (its own sign-in limit).
  headers.append(
    "Set-Cookie",
    await rememberLoginDevice(await readLoginDevices(request), pending.userId),
  );
  const language = await signInLanguageCookie(request, (chosen) =>
    keepChosenLocale({ userId: pending.userId, chosen }),
  );
  if (language) headers.append("Set-Cookie", language);
  return redirect(safeRedirectPath(pending.redirectTo, "/"), { headers });
}

export default function VerifyLoginPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">{t("auth.secondFactorTitle")}</h1>
        <p className="mb-4 text-sm text-slate-700">{t("auth.secondFactorBody")}</p>
        {actionData?.error === "invalidCode" ? (
          <Alert tone="error">{t("auth.invalidCode")}</Alert>
        ) : null}
        {actionData?.error === "loginExpired" ? (
          <Alert tone="error">{t("auth.loginExpired")}</Alert>
        ) : null}
        {actionData?.error === "rateLimited" ? (
          <Alert tone="error">
            {t("auth.rateLimited", { minutes: "minutes" in actionData ? actionData.minutes : 5 })}
          </Alert>
        ) : null}
        <Form method="post" className="mt-4 space-y-4">
          <TextField
            label={t("auth.code")}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
          />
          <Button type="submit" className="w-full">
            {t("auth.verify")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
