import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { acceptInvitation } from "~/modules/admin/accept-invitation.server";
import { PASSWORD_MIN_LENGTH_CLIENT } from "~/modules/admin/password-limits";
import { signUpByInvitation } from "~/modules/admin/sign-up-by-invitation.server";
import { viewInvitation, type InvitationPage } from "~/modules/admin/view-invitation.server";
import { visitorFrom } from "~/modules/admin/visitor";
import { getUserActor } from "~/modules/auth/guards.server";
import { DomainError, statusForCode } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";
import { PASSWORD_MAX_LENGTH } from "~/modules/auth/password.server";
import { isLocale, translate, type LocalizedMessage, type MessageKey, labelKey } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";

/**
 * The invitation page (issue 11, item 7). Signed out, everybody sees the same page: "sign in to
 * accept" and "create your account". It never takes an existing account's password: an existing
 * account signs in normally, comes back here and joins. Creating an account answers "sign in to
 * continue" whether or not the address already had one.
 */
export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "admin.acceptPageTitle")} · Vetted` }];
};

type LoaderResult =
  | (InvitationPage & { signInPath: string; signedInAs: string | null })
  | { state: "unusable"; reason: MessageKey };

/** Sign in, then come back to this invitation (a fixed path of ours; the login checks it again). */
function signInPathFor(token: string): string {
  return `/login?redirectTo=${encodeURIComponent(`/accept-invitation/${token}`)}&invitation=1`;
}

/** A link that does not work is a page with a reason and a 404/410 status, never an error. */
function unusable(error: unknown) {
  if (error instanceof DomainError && (error.code === "NOT_FOUND" || error.code === "GONE")) {
    return data<LoaderResult>({ state: "unusable", reason: error.key }, { status: statusForCode(error.code) });
  }
  throw error;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  try {
    const actor = await getUserActor(request, context);
    // Reading changes nothing: mail scanners that open the link cannot use it up.
    const page = await viewInvitation(visitorFrom(clientIp(context)), { token }, actor ? { userId: actor.userId, email: actor.email } : null);
    return data<LoaderResult>({ ...page, signInPath: signInPathFor(token), signedInAs: actor?.email ?? null });
  } catch (error) {
    return unusable(error);
  }
}

interface ActionResult {
  message?: MessageKey;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, LocalizedMessage>;
  name?: string;
  unusable?: MessageKey;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await readFormData(request);
  const field = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : undefined);
  const actor = await getUserActor(request, context);
  try {
    if (field("intent") === "join") {
      if (!actor) return redirect(signInPathFor(token), 303);
      await acceptInvitation(actor, { token });
      return redirect("/", 303);
    }
    // "Create your account" is for visitors who are not signed in; a signed-in one sees the page again.
    if (actor) return redirect(`/accept-invitation/${encodeURIComponent(token)}`, 303);
    const name = field("name")?.slice(0, 400);
    const password = field("password") ?? "";
    if (password.length > 1024) return data<ActionResult>({ fieldErrors: { password: { key: "auth.passwordTooLong", params: { max: PASSWORD_MAX_LENGTH } } }, name }, { status: 400 });
    const outcome = await signUpByInvitation(visitorFrom(clientIp(context)), { token, name, password, locale: await resolveLocale(request) });
    if (outcome.kind === "rate_limited") {
      return data<ActionResult>(
        { message: "auth.rateLimited", params: { minutes: Math.ceil(outcome.retryAfterSeconds / 60) }, name },
        { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
      );
    }
    return redirect(signInPathFor(token), 303);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "NOT_FOUND" || error.code === "GONE") {
      return data<ActionResult>({ unusable: error.key }, { status: statusForCode(error.code) });
    }
    if (error.code === "RATE_LIMITED") {
      const seconds = Number(error.details?.retryAfterSeconds ?? 60);
      return data<ActionResult>({ message: "auth.rateLimited", params: { minutes: Math.ceil(seconds / 60) } }, { status: 429, headers: { "Retry-After": String(seconds) } });
    }
    const fields = (error.details?.fields ?? {}) as Record<string, LocalizedMessage>;
    return data<ActionResult>({ message: error.key, params: error.params, fieldErrors: fields, name: field("name")?.slice(0, 400) }, { status: statusForCode(error.code) });
  }
}

function UnusableInvitation({ reason }: { reason: MessageKey }) {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 text-2xl font-semibold">{t("admin.acceptUnusableTitle")}</h1>
        <Alert tone="error">{t(reason)}</Alert>
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
  const { t, tm, date } = useT();

  if (loaderData.state === "unusable") return <UnusableInvitation reason={loaderData.reason} />;
  if (actionData?.unusable) return <UnusableInvitation reason={actionData.unusable} />;
  if (loaderData.state === "joined") {
    return (
      <div className="mx-auto max-w-md">
        <Card>
          <h1 className="mb-3 text-2xl font-semibold">{t("admin.acceptJoinedTitle", { organization: loaderData.organizationName })}</h1>
          <Link to="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
            {t("auth.continue")}
          </Link>
        </Card>
      </div>
    );
  }
  const { invitation, viewer, signInPath, signedInAs } = loaderData;
  const errors = actionData?.fieldErrors ?? {};
  const role = t(labelKey("common.role", invitation.role) ?? "common.unknownValue");
  const busy = navigation.state === "submitting";

  return (
    <div className="mx-auto max-w-md space-y-4">
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">{t("auth.acceptInvitationTitle", { organization: invitation.organizationName })}</h1>
        <p className="mb-1 text-sm text-slate-700">{t("admin.acceptInvitedAs", { role, email: invitation.email })}</p>
        <p className="mb-4 text-xs text-slate-600">{t("admin.acceptValidUntil", { date: date(invitation.expiresAt, true) })}</p>
        {actionData?.message ? (
          <div className="mb-3">
            <Alert tone="error">{t(actionData.message, actionData.params)}</Alert>
          </div>
        ) : null}
        {viewer === "invitee" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <p className="mb-3 text-sm text-slate-700">{t("admin.acceptJoinBody", { email: signedInAs ?? invitation.email, organization: invitation.organizationName, role })}</p>
            <Button type="submit" className="w-full" disabled={busy}>
              {t("admin.acceptJoin")}
            </Button>
          </Form>
        ) : viewer === "other_account" ? (
          <>
            <Alert tone="warning">{t("admin.acceptOtherAccount", { email: signedInAs ?? "" })}</Alert>
            <Form method="post" action="/logout" className="mt-3">
              <Button type="submit" variant="secondary">
                {t("admin.acceptSignOut")}
              </Button>
            </Form>
          </>
        ) : (
          <>
            <h2 className="mb-1 text-lg font-semibold">{t("admin.acceptHaveAccount")}</h2>
            <p className="mb-3 text-sm text-slate-700">{t("admin.acceptHaveAccountBody")}</p>
            <Link to={signInPath} className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
              {t("admin.acceptSignIn")}
            </Link>
          </>
        )}
      </Card>
      {viewer === "anonymous" ? (
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
              defaultValue={actionData?.name ?? invitation.name}
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
      ) : null}
    </div>
  );
}
