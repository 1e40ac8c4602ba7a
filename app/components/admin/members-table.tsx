import { Form } from "@remix-run/react";
import { ConfirmSubmitButton } from "~/components/ui/confirm-dialog";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { AdminBadge } from "./admin-badge";
import type { MembersOverview } from "./member-view";

/** The organisation's members with role, MFA, status, last sign-in, and per row change role / (de)activate. */
export function MembersTable({
  members,
  roleOptions,
  busy,
}: {
  members: MembersOverview["members"];
  roleOptions: { value: string; label: string }[];
  busy: boolean;
}) {
  const { t, date } = useT();
  const heading = t("admin.membersHeading", { count: members.length });
  return (
    <Card title={heading}>
      <ScrollRegion label={heading}>
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{heading}</caption>
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t("admin.colName")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("admin.colEmail")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("admin.colRole")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("admin.colMfa")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("admin.colStatus")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("admin.colLastSignIn")}
              </th>
              <th scope="col" className="py-2">
                {t("common.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr
                key={member.membershipId}
                className="border-b border-slate-100 align-top"
                data-testid={`member-${member.email}`}
              >
                <td className="py-2 pr-3 font-medium">
                  {member.name}
                  {member.isSelf ? (
                    <span className="ml-1 text-xs text-slate-500">({t("admin.you")})</span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">{member.email}</td>
                <td className="py-2 pr-3">
                  {t(labelKey("common.role", member.role) ?? "common.unknownValue")}
                </td>
                <td className="py-2 pr-3">
                  {member.mfaEnabled ? (
                    <AdminBadge tone="green">{t("admin.mfaOn")}</AdminBadge>
                  ) : (
                    <AdminBadge tone="amber">{t("admin.mfaOff")}</AdminBadge>
                  )}
                </td>
                <td className="py-2 pr-3">
                  {member.status === "active" ? (
                    <AdminBadge tone="green">{t("admin.statusActive")}</AdminBadge>
                  ) : (
                    <AdminBadge tone="slate">{t("admin.statusDeactivated")}</AdminBadge>
                  )}
                </td>
                <td className="py-2 pr-3">
                  {member.lastSignInAt ? date(member.lastSignInAt, true) : t("admin.never")}
                </td>
                <td className="py-2">
                  {member.isSelf ? (
                    <span className="text-xs text-slate-500">{t("admin.selfNoActions")}</span>
                  ) : (
                    <MemberActions member={member} roleOptions={roleOptions} busy={busy} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Card>
  );
}

function MemberActions({
  member,
  roleOptions,
  busy,
}: {
  member: MembersOverview["members"][number];
  roleOptions: { value: string; label: string }[];
  busy: boolean;
}) {
  const { t } = useT();
  return (
    <div className="flex flex-wrap items-end gap-2">
      {member.status === "active" ? (
        <>
          <Form method="post" className="flex items-end gap-2">
            <input type="hidden" name="intent" value="changeRole" />
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
              {t("admin.newRoleFor", { name: member.name })}
            </label>
            <select
              id={`role-${member.membershipId}`}
              name="role"
              defaultValue={member.role}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {roleOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={busy}>
              {t("admin.changeRole")}
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="deactivate" />
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <ConfirmSubmitButton
              className="px-3 py-1.5"
              disabled={busy}
              aria-label={t("admin.deactivateNamed", { name: member.name })}
              title={t("admin.deactivateNamed", { name: member.name })}
              body={t("admin.deactivateConfirmBody")}
              confirmLabel={t("admin.deactivate")}
            >
              {t("admin.deactivate")}
            </ConfirmSubmitButton>
          </Form>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="reactivate" />
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <Button
            type="submit"
            variant="secondary"
            className="px-3 py-1.5"
            disabled={busy}
            aria-label={t("admin.reactivateNamed", { name: member.name })}
          >
            {t("admin.reactivate")}
          </Button>
        </Form>
      )}
    </div>
  );
}
