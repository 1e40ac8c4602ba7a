import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { changeMemberRoleSchema, inviteUserSchema, invitationRefSchema, memberRefSchema } from "~/modules/admin/admin-schemas";
import { changeMemberRole } from "~/modules/admin/change-member-role.server";
import { deactivateMember } from "~/modules/admin/deactivate-member.server";
import { inviteUser } from "~/modules/admin/invite-user.server";
import { listMembers } from "~/modules/admin/list-members.server";
import { reactivateMember } from "~/modules/admin/reactivate-member.server";
import { revokeInvitation } from "~/modules/admin/revoke-invitation.server";
import { ROLES } from "~/modules/auth/actor";
import { accessChangeNeedsStepUp } from "~/modules/admin/admin-access.server";
import { hasRecentMfa, requirePermission, requireRecentMfa } from "~/modules/auth/guards.server";
import { getEnv } from "~/utils/env.server";
import { DomainError, statusForCode } from "~/utils/errors";
import { fieldErrors, notFoundResponse, runUseCase } from "~/utils/http.server";
import { isLocale, LOCALES, translate, type LocalizedMessage, type MessageKey, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "admin.usersTitle")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "member:manage");
  const overview = await runUseCase(() => listMembers(actor));
  return {
    ...overview,
    recentMfa: hasRecentMfa(actor),
    stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES,
  };
}

type Intent = "invite" | "revoke" | "changeRole" | "deactivate" | "reactivate";

/** What every submission returns: a message key for the page, field errors, what was typed. */
interface ActionResult {
  intent: Intent | null;
  ok: boolean;
  message: MessageKey;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, LocalizedMessage>;
  values?: Record<string, string>;
  /** The membership or invitation the message is about (shown beside its row). */
  subjectId?: string;
  /** Changes on each success so the invite form starts empty again. */
  nonce?: number;
}

function result(body: ActionResult, status = 200) {
  return data(body, { status });
}

const INTENTS: readonly Intent[] = ["invite", "revoke", "changeRole", "deactivate", "reactivate"];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "member:manage");
  const form = await readFormData(request);
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = INTENTS.find((i) => i === field("intent")) ?? null;
  if (!intent) return result({ intent: null, ok: false, message: "admin.errorUnknownAction" }, 400);

  // Changes to existing members need a fresh second factor: redirect to step-up. Invitations
  // into a privileged role need one too; their use case refuses, and the form keeps what was typed.
  if (intent !== "invite" && intent !== "revoke" && accessChangeNeedsStepUp({ kind: intent })) requireRecentMfa(request, actor);

  const subjectId = field("membershipId") || field("invitationId") || undefined;
  try {
    switch (intent) {
      case "invite": {
        const values = { email: field("email"), name: field("name"), role: field("role"), locale: field("locale") };
        const parsed = inviteUserSchema.safeParse(values);
        if (!parsed.success) {
          return result({ intent, ok: false, message: "admin.errorInvalidInput", fieldErrors: fieldErrors(parsed.error.issues), values }, 400);
        }
        try {
          const invited = await inviteUser(actor, parsed.data);
          return result({
            intent,
            ok: true,
            message: invited.mailSent ? "admin.invitationSent" : "admin.invitationMailFailed",
            params: { email: invited.email },
            nonce: Date.now(),
          });
        } catch (error) {
          if (error instanceof DomainError && error.code === "CONFLICT") {
            return result({ intent, ok: false, message: error.key, params: error.params, fieldErrors: { email: error.userMessage }, values }, 409);
          }
          if (error instanceof DomainError && error.code === "FORBIDDEN") {
            return result({ intent, ok: false, message: error.key, params: error.params, values }, 403);
          }
          throw error;
        }
      }
      case "revoke": {
        const parsed = invitationRefSchema.safeParse({ invitationId: field("invitationId") });
        if (!parsed.success) throw notFoundResponse();
        await revokeInvitation(actor, parsed.data);
        return result({ intent, ok: true, message: "admin.invitationRevokedDone", subjectId });
      }
      case "changeRole": {
        const parsed = changeMemberRoleSchema.safeParse({ membershipId: field("membershipId"), role: field("role") });
        if (!parsed.success) return result({ intent, ok: false, message: "admin.errorRoleInvalid", subjectId }, 400);
        const changed = await changeMemberRole(actor, parsed.data);
        return result({ intent, ok: true, message: changed.changed ? "admin.roleChanged" : "admin.roleUnchanged", subjectId });
      }
      case "deactivate": {
        const parsed = memberRefSchema.safeParse({ membershipId: field("membershipId") });
        if (!parsed.success) throw notFoundResponse();
        const done = await deactivateMember(actor, parsed.data);
        return result({ intent, ok: true, message: "admin.memberDeactivated", params: { count: done.revokedSessions }, subjectId });
      }
      case "reactivate": {
        const parsed = memberRefSchema.safeParse({ membershipId: field("membershipId") });
        if (!parsed.success) throw notFoundResponse();
        await reactivateMember(actor, parsed.data);
        return result({ intent, ok: true, message: "admin.memberReactivated", subjectId });
      }
    }
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND") throw notFoundResponse();
      return result({ intent, ok: false, message: error.key, params: error.params, subjectId }, statusForCode(error.code));
    }
    throw error;
  }
}

