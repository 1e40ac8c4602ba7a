import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { AdminBadge } from "./admin-badge";
import type { MembersOverview } from "./member-view";

/** Open and expired invitations, each with a Revoke button. */
export function InvitationsTable({
  invitations,
  busy,
}: {
  invitations: MembersOverview["invitations"];
  busy: boolean;
}) {
  const { t, date } = useT();
  return (
    <Card title={t("admin.invitationsHeading")}>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("admin.noInvitations")}</p>
      ) : (
        <ScrollRegion label={t("admin.invitationsHeading")}>
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("admin.invitationsHeading")}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.colEmail")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.colName")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.colRole")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.colInvitedAt")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.colExpiresAt")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.colStatus")}
                </th>
                <th scope="col" className="py-2">
                  {t("common.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.invitationId} className="border-b border-slate-100">
                  <td className="py-2 pr-3">{invitation.email}</td>
                  <td className="py-2 pr-3">{invitation.name}</td>
                  <td className="py-2 pr-3">
                    {t(labelKey("common.role", invitation.role) ?? "common.unknownValue")}
                  </td>
                  <td className="py-2 pr-3">{date(invitation.invitedAt, true)}</td>
                  <td className="py-2 pr-3">{date(invitation.expiresAt, true)}</td>
                  <td className="py-2 pr-3">
                    {invitation.status === "pending" ? (
                      <AdminBadge tone="amber">{t("admin.invitationPending")}</AdminBadge>
                    ) : (
                      <AdminBadge tone="red">{t("admin.invitationExpiredBadge")}</AdminBadge>
                    )}
                  </td>
                  <td className="py-2">
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.invitationId} />
                      <Button
                        type="submit"
                        variant="secondary"
                        className="px-3 py-1.5"
                        disabled={busy}
                        aria-label={t("admin.revokeNamed", { email: invitation.email })}
                      >
                        {t("admin.revoke")}
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
