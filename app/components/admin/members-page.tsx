import { Link, useNavigation } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import { ROLES } from "~/modules/auth/actor";
import type { MemberAdminActionData } from "~/modules/admin/run-member-admin-action.server";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { InvitationsTable } from "./invitations-table";
import { InviteUserForm } from "./invite-user-form";
import type { MembersOverview } from "./member-view";
import { MembersTable } from "./members-table";

export interface MembersPageProps {
  overview: MembersOverview;
  /** Whether the admin's second factor is recent enough for changes to members. */
  recentMfa: boolean;
  stepUpMinutes: number;
  /** The member list's filter from the address (?mfa=missing) and whether a value was ignored. */
  filter?: { mfaMissing: boolean; ignored: boolean };
  actionData: MemberAdminActionData | undefined;
}

/** /admin/users: members, invitations and the invite form; a message for the last change. */
export function MembersPage({
  overview,
  recentMfa,
  stepUpMinutes,
  filter,
  actionData,
}: MembersPageProps) {
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  const roleOptions = ROLES.map((role) => ({
    value: role,
    label: t(labelKey("common.role", role) ?? "common.unknownValue"),
  }));
  const pageMessage = actionData && actionData.intent !== "invite" ? actionData : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.usersTitle")}>{t("admin.usersIntro")}</PageHeader>

      {pageMessage ? (
        <Alert tone={pageMessage.ok ? "success" : "error"}>
          {t(pageMessage.message, pageMessage.params)}
        </Alert>
      ) : null}

      {!recentMfa ? (
        <Alert tone="info">
          {t("admin.stepUpHint", { minutes: stepUpMinutes })}{" "}
          <Link
            className="font-medium underline"
            to={`/auth/step-up?redirectTo=${encodeURIComponent("/admin/users")}`}
          >
            {t("admin.stepUpNow")}
          </Link>
        </Alert>
      ) : null}

      {filter?.mfaMissing ? (
        <Alert tone="info">
          {t("admin.filterMfaMissing")}{" "}
          <Link className="font-medium underline" to="/admin/users">
            {t("admin.filterShowAll")}
          </Link>
        </Alert>
      ) : null}
      {filter?.ignored ? <Alert tone="warning">{t("admin.filterIgnored")}</Alert> : null}

      <MembersTable members={overview.members} roleOptions={roleOptions} busy={busy} />
      {/* The home page's "pending invitations" count links here. */}
      <div id="invitations">
        <InvitationsTable invitations={overview.invitations} busy={busy} />
      </div>
      <InviteUserForm actionData={actionData} roleOptions={roleOptions} busy={busy} />
    </div>
  );
}
