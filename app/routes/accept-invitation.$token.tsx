import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { acceptInvitation } from "~/modules/admin/accept-invitation.server";
import { PASSWORD_MIN_LENGTH_CLIENT } from "~/modules/admin/password-limits";
import { viewInvitation, type InvitationView } from "~/modules/admin/view-invitation.server";
import { visitorFrom } from "~/modules/admin/visitor";
import { DomainError, statusForCode } from "~/utils/errors";
import { isLocale, translate, type MessageKey } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "admin.acceptPageTitle")} · Vetted` }];
};

type LoaderResult = { state: "open"; invitation: InvitationView } | { state: "unusable"; reason: string };

/** A link that does not work is a page with a reason and a 404/410 status, never an error. */
function unusable(error: unknown) {
  if (error instanceof DomainError && (error.code === "NOT_FOUND" || error.code === "GONE")) {
    return data<LoaderResult>({ state: "unusable", reason: error.message }, { status: statusForCode(error.code) });
  }
  throw error;
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  try {
    // Reading changes nothing: mail scanners that open the link cannot use it up.
    const invitation = await viewInvitation(visitorFrom(clientIp(context)), { token: params.token ?? "" });
    return data<LoaderResult>({ state: "open", invitation });
  } catch (error) {
    return unusable(error);
  }
}

interface ActionResult {
  message?: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string>;
  name?: string;
  unusable?: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const name = typeof form.get("name") === "string" ? String(form.get("name")).slice(0, 400) : undefined;
  const password = typeof form.get("password") === "string" ? String(form.get("password")) : "";
  if (password.length > 1024) {
    return data<ActionResult>({ fieldErrors: { password: "auth.passwordTooLong" }, name }, { status: 400 });
  }
  try {
    const outcome = await acceptInvitation(visitorFrom(clientIp(context)), {
      token: params.token ?? "",
      name,
      password,
      locale: await resolveLocale(request),
    });
    switch (outcome.kind) {
      case "rate_limited":
        return data<ActionResult>(
          { message: "auth.rateLimited", params: { minutes: Math.ceil(outcome.retryAfterSeconds / 60) }, name },
          { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
        );
      case "wrong_password":
        return data<ActionResult>({ fieldErrors: { password: "admin.acceptWrongPassword" } }, { status: 400 });
      case "joined":
        return redirect("/login?joined=1");
    }
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND" || error.code === "GONE") {
        return data<ActionResult>({ unusable: error.message }, { status: statusForCode(error.code) });
      }
      const fields = (error.details?.fields ?? {}) as Record<string, string>;
      return data<ActionResult>({ message: error.message, fieldErrors: fields, name }, { status: statusForCode(error.code) });
    }
    throw error;
  }
}

function UnusableInvitation({ reason }: { reason: string }) {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 text-2xl font-semibold">{t("admin.acceptUnusableTitle")}</h1>
        <Alert tone="error">{t(reason as MessageKey)}</Alert>
        <p className="mt-3 text-sm text-slate-700">{t("admin.acceptUnusableHelp")}</p>
        <p className="mt-4">
          <Link to="/login" className="text-brand-700 underline">
            {t("auth.signIn")}
          </Link>
        </p>
      </Card>
    </div>
  );
}

export default function AcceptInvitationPage() {
  const loaderData = useLoaderData<typeof loader>() as LoaderResult;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t, date } = useT();
  const tk = (key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);

  if (loaderData.state === "unusable") return <UnusableInvitation reason={loaderData.reason} />;
  if (actionData?.unusable) return <UnusableInvitation reason={actionData.unusable} />;
  const { invitation } = loaderData;
  const errors = actionData?.fieldErrors ?? {};
  const role = t(`common.role${invitation.role}` as MessageKey);

  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">{t("auth.acceptInvitationTitle", { organization: invitation.organizationName })}</h1>
        <p className="mb-1 text-sm text-slate-700">
          {invitation.existingAccount ? t("admin.acceptExistingBody", { role }) : t("auth.acceptInvitationBody", { role })}
        </p>
        <p className="mb-4 text-xs text-slate-600">{t("admin.acceptValidUntil", { date: date(invitation.expiresAt, true) })}</p>
        {actionData?.message ? (
          <div className="mb-3">
            <Alert tone="error">{tk(actionData.message, actionData.params)}</Alert>
          </div>
        ) : null}
        {invitation.existingAccount ? (
          <div className="mb-3">
            <Alert tone="info">{t("auth.existingAccountPassword")}</Alert>
          </div>
        ) : null}
        <Form method="post" className="space-y-4" noValidate>
          <TextField label={t("auth.email")} name="email-display" type="email" value={invitation.email} readOnly autoComplete="username" />
          {invitation.existingAccount ? null : (
            <TextField
              label={t("auth.yourName")}
              name="name"
              autoComplete="name"
              required
              maxLength={200}
              defaultValue={actionData?.name ?? invitation.name}
              error={errors.name ? tk(errors.name) : null}
            />
          )}
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            required
            autoComplete={invitation.existingAccount ? "current-password" : "new-password"}
            minLength={invitation.existingAccount ? undefined : PASSWORD_MIN_LENGTH_CLIENT}
            hint={invitation.existingAccount ? undefined : t("admin.acceptPasswordHint", { min: PASSWORD_MIN_LENGTH_CLIENT })}
            error={errors.password ? tk(errors.password) : null}
          />
          <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
            {invitation.existingAccount ? t("admin.acceptJoin") : t("auth.createAccount")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