function StatusBadge({ tone, children }: { tone: "green" | "slate" | "amber" | "red"; children: ReactNode }) {
  const tones = {
    green: "bg-green-100 text-green-900",
    slate: "bg-slate-100 text-slate-800",
    amber: "bg-amber-100 text-amber-900",
    red: "bg-red-100 text-red-900",
  } as const;
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

export default function AdminUsersPage() {
  const { members, invitations, recentMfa, stepUpMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, tm, date, locale } = useT();
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(labelKey("common.role", role) ?? "common.unknownValue") }));
  const inviteValues = actionData?.intent === "invite" && !actionData.ok ? actionData.values : undefined;
  const inviteErrors = actionData?.intent === "invite" ? actionData.fieldErrors : undefined;
  const pageMessage = actionData && actionData.intent !== "invite" ? actionData : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.usersTitle")}>{t("admin.usersIntro")}</PageHeader>

      {pageMessage ? (
        <Alert tone={pageMessage.ok ? "success" : "error"}>{t(pageMessage.message, pageMessage.params)}</Alert>
      ) : null}

      {!recentMfa ? (
        <Alert tone="info">
          {t("admin.stepUpHint", { minutes: stepUpMinutes })}{" "}
          <Link className="font-medium underline" to={`/auth/step-up?redirectTo=${encodeURIComponent("/admin/users")}`}>
            {t("admin.stepUpNow")}
          </Link>
        </Alert>
      ) : null}

      <Card title={t("admin.membersHeading", { count: members.length })}>
        <ScrollRegion label={t("admin.membersHeading", { count: members.length })}>
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("admin.membersHeading", { count: members.length })}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("admin.colName")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.colEmail")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.colRole")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.colMfa")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.colStatus")}</th>
                <th scope="col" className="py-2 pr-3">{t("admin.colLastSignIn")}</th>
                <th scope="col" className="py-2">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.membershipId} className="border-b border-slate-100 align-top" data-testid={`member-${member.email}`}>
                  <td className="py-2 pr-3 font-medium">
                    {member.name}
                    {member.isSelf ? <span className="ml-1 text-xs text-slate-500">({t("admin.you")})</span> : null}
                  </td>
                  <td className="py-2 pr-3">{member.email}</td>
                  <td className="py-2 pr-3">{t(labelKey("common.role", member.role) ?? "common.unknownValue")}</td>
                  <td className="py-2 pr-3">
                    {member.mfaEnabled ? <StatusBadge tone="green">{t("admin.mfaOn")}</StatusBadge> : <StatusBadge tone="amber">{t("admin.mfaOff")}</StatusBadge>}
                  </td>
                  <td className="py-2 pr-3">
                    {member.status === "active" ? (
                      <StatusBadge tone="green">{t("admin.statusActive")}</StatusBadge>
                    ) : (
                      <StatusBadge tone="slate">{t("admin.statusDeactivated")}</StatusBadge>
                    )}
                  </td>
                  <td className="py-2 pr-3">{member.lastSignInAt ? date(member.lastSignInAt, true) : t("admin.never")}</td>
                  <td className="py-2">
                    {member.isSelf ? (
                      <span className="text-xs text-slate-500">{t("admin.selfNoActions")}</span>
                    ) : (
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
                              <Button type="submit" variant="danger" className="px-3 py-1.5" disabled={busy} aria-label={t("admin.deactivateNamed", { name: member.name })}>
                                {t("admin.deactivate")}
                              </Button>
                            </Form>
                          </>
                        ) : (
                          <Form method="post">
                            <input type="hidden" name="intent" value="reactivate" />
                            <input type="hidden" name="membershipId" value={member.membershipId} />
                            <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={busy} aria-label={t("admin.reactivateNamed", { name: member.name })}>
                              {t("admin.reactivate")}
                            </Button>
                          </Form>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>

      <Card title={t("admin.invitationsHeading")}>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">{t("admin.noInvitations")}</p>
        ) : (
          <ScrollRegion label={t("admin.invitationsHeading")}>
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("admin.invitationsHeading")}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("admin.colEmail")}</th>
                  <th scope="col" className="py-2 pr-3">{t("admin.colName")}</th>
                  <th scope="col" className="py-2 pr-3">{t("admin.colRole")}</th>
                  <th scope="col" className="py-2 pr-3">{t("admin.colInvitedAt")}</th>
                  <th scope="col" className="py-2 pr-3">{t("admin.colExpiresAt")}</th>
                  <th scope="col" className="py-2 pr-3">{t("admin.colStatus")}</th>
                  <th scope="col" className="py-2">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.invitationId} className="border-b border-slate-100">
                    <td className="py-2 pr-3">{invitation.email}</td>
                    <td className="py-2 pr-3">{invitation.name}</td>
                    <td className="py-2 pr-3">{t(labelKey("common.role", invitation.role) ?? "common.unknownValue")}</td>
                    <td className="py-2 pr-3">{date(invitation.invitedAt, true)}</td>
                    <td className="py-2 pr-3">{date(invitation.expiresAt, true)}</td>
                    <td className="py-2 pr-3">
                      {invitation.status === "pending" ? (
                        <StatusBadge tone="amber">{t("admin.invitationPending")}</StatusBadge>
                      ) : (
                        <StatusBadge tone="red">{t("admin.invitationExpiredBadge")}</StatusBadge>
                      )}
                    </td>
                    <td className="py-2">
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={invitation.invitationId} />
                        <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={busy} aria-label={t("admin.revokeNamed", { email: invitation.email })}>
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

      <Card title={t("admin.inviteHeading")}>
        {actionData?.intent === "invite" ? (
          <div className="mb-3">
            <Alert tone={actionData.ok ? (actionData.message === "admin.invitationSent" ? "success" : "warning") : "error"}>
              {t(actionData.message, actionData.params)}
            </Alert>
          </div>
        ) : null}
        <Form method="post" className="grid gap-4 sm:grid-cols-2" key={actionData?.nonce ?? "invite"} noValidate>
          <input type="hidden" name="intent" value="invite" />
          <TextField
            label={t("admin.inviteEmail")}
            name="email"
            type="email"
            autoComplete="off"
            required
            maxLength={320}
            defaultValue={inviteValues?.email ?? ""}
            error={inviteErrors?.email ? tm(inviteErrors.email) : null}
          />
          <TextField
            label={t("admin.inviteName")}
            name="name"
            autoComplete="off"
            required
            maxLength={200}
            defaultValue={inviteValues?.name ?? ""}
            error={inviteErrors?.name ? tm(inviteErrors.name) : null}
          />
          <SelectField
            label={t("admin.inviteRole")}
            name="role"
            options={roleOptions}
            defaultValue={inviteValues?.role ?? "ASSESSOR"}
            error={inviteErrors?.role ? tm(inviteErrors.role) : null}
          />
          <SelectField
            label={t("admin.inviteLanguage")}
            hint={t("admin.inviteLanguageHint")}
            name="locale"
            options={LOCALES.map((l) => ({ value: l, label: l === "de" ? t("common.german") : t("common.english") }))}
            defaultValue={inviteValues?.locale || locale}
            error={inviteErrors?.locale ? tm(inviteErrors.locale) : null}
          />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={busy}>
              {t("admin.sendInvitation")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
