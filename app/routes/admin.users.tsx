// Members and invitations of the organisation (ADR 0023: guard → parse → use case → view model).
// The forms go through runMemberAdminAction (app/modules/admin); the markup is MembersPage
// (app/components/admin).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MembersPage } from "~/components/admin/members-page";
import { listMembers } from "~/modules/admin/list-members.server";
import { parseMemberMfaFilter } from "~/modules/admin/member-filters";
import {
  memberAdminNeedsStepUp,
  readMemberAdminIntent,
  runMemberAdminAction,
  type MemberAdminActionData,
} from "~/modules/admin/run-member-admin-action.server";
import { hasRecentMfa, requirePermission, requireRecentMfa } from "~/modules/auth/guards.server";
import { getEnv } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, translate } from "~/utils/i18n";
import type { ShellHandle } from "~/components/app-shell";

/** A table page: it uses the full width beside the navigation. */
export const handle: ShellHandle = { layout: "wide" };

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "admin.usersTitle")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "member:manage");
  // ?mfa=missing (the home page's count opens it); anything else is named and ignored.
  const { mfa, ignored } = parseMemberMfaFilter(new URL(request.url).searchParams.get("mfa"));
  const overview = await runUseCase(() => listMembers(actor, { mfa }));
  return {
    ...overview,
    filter: { mfaMissing: mfa === "missing", ignored },
    recentMfa: hasRecentMfa(actor),
    stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "member:manage");
  const form = await readFormData(request);
  const intent = readMemberAdminIntent(form);
  if (!intent)
    return data<MemberAdminActionData>(
      { intent: null, ok: false, message: "admin.errorUnknownAction" },
      { status: 400 },
    );
  // Changes to existing members need a fresh second factor: this redirects to step-up.
  if (memberAdminNeedsStepUp(intent)) requireRecentMfa(request, actor);
  const result = await runMemberAdminAction(actor, { intent, form });
  return data(result.body, { status: result.status });
}

export default function AdminUsersRoute() {
  const { members, invitations, recentMfa, stepUpMinutes, filter } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MembersPage
      overview={{ members, invitations }}
      recentMfa={recentMfa}
      filter={filter}
      stepUpMinutes={stepUpMinutes}
      actionData={actionData}
    />
  );
}
