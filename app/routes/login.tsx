import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { sessionCookie } from "~/modules/auth/cookies.server";
import { getUserActor } from "~/modules/auth/guards.server";
import { keepChosenLocale } from "~/modules/auth/keep-chosen-locale.server";
import { logIn, logInCredentialsSchema } from "~/modules/auth/log-in.server";
import { readLoginDevices, rememberLoginDevice } from "~/modules/auth/login-devices.server";
import { serializePendingLogin } from "~/modules/auth/pending-login.server";
import { signInLanguageCookie } from "~/utils/locale.server";
import { clientIp } from "~/utils/request-context.server";
import { safeRedirectPath } from "~/utils/safe-redirect.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "auth.signIn")];

// Pass the action's Retry-After (rate limit) through to the document response.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUserActor(request, context)) throw redirect("/");
  return null;
}

const loginSchema = logInCredentialsSchema.extend({ redirectTo: z.string().optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readFormData(request));
  const parsed = loginSchema.safeParse(form);
  const email = typeof form.email === "string" ? form.email.slice(0, 320) : "";
  if (!parsed.success)
    return data({ error: "invalidCredentials" as const, email }, { status: 400 });
  const redirectTo = safeRedirectPath(parsed.data.redirectTo, "/");
  const devices = await readLoginDevices(request);
  const result = await logIn({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientIp(context),
    userAgent: request.headers.get("User-Agent"),
    devices,
  });
  switch (result.kind) {
    case "rate_limited":
      return data(
        { error: "rateLimited" as const, email, minutes: Math.ceil(result.retryAfterSeconds / 60) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "invalid":
      return data({ error: "invalidCredentials" as const, email }, { status: 400 });
    case "second_factor":
      return redirect(`/login/verify`, {
        headers: {
          "Set-Cookie": await serializePendingLogin({
            userId: result.userId,
            organizationId: result.organizationId,
            redirectTo,
          }),
        },
      });
    case "signed_in": {
      const headers = new Headers();
      headers.append("Set-Cookie", await sessionCookie().serialize(result.token));
      // This browser becomes a known device of the account (its own sign-in limit).
      headers.append("Set-Cookie", await rememberLoginDevice(devices, result.userId));
      const language = await signInLanguageCookie(request, (chosen) =>
        keepChosenLocale({ userId: result.userId, chosen }),
      );
      if (language) headers.append("Set-Cookie", language);
      return redirect(redirectTo, { headers });
    }
  }
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-2xl font-semibold">{t("auth.loginTitle")}</h1>
        {params.get("invitation") === "1" && !actionData ? (
          <Alert tone="info">{t("auth.invitationSignInNotice")}</Alert>
        ) : null}
        {actionData?.error === "invalidCredentials" ? (
          <Alert tone="error">{t("auth.invalidCredentials")}</Alert>
        ) : null}
        {actionData?.error === "rateLimited" ? (
          <Alert tone="error">
            {t("auth.rateLimited", { minutes: "minutes" in actionData ? actionData.minutes : 15 })}
          </Alert>
        ) : null}
        <Form method="post" className="mt-4 space-y-4">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <TextField
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email ?? ""}
          />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
            {t("auth.signIn")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
