import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type { InvitationActionData } from "~/modules/admin/invitation-page.server";
import type { InvitationView } from "~/modules/admin/view-invitation.server";
import { useT } from "~/utils/use-t";

/**
 * Who invites whom into which role, and what this visitor can do: join (the invitee, signed in),
 * sign out (another account) or sign in (not signed in).
 */
export function InvitationCard({
  invitation,
  viewer,
  signInPath,
  signedInAs,
  role,
  actionData,
  busy,
}: {
  invitation: Pick<InvitationView, "organizationName" | "email" | "expiresAt">;
  viewer: "invitee" | "other_account" | "anonymous";
  signInPath: string;
  signedInAs: string | null;
  role: string;
  actionData: InvitationActionData | undefined;
  busy: boolean;
}) {
  const { t, date } = useT();
  return (
    <Card>
      <h1 className="mb-2 text-2xl font-semibold">
        {t("auth.acceptInvitationTitle", { organization: invitation.organizationName })}
      </h1>
      <p className="mb-1 text-sm text-slate-700">
        {t("admin.acceptInvitedAs", { role, email: invitation.email })}
      </p>
      <p className="mb-4 text-xs text-slate-600">
        {t("admin.acceptValidUntil", { date: date(invitation.expiresAt, true) })}
      </p>
      {actionData?.message ? (
        <div className="mb-3">
          <Alert tone="error">{t(actionData.message, actionData.params)}</Alert>
        </div>
      ) : null}
      {viewer === "invitee" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="join" />
          <p className="mb-3 text-sm text-slate-700">
            {t("admin.acceptJoinBody", {
              email: signedInAs ?? invitation.email,
              organization: invitation.organizationName,
              role,
            })}
          </p>
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
          <Link
            to={signInPath}
            className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
          >
            {t("admin.acceptSignIn")}
          </Link>
        </>
      )}
    </Card>
  );
}
